// Full rebuild of the search indexes from the database. Each index is built under a temporary
// name and swapped in whole, so search never serves a half-built index.
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { Database } from "../db/client";
import { documentsFor } from "./documents";
import { indexNames, indexSettings, type IndexName } from "./indexes";

export interface SearchContext {
  client: Meilisearch;
  /** Prefix for every index uid, so several portals (or test runs) can share one server. */
  prefix: string;
}

export const BATCH_SIZE = 10_000;
export type ReindexProgress = (index: IndexName, done: number, total: number) => void;

export const indexUid = (search: SearchContext, name: IndexName) => `${search.prefix}${name}`;

/** Waits for a Meilisearch task and throws if it did not succeed. */
export async function settle(task: EnqueuedTaskPromise): Promise<void> {
  const result = await task.waitTask({ timeout: 120_000, interval: 25 });
  if (result.status !== "succeeded") {
    throw new Error(`Meilisearch task ${result.uid} (${result.type}) ${result.status}: ${result.error?.message ?? "no detail"}`);
  }
}

export async function reindexAll(db: Database, search: SearchContext, onProgress: ReindexProgress = () => {}) {
  for (const name of indexNames) await reindex(db, search, name, onProgress);
}

export async function reindex(db: Database, search: SearchContext, name: IndexName, onProgress: ReindexProgress = () => {}) {
  const live = indexUid(search, name);
  const build = `${live}__build_${Date.now()}`;
  const documents = await documentsFor[name](db);
  await settle(search.client.createIndex(build, { primaryKey: "id" }));
  try {
    await settle(search.client.index(build).updateSettings(indexSettings[name]));
    onProgress(name, 0, documents.length);
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      const batch = documents.slice(start, start + BATCH_SIZE);
      await settle(search.client.index(build).addDocuments(batch, { primaryKey: "id" }));
      onProgress(name, start + batch.length, documents.length);
    }
    if (!(await indexExists(search.client, live))) await settle(search.client.createIndex(live, { primaryKey: "id" }));
    await settle(search.client.swapIndexes([{ indexes: [live, build], rename: false }]));
  } finally {
    // After the swap the build name holds the old index; before it, a failed build. Either way it goes.
    await settle(search.client.deleteIndex(build));
  }
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  const { results } = await client.getIndexes({ limit: 1000 });
  return results.some((index) => index.uid === uid);
}
