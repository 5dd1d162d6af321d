import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { SearchDocument } from ".";
import { groupBy } from "./group";

/** Only published positions of approved organisations are searchable. */
export async function positionDocuments(db: Database, ids?: string[]): Promise<SearchDocument[]> {
  const where: SQL[] = [eq(t.positions.status, "published"), eq(t.organisations.approval, "approved")];
  if (ids) where.push(inArray(t.positions.id, ids));
  const rows = await db
    .select({ p: t.positions, org: t.organisations, occupation: t.occupations })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(and(...where));
  if (rows.length === 0) return [];
  const skills = await db
    .select({ positionId: t.positionSkills.positionId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases })
    .from(t.positionSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.positionSkills.skillKey))
    .where(inArray(t.positionSkills.positionId, rows.map((r) => r.p.id)))
    .orderBy(asc(t.positionSkills.position));
  const skillsOf = groupBy(skills, (s) => s.positionId);
  return rows.map(({ p, org, occupation }) => {
    const mine = skillsOf.get(p.id) ?? [];
    return {
      id: p.id,
      kind: "position",
      title: p.title,
      description: p.description,
      city: p.city,
      organisationId: org.id,
      organisationZh: org.nameZh,
      organisationEn: org.nameEn,
      occupationCode: occupation.code,
      surveyKey: occupation.surveyKey,
      occupationTitleZh: occupation.titleZh,
      occupationTitleEn: occupation.titleEn,
      minEducation: p.minEducation,
      experience: p.experience,
      salaryMinNtd: p.salaryMinNtd,
      salaryMaxNtd: p.salaryMaxNtd,
      openToOverseas: p.openToOverseas,
      supportsWorkPermit: p.supportsWorkPermit,
      workingLanguages: p.workingLanguages,
      publishedAt: p.publishedAt ? p.publishedAt.getTime() : null,
      skillKeys: mine.map((s) => s.key),
      skillsZh: mine.map((s) => s.zh),
      skillsEn: mine.map((s) => s.en),
      skillAliases: mine.flatMap((s) => s.aliases),
      isDemo: p.isDemo,
    };
  });
}
