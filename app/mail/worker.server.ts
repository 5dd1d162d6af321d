// Runs drainEmailOutbox in the background: promptly after a write (wake()), and every few seconds
// so retries happen while nobody writes. The same shape as search/sync-worker.ts.
import type { Database } from "../../db/client";
import { BATCH, drainEmailOutbox, pruneEmailOutbox, type MailDrainResult, type MailTransport } from "./delivery.server";

export interface MailWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startMailWorker(
  db: Database,
  transport: MailTransport,
  options: { intervalMs?: number; onResult?: (result: MailDrainResult) => void; onError?: (error: unknown) => void } = {},
): MailWorker {
  const intervalMs = options.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let rounds = 0;

  const tick = () => {
    // At most one run waiting behind the current one: wakes during a run collapse into it.
    if (stopped || queued) return;
    queued = true;
    clearTimeout(timer);
    running = running.then(async () => {
      queued = false;
      if (stopped) return;
      try {
        let result: MailDrainResult;
        // Keep draining while full batches go out without failures.
        do {
          result = await drainEmailOutbox(db, transport);
          if (result.sent + result.retrying + result.failed > 0) options.onResult?.(result);
        } while (!stopped && result.sent >= BATCH && result.retrying + result.failed === 0);
        if (++rounds % 1_000 === 0) await pruneEmailOutbox(db);
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
