import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { SearchDocument } from ".";
import { groupBy } from "./group";

export async function programmeDocuments(db: Database, ids?: string[]): Promise<SearchDocument[]> {
  const where: SQL[] = [eq(t.programmes.status, "published")];
  if (ids) where.push(inArray(t.programmes.id, ids));
  const rows = await db.select().from(t.programmes).where(and(...where));
  if (rows.length === 0) return [];
  const programmeIds = rows.map((p) => p.id);
  const skills = await db
    .select({ programmeId: t.programmeSkills.programmeId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases })
    .from(t.programmeSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.programmeSkills.skillKey))
    .where(inArray(t.programmeSkills.programmeId, programmeIds));
  const rules = await db.select().from(t.programmeRules).where(inArray(t.programmeRules.programmeId, programmeIds)).orderBy(asc(t.programmeRules.position));
  const targets = await db.select().from(t.programmeTargetOccupations).where(inArray(t.programmeTargetOccupations.programmeId, programmeIds));
  const skillsOf = groupBy(skills, (s) => s.programmeId);
  const rulesOf = groupBy(rules, (r) => r.programmeId);
  const targetsOf = groupBy(targets, (x) => x.programmeId);
  return rows.map((p) => {
    const mine = skillsOf.get(p.id) ?? [];
    const myRules = rulesOf.get(p.id) ?? [];
    return {
      id: p.id,
      kind: "programme",
      key: p.key,
      type: p.type,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      summaryZh: p.summaryZh,
      summaryEn: p.summaryEn,
      providerZh: p.providerZh,
      providerEn: p.providerEn,
      city: p.city,
      language: p.language,
      rulesZh: myRules.map((r) => r.zh),
      rulesEn: myRules.map((r) => r.en),
      skillKeys: mine.map((s) => s.key),
      skillsZh: mine.map((s) => s.zh),
      skillsEn: mine.map((s) => s.en),
      skillAliases: mine.flatMap((s) => s.aliases),
      targetOccupationCodes: (targetsOf.get(p.id) ?? []).map((x) => x.occupationCode),
    };
  });
}
