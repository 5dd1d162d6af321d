// A small PhD-programme world for the round and quota tests: a programme of its own (so round years
// never meet other test files' rounds), an officer, reviewers, training units with staff (signed in
// for real), and rounds whose calendar starts a chosen number of days from now.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import type { Viewer } from "../../app/auth/session.server";
import { saveQuotaApplication, type QuotaPlanInput } from "../../app/placement/quota-applications.server";
import { createRound, openRound, type RoundInput } from "../../app/placement/rounds.server";
import { makeUser, signedIn, unique } from "../auth/support";

export const IP = "192.0.2.66";
export const DAY = 86_400_000;

export async function makeProgramme(db: Database) {
  const tag = unique();
  const [programme] = await db
    .insert(t.programmes)
    .values({ key: `phd-test-${tag}`, type: "phd_placement", providerZh: "測試辦公室", providerEn: "Test office", titleZh: `測試博士計畫 ${tag}`, titleEn: `Test PhD programme ${tag}`, summaryZh: "測試", summaryEn: "Test", status: "published" })
    .returning();
  return programme!;
}

export async function makePerson(db: Database, roles: Role[], label = roles[0] ?? "person"): Promise<Viewer> {
  const user = await makeUser(db, { label, roles });
  return (await signedIn(db, user.id)).viewer;
}

/** A training unit (approved unless told otherwise) and its staff, each signed in for real. */
export async function makeUnit(db: Database, options: { staff?: number; approval?: "approved" | "pending"; kind?: "training_unit" | "medical_centre" } = {}) {
  const tag = unique();
  const approval = options.approval ?? "approved";
  const [organisation] = await db
    .insert(t.organisations)
    .values({ slug: `unit-${tag}`, kind: options.kind ?? "training_unit", nameZh: `測試培訓單位 ${tag}`, nameEn: `Test Unit ${tag}`, approval, approvedAt: approval === "approved" ? new Date() : null })
    .returning();
  const staff: Viewer[] = [];
  for (let i = 0; i < (options.staff ?? 1); i++) {
    const user = await makeUser(db, { label: `unitstaff${i}`, roles: ["training_unit_staff"] });
    await db.insert(t.memberships).values({ organisationId: organisation!.id, userId: user.id, isOrgAdmin: i === 0 });
    staff.push((await signedIn(db, user.id)).viewer);
  }
  return { organisation: organisation!, staff };
}

let nextYear = 2001;

/**
 * A round's input: unit applications close `startDays` from now, then one step a day, in order. Its
 * criteria are two: plan (weight 60, out of 10) and internship (weight 40, out of 5).
 */
export function roundInput(programmeId: string, startDays = 10, overrides: Partial<RoundInput> = {}): RoundInput {
  const at = (n: number) => new Date(Date.now() + (startDays + n) * DAY);
  return {
    programmeId,
    year: nextYear++,
    titleZh: "測試梯次",
    titleEn: "Test round",
    monthlyStipendNtd: 56_650,
    maxPreferences: 5,
    totalQuota: 10,
    unitApplicationsCloseAt: at(0),
    reviewCloseAt: at(1),
    registrationOpenAt: at(2),
    preferencesCloseAt: at(3),
    interviewsCloseAt: at(4),
    unitRankingCloseAt: at(5),
    matchAt: at(6),
    publishAt: at(7),
    checkInCloseAt: at(8),
    trainingStartsOn: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(at(30)),
    criteria: [
      { key: "plan", labelZh: "培訓計畫", labelEn: "Training plan", weight: 60, maxScore: 10 },
      { key: "internship", labelZh: "業界實習", labelEn: "Internship", weight: 40, maxScore: 5 },
    ],
    ...overrides,
  };
}

export async function makeOpenRound(db: Database, officer: Viewer, programmeId: string, overrides: Partial<RoundInput> = {}) {
  const round = await createRound(db, officer, roundInput(programmeId, 10, overrides), IP);
  return openRound(db, officer, round.id, IP);
}

export const plan = (overrides: Partial<QuotaPlanInput> = {}): QuotaPlanInput => ({
  focus: "drugs",
  planZh: "新藥開發在職訓練。",
  planEn: null,
  courses: "法規科學、臨床試驗設計",
  internshipMonths: 6,
  requestedTrainees: 3,
  partners: [{ name: "示範生技製藥", isMedicalCentre: false }],
  ...overrides,
});

/** The unit's plan, submitted to the round. */
export async function submitPlan(db: Database, staff: Viewer, roundId: string, organisationId: string, overrides: Partial<QuotaPlanInput> = {}) {
  return saveQuotaApplication(db, staff, { roundId, organisationId, expectedVersion: null, submit: true }, plan(overrides), IP);
}

export async function applicationRow(db: Database, id: string) {
  const [row] = await db.select().from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, id));
  return row!;
}
