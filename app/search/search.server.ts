// What the portal's search box, results page and public API ask of Meilisearch. Queries and
// filters arrive validated (see params.ts); Meilisearch errors never reach the user as text.
import type { SearchParams, SearchResponse } from "meilisearch";
import { maxTotalHitsOf, type IndexName } from "../../search/indexes";
import { indexUid, type SearchContext } from "../../search/reindex";
import { buildFilter, type FilterValue } from "./filters";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";

export class SearchUnavailable extends Error {}

export interface SearchRequest {
  q: string;
  filters?: Record<string, FilterValue | FilterValue[] | undefined>;
  /** Numeric lower bounds, e.g. { yearsExperience: 3 }. */
  atLeast?: Record<string, number | undefined>;
  facets?: string[];
  limit?: number;
  offset?: number;
  /** Wrap matches in <mark> for these attributes (escaped by Meilisearch's own rules: see highlight.ts). */
  highlight?: string[];
  sort?: string[];
  /** Only these fields come back (smaller responses are markedly faster under load). */
  retrieve?: string[];
}

export interface SearchResult<T> {
  hits: T[];
  total: number;
  /** The index stops counting at its cap (search/indexes.ts): there are at least `total` hits. */
  atLeast: boolean;
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

export async function searchIndex<T extends Record<string, unknown>>(
  search: SearchContext,
  index: IndexName,
  request: SearchRequest,
): Promise<SearchResult<T>> {
  const params: SearchParams = {
    limit: request.limit ?? 20,
    offset: request.offset ?? 0,
    filter: combineFilters(request),
    facets: request.facets,
    sort: request.sort,
    attributesToRetrieve: request.retrieve,
    attributesToHighlight: request.highlight,
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
  };
  let response: SearchResponse<T>;
  try {
    response = await search.client.index(indexUid(search, index)).search<T>(request.q, params);
  } catch (error) {
    throw new SearchUnavailable(`search on ${index} failed: ${(error as Error).message}`, { cause: error });
  }
  const total = response.estimatedTotalHits ?? response.totalHits ?? response.hits.length;
  return {
    hits: response.hits,
    total,
    atLeast: total >= maxTotalHitsOf(index),
    facets: (response.facetDistribution ?? {}) as Record<string, Record<string, number>>,
    processingTimeMs: response.processingTimeMs,
  };
}

function combineFilters(request: SearchRequest): string | undefined {
  const parts = [request.filters ? buildFilter(request.filters) : undefined];
  for (const [field, minimum] of Object.entries(request.atLeast ?? {})) {
    if (minimum === undefined) continue;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(field) || !Number.isFinite(minimum)) throw new Error(`Invalid lower bound ${field}`);
    parts.push(`${field} >= ${minimum}`);
  }
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length > 0 ? present.join(" AND ") : undefined;
}
