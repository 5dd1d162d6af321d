// The single window: inquiries and complaints as tickets. Anyone opens one (signed in, or with an
// e-mail address); the office assigns a programme officer, replies in the portal and by mail, and
// sees the first-reply deadline. Only the office and the requester ever read a ticket; a complaint
// is never listed anywhere but in the office's queue (docs/decisions/0014-mission-meetings-and-single-window.md).
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { hashToken, newToken } from "../auth/tokens.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { enqueueEmail } from "../mail/outbox.server";
import type { Locale } from "~/i18n/resources";
import { firstReplyDueFor } from "./office-calendar.server";
import type { OpenTicketValue } from "./ticket-schema";
import { isUuid } from "../ids";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Ticket = typeof t.inquiries.$inferSelect;
export const TICKET_PAGE_SIZE = 25;

export class TicketRuleError extends Error {
  constructor(readonly code: "notFound" | "forbidden" | "emailRequired" | "notOfficer" | "closed", readonly field?: string) {
    super(code);
  }
}

export const isTicketOffice = (viewer: Viewer | null): boolean => !!viewer && can(viewer.roles, "manage:ticket:any");

/** A short reference people can quote on the phone: the first 8 characters of the id. */
export const ticketReference = (id: string) => id.slice(0, 8).toUpperCase();

