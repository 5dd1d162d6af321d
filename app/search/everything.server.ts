// The header box's instant results and the results page's overview: the top hits of every kind,
// in one multi-search request.
import type { MultiSearchQuery } from "meilisearch";
import { maxTotalHitsOf } from "../../search/indexes";
import { indexUid, type SearchContext } from "../../search/reindex";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";
import { SearchUnavailable } from "./search.server";

import { searchKinds, type SearchKind } from "./kinds";

export interface KindResult {
  kind: SearchKind;
  total: number;
  hits: Record<string, unknown>[];
}

const highlighted: Record<SearchKind, string[]> = {
  occupations: ["titleZh", "titleEn", "code"],
  skills: ["zh", "en"],
  programmes: ["titleZh", "titleEn"],
  positions: ["title", "organisationZh", "organisationEn"],
};

export async function searchEverything(search: SearchContext, q: string, perKind: number): Promise<KindResult[]> {
  const queries: MultiSearchQuery[] = searchKinds.map((kind) => ({
    indexUid: indexUid(search, kind),
    q,
    limit: perKind,
    attributesToHighlight: highlighted[kind],
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
    ...(kind === "occupations" && !q ? { sort: ["surveyYear:desc", "tableOrder:asc"] } : {}),
  }));
  try {
    const { results } = await search.client.multiSearch({ queries });
    return results.map((result, i) => ({
      kind: searchKinds[i]!,
      total: result.estimatedTotalHits ?? result.totalHits ?? result.hits.length,
      atLeast: (result.estimatedTotalHits ?? 0) >= maxTotalHitsOf(searchKinds[i]!),
      hits: result.hits.map((hit) => ({ ...hit, ...(hit._formatted ?? {}), _formatted: undefined })),
    }));
  } catch (error) {
    throw new SearchUnavailable(`multi-search failed: ${(error as Error).message}`, { cause: error });
  }
}
