// The office calendar as the SLA reads it: the exceptions to "Monday to Friday", as Taipei dates
// (YYYY-MM-DD). Pure and free of the database, so the browser, the server and the tests share it.

export const calendarDayKinds = ["holiday", "workday"] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

export interface OfficeCalendar {
  /** Weekdays the office is closed (public holidays, days off in lieu). */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays the office works (補班日). */
  workdays: ReadonlySet<string>;
}

/** Monday to Friday and nothing else, as before the office added any day. */
export const MONDAY_TO_FRIDAY: OfficeCalendar = { holidays: new Set(), workdays: new Set() };

export function officeCalendar(days: Iterable<{ day: string; kind: CalendarDayKind | string }>): OfficeCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { day, kind } of days) (kind === "holiday" ? holidays : workdays).add(day);
  return { holidays, workdays };
}

/** `YYYY-MM-DD` that names a real day; the calendar holds days from 2000 to 2100. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 2000 || year > 2100) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Saturday or Sunday, for a `YYYY-MM-DD` date (the weekday of a date is the same in every zone). */
export function isWeekendDate(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
