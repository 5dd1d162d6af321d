// The office calendar in the database: the programme office adds Taiwan's public holidays (weekdays
// the office is closed) and make-up working weekends (補班日), and removes them; each change is
// audited. The single window reads it when a ticket is opened to set the first-reply deadline.
import { and, asc, between, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { isWeekendDate, officeCalendar, type CalendarDayKind, type OfficeCalendar } from "./office-calendar";
import { calendarSpan, firstReplyDue } from "./sla";
import { isUuid } from "../ids";

/** The calendar is the single window's: whoever answers tickets keeps it. */
const keepsCalendar = (viewer: Viewer) => can(viewer.roles, "manage:ticket:any");

export type CalendarDay = typeof t.officeCalendarDays.$inferSelect;

export class CalendarRuleError extends Error {
  constructor(readonly code: "forbidden" | "notFound" | "duplicate" | "holidayOnWeekend" | "workdayOnWeekday", readonly field?: "date") {
    super(code);
  }
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
}

/** The calendar's days from `from` to `to` (Taipei dates, both included). */
export async function officeCalendarBetween(db: Pick<Database, "select">, from: string, to: string): Promise<OfficeCalendar> {
  const days = await db.select({ day: t.officeCalendarDays.day, kind: t.officeCalendarDays.kind }).from(t.officeCalendarDays).where(between(t.officeCalendarDays.day, from, to));
  return officeCalendar(days);
}

/**
 * The first-reply deadline of a ticket opened at `openedAt`, with the calendar of the weeks after it.
 * Taiwan's longest closure (Lunar New Year) is about nine days, so 60 days always hold the deadline;
 * should the office ever close for longer, the span grows until every day the clock passed was loaded.
 */
export async function firstReplyDueFor(db: Pick<Database, "select">, openedAt: Date): Promise<Date> {
  for (let days = 60; ; days *= 4) {
    const span = calendarSpan(openedAt, days);
    const due = firstReplyDue(openedAt, await officeCalendarBetween(db, span.from, span.to));
    if (calendarSpan(due, 0).to <= span.to || days > 10_000) return due;
  }
}

/** A year's days in date order, and the years that have any (for the year switcher). */
export async function calendarYear(db: Database, viewer: Viewer, year: number) {
  if (!keepsCalendar(viewer)) throw new CalendarRuleError("forbidden");
  const yearOf = sql<number>`extract(year from ${t.officeCalendarDays.day})::int`;
  const [days, years] = await Promise.all([
    db
      .select()
      .from(t.officeCalendarDays)
      .where(and(gte(t.officeCalendarDays.day, `${year}-01-01`), lte(t.officeCalendarDays.day, `${year}-12-31`)))
      .orderBy(asc(t.officeCalendarDays.day)),
    db.selectDistinct({ year: yearOf }).from(t.officeCalendarDays).orderBy(yearOf),
  ]);
  return { days, years: years.map((y) => y.year) };
}

/** Only exceptions are kept: a holiday falls on a weekday, a make-up workday on a weekend. */
export async function addCalendarDay(db: Database, viewer: Viewer, input: CalendarDayInput, ip: string): Promise<CalendarDay> {
  if (!keepsCalendar(viewer)) throw new CalendarRuleError("forbidden");
  const weekend = isWeekendDate(input.date);
  if (input.kind === "holiday" && weekend) throw new CalendarRuleError("holidayOnWeekend", "date");
  if (input.kind === "workday" && !weekend) throw new CalendarRuleError("workdayOnWeekday", "date");
  return db.transaction(async (tx) => {
    const [day] = await tx
      .insert(t.officeCalendarDays)
      .values({ day: input.date, kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn, createdBy: viewer.id })
      .onConflictDoNothing({ target: t.officeCalendarDays.day })
      .returning();
    if (!day) throw new CalendarRuleError("duplicate", "date");
    await recordAudit(tx, { actorUserId: viewer.id, action: "calendar.add", entity: "office_calendar_day", entityId: day.id, detail: { date: day.day, kind: day.kind, nameZh: day.nameZh, nameEn: day.nameEn }, ip });
    return day;
  });
}

export async function removeCalendarDay(db: Database, viewer: Viewer, id: string, ip: string): Promise<CalendarDay> {
  if (!keepsCalendar(viewer)) throw new CalendarRuleError("forbidden");
  if (!isUuid(id)) throw new CalendarRuleError("notFound");
  return db.transaction(async (tx) => {
    const [day] = await tx.delete(t.officeCalendarDays).where(eq(t.officeCalendarDays.id, id)).returning();
    if (!day) throw new CalendarRuleError("notFound");
    await recordAudit(tx, { actorUserId: viewer.id, action: "calendar.remove", entity: "office_calendar_day", entityId: day.id, detail: { date: day.day, kind: day.kind, nameZh: day.nameZh, nameEn: day.nameEn }, ip });
    return day;
  });
}
