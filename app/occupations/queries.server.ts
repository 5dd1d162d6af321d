// Reading shortage occupations, as the surveys report them.
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export interface OccupationFilters {
  survey?: string;
  difficulty?: "easy" | "normal" | "hard";
  overseas?: boolean;
}

export async function listSurveys(db: Database) {
  return db.select().from(t.surveys).orderBy(asc(t.surveys.year));
}

export async function listOccupations(db: Database, filters: OccupationFilters) {
  const where: SQL[] = [];
  if (filters.survey) where.push(eq(t.occupations.surveyKey, filters.survey));
  if (filters.difficulty) where.push(eq(t.occupations.difficulty, filters.difficulty));
  if (filters.overseas) where.push(eq(t.occupations.overseasNeeded, true));
  const rows = await db
    .select({
      id: t.occupations.id,
      surveyKey: t.occupations.surveyKey,
      surveyYear: t.surveys.year,
      code: t.occupations.code,
      titleZh: t.occupations.titleZh,
      titleEn: t.occupations.titleEn,
      minEducation: t.occupations.minEducation,
      experience: t.occupations.experience,
      difficulty: t.occupations.difficulty,
      overseasNeeded: t.occupations.overseasNeeded,
    })
    .from(t.occupations)
    .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(t.surveys.year), asc(t.occupations.tableOrder));
  const skills = await skillsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, skills: skills.get(r.id) ?? [] }));
}

async function skillsOf(db: Database, occupationIds: string[]) {
  const map = new Map<string, { key: string; zh: string; en: string }[]>();
  if (occupationIds.length === 0) return map;
  const rows = await db
    .select({ occupationId: t.occupationSkills.occupationId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en })
    .from(t.occupationSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.occupationSkills.skillKey))
    .where(inArray(t.occupationSkills.occupationId, occupationIds))
    .orderBy(asc(t.occupationSkills.position));
  for (const { occupationId, ...skill } of rows) map.set(occupationId, [...(map.get(occupationId) ?? []), skill]);
  return map;
}

/** One survey's row for an occupation code, with everything its page shows. */
export async function getOccupation(db: Database, surveyKey: string, code: string) {
  const occupation = await db.query.occupations.findFirst({
    where: and(eq(t.occupations.surveyKey, surveyKey), eq(t.occupations.code, code)),
  });
  if (!occupation) return null;
  const [survey] = await db.select().from(t.surveys).where(eq(t.surveys.key, surveyKey));
  const skills = await db
    .select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en, asWritten: t.occupationSkills.asWritten })
    .from(t.occupationSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.occupationSkills.skillKey))
    .where(eq(t.occupationSkills.occupationId, occupation.id))
    .orderBy(asc(t.occupationSkills.position));
  const educationFields = await db
    .select({ code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en, asWritten: t.occupationEducationFields.asWritten })
    .from(t.occupationEducationFields)
    .innerJoin(t.educationFields, eq(t.educationFields.code, t.occupationEducationFields.fieldCode))
    .where(eq(t.occupationEducationFields.occupationId, occupation.id))
    .orderBy(asc(t.occupationEducationFields.position));
  const reasons = await db
    .select({ key: t.shortageReasons.key, zh: t.shortageReasons.zh, en: t.shortageReasons.en, asWritten: t.occupationShortageReasons.asWritten })
    .from(t.occupationShortageReasons)
    .innerJoin(t.shortageReasons, eq(t.shortageReasons.key, t.occupationShortageReasons.reasonKey))
    .where(eq(t.occupationShortageReasons.occupationId, occupation.id))
    .orderBy(asc(t.occupationShortageReasons.position));
  const forecast = await db
    .select()
    .from(t.forecasts)
    .where(eq(t.forecasts.surveyKey, surveyKey))
    .orderBy(asc(t.forecasts.year));
  const otherSurveys = await db
    .select({ surveyKey: t.occupations.surveyKey, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn, year: t.surveys.year })
    .from(t.occupations)
    .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
    .where(eq(t.occupations.code, code));
  const programmes = await db
    .select({ key: t.programmes.key, type: t.programmes.type, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn })
    .from(t.programmeTargetOccupations)
    .innerJoin(t.programmes, eq(t.programmes.id, t.programmeTargetOccupations.programmeId))
    .where(and(eq(t.programmeTargetOccupations.occupationCode, code), eq(t.programmes.status, "published")))
    .orderBy(asc(t.programmes.titleEn));
  if (!survey) return null;
  return {
    occupation,
    survey,
    skills,
    educationFields,
    reasons,
    forecast,
    otherSurveys: otherSurveys.filter((o) => o.surveyKey !== surveyKey),
    programmes,
  };
}
