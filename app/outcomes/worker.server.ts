// Runs sendOutcomeSurveys in the background (db/outbox-worker.ts): at start and every hour. Several
// portal processes may run it at once; the sending itself is idempotent (see surveys.server.ts).
import type { Database } from "../../db/client";
import { startOutboxWorker, type OutboxWorker } from "../../db/outbox-worker";
import { sendOutcomeSurveys, type SurveyLinks } from "./surveys.server";

export function startSurveyWorker(
  db: Database,
  links: SurveyLinks,
  options: { intervalMs?: number; onSent?: (result: { sent: number; reminded: number }) => void; onError?: (error: unknown) => void; wakeMail?: () => void } = {},
): OutboxWorker {
  return startOutboxWorker({
    drain: () => sendOutcomeSurveys(db, links),
    onResult: (result) => {
      if (result.sent + result.reminded === 0) return;
      options.wakeMail?.();
      options.onSent?.(result);
    },
    onError: options.onError,
    intervalMs: options.intervalMs ?? 60 * 60_000,
  });
}
