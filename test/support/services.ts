// Opens the run's database and search for one test file (see test/global-setup.ts).
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { createSearchClient } from "../../search/client";
import type { SearchContext } from "../../search/reindex";

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const database = inject("database");
  return openDatabase(database.url ? { url: database.url } : { dataDir: database.dataDir });
}

/** A search context whose index names are unique to the calling test file. */
export function testSearch(label: string): SearchContext {
  const search = inject("search");
  return { client: createSearchClient(search.url, search.key), prefix: `${search.prefix}${label}_` };
}
