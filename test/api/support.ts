// Shared by the API tests: the run's database, search indexes built under this file's own prefix,
// and a way to call a route module's loader or action the way Remix does.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createSearchClient } from "../../search/client";
import { indexNames } from "../../search/indexes";
import { indexUid, reindexAll, type SearchContext } from "../../search/reindex";
import { openTestDatabase, testSearch } from "../support/services";

export interface ApiServices {
  db: DatabaseHandle["db"];
  search: SearchContext;
}

/** Opens the database and builds every index for `label` before the file's tests; cleans up after. */
export function useApiServices(label: string): () => ApiServices {
  let handle: DatabaseHandle | undefined;
  let search: SearchContext | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
    search = testSearch(label);
    await reindexAll(handle.db, search);
  });
  afterAll(async () => {
    if (search) for (const name of indexNames) await search.client.deleteIndex(indexUid(search, name)).waitTask();
    await handle?.close();
  });
  return () => {
    if (!handle || !search) throw new Error("services are not ready (beforeAll has not run)");
    return { db: handle.db, search };
  };
}

/** A search context nothing listens at: every search fails to connect. */
export const unreachableSearch = (): SearchContext => ({ client: createSearchClient("http://127.0.0.1:1", undefined, 2_000), prefix: "none_" });

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<Response>;

export interface ApiResult {
  status: number;
  headers: Headers;
  // Tests read whatever the endpoint returned.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Calls a loader (GET, HEAD, OPTIONS) or action (anything else) with a request for `path`. */
export async function call(
  fn: unknown,
  path: string,
  services: ApiServices,
  options: { method?: string; params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<ApiResult> {
  const request = new Request(`http://portal.test${path}`, { method: options.method ?? "GET", headers: options.headers });
  const response = await (fn as RouteFunction)({
    request,
    params: options.params ?? {},
    context: { services, cspNonce: "", clientIp: "127.0.0.1", viewer: null },
  } as never);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? null : (JSON.parse(text) as unknown) };
}
