// Programmes and skills for the public API, searched in Meilisearch.
import type { z } from "zod";
import type * as t from "../../db/schema";
import type { SearchContext } from "../../search/reindex";
import { searchIndex } from "../search/search.server";
import type { programmeApiParams, skillApiParams } from "./params";

/** The fields of a programmes-index document the API reads (search/documents/programmes.ts). */
interface ProgrammeDocument extends Record<string, unknown> {
  key: string;
  type: (typeof t.programmes.$inferSelect)["type"];
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  providerZh: string;
  providerEn: string;
  skillKeys: string[];
  skillsZh: string[];
  skillsEn: string[];
  targetOccupationCodes: string[];
}

/** The fields of a skills-index document the API reads (search/documents/skills.ts). */
interface SkillDocument extends Record<string, unknown> {
  key: string;
  zh: string;
  en: string;
  aliases: string[];
  occupationCodes: string[];
  programmeKeys: string[];
}

export async function searchProgrammes(search: SearchContext, params: z.output<typeof programmeApiParams>) {
  const result = await searchIndex<ProgrammeDocument>(search, "programmes", {
    q: params.q,
    filters: { type: params.type },
    limit: params.limit,
    offset: params.offset,
    sort: params.q === "" ? ["titleEn:asc"] : undefined,
  });
  const hits = result.hits.map((doc) => ({
    key: doc.key,
    type: doc.type,
    title: doc.titleZh,
    titleEn: doc.titleEn,
    summary: doc.summaryZh,
    summaryEn: doc.summaryEn,
    provider: doc.providerZh,
    providerEn: doc.providerEn,
    skills: (doc.skillKeys ?? []).map((key, i) => ({ key, zh: doc.skillsZh?.[i] ?? "", en: doc.skillsEn?.[i] ?? "" })),
    targetOccupationCodes: doc.targetOccupationCodes ?? [],
    url: `/programmes/${encodeURIComponent(doc.key)}`,
  }));
  return { hits, total: result.total, limit: params.limit, offset: params.offset };
}

export async function searchSkills(search: SearchContext, params: z.output<typeof skillApiParams>) {
  const result = await searchIndex<SkillDocument>(search, "skills", {
    q: params.q,
    limit: params.limit,
    offset: params.offset,
    // Without a query: the skills most occupations ask for first.
    sort: params.q === "" ? ["occupationCount:desc"] : undefined,
  });
  const hits = result.hits.map((doc) => ({
    key: doc.key,
    zh: doc.zh,
    en: doc.en,
    aliases: doc.aliases ?? [],
    occupationCodes: doc.occupationCodes ?? [],
    programmeKeys: doc.programmeKeys ?? [],
  }));
  return { hits, total: result.total, limit: params.limit, offset: params.offset };
}
