// Keeps the indexes in step with Postgres, the source of truth. A write that changes an indexed
// record calls enqueueIndexJobs() in its own transaction; the worker drains the queue, loads each
// record as it now is and upserts it, or deletes it from the index when it no longer qualifies.
// While Meilisearch is down, jobs wait and are retried with backoff, so nothing is lost.
import { and, asc, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import * as t from "../db/schema";
import { documentsFor } from "./documents";
import { indexNames, type IndexName } from "./indexes";
import { indexUid, settle, type SearchContext } from "./reindex";

type Writer = Pick<Database, "insert">;
export interface IndexJob {
  index: IndexName;
  id: string;
  op?: "upsert" | "delete";
}

export async function enqueueIndexJobs(tx: Writer, jobs: IndexJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.insert(t.searchJobs).values(jobs.map((j) => ({ indexName: j.index, documentId: j.id, op: j.op ?? "upsert" })));
}

const LEASE_SECONDS = 60;
const BATCH = 500;
/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export const backoffSeconds = (attempts: number) => Math.min(300, 2 ** Math.max(0, attempts - 1));

export interface DrainResult {
  synced: number;
  failed: number;
  error?: string;
}

/** Processes the jobs that are due, once. Safe to run in several processes (rows are leased). */
export async function drainSearchJobs(db: Database, search: SearchContext): Promise<DrainResult> {
  const claimed = await db
    .update(t.searchJobs)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})`, attempts: sql`${t.searchJobs.attempts} + 1` })
    .where(
      inArray(
        t.searchJobs.id,
        db
          .select({ id: t.searchJobs.id })
          .from(t.searchJobs)
          .where(and(isNull(t.searchJobs.doneAt), lte(t.searchJobs.nextAttemptAt, sql`now()`)))
          .orderBy(asc(t.searchJobs.createdAt))
          .limit(BATCH)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();
  if (claimed.length === 0) return { synced: 0, failed: 0 };

  let synced = 0;
  let failed = 0;
  let lastError: string | undefined;
  for (const index of indexNames) {
    const jobs = claimed.filter((j) => j.indexName === index);
    if (jobs.length === 0) continue;
    const ids = [...new Set(jobs.map((j) => j.documentId))];
    try {
      await syncDocuments(db, search, index, ids);
      await db.update(t.searchJobs).set({ doneAt: sql`now()`, lastError: null }).where(inArray(t.searchJobs.id, jobs.map((j) => j.id)));
      synced += jobs.length;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      failed += jobs.length;
      for (const job of jobs) {
        await db
          .update(t.searchJobs)
          .set({ lastError, nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(job.attempts)})` })
          .where(inArray(t.searchJobs.id, [job.id]));
      }
    }
  }
  return { synced, failed, error: lastError };
}

async function syncDocuments(db: Database, search: SearchContext, index: IndexName, ids: string[]) {
  const documents = await documentsFor[index](db, ids);
  const present = new Set(documents.map((d) => d.id));
  const gone = ids.filter((id) => !present.has(id));
  const target = search.client.index(indexUid(search, index));
  if (documents.length > 0) await settle(target.addDocuments(documents, { primaryKey: "id" }));
  if (gone.length > 0) await settle(target.deleteDocuments(gone));
}

/** Jobs not yet done: what the index still lacks. */
export async function pendingIndexJobs(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(t.searchJobs).where(isNull(t.searchJobs.doneAt));
  return row?.n ?? 0;
}

/** Done jobs are kept a day for diagnosis, then removed. */
export async function pruneDoneJobs(db: Database): Promise<void> {
  await db.delete(t.searchJobs).where(lt(t.searchJobs.doneAt, sql`now() - interval '1 day'`));
}
