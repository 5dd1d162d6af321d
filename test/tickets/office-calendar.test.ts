// The office calendar against Postgres: only the office keeps it, only exceptions to Monday-to-Friday
// are accepted (a holiday on a weekday, a make-up workday on a weekend), one entry per date, every
// change audited, and a ticket's deadline set from it when the ticket is opened and kept afterwards.
// The days are test days in 2031, not Taiwan's calendar, and are removed again: the run shares one database.
import { randomUUID } from "node:crypto";
import { between, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import { addCalendarDay, calendarYear, CalendarRuleError, firstReplyDueFor, removeCalendarDay } from "../../app/tickets/office-calendar.server";
import { addCalendarDaySchema } from "../../app/tickets/calendar-schema";
import { openTicket } from "../../app/tickets/tickets.server";
import { auditOf, makeUser, signedIn, useDatabase } from "../auth/support";

const db = useDatabase();
const IP = "192.0.2.31";
const ctx = { publicUrl: "http://portal.test", ip: IP, locale: "en" as const };

async function viewerWith(roles: Role[]) {
  const user = await makeUser(db(), { roles });
  return (await signedIn(db(), user.id)).viewer;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CalendarRuleError);
  return { code: (error as CalendarRuleError).code, field: (error as CalendarRuleError).field };
}

const day = (date: string, kind: "holiday" | "workday", nameEn = "Test day") => ({ date, kind, nameZh: "測試日", nameEn });

