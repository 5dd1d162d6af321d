// Runs drainEmailOutbox in the background (db/outbox-worker.ts): promptly after a write (wake()),
// and every few seconds so retries happen while nobody writes.
import type { Database } from "../../db/client";
import { startOutboxWorker, type OutboxWorker } from "../../db/outbox-worker";
import { BATCH, drainEmailOutbox, pruneEmailOutbox, type MailDrainResult, type MailTransport } from "./delivery.server";

export type MailWorker = OutboxWorker;

export function startMailWorker(
  db: Database,
  transport: MailTransport,
  options: { intervalMs?: number; onResult?: (result: MailDrainResult) => void; onError?: (error: unknown) => void } = {},
): MailWorker {
  return startOutboxWorker({
    drain: () => drainEmailOutbox(db, transport),
    // Keep draining while full batches go out without failures.
    again: (result) => result.sent >= BATCH && result.retrying + result.failed === 0,
    onResult: (result) => {
      if (result.sent + result.retrying + result.failed > 0) options.onResult?.(result);
    },
    onError: options.onError,
    prune: () => pruneEmailOutbox(db),
    intervalMs: options.intervalMs ?? 5_000,
  });
}
