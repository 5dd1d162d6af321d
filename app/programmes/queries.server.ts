// Reading the published training programmes.
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

import type { ProgrammeType } from "./types";

export async function listProgrammes(db: Database, filters: { type?: ProgrammeType } = {}) {
  const where: SQL[] = [eq(t.programmes.status, "published")];
  if (filters.type) where.push(eq(t.programmes.type, filters.type));
  return db
    .select({
      key: t.programmes.key,
      type: t.programmes.type,
      titleZh: t.programmes.titleZh,
      titleEn: t.programmes.titleEn,
      summaryZh: t.programmes.summaryZh,
      summaryEn: t.programmes.summaryEn,
      providerZh: t.programmes.providerZh,
      providerEn: t.programmes.providerEn,
    })
    .from(t.programmes)
    .where(and(...where))
    .orderBy(asc(t.programmes.type), asc(t.programmes.titleEn));
}

export async function getProgramme(db: Database, key: string) {
  const programme = await db.query.programmes.findFirst({
    where: and(eq(t.programmes.key, key), eq(t.programmes.status, "published")),
  });
  if (!programme) return null;
  const rules = await db.select().from(t.programmeRules).where(eq(t.programmeRules.programmeId, programme.id)).orderBy(asc(t.programmeRules.position));
  const targets = await db.select().from(t.programmeTargets).where(eq(t.programmeTargets.programmeId, programme.id)).orderBy(asc(t.programmeTargets.metric), asc(t.programmeTargets.year));
  const skills = await db
    .select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en, level: t.programmeSkills.level })
    .from(t.programmeSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.programmeSkills.skillKey))
    .where(eq(t.programmeSkills.programmeId, programme.id))
    .orderBy(asc(t.skills.key));
  // Each targeted code links to its row in the most recent survey that has it.
  const occupations = await db
    .selectDistinctOn([t.occupations.code], {
      code: t.occupations.code,
      surveyKey: t.occupations.surveyKey,
      titleZh: t.occupations.titleZh,
      titleEn: t.occupations.titleEn,
    })
    .from(t.programmeTargetOccupations)
    .innerJoin(t.occupations, eq(t.occupations.code, t.programmeTargetOccupations.occupationCode))
    .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
    .where(eq(t.programmeTargetOccupations.programmeId, programme.id))
    .orderBy(asc(t.occupations.code), desc(t.surveys.year));
  return { programme, rules, targets, skills, occupations };
}
