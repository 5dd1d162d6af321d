// Writes the transcribed survey and programme data into the database: an idempotent upsert in
// one transaction, so a crash mid-way leaves the previous data intact and a rerun changes nothing.
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import * as t from "../db/schema";
import type { ProgrammeSeed, SurveySeed } from "./format";
import type { SurveyData } from "./read";

export type Progress = (step: string, done: number, total: number) => void;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export const SEED_HASH_KEY = "seed:survey-data";

export async function loadSurveyData(db: Database, data: SurveyData, onProgress: Progress = () => {}) {
  const total = data.surveys.length + data.programmes.length + 1;
  let done = 0;
  await db.transaction(async (tx) => {
    await upsertVocabularies(tx, data);
    onProgress("vocabularies", ++done, total);
    for (const survey of data.surveys) {
      await upsertSurvey(tx, survey);
      onProgress(`survey ${survey.key}`, ++done, total);
    }
    for (const programme of data.programmes) {
      await upsertProgramme(tx, programme);
      onProgress(`programme ${programme.key}`, ++done, total);
    }
    await tx
      .insert(t.appMeta)
      .values({ key: SEED_HASH_KEY, value: data.hash })
      .onConflictDoUpdate({ target: t.appMeta.key, set: { value: data.hash, updatedAt: sql`now()` } });
  });
}

async function upsertVocabularies(tx: Tx, data: SurveyData) {
  for (const s of data.skills) {
    await tx.insert(t.skills).values(s).onConflictDoUpdate({
      target: t.skills.key,
      set: { zh: s.zh, en: s.en, aliases: s.aliases, updatedAt: sql`now()` },
    });
  }
  for (const f of data.educationFields) {
    await tx.insert(t.educationFields).values(f).onConflictDoUpdate({
      target: t.educationFields.code,
      set: { zh: f.zh, en: f.en, updatedAt: sql`now()` },
    });
  }
  for (const r of data.shortageReasons) {
    await tx.insert(t.shortageReasons).values(r).onConflictDoUpdate({
      target: t.shortageReasons.key,
      set: { zh: r.zh, en: r.en, aliases: r.aliases, updatedAt: sql`now()` },
    });
  }
  const codes = [...new Set(data.surveys.flatMap((s) => s.occupations.map((o) => o.code)))];
  if (codes.length > 0) {
    await tx.insert(t.occupationCodes).values(codes.map((code) => ({ code }))).onConflictDoNothing();
  }
}

