// Reads the outbox for the development inbox at /dev/mail.
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export const INBOX_PAGE_SIZE = 25;

/** Who may see the development inbox: only a browser on the portal's own machine. */
export function isLoopback(ip: string): boolean {
  return ip === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

export async function listOutbox(db: Database, options: { page: number; to?: string }) {
  const where = options.to ? eq(sql`lower(${t.emailOutbox.toAddress})`, options.to.toLowerCase()) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(t.emailOutbox)
      .where(where)
      .orderBy(desc(t.emailOutbox.createdAt), desc(t.emailOutbox.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((options.page - 1) * INBOX_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(t.emailOutbox).where(where),
  ]);
  const total = count?.n ?? 0;
  // The page's attachments (calendar invitations), by message.
  const files = rows.length
    ? await db.select().from(t.emailAttachments).where(inArray(t.emailAttachments.outboxId, rows.map((r) => r.id))).orderBy(asc(t.emailAttachments.filename))
    : [];
  const attachmentsOf = (id: string) => files.filter((f) => f.outboxId === id).map(({ filename, contentType, content }) => ({ filename, contentType, content }));
  return { rows: rows.map((row) => ({ ...row, attachments: attachmentsOf(row.id) })), total, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}
