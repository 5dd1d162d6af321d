// Runs drainSearchJobs in the background: promptly after a write (wake()), and every few seconds
// so retries happen while nobody writes.
import type { Database } from "../db/client";
import type { SearchContext } from "./reindex";
import { drainSearchJobs, pruneDoneJobs, type DrainResult } from "./sync";

export interface SyncWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startSyncWorker(
  db: Database,
  search: SearchContext,
  options: { intervalMs?: number; onResult?: (result: DrainResult) => void; onError?: (error: unknown) => void } = {},
): SyncWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let rounds = 0;

  let queued = false;

  const tick = () => {
    // At most one run waiting behind the current one: wakes during a run collapse into it.
    if (stopped || queued) return;
    queued = true;
    clearTimeout(timer);
    running = running.then(async () => {
      queued = false;
      if (stopped) return;
      try {
        let result: DrainResult;
        // Keep draining while full batches come back without failures.
        do {
          result = await drainSearchJobs(db, search);
          if (result.synced + result.failed > 0) options.onResult?.(result);
        } while (!stopped && result.synced >= 500 && result.failed === 0);
        if (++rounds % 1_000 === 0) await pruneDoneJobs(db);
      } catch (error) {
        options.onError?.(error);
      }
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    wake: () => tick(),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
