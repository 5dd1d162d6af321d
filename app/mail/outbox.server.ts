// Mail is written to the outbox in the same transaction as the change it reports, so a rolled-back
// change sends nothing and a committed one is delivered even if the SMTP relay is down right now.
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Locale } from "~/i18n/resources";
import { renderEmail, type TemplateData, type TemplateName } from "./templates";

/** The database or a transaction of it. */
export type OutboxWriter = Pick<Database, "insert">;

export interface EmailRequest<T extends TemplateName = TemplateName> {
  to: string;
  locale: Locale;
  template: T;
  data: TemplateData[T];
}

export async function enqueueEmail<T extends TemplateName>(db: OutboxWriter, email: EmailRequest<T>): Promise<{ id: string }> {
  const to = email.to.trim();
  // The address becomes a header; callers validate it as an address, this only stops header injection.
  if (!/^[^\s@,;<>"()]+@[^\s@,;<>"()]+$/.test(to)) throw new Error("enqueueEmail: `to` is not a single e-mail address");
  const { subject, text, html } = renderEmail(email.template, email.locale, email.data);
  const [row] = await db.insert(t.emailOutbox).values({ toAddress: to, subject, textBody: text, htmlBody: html }).returning({ id: t.emailOutbox.id });
  return { id: row!.id };
}