async function upsertSurvey(tx: Tx, survey: SurveySeed) {
  const row = {
    key: survey.key,
    titleZh: survey.titleZh,
    titleEn: survey.titleEn,
    publisherZh: survey.publisherZh,
    publisherEn: survey.publisherEn,
    year: survey.year,
    forecastFromYear: survey.forecastFromYear,
    forecastToYear: survey.forecastToYear,
    forecastMethodZh: survey.forecastMethodZh,
    forecastMethodEn: survey.forecastMethodEn,
    sourceFile: survey.source.file,
    sourceLocation: survey.source.location,
  };
  const { key: _key, ...update } = row;
  await tx.insert(t.surveys).values(row).onConflictDoUpdate({ target: t.surveys.key, set: { ...update, updatedAt: sql`now()` } });

  // Rows dropped from a data file are removed; their children go with them (cascade).
  const keep = survey.occupations.map((o) => o.code);
  await tx.delete(t.occupations).where(and(eq(t.occupations.surveyKey, survey.key), notInArray(t.occupations.code, keep)));
  // Table order is unique per survey, so move existing rows out of the way before renumbering.
  await tx.update(t.occupations).set({ tableOrder: sql`${t.occupations.tableOrder} + 100000` }).where(eq(t.occupations.surveyKey, survey.key));

  for (const [index, o] of survey.occupations.entries()) {
    const values = {
      surveyKey: survey.key,
      code: o.code,
      tableOrder: index + 1,
      titleZh: o.titleZh,
      titleEn: o.titleEn,
      descriptionZh: o.descriptionZh,
      descriptionEn: o.descriptionEn,
      minEducation: o.minEducation,
      anyEducationField: o.anyEducationField,
      experience: o.experience,
      difficulty: o.difficulty,
      overseasNeeded: o.overseasNeeded,
      icapLevel: o.icapLevel,
      sourceFile: o.source.file,
      sourceLocation: o.source.location,
    };
    const { surveyKey: _s, code: _c, ...update } = values;
    const [saved] = await tx
      .insert(t.occupations)
      .values(values)
      .onConflictDoUpdate({ target: [t.occupations.surveyKey, t.occupations.code], set: { ...update, updatedAt: sql`now()` } })
      .returning({ id: t.occupations.id });
    if (!saved) throw new Error(`Occupation ${o.code} of ${survey.key} was not saved`);
    const occupationId = saved.id;
    await tx.delete(t.occupationSkills).where(eq(t.occupationSkills.occupationId, occupationId));
    await tx.delete(t.occupationEducationFields).where(eq(t.occupationEducationFields.occupationId, occupationId));
    await tx.delete(t.occupationShortageReasons).where(eq(t.occupationShortageReasons.occupationId, occupationId));
    await tx.insert(t.occupationSkills).values(
      o.skills.map((s, i) => ({ occupationId, position: i + 1, skillKey: s.key, asWritten: s.asWritten })),
    );
    if (o.educationFields.length > 0) {
      await tx.insert(t.occupationEducationFields).values(
        o.educationFields.map((f, i) => ({ occupationId, position: i + 1, fieldCode: f.code, asWritten: f.asWritten })),
      );
    }
    await tx.insert(t.occupationShortageReasons).values(
      o.shortageReasons.map((r, i) => ({ occupationId, position: i + 1, reasonKey: r.key, asWritten: r.asWritten })),
    );
  }

  await tx.delete(t.forecasts).where(eq(t.forecasts.surveyKey, survey.key));
  await tx.insert(t.forecasts).values(
    survey.forecast.rows.map((f) => ({
      surveyKey: survey.key,
      ...f,
      sourceFile: survey.forecast.source.file,
      sourceLocation: survey.forecast.source.location,
    })),
  );

  await tx.delete(t.recruitmentDifficultyRows).where(eq(t.recruitmentDifficultyRows.surveyKey, survey.key));
  if (survey.recruitmentDifficulty) {
    const source = survey.recruitmentDifficulty.source;
    await tx.insert(t.recruitmentDifficultyRows).values(
      survey.recruitmentDifficulty.rows.map((r, i) => ({
        surveyKey: survey.key,
        position: i + 1,
        ...r,
        sourceFile: source.file,
        sourceLocation: source.location,
      })),
    );
  }
}

async function upsertProgramme(tx: Tx, p: ProgrammeSeed) {
  const values = {
    key: p.key,
    type: p.type,
    providerZh: p.providerZh,
    providerEn: p.providerEn,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    durationMonths: p.durationMonths,
    monthlyStipendNtd: p.monthlyStipendNtd,
    capacityPerYear: p.capacityPerYear,
    status: "published" as const,
    sourceFile: p.source.file,
    sourceLocation: p.source.location,
  };
  const { key: _key, ...update } = values;
  const [saved] = await tx
    .insert(t.programmes)
    .values(values)
    .onConflictDoUpdate({ target: t.programmes.key, set: { ...update, updatedAt: sql`now()` } })
    .returning({ id: t.programmes.id });
  if (!saved) throw new Error(`Programme ${p.key} was not saved`);
  const programmeId = saved.id;
  await tx.delete(t.programmeRules).where(eq(t.programmeRules.programmeId, programmeId));
  await tx.delete(t.programmeTargets).where(eq(t.programmeTargets.programmeId, programmeId));
  await tx.delete(t.programmeSkills).where(eq(t.programmeSkills.programmeId, programmeId));
  await tx.delete(t.programmeTargetOccupations).where(eq(t.programmeTargetOccupations.programmeId, programmeId));
  await tx.insert(t.programmeRules).values(p.rules.map((r, i) => ({ programmeId, position: i + 1, zh: r.zh, en: r.en })));
  if (p.targets.length > 0) await tx.insert(t.programmeTargets).values(p.targets.map((x) => ({ programmeId, ...x })));
  if (p.skillsTaught.length > 0) {
    await tx.insert(t.programmeSkills).values(p.skillsTaught.map((s) => ({ programmeId, skillKey: s.key, level: s.level })));
  }
  if (p.targetOccupationCodes.length > 0) {
    await tx.insert(t.programmeTargetOccupations).values(p.targetOccupationCodes.map((occupationCode) => ({ programmeId, occupationCode })));
  }
}
