// The results page's data: an overview of every kind, or one kind with facets and pages.
import type { Services } from "../../server/services";
import { searchEverything, type KindResult } from "./everything.server";
import type { SearchKind } from "./kinds";
import { fallbackSearch } from "./fallback.server";
import { searchIndex, SearchUnavailable } from "./search.server";

export const PAGE_SIZE = 10;

export const facetsOf: Record<SearchKind, string[]> = {
  occupations: ["surveyKey", "difficulty", "overseasNeeded", "minEducation", "experience"],
  skills: [],
  programmes: ["type"],
  positions: ["city", "openToOverseas", "minEducation"],
};

const retrieveOf: Record<SearchKind, string[]> = {
  occupations: ["id", "surveyKey", "code", "titleZh", "titleEn", "skillsZh", "skillsEn", "difficulty", "overseasNeeded"],
  skills: ["id", "key", "zh", "en", "aliases", "occupationCodes"],
  programmes: ["id", "key", "type", "titleZh", "titleEn", "summaryZh", "summaryEn"],
  positions: ["id", "title", "organisationZh", "organisationEn", "city", "openToOverseas"],
};

const highlightOf: Record<SearchKind, string[]> = {
  occupations: ["titleZh", "titleEn", "code", "skillsZh", "skillsEn"],
  skills: ["zh", "en", "aliases"],
  programmes: ["titleZh", "titleEn", "summaryZh", "summaryEn"],
  positions: ["title", "organisationZh", "organisationEn", "city"],
};

export type FacetSelection = Record<string, string[]>;

export type PageData =
  | { mode: "overview"; groups: KindResult[]; degraded: boolean }
  | { mode: "kind"; kind: SearchKind; result: KindResult; facets: Record<string, Record<string, number>>; page: number; pages: number; degraded: boolean };

export async function searchPage(services: Services, q: string, kind: SearchKind | "all", selection: FacetSelection, page: number): Promise<PageData> {
  try {
    if (kind === "all") return { mode: "overview", groups: await searchEverything(services.search, q, 5), degraded: false };
    const filters = Object.fromEntries(
      Object.entries(selection).map(([field, values]) => [field, values.map((v) => (v === "true" ? true : v === "false" ? false : v))]),
    );
    const result = await searchIndex<Record<string, unknown>>(services.search, kind, {
      q,
      filters,
      facets: facetsOf[kind],
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      highlight: highlightOf[kind],
      retrieve: retrieveOf[kind],
      sort: kind === "occupations" && !q ? ["surveyYear:desc", "tableOrder:asc"] : undefined,
    });
    const hits = result.hits.map((hit) => ({ ...hit, ...((hit._formatted as object | undefined) ?? {}), _formatted: undefined }));
    return {
      mode: "kind",
      kind,
      result: { kind, total: result.total, hits },
      facets: result.facets,
      page,
      pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      degraded: false,
    };
  } catch (error) {
    if (!(error instanceof SearchUnavailable)) throw error;
    return { mode: "overview", groups: await fallbackSearch(services.db, q, 20), degraded: true };
  }
}
