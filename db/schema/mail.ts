// Files sent with an outbox message (calendar invitations), written in the same transaction as the message.
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { emailOutbox } from "./accounts";

export const emailAttachments = pgTable("email_attachments", {
  id: uuid("id").primaryKey().defaultRandom(),
  outboxId: uuid("outbox_id").notNull().references(() => emailOutbox.id, { onDelete: "cascade" }),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  /** Text attachments only (text/calendar); kept as written, CRLF line ends included. */
  content: text("content").notNull(),
}, (t) => [
  index("email_attachments_outbox").on(t.outboxId),
  check("email_attachments_size", sql`length(${t.content}) <= 200000`),
]);
