// Shortage occupations for the public API: searched in Meilisearch for lists, read from Postgres
// for one code's full record in every survey that reports it.
import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { SearchContext } from "../../search/reindex";
import { getOccupation } from "../occupations/queries.server";
import { searchIndex } from "../search/search.server";
import { byYearAndScenario, toApiForecastRow } from "./forecasts.server";
import type { occupationApiParams } from "./params";

type Occupation = typeof t.occupations.$inferSelect;

/** The fields of an occupations-index document the API reads (search/documents/occupations.ts). */
interface OccupationDocument extends Record<string, unknown> {
  surveyKey: string;
  surveyYear: number;
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  minEducation: Occupation["minEducation"];
  experience: Occupation["experience"];
  difficulty: Occupation["difficulty"];
  overseasNeeded: boolean;
  icapLevel: number | null;
  skillKeys: string[];
  skillsZh: string[];
  skillsEn: string[];
  educationFieldCodes: string[];
  educationFieldsZh: string[];
  educationFieldsEn: string[];
}

export const occupationUrl = (survey: string, code: string) =>
  `/occupations/${encodeURIComponent(survey)}/${encodeURIComponent(code)}`;

function toListItem(doc: OccupationDocument) {
  return {
    code: doc.code,
    title: doc.titleZh,
    titleEn: doc.titleEn,
    survey: doc.surveyKey,
    surveyYear: doc.surveyYear,
    description: doc.descriptionZh,
    descriptionEn: doc.descriptionEn,
    minEducation: doc.minEducation,
    experience: doc.experience,
    difficulty: doc.difficulty,
    overseasNeeded: doc.overseasNeeded,
    icapLevel: doc.icapLevel ?? null,
    skills: (doc.skillKeys ?? []).map((key, i) => ({ key, zh: doc.skillsZh?.[i] ?? "", en: doc.skillsEn?.[i] ?? "" })),
    educationFields: (doc.educationFieldCodes ?? []).map((code, i) => ({
      code,
      zh: doc.educationFieldsZh?.[i] ?? "",
      en: doc.educationFieldsEn?.[i] ?? "",
    })),
    url: occupationUrl(doc.surveyKey, doc.code),
  };
}

export async function searchOccupations(search: SearchContext, params: z.output<typeof occupationApiParams>) {
  const result = await searchIndex<OccupationDocument>(search, "occupations", {
    q: params.q,
    filters: {
      surveyKey: params.survey,
      difficulty: params.difficulty,
      overseasNeeded: params.overseas,
      minEducation: params.minEducation,
      experience: params.experience,
    },
    limit: params.limit,
    offset: params.offset,
    // Without a query there is no relevance: newest survey first, each in the report's table order.
    sort: params.q === "" ? ["surveyYear:desc", "tableOrder:asc"] : undefined,
  });
  return { hits: result.hits.map(toListItem), total: result.total, limit: params.limit, offset: params.offset };
}

/** One code as every survey reports it, newest survey first; empty when no survey has it. */
export async function occupationInEverySurvey(db: Database, code: string) {
  const found = await db
    .select({ surveyKey: t.occupations.surveyKey })
    .from(t.occupations)
    .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
    .where(eq(t.occupations.code, code))
    .orderBy(desc(t.surveys.year), desc(t.surveys.key));
  const surveys = [];
  for (const { surveyKey } of found) {
    const record = await getOccupation(db, surveyKey, code);
    if (!record) continue;
    const { occupation: o, survey } = record;
    surveys.push({
      code: o.code,
      title: o.titleZh,
      titleEn: o.titleEn,
      survey: survey.key,
      surveyYear: survey.year,
      surveyTitle: survey.titleZh,
      surveyTitleEn: survey.titleEn,
      description: o.descriptionZh,
      descriptionEn: o.descriptionEn,
      minEducation: o.minEducation,
      anyEducationField: o.anyEducationField,
      experience: o.experience,
      difficulty: o.difficulty,
      overseasNeeded: o.overseasNeeded,
      icapLevel: o.icapLevel ?? null,
      skills: record.skills.map(({ key, zh, en }) => ({ key, zh, en })),
      educationFields: record.educationFields.map(({ code: fieldCode, zh, en }) => ({ code: fieldCode, zh, en })),
      shortageReasons: record.reasons.map(({ key, zh, en }) => ({ key, zh, en })),
      forecast: [...record.forecast].sort(byYearAndScenario).map(toApiForecastRow),
      programmes: record.programmes.map((p) => ({
        key: p.key,
        type: p.type,
        title: p.titleZh,
        titleEn: p.titleEn,
        url: `/programmes/${encodeURIComponent(p.key)}`,
      })),
      source: { file: o.sourceFile, location: o.sourceLocation },
      url: occupationUrl(survey.key, o.code),
    });
  }
  return surveys;
}