describe("keeping the office calendar", () => {
  it("is the office's: other roles are refused reading, adding and removing", async () => {
    const office = await viewerWith(["programme_officer"]);
    const added = await addCalendarDay(db(), office, day("2031-03-03", "holiday"), IP);
    try {
      for (const roles of [["talent"], ["company_recruiter"], ["training_unit_staff"], ["reviewer"], ["mentor"], []] as Role[][]) {
        const other = await viewerWith(roles);
        expect(await refusal(calendarYear(db(), other, 2031))).toMatchObject({ code: "forbidden" });
        expect(await refusal(addCalendarDay(db(), other, day("2031-03-04", "holiday"), IP))).toMatchObject({ code: "forbidden" });
        expect(await refusal(removeCalendarDay(db(), other, added.id, IP))).toMatchObject({ code: "forbidden" });
      }
      const admin = await viewerWith(["admin"]);
      expect((await calendarYear(db(), admin, 2031)).days.map((d) => d.day)).toContain("2031-03-03");
    } finally {
      await removeCalendarDay(db(), office, added.id, IP);
    }
  });

  it("refuses a holiday on a weekend, a workday on a weekday and a second entry for a date, beside the date", async () => {
    const office = await viewerWith(["programme_officer"]);
    // 2031-03-08 is a Saturday, 2031-03-10 a Monday.
    expect(await refusal(addCalendarDay(db(), office, day("2031-03-08", "holiday"), IP))).toEqual({ code: "holidayOnWeekend", field: "date" });
    expect(await refusal(addCalendarDay(db(), office, day("2031-03-09", "holiday"), IP))).toEqual({ code: "holidayOnWeekend", field: "date" });
    expect(await refusal(addCalendarDay(db(), office, day("2031-03-10", "workday"), IP))).toEqual({ code: "workdayOnWeekday", field: "date" });
    const first = await addCalendarDay(db(), office, day("2031-03-10", "holiday", "First"), IP);
    try {
      expect(await refusal(addCalendarDay(db(), office, day("2031-03-10", "holiday", "Second"), IP))).toEqual({ code: "duplicate", field: "date" });
      const saturday = await addCalendarDay(db(), office, day("2031-03-08", "workday"), IP);
      await removeCalendarDay(db(), office, saturday.id, IP);
      const [row] = await db().select().from(t.officeCalendarDays).where(eq(t.officeCalendarDays.day, "2031-03-10"));
      expect(row).toMatchObject({ kind: "holiday", nameEn: "First", createdBy: office.id });
    } finally {
      await removeCalendarDay(db(), office, first.id, IP);
    }
    expect(await refusal(removeCalendarDay(db(), office, first.id, IP))).toMatchObject({ code: "notFound" });
    expect(await refusal(removeCalendarDay(db(), office, randomUUID(), IP))).toMatchObject({ code: "notFound" });
    expect(await refusal(removeCalendarDay(db(), office, "not-a-uuid", IP))).toMatchObject({ code: "notFound" });
  });

  it("audits every addition and removal with who, what and from where", async () => {
    const office = await viewerWith(["programme_officer"]);
    const added = await addCalendarDay(db(), office, day("2031-03-15", "workday", "Make-up day"), IP);
    await removeCalendarDay(db(), office, added.id, IP);
    const entries = await auditOf(db(), added.id);
    expect(entries.map((e) => [e.action, e.entity, e.actorUserId, e.ip])).toEqual([
      ["calendar.add", "office_calendar_day", office.id, IP],
      ["calendar.remove", "office_calendar_day", office.id, IP],
    ]);
    expect(JSON.parse(entries[1]!.detail!)).toMatchObject({ date: "2031-03-15", kind: "workday", nameEn: "Make-up day" });
  });

  it("lists a year's days in date order and the years that have any", async () => {
    const office = await viewerWith(["programme_officer"]);
    const days = [
      await addCalendarDay(db(), office, day("2031-04-04", "holiday"), IP),
      await addCalendarDay(db(), office, day("2031-04-03", "holiday"), IP),
      await addCalendarDay(db(), office, day("2033-01-03", "holiday"), IP),
    ];
    try {
      const year = await calendarYear(db(), office, 2031);
      expect(year.days.map((d) => d.day)).toEqual(["2031-04-03", "2031-04-04"]);
      expect(year.years).toEqual(expect.arrayContaining([2031, 2033]));
      expect((await calendarYear(db(), office, 2032)).days).toEqual([]);
    } finally {
      for (const d of days) await removeCalendarDay(db(), office, d.id, IP);
    }
  });

  it("validates the form: a real date from 2000 to 2100, a kind, both names", () => {
    const issues = (value: Record<string, unknown>) => {
      const result = addCalendarDaySchema.safeParse(value);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(issues({ date: "2031-02-30", kind: "holiday", nameZh: "x", nameEn: "x" })).toEqual({ date: "tickets.calendar.validation.date" });
    expect(issues({ date: "1999-12-31", kind: "holiday", nameZh: "x", nameEn: "x" })).toEqual({ date: "tickets.calendar.validation.date" });
    expect(issues({ date: "", kind: "weekend", nameZh: " ", nameEn: "x".repeat(101) })).toEqual({
      date: "validation.required", kind: "tickets.calendar.validation.kind", nameZh: "validation.required", nameEn: "validation.tooLong",
    });
    expect(issues({ date: "2031-02-03", kind: "holiday", nameZh: "春節", nameEn: "Lunar New Year" })).toEqual({});
  });

  it("the database refuses what the rules refuse, whatever the code does", async () => {
    const insert = (values: Partial<typeof t.officeCalendarDays.$inferInsert>) =>
      db().transaction(async (tx) => {
        await tx.insert(t.officeCalendarDays).values({ day: "2031-05-05", kind: "holiday", nameZh: "測試", nameEn: "Test", ...values });
        throw new Error("rolled back");
      }).then(
        () => "accepted",
        // Postgres names the constraint in constraint_name, PGlite in constraint.
        (e: { message?: string; cause?: { message?: string; constraint_name?: string; constraint?: string } }) => e.cause?.constraint_name ?? e.cause?.constraint ?? e.message,
      );
    expect(await insert({})).toBe("rolled back");
    expect(await insert({ day: "2031-05-03" })).toBe("office_calendar_days_weekday");
    expect(await insert({ kind: "workday" })).toBe("office_calendar_days_weekday");
    expect(await insert({ kind: "closed" })).toBe("office_calendar_days_kind");
    expect(await insert({ nameEn: "" })).toBe("office_calendar_days_name_en");
    expect(await insert({ nameZh: "字".repeat(101) })).toBe("office_calendar_days_name_zh");
    const office = await viewerWith(["programme_officer"]);
    const added = await addCalendarDay(db(), office, day("2031-05-05", "holiday"), IP);
    try {
      expect(await insert({})).toBe("office_calendar_days_day");
    } finally {
      await removeCalendarDay(db(), office, added.id, IP);
    }
  });
});

describe("deadlines from the calendar", () => {
  it("a ticket opened before the office's days off is due after them; removing them later keeps its deadline", async () => {
    const office = await viewerWith(["programme_officer"]);
    const requester = await viewerWith(["talent"]);
    // Friday 3 January 2031, 15:00 Taipei; Monday 6 to Wednesday 8 closed, Saturday 11 worked.
    const openedAt = new Date("2031-01-03T07:00:00Z");
    const days = [
      await addCalendarDay(db(), office, day("2031-01-06", "holiday", "Closed Monday"), IP),
      await addCalendarDay(db(), office, day("2031-01-07", "holiday", "Closed Tuesday"), IP),
      await addCalendarDay(db(), office, day("2031-01-08", "holiday", "Closed Wednesday"), IP),
      await addCalendarDay(db(), office, day("2031-01-11", "workday", "Worked Saturday"), IP),
    ];
    let removed = false;
    try {
      const { ticket } = await openTicket(db(), requester, { kind: "question", category: "other", subject: "Before the break", body: "?" }, ctx, openedAt);
      // Thursday 9 (1), Friday 10 (2), 15:00 Taipei.
      expect(ticket.firstReplyDueAt!.toISOString()).toBe("2031-01-10T07:00:00.000Z");
      // Opened Thursday 9 at 15:00: Friday 10 (1), the make-up Saturday 11 (2).
      expect((await firstReplyDueFor(db(), new Date("2031-01-09T07:00:00Z"))).toISOString()).toBe("2031-01-11T07:00:00.000Z");

      for (const d of days) await removeCalendarDay(db(), office, d.id, IP);
      removed = true;
      const [stored] = await db().select({ due: t.inquiries.firstReplyDueAt }).from(t.inquiries).where(eq(t.inquiries.id, ticket.id));
      expect(stored!.due!.toISOString()).toBe("2031-01-10T07:00:00.000Z");
      // A ticket opened at the same moment now counts Monday to Friday: Monday 6, Tuesday 7.
      const { ticket: later } = await openTicket(db(), requester, { kind: "question", category: "other", subject: "After the change", body: "?" }, ctx, openedAt);
      expect(later.firstReplyDueAt!.toISOString()).toBe("2031-01-07T07:00:00.000Z");
      // The confirmation mail quotes the deadline with the calendar applied.
      const [mail] = await db().select().from(t.emailOutbox).where(sql`${t.emailOutbox.toAddress} = ${requester.email} and ${t.emailOutbox.textBody} like '%Before the break%'`);
      expect(mail?.textBody).toContain("10 Jan 2031");
    } finally {
      if (!removed) for (const d of days) await removeCalendarDay(db(), office, d.id, IP);
    }
  });

  it("loads as far as a closure longer than the first span needs", async () => {
    // Every weekday from 1 September to 14 November 2031 closed: more than the 60 days loaded at first.
    const closed: Array<typeof t.officeCalendarDays.$inferInsert> = [];
    for (let d = new Date("2031-09-01T00:00:00Z"); d <= new Date("2031-11-14T00:00:00Z"); d = new Date(d.getTime() + 86_400_000)) {
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) closed.push({ day: d.toISOString().slice(0, 10), kind: "holiday", nameZh: "測試", nameEn: "Test" });
    }
    await db().insert(t.officeCalendarDays).values(closed);
    try {
      // Friday 29 August 2031, 15:00 Taipei → Monday 17 (1), Tuesday 18 November (2).
      expect((await firstReplyDueFor(db(), new Date("2031-08-29T07:00:00Z"))).toISOString()).toBe("2031-11-18T07:00:00.000Z");
    } finally {
      await db().delete(t.officeCalendarDays).where(between(t.officeCalendarDays.day, "2031-09-01", "2031-11-14"));
    }
  });
});
