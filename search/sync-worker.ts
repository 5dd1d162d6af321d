// Runs drainSearchJobs in the background (db/outbox-worker.ts): promptly after a write (wake()),
// and every few seconds so retries happen while nobody writes.
import type { Database } from "../db/client";
import { startOutboxWorker, type OutboxWorker } from "../db/outbox-worker";
import type { SearchContext } from "./reindex";
import { drainSearchJobs, pruneDoneJobs, type DrainResult } from "./sync";

export type SyncWorker = OutboxWorker;

export function startSyncWorker(
  db: Database,
  search: SearchContext,
  options: { intervalMs?: number; onResult?: (result: DrainResult) => void; onError?: (error: unknown) => void } = {},
): SyncWorker {
  return startOutboxWorker({
    drain: () => drainSearchJobs(db, search),
    // Keep draining while full batches come back without failures.
    again: (result) => result.synced >= 500 && result.failed === 0,
    onResult: (result) => {
      if (result.synced + result.failed > 0) options.onResult?.(result);
    },
    onError: options.onError,
    prune: () => pruneDoneJobs(db),
    intervalMs: options.intervalMs ?? 2_000,
  });
}
