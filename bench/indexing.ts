// Indexing for the benchmark: the portal's own reindex() first. If it fails (at 100,000 positions
// it does: see the report it prints), the same documents are built with the portal's loaders in
// id chunks and indexed the same way (build index, settings, batches of BATCH_SIZE, swap), so the
// search that is measured runs over exactly the documents and settings the portal would produce.
// One difference: the fallback enqueues every batch and waits once at the end, so Meilisearch
// batches them itself and loading overlaps indexing (waiting after each batch took ~2x as long).
import { asc, eq } from "drizzle-orm";
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { Database } from "../db/client";
import * as t from "../db/schema";
import { documentsFor, type SearchDocument } from "../search/documents";
import { indexSettings, type IndexName } from "../search/indexes";
import { BATCH_SIZE, indexUid, reindex, settle, type SearchContext } from "../search/reindex";

/** Ids per loader call: keeps the loaders' IN lists and per-row filtering small. */
const LOADER_CHUNK = 2_000;

export interface IndexOutcome {
  ms: number;
  /** Fallback only: time spent in the portal's document loaders, and waiting for Meilisearch after the last one. */
  loadMs?: number;
  waitMs?: number;
  documents: number;
  via: "portal reindex()" | "chunked fallback";
  portalError?: string;
  portalMs?: number;
}

export async function indexForBench(
  db: Database,
  search: SearchContext,
  name: Extract<IndexName, "positions" | "talents">,
  progress: (line: string) => void,
): Promise<IndexOutcome> {
  const started = performance.now();
  try {
    await reindex(db, search, name, (_index, done, total) => {
      if (done > 0) progress(`${name}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} indexed (${seconds(started)} s)`);
    });
    const stats = await search.client.index(indexUid(search, name)).getStats();
    return { ms: performance.now() - started, documents: stats.numberOfDocuments, via: "portal reindex()" };
  } catch (error) {
    const portalMs = performance.now() - started;
    const portalError = describe(error);
    progress(`${name}: portal reindex() FAILED after ${(portalMs / 1000).toFixed(1)} s: ${portalError}`);
    progress(`${name}: falling back to the portal's loaders in chunks of ${LOADER_CHUNK.toLocaleString("en")} ids`);
    const fallbackStarted = performance.now();
    const { documents, loadMs, waitMs } = await chunkedReindex(db, search, name, (done, total) =>
      progress(`${name}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} loaded and enqueued (${seconds(fallbackStarted)} s)`),
    );
    return { ms: performance.now() - fallbackStarted, loadMs, waitMs, documents, via: "chunked fallback", portalError, portalMs };
  }
}

async function candidateIds(db: Database, name: "positions" | "talents"): Promise<string[]> {
  if (name === "positions") {
    const rows = await db.select({ id: t.positions.id }).from(t.positions).where(eq(t.positions.status, "published")).orderBy(asc(t.positions.id));
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: t.talentProfiles.userId })
    .from(t.talentProfiles)
    .where(eq(t.talentProfiles.visibility, "approved_companies"))
    .orderBy(asc(t.talentProfiles.userId));
  return rows.map((r) => r.id);
}

async function chunkedReindex(
  db: Database,
  search: SearchContext,
  name: "positions" | "talents",
  onProgress: (done: number, total: number) => void,
): Promise<{ documents: number; loadMs: number; waitMs: number }> {
  const live = indexUid(search, name);
  const build = `${live}__bench_${Date.now()}`;
  const started = performance.now();
  const ids = await candidateIds(db, name);
  await settle(search.client.createIndex(build, { primaryKey: "id" }));
  let enqueued = 0;
  let loadMs = 0;
  let waitMs = 0;
  try {
    await settle(search.client.index(build).updateSettings(indexSettings[name]));
    const tasks: EnqueuedTaskPromise[] = [];
    let pending: SearchDocument[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const task = search.client.index(build).addDocuments(pending, { primaryKey: "id" });
      task.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
      tasks.push(task);
      enqueued += pending.length;
      pending = [];
      onProgress(enqueued, ids.length);
    };
    for (let start = 0; start < ids.length; start += LOADER_CHUNK) {
      pending.push(...(await documentsFor[name](db, ids.slice(start, start + LOADER_CHUNK))));
      if (pending.length >= BATCH_SIZE) flush();
    }
    flush();
    loadMs = performance.now() - started;
    for (const task of tasks) await settle(task);
    waitMs = performance.now() - started - loadMs;
    if (!(await indexExists(search.client, live))) await settle(search.client.createIndex(live, { primaryKey: "id" }));
    await settle(search.client.swapIndexes([{ indexes: [live, build], rename: false }]));
  } finally {
    await settle(search.client.deleteIndex(build));
  }
  return { documents: enqueued, loadMs, waitMs };
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  const { results } = await client.getIndexes({ limit: 1000 });
  return results.some((index) => index.uid === uid);
}

/** drizzle wraps driver errors as "Failed query: <the whole SQL>"; the cause says what went wrong. */
function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : (error as Error);
  const code = (inner as { code?: string }).code;
  const message = code && !inner.message.startsWith(code) ? `${code}: ${inner.message}` : inner.message;
  return message.split("\n")[0]!.slice(0, 300);
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
