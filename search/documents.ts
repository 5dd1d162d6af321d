// One toDocument per indexed entity: what search needs, read straight from the database.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import * as t from "../db/schema";
import type { IndexName } from "./indexes";

export type SearchDocument = Record<string, unknown> & { id: string };

export async function occupationDocuments(db: Database): Promise<SearchDocument[]> {
  const rows = await db.query.occupations.findMany({ orderBy: [asc(t.occupations.surveyKey), asc(t.occupations.tableOrder)] });
  const skills = await db
    .select({ occupationId: t.occupationSkills.occupationId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases })
    .from(t.occupationSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.occupationSkills.skillKey))
    .orderBy(asc(t.occupationSkills.position));
  const fields = await db
    .select({ occupationId: t.occupationEducationFields.occupationId, code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en })
    .from(t.occupationEducationFields)
    .innerJoin(t.educationFields, eq(t.educationFields.code, t.occupationEducationFields.fieldCode))
    .orderBy(asc(t.occupationEducationFields.position));
  return rows.map((o) => {
    const mine = skills.filter((s) => s.occupationId === o.id);
    const myFields = fields.filter((f) => f.occupationId === o.id);
    return {
      id: o.id,
      kind: "occupation",
      surveyKey: o.surveyKey,
      code: o.code,
      tableOrder: o.tableOrder,
      titleZh: o.titleZh,
      titleEn: o.titleEn,
      descriptionZh: o.descriptionZh,
      descriptionEn: o.descriptionEn,
      minEducation: o.minEducation,
      experience: o.experience,
      difficulty: o.difficulty,
      overseasNeeded: o.overseasNeeded,
      skillKeys: mine.map((s) => s.key),
      skillsZh: mine.map((s) => s.zh),
      skillsEn: mine.map((s) => s.en),
      skillAliases: mine.flatMap((s) => s.aliases),
      educationFieldCodes: myFields.map((f) => f.code),
      educationFieldsZh: myFields.map((f) => f.zh),
      educationFieldsEn: myFields.map((f) => f.en),
    };
  });
}

export async function programmeDocuments(db: Database): Promise<SearchDocument[]> {
  const rows = await db.query.programmes.findMany({ where: eq(t.programmes.status, "published") });
  const skills = await db
    .select({ programmeId: t.programmeSkills.programmeId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases })
    .from(t.programmeSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.programmeSkills.skillKey));
  const rules = await db.select().from(t.programmeRules).orderBy(asc(t.programmeRules.position));
  const targets = await db.select().from(t.programmeTargetOccupations);
  return rows.map((p) => {
    const mine = skills.filter((s) => s.programmeId === p.id);
    const myRules = rules.filter((r) => r.programmeId === p.id);
    return {
      id: p.id,
      kind: "programme",
      key: p.key,
      type: p.type,
      status: p.status,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      summaryZh: p.summaryZh,
      summaryEn: p.summaryEn,
      providerZh: p.providerZh,
      providerEn: p.providerEn,
      rulesZh: myRules.map((r) => r.zh),
      rulesEn: myRules.map((r) => r.en),
      skillKeys: mine.map((s) => s.key),
      skillsZh: mine.map((s) => s.zh),
      skillsEn: mine.map((s) => s.en),
      skillAliases: mine.flatMap((s) => s.aliases),
      targetOccupationCodes: targets.filter((x) => x.programmeId === p.id).map((x) => x.occupationCode),
    };
  });
}

export const documentsFor: Record<IndexName, (db: Database) => Promise<SearchDocument[]>> = {
  occupations: occupationDocuments,
  programmes: programmeDocuments,
};