const dueText = (at: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { timeZone: "Asia/Taipei", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(at);

async function linkFor(tx: Tx, ticketId: string, publicUrl: string) {
  const token = newToken();
  await tx.insert(t.inquiryLinks).values({ inquiryId: ticketId, tokenHash: hashToken(token) });
  return `${publicUrl}/tickets/${ticketId}?${new URLSearchParams({ token })}`;
}

export async function openTicket(db: Database, viewer: Viewer | null, input: OpenTicketValue, context: { publicUrl: string; ip: string; locale: Locale }, now = new Date()) {
  const email = viewer?.email ?? input.email;
  if (!email) throw new TicketRuleError("emailRequired", "email");
  const name = viewer?.displayName ?? input.name ?? "";
  const locale: Locale = viewer?.locale ?? context.locale;
  return db.transaction(async (tx) => {
    const firstReplyDueAt = await firstReplyDueFor(tx, now);
    const [ticket] = await tx
      .insert(t.inquiries)
      .values({
        kind: input.kind, category: input.category, subject: input.subject, requesterUserId: viewer?.id ?? null, requesterEmail: email,
        requesterName: name, requesterLocale: locale, firstReplyDueAt, createdAt: now, updatedAt: now,
      })
      .returning();
    await tx.insert(t.inquiryMessages).values({ inquiryId: ticket!.id, authorUserId: viewer?.id ?? null, fromOffice: false, body: input.body, createdAt: now });
    const url = await linkFor(tx, ticket!.id, context.publicUrl);
    await enqueueEmail(tx, {
      to: email, locale, template: "ticket-opened",
      data: { name, reference: ticketReference(ticket!.id), subject: input.subject, due: dueText(ticket!.firstReplyDueAt!, locale), url },
    });
    await recordAudit(tx, { actorUserId: viewer?.id ?? null, action: "ticket.open", entity: "inquiry", entityId: ticket!.id, detail: { kind: input.kind }, ip: context.ip });
    return { ticket: ticket!, url };
  });
}

export type TicketAccess = "office" | "requester";

/**
 * Who the viewer is to this ticket: the office, or its requester (signed in as them, or holding a
 * mailed link). Anyone else is refused (403), so a complaint stays with the office.
 */
export async function accessTicket(db: Pick<Database, "select">, viewer: Viewer | null, ticketId: string, token: string | null): Promise<{ ticket: Ticket; access: TicketAccess }> {
  if (!isUuid(ticketId)) throw new TicketRuleError("notFound");
  const [ticket] = await db.select().from(t.inquiries).where(eq(t.inquiries.id, ticketId));
  if (!ticket) throw new TicketRuleError("notFound");
  if (isTicketOffice(viewer)) return { ticket, access: "office" };
  if (viewer && ticket.requesterUserId === viewer.id) return { ticket, access: "requester" };
  if (token && token.length <= 100) {
    const [link] = await db.select({ id: t.inquiryLinks.id }).from(t.inquiryLinks).where(and(eq(t.inquiryLinks.inquiryId, ticket.id), eq(t.inquiryLinks.tokenHash, hashToken(token))));
    if (link) return { ticket, access: "requester" };
  }
  throw new TicketRuleError("forbidden");
}

export async function threadOf(db: Database, ticketId: string) {
  return db
    .select({ id: t.inquiryMessages.id, body: t.inquiryMessages.body, fromOffice: t.inquiryMessages.fromOffice, createdAt: t.inquiryMessages.createdAt, author: t.users.displayName })
    .from(t.inquiryMessages)
    .leftJoin(t.users, eq(t.users.id, t.inquiryMessages.authorUserId))
    .where(eq(t.inquiryMessages.inquiryId, ticketId))
    .orderBy(asc(t.inquiryMessages.createdAt), asc(t.inquiryMessages.id));
}

/** A message in the thread: the office's reply (mailed to the requester) or the requester's follow-up. */
export async function addMessage(db: Database, viewer: Viewer | null, ticketId: string, token: string | null, body: string, context: { publicUrl: string; ip: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: t.inquiries.id }).from(t.inquiries).where(eq(t.inquiries.id, ticketId)).for("update");
    if (!locked) throw new TicketRuleError("notFound");
    const { ticket, access } = await accessTicket(tx, viewer, ticketId, token);
    if (ticket.status === "closed" && access === "requester") throw new TicketRuleError("closed", "body");
    const fromOffice = access === "office";
    await tx.insert(t.inquiryMessages).values({ inquiryId: ticket.id, authorUserId: viewer?.id ?? null, fromOffice, body, createdAt: now });
    await tx
      .update(t.inquiries)
      .set({
        status: fromOffice ? "answered" : "open", updatedAt: now,
        ...(fromOffice && !ticket.firstRepliedAt ? { firstRepliedAt: now } : {}),
        // The office answering an unassigned ticket takes it.
        ...(fromOffice && !ticket.assigneeUserId && viewer ? { assigneeUserId: viewer.id } : {}),
      })
      .where(eq(t.inquiries.id, ticket.id));
    if (fromOffice) {
      const locale: Locale = ticket.requesterLocale === "en" ? "en" : "zh-TW";
      const url = await linkFor(tx, ticket.id, context.publicUrl);
      await enqueueEmail(tx, {
        to: ticket.requesterEmail, locale, template: "ticket-reply",
        data: { name: ticket.requesterName, reference: ticketReference(ticket.id), subject: ticket.subject, reply: body, url },
      });
    }
    await recordAudit(tx, { actorUserId: viewer?.id ?? null, action: fromOffice ? "ticket.reply" : "ticket.followUp", entity: "inquiry", entityId: ticket.id, ip: context.ip });
  });
}

/** Programme officers who may be given tickets. */
export async function officers(db: Database) {
  return db
    .selectDistinct({ id: t.users.id, displayName: t.users.displayName })
    .from(t.users)
    .innerJoin(t.userRoles, eq(t.userRoles.userId, t.users.id))
    .where(inArray(t.userRoles.role, ["programme_officer", "admin"]))
    .orderBy(asc(t.users.displayName), asc(t.users.id))
    .limit(500);
}

