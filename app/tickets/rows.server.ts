// Ticket rows as the list pages send them to the browser.
import type { Locale } from "~/i18n/resources";
import type { TicketRow } from "./ticket-list";
import { myTickets, ticketReference } from "./tickets.server";

type Row = Awaited<ReturnType<typeof myTickets>>[number];

export function toTicketRows(rows: Row[], locale: Locale, office: boolean): TicketRow[] {
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { timeZone: "Asia/Taipei", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
  return rows.map((r) => ({
    id: r.id, reference: ticketReference(r.id), kind: r.kind, category: r.category, subject: r.subject, status: r.status,
    ...(office ? { requester: r.requesterName ? `${r.requesterName} <${r.requesterEmail}>` : r.requesterEmail, assigneeName: r.assigneeName } : {}),
    firstReplyDueAt: r.firstReplyDueAt?.toISOString() ?? null, firstRepliedAt: r.firstRepliedAt?.toISOString() ?? null,
    opened: format.format(r.createdAt), openedAt: r.createdAt.toISOString(),
  }));
}
