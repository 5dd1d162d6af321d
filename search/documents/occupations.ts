import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { SearchDocument } from ".";
import { groupBy } from "./group";

export async function occupationDocuments(db: Database, ids?: string[]): Promise<SearchDocument[]> {
  const where: SQL[] = ids ? [inArray(t.occupations.id, ids)] : [];
  const rows = await db
    .select({ o: t.occupations, surveyYear: t.surveys.year })
    .from(t.occupations)
    .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
    .where(and(...where))
    .orderBy(asc(t.occupations.surveyKey), asc(t.occupations.tableOrder));
  const occupationIds = rows.map((r) => r.o.id);
  if (occupationIds.length === 0) return [];
  const skills = await db
    .select({ occupationId: t.occupationSkills.occupationId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases })
    .from(t.occupationSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.occupationSkills.skillKey))
    .where(inArray(t.occupationSkills.occupationId, occupationIds))
    .orderBy(asc(t.occupationSkills.position));
  const fields = await db
    .select({ occupationId: t.occupationEducationFields.occupationId, code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en })
    .from(t.occupationEducationFields)
    .innerJoin(t.educationFields, eq(t.educationFields.code, t.occupationEducationFields.fieldCode))
    .where(inArray(t.occupationEducationFields.occupationId, occupationIds))
    .orderBy(asc(t.occupationEducationFields.position));
  const skillsOf = groupBy(skills, (s) => s.occupationId);
  const fieldsOf = groupBy(fields, (f) => f.occupationId);
  return rows.map(({ o, surveyYear }) => {
    const mine = skillsOf.get(o.id) ?? [];
    const myFields = fieldsOf.get(o.id) ?? [];
    return {
      id: o.id,
      kind: "occupation",
      surveyKey: o.surveyKey,
      surveyYear,
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
      icapLevel: o.icapLevel,
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
