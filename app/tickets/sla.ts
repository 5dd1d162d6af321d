// The single window's service level: the office's first reply is due within 2 working days in Taiwan
// time. Working days are Monday to Friday, less the public holidays and plus the make-up working
// Saturdays the office keeps in its calendar (/office/calendar). A ticket opened on a day off counts
// from the next working day's 00:00. The deadline is computed once, when the ticket is opened, and
// stored (inquiries.first_reply_due_at): days added to the calendar later move no existing deadline.
// Pure, so the page, the list and the tests share one clock.
import { isWeekendDate, type OfficeCalendar } from "./office-calendar";

export const FIRST_REPLY_WORKING_DAYS = 2;
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Taipei date of a Taipei wall-clock time (held as milliseconds since the epoch, shifted). */
const taipeiDate = (taipeiMs: number) => new Date(taipeiMs).toISOString().slice(0, 10);

const isWorkingDay = (taipeiMs: number, calendar: OfficeCalendar) => {
  const date = taipeiDate(taipeiMs);
  if (calendar.holidays.has(date)) return false;
  return calendar.workdays.has(date) || !isWeekendDate(date);
};

/**
 * When the first reply is due for a ticket opened at `openedAt`, given the office calendar for the
 * days that follow (firstReplyDueFor in office-calendar.server.ts loads it; MONDAY_TO_FRIDAY when there is none).
 */
export function firstReplyDue(openedAt: Date, calendar: OfficeCalendar, workingDays = FIRST_REPLY_WORKING_DAYS): Date {
  // Taiwan has no daylight saving time: a fixed offset gives its wall clock.
  let local = openedAt.getTime() + TAIPEI_OFFSET_MS;
  if (!isWorkingDay(local, calendar)) {
    local = Math.floor(local / DAY_MS) * DAY_MS;
    while (!isWorkingDay(local, calendar)) local += DAY_MS;
  }
  let added = 0;
  while (added < workingDays) {
    local += DAY_MS;
    if (isWorkingDay(local, calendar)) added++;
  }
  return new Date(local - TAIPEI_OFFSET_MS);
}

/** The Taipei dates from the day `openedAt` falls on, `days` days on: what a deadline can reach. */
export function calendarSpan(openedAt: Date, days: number): { from: string; to: string } {
  const local = openedAt.getTime() + TAIPEI_OFFSET_MS;
  return { from: taipeiDate(local), to: taipeiDate(local + days * DAY_MS) };
}

export type SlaState =
  | { kind: "replied"; at: Date; late: boolean }
  | { kind: "due"; remainingMinutes: number }
  | { kind: "overdue"; overdueMinutes: number }
  | { kind: "none" };

export function slaState(ticket: { firstReplyDueAt: Date | null; firstRepliedAt: Date | null }, now = new Date()): SlaState {
  if (!ticket.firstReplyDueAt) return { kind: "none" };
  if (ticket.firstRepliedAt) return { kind: "replied", at: ticket.firstRepliedAt, late: ticket.firstRepliedAt > ticket.firstReplyDueAt };
  const diff = Math.round((ticket.firstReplyDueAt.getTime() - now.getTime()) / 60_000);
  return diff >= 0 ? { kind: "due", remainingMinutes: diff } : { kind: "overdue", overdueMinutes: -diff };
}

/** "1 d 3 h" style parts of a span of minutes, for the i18n messages. */
export function spanParts(minutes: number): { days: number; hours: number; minutes: number } {
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
