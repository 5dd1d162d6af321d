// What the round form needs from the server: its first values (a new round's, or a draft's saved ones)
// and the domain input made from a valid submission.
import { deadlineColumns, deadlineKeys, toTaipeiLocal } from "./calendar";
import { DEFAULT_MONTHLY_STIPEND_NTD, filledCriteria, type RoundFormDefaults, type RoundFormValue } from "./round-schema";
import type { RoundInput, RoundView } from "./rounds.server";

/**
 * Criteria a new round starts with, for the office to edit: the report asks the office to set review
 * principles (明訂審查原則) without listing them, so these follow what it asks of a unit's plan
 * (courses, at least 6 months of internship with partners, 2/3 of graduates into industry).
 */
const suggestedCriteria = [
  { key: "plan", labelZh: "培訓計畫完整性與可行性", labelEn: "Training plan: completeness and feasibility", weight: "30", maxScore: "10" },
  { key: "internship", labelZh: "業界實習安排（合作廠商、醫學中心）", labelEn: "Industry internship (partner companies, medical centres)", weight: "30", maxScore: "10" },
  { key: "employment", labelZh: "就業輔導規劃", labelEn: "Employment support plan", weight: "25", maxScore: "10" },
  { key: "capacity", labelZh: "培訓單位能量與過往績效", labelEn: "The unit's capacity and track record", weight: "15", maxScore: "10" },
];

export function newRoundDefaults(programmeId: string | undefined, now: Date = new Date()): RoundFormDefaults {
  const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei", year: "numeric" }).format(now)) + 1;
  return {
    programmeId,
    year: String(year),
    titleZh: "",
    titleEn: "",
    monthlyStipendNtd: String(DEFAULT_MONTHLY_STIPEND_NTD),
    maxPreferences: "5",
    // Section 五 of 002: 100 trainees a year.
    totalQuota: "100",
    trainingStartsOn: "",
    criteria: suggestedCriteria,
  };
}

export function roundDefaults({ round, criteria }: RoundView): RoundFormDefaults {
  return {
    programmeId: round.programmeId,
    year: String(round.year),
    titleZh: round.titleZh,
    titleEn: round.titleEn,
    monthlyStipendNtd: String(round.monthlyStipendNtd),
    maxPreferences: String(round.maxPreferences),
    totalQuota: String(round.totalQuota),
    ...Object.fromEntries(deadlineKeys.map((key) => [deadlineColumns[key], toTaipeiLocal(round[deadlineColumns[key]])])),
    trainingStartsOn: round.trainingStartsOn,
    criteria: criteria.map((c) => ({ key: c.key, labelZh: c.labelZh, labelEn: c.labelEn, weight: String(c.weight), maxScore: String(c.maxScore) })),
  };
}

export function toRoundInput({ criteria, ...rest }: RoundFormValue): RoundInput {
  return { ...rest, criteria: filledCriteria(criteria) };
}
