// Sends what the outbox holds. Rows are claimed with a lease (UPDATE … WHERE id IN (SELECT … FOR
// UPDATE SKIP LOCKED)), so several workers never send one row twice; a failed send is retried with
// backoff and given up after MAX_ATTEMPTS. A process that dies mid-send leaves its rows leased: they
// are retried when the lease runs out (so a message may, rarely, arrive twice; never zero times).
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Text files sent with the message (calendar invitations). */
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

/** Hands one message to whatever delivers it; throws if it was not accepted. */
export interface MailTransport {
  send(message: OutgoingEmail): Promise<void>;
  close?(): void;
}

export const MAX_ATTEMPTS = 8;
/** Longer than the SMTP timeouts of a whole batch, so a slow send is not claimed by another worker. */
const LEASE_MS = 10 * 60_000;
export const BATCH = 10;

/** 30 s after the first failure, doubling, capped at 1 hour. */
export const backoffMs = (attempts: number) => Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));

export interface MailDrainResult {
  sent: number;
  retrying: number;
  failed: number;
  error?: string;
}

export interface DrainOptions {
  /** The clock, for tests; defaults to the current time. */
  now?: Date;
  batchSize?: number;
}

/** Sends the messages that are due, once. */
export async function drainEmailOutbox(db: Database, transport: MailTransport, options: DrainOptions = {}): Promise<MailDrainResult> {
  const clock = () => options.now ?? new Date();
  const now = clock();
  const due = and(eq(t.emailOutbox.status, "pending"), lte(t.emailOutbox.nextAttemptAt, now));
  // The attempt is counted when claimed, so a message that crashes the sender still runs out of tries.
  const claimed = await db
    .update(t.emailOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${t.emailOutbox.attempts} + 1` })
    .where(
      and(
        due,
        inArray(
          t.emailOutbox.id,
          db
            .select({ id: t.emailOutbox.id })
            .from(t.emailOutbox)
            .where(due)
            .orderBy(asc(t.emailOutbox.nextAttemptAt))
            .limit(options.batchSize ?? BATCH)
            .for("update", { skipLocked: true }),
        ),
      ),
    )
    .returning();

  const result: MailDrainResult = { sent: 0, retrying: 0, failed: 0 };
  const attachments = claimed.length
    ? await db.select().from(t.emailAttachments).where(inArray(t.emailAttachments.outboxId, claimed.map((row) => row.id))).orderBy(asc(t.emailAttachments.filename))
    : [];
  for (const row of claimed) {
    const files = attachments.filter((a) => a.outboxId === row.id).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));
    try {
      await transport.send({ to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody ?? undefined, ...(files.length ? { attachments: files } : {}) });
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2_000) || "send failed";
      const givenUp = row.attempts >= MAX_ATTEMPTS;
      await db
        .update(t.emailOutbox)
        .set({ status: givenUp ? "failed" : "pending", lastError, nextAttemptAt: new Date(clock().getTime() + backoffMs(row.attempts)) })
        .where(eq(t.emailOutbox.id, row.id));
      result[givenUp ? "failed" : "retrying"]++;
      result.error = lastError;
      continue;
    }
    await db.update(t.emailOutbox).set({ status: "sent", sentAt: clock(), lastError: null }).where(eq(t.emailOutbox.id, row.id));
    result.sent++;
  }
  return result;
}

/** Sent mail is kept a week (bodies hold sign-in links), failed mail a month for diagnosis. */
export async function pruneEmailOutbox(db: Database, now = new Date()): Promise<void> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db
    .delete(t.emailOutbox)
    .where(
      or(
        and(eq(t.emailOutbox.status, "sent"), lt(t.emailOutbox.sentAt, daysAgo(7))),
        and(eq(t.emailOutbox.status, "failed"), lt(t.emailOutbox.createdAt, daysAgo(30))),
      ),
    );
}