export async function assignTicket(db: Database, viewer: Viewer, ticketId: string, assigneeUserId: string, ip: string) {
  if (!isTicketOffice(viewer)) throw new TicketRuleError("forbidden");
  const [assignee] = await db
    .select({ id: t.userRoles.userId })
    .from(t.userRoles)
    .where(and(eq(t.userRoles.userId, assigneeUserId), inArray(t.userRoles.role, ["programme_officer", "admin"])));
  if (!assignee) throw new TicketRuleError("notOfficer", "assigneeUserId");
  await db.transaction(async (tx) => {
    const updated = await tx.update(t.inquiries).set({ assigneeUserId, updatedAt: new Date() }).where(eq(t.inquiries.id, ticketId)).returning({ id: t.inquiries.id });
    if (updated.length === 0) throw new TicketRuleError("notFound");
    await recordAudit(tx, { actorUserId: viewer.id, action: "ticket.assign", entity: "inquiry", entityId: ticketId, detail: { assigneeUserId }, ip });
  });
}

export async function setTicketStatus(db: Database, viewer: Viewer, ticketId: string, status: "open" | "answered" | "closed", ip: string) {
  if (!isTicketOffice(viewer)) throw new TicketRuleError("forbidden");
  await db.transaction(async (tx) => {
    const updated = await tx.update(t.inquiries).set({ status, updatedAt: new Date() }).where(eq(t.inquiries.id, ticketId)).returning({ id: t.inquiries.id });
    if (updated.length === 0) throw new TicketRuleError("notFound");
    await recordAudit(tx, { actorUserId: viewer.id, action: "ticket.status", entity: "inquiry", entityId: ticketId, detail: { status }, ip });
  });
}

const listColumns = {
  id: t.inquiries.id, kind: t.inquiries.kind, category: t.inquiries.category, subject: t.inquiries.subject, status: t.inquiries.status,
  requesterEmail: t.inquiries.requesterEmail, requesterName: t.inquiries.requesterName, assigneeUserId: t.inquiries.assigneeUserId,
  assigneeName: t.users.displayName, firstReplyDueAt: t.inquiries.firstReplyDueAt, firstRepliedAt: t.inquiries.firstRepliedAt, createdAt: t.inquiries.createdAt,
};

export interface QueueFilter {
  status?: "open" | "answered" | "closed";
  kind?: "question" | "complaint";
  mine?: boolean;
  page: number;
}

/** The office's queue: unreplied first by deadline, then the rest newest first. */
export async function officeQueue(db: Database, viewer: Viewer, filter: QueueFilter) {
  if (!isTicketOffice(viewer)) throw new TicketRuleError("forbidden");
  const where = and(
    filter.status ? eq(t.inquiries.status, filter.status) : undefined,
    filter.kind ? eq(t.inquiries.kind, filter.kind) : undefined,
    filter.mine ? eq(t.inquiries.assigneeUserId, viewer.id) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(t.inquiries)
      .leftJoin(t.users, eq(t.users.id, t.inquiries.assigneeUserId))
      .where(where)
      .orderBy(sql`${t.inquiries.firstRepliedAt} is not null`, asc(t.inquiries.firstReplyDueAt), desc(t.inquiries.createdAt), asc(t.inquiries.id))
      .limit(TICKET_PAGE_SIZE)
      .offset((filter.page - 1) * TICKET_PAGE_SIZE),
    db.select({ n: count() }).from(t.inquiries).where(where),
  ]);
  const overdue = await db.select({ n: count() }).from(t.inquiries).where(and(isNull(t.inquiries.firstRepliedAt), sql`${t.inquiries.firstReplyDueAt} < now()`));
  return { rows, total: total?.n ?? 0, overdue: overdue[0]?.n ?? 0, pages: Math.max(1, Math.ceil((total?.n ?? 0) / TICKET_PAGE_SIZE)) };
}

/** The signed-in requester's own tickets, newest first. */
export async function myTickets(db: Database, viewer: Viewer) {
  return db
    .select(listColumns)
    .from(t.inquiries)
    .leftJoin(t.users, eq(t.users.id, t.inquiries.assigneeUserId))
    .where(eq(t.inquiries.requesterUserId, viewer.id))
    .orderBy(desc(t.inquiries.createdAt), asc(t.inquiries.id))
    .limit(100);
}
