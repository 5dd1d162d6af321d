// Full rebuild of the search indexes from the database. Each index is built under a temporary
// name and swapped in whole, so search never serves a half-built index.
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { Database } from "../db/client";
import { documentsFor } from "./documents";
import { qualifyingIds } from "./documents/qualifying";
import { indexNames, indexSettings, type IndexName } from "./indexes";

export interface SearchContext {
  client: Meilisearch;
  /** Prefix for every index uid, so several portals (or test runs) can share one server. */
  prefix: string;
}

/** Records per page read from the database and sent to Meilisearch (well under Postgres's 65,535 parameters). */
export const BATCH_SIZE = 5_000;
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
  const ids = await qualifyingIds[name](db);
  await settle(search.client.createIndex(build, { primaryKey: "id" }));
  try {
    await settle(search.client.index(build).updateSettings(indexSettings[name]));
    onProgress(name, 0, ids.length);
    // Load a page while Meilisearch indexes the previous ones; wait for all tasks at the end.
    const tasks: EnqueuedTaskPromise[] = [];
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      const documents = await documentsFor[name](db, ids.slice(start, start + BATCH_SIZE));
      tasks.push(search.client.index(build).addDocuments(documents, { primaryKey: "id" }));
      await tasks[tasks.length - 1];
      onProgress(name, Math.min(start + BATCH_SIZE, ids.length), ids.length);
    }
    for (const task of tasks) await settle(task);
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
