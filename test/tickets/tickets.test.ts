// The single window against Postgres: anyone opens a ticket, the requester reads it signed in or by
// the mailed link, the office assigns and replies (mailed), the SLA clock, and a complaint stays with
// the office: every other role is refused and never sees it listed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { accessTicket, addMessage, assignTicket, myTickets, officeQueue, openTicket, threadOf, TicketRuleError } from "../../app/tickets/tickets.server";
import { firstReplyDue, slaState } from "../../app/tickets/sla";
import { MONDAY_TO_FRIDAY, officeCalendar } from "../../app/tickets/office-calendar";
import { openTicketSchema } from "../../app/tickets/ticket-schema";
import { mailTo, makeUser, signedIn, tokenIn, uniqueEmail, useDatabase } from "../auth/support";

const db = useDatabase();
const ctx = { publicUrl: "http://portal.test", ip: "192.0.2.99", locale: "en" as const };

async function viewerWith(role: Parameters<typeof makeUser>[1] extends infer O ? O extends { roles?: infer R } ? R : never : never) {
  const user = await makeUser(db(), { roles: role });
  return (await signedIn(db(), user.id)).viewer;
}

async function refused(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TicketRuleError);
  return (error as TicketRuleError).code;
}

describe("opening tickets", () => {
  it("refuses a ticket without category, subject or body, with the message on each field", () => {
    const result = openTicketSchema.safeParse({ kind: "question", subject: "  ", body: "" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toMatchObject({ category: "tickets.validation.category", subject: "validation.required", body: "validation.required" });
    expect(openTicketSchema.safeParse({ kind: "question", category: "other", subject: "x", body: "y", email: "not-an-address" }).success).toBe(false);
  });

  it("lets a visitor who is not signed in open one with an e-mail address and read it through the mailed link only", async () => {
    const email = uniqueEmail("visitor");
    await expect(openTicket(db(), null, { kind: "question", category: "overseas", subject: "Work permit for a postdoc?", body: "How long does it take?" }, ctx)).rejects.toMatchObject({ code: "emailRequired" });
    const { ticket } = await openTicket(db(), null, { kind: "question", category: "overseas", subject: "Work permit for a postdoc?", body: "How long does it take?", email, name: "Ana" }, ctx);
    const [mail] = await mailTo(db(), email);
    expect(mail!.subject).toContain("We received your message");
    const token = tokenIn(mail!.textBody, `/tickets/${ticket.id}?token=`);
    expect((await accessTicket(db(), null, ticket.id, token)).access).toBe("requester");
    expect(await refused(accessTicket(db(), null, ticket.id, "wrong-token"))).toBe("forbidden");
    expect(await refused(accessTicket(db(), null, ticket.id, null))).toBe("forbidden");
    expect(await refused(accessTicket(db(), null, "00000000-0000-4000-8000-000000000000", token))).toBe("notFound");
  });
});

describe("answering", () => {
  it("the office assigns an officer and replies; the reply is mailed with a link and the SLA stops", async () => {
    const requester = await viewerWith(["talent"]);
    const office = await viewerWith(["programme_officer"]);
    const colleague = await viewerWith(["programme_officer"]);
    const { ticket } = await openTicket(db(), requester, { kind: "question", category: "events", subject: "Berlin mission slots", body: "Can I still register?" }, ctx);
    expect(ticket.firstReplyDueAt).not.toBeNull();
    expect(await refused(assignTicket(db(), office, ticket.id, requester.id, ctx.ip))).toBe("notOfficer");
    await assignTicket(db(), office, ticket.id, colleague.id, ctx.ip);
    await addMessage(db(), colleague, ticket.id, null, "Yes, until Friday.", ctx);
    const [row] = await db().select().from(t.inquiries).where(eq(t.inquiries.id, ticket.id));
    expect(row).toMatchObject({ status: "answered", assigneeUserId: colleague.id });
    expect(row!.firstRepliedAt).not.toBeNull();
    expect(slaState(row!).kind).toBe("replied");
    const mails = await mailTo(db(), requester.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining("We received"), expect.stringContaining("The programme office replied")]);
    expect(mails[1]!.textBody).toContain("Yes, until Friday.");
    const token = tokenIn(mails[1]!.textBody, `/tickets/${ticket.id}?token=`);
    expect((await accessTicket(db(), null, ticket.id, token)).access).toBe("requester");
    // The requester answers back; the thread holds all three in order.
    await addMessage(db(), requester, ticket.id, null, "Thank you!", ctx);
    expect((await threadOf(db(), ticket.id)).map((m) => [m.fromOffice, m.body])).toEqual([[false, "Can I still register?"], [true, "Yes, until Friday."], [false, "Thank you!"]]);
  });
});

describe("confidentiality", () => {
  it("a complaint is read only by the office and its requester, and listed only in the office's queue and the requester's own list", async () => {
    const requester = await viewerWith(["talent"]);
    const { ticket } = await openTicket(db(), requester, { kind: "complaint", category: "training", subject: "Unit withheld stipend", body: "Details…" }, ctx);
    for (const roles of [["talent"], ["company_recruiter"], ["training_unit_staff"], ["reviewer"], ["mentor"], []] as const) {
      const other = await viewerWith([...roles]);
      expect(await refused(accessTicket(db(), other, ticket.id, null))).toBe("forbidden");
      expect(await refused(officeQueue(db(), other, { page: 1 }))).toBe("forbidden");
      expect((await myTickets(db(), other)).map((r) => r.id)).not.toContain(ticket.id);
      expect(await refused(addMessage(db(), other, ticket.id, null, "let me in", ctx))).toBe("forbidden");
    }
    for (const roles of [["programme_officer"], ["admin"]] as const) {
      const office = await viewerWith([...roles]);
      expect((await accessTicket(db(), office, ticket.id, null)).access).toBe("office");
      const queue = await officeQueue(db(), office, { kind: "complaint", page: 1 });
      expect(queue.rows.map((r) => r.id)).toContain(ticket.id);
    }
    expect((await accessTicket(db(), requester, ticket.id, null)).access).toBe("requester");
    expect((await myTickets(db(), requester)).map((r) => r.id)).toEqual([ticket.id]);
  });
});

describe("the first-reply deadline", () => {
  const at = (iso: string) => new Date(iso);
  it("is two working days later in Taiwan time, skipping the weekend", () => {
    // Monday 10:00 Taipei → Wednesday 10:00
    expect(firstReplyDue(at("2026-11-23T02:00:00Z"), MONDAY_TO_FRIDAY).toISOString()).toBe("2026-11-25T02:00:00.000Z");
    // Friday 15:00 Taipei → Tuesday 15:00
    expect(firstReplyDue(at("2026-11-27T07:00:00Z"), MONDAY_TO_FRIDAY).toISOString()).toBe("2026-12-01T07:00:00.000Z");
    // Saturday 11:00 Taipei counts from Monday 00:00 → Wednesday 00:00 Taipei
    expect(firstReplyDue(at("2026-11-28T03:00:00Z"), MONDAY_TO_FRIDAY).toISOString()).toBe("2026-12-01T16:00:00.000Z");
  });

  // Test calendars, not Taiwan's: the Monday to Wednesday after 5 February 2027 closed, Saturday 20 February worked.
  const closedMonToWed = officeCalendar([
    { day: "2027-02-08", kind: "holiday" },
    { day: "2027-02-09", kind: "holiday" },
    { day: "2027-02-10", kind: "holiday" },
  ]);
  const makeUpSaturday = officeCalendar([{ day: "2027-02-20", kind: "workday" }]);

  it("skips the office's holidays: a ticket opened the Friday before three days off is due the Friday after", () => {
    // Friday 15:00 Taipei; Monday to Wednesday closed → Thursday (1), Friday (2) 15:00
    expect(firstReplyDue(at("2027-02-05T07:00:00Z"), closedMonToWed).toISOString()).toBe("2027-02-12T07:00:00.000Z");
    expect(firstReplyDue(at("2027-02-05T07:00:00Z"), MONDAY_TO_FRIDAY).toISOString()).toBe("2027-02-09T07:00:00.000Z");
    // A long weekend: Monday alone closed → Tuesday (1), Wednesday (2)
    expect(firstReplyDue(at("2027-02-05T07:00:00Z"), officeCalendar([{ day: "2027-02-08", kind: "holiday" }])).toISOString()).toBe("2027-02-10T07:00:00.000Z");
  });

  it("a ticket opened on a holiday counts from the next working day's 00:00, by Taipei's date", () => {
    // Monday 11:00 Taipei, a holiday → from Thursday 00:00: Friday (1), Monday (2) 00:00 Taipei
    expect(firstReplyDue(at("2027-02-08T03:00:00Z"), closedMonToWed).toISOString()).toBe("2027-02-14T16:00:00.000Z");
    // Sunday 20:00 UTC is already the holiday Monday 04:00 in Taipei
    expect(firstReplyDue(at("2027-02-07T20:00:00Z"), closedMonToWed).toISOString()).toBe("2027-02-14T16:00:00.000Z");
  });

  it("counts a make-up Saturday as a working day, and one opened on it starts at once", () => {
    // Friday 15:00 → Saturday (1), Monday (2) 15:00, instead of Tuesday
    expect(firstReplyDue(at("2027-02-19T07:00:00Z"), makeUpSaturday).toISOString()).toBe("2027-02-22T07:00:00.000Z");
    expect(firstReplyDue(at("2027-02-19T07:00:00Z"), MONDAY_TO_FRIDAY).toISOString()).toBe("2027-02-23T07:00:00.000Z");
    // Saturday 10:00 on the make-up day → Monday (1), Tuesday (2) 10:00
    expect(firstReplyDue(at("2027-02-20T02:00:00Z"), makeUpSaturday).toISOString()).toBe("2027-02-23T02:00:00.000Z");
  });

  it("shows the time remaining, then how long it is overdue", () => {
    const due = at("2026-11-25T02:00:00Z");
    expect(slaState({ firstReplyDueAt: due, firstRepliedAt: null }, at("2026-11-24T02:00:00Z"))).toEqual({ kind: "due", remainingMinutes: 1440 });
    expect(slaState({ firstReplyDueAt: due, firstRepliedAt: null }, at("2026-11-25T03:30:00Z"))).toEqual({ kind: "overdue", overdueMinutes: 90 });
    expect(slaState({ firstReplyDueAt: due, firstRepliedAt: at("2026-11-26T00:00:00Z") })).toMatchObject({ kind: "replied", late: true });
  });
});
