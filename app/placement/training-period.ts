// A trainee's year in the PhD programme, in calendar dates (yyyy-mm-dd, Taiwan dates): the training
// period (at most 1 year), the internship the unit must provide (at least 6 months with partner
// companies or medical centres), the office's 24-hour common course, and the monthly stipend
// (NT$56,650 in section 五 of 002) paid for each month of the period. Pure: pages and domain share it.

export const MIN_INTERNSHIP_MONTHS = 6;
export const COMMON_COURSE_HOURS = 24;

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

export const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime()) && toIso(toDate(value)) === value;

export function addDays(date: string, days: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** The same day `months` later; a day the month lacks becomes its last (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const d = toDate(date);
  const month = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return toIso(new Date(Date.UTC(year, m, Math.min(d.getUTCDate(), daysInMonth(year, m)))));
}

/** Days from `from` to `to`, both included. */
export const daysIncluded = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000) + 1;

/** The last day of a one-year period starting on `startsOn`. */
export const lastDayOfYear = (startsOn: string) => addDays(addMonths(startsOn, 12), -1);

export type PeriodProblem = "periodOrder" | "periodOverAYear";

/** Why a training period is not allowed: ends before it starts, or runs longer than a year. */
export function periodProblem(startsOn: string, endsOn: string): PeriodProblem | null {
  if (endsOn < startsOn) return "periodOrder";
  if (endsOn > lastDayOfYear(startsOn)) return "periodOverAYear";
  return null;
}

export interface StipendInstalment {
  /** 1-based month of the training period. */
  month: number;
  from: string;
  to: string;
  /** NT$: the monthly stipend for a whole month; a part month pays its days' share, rounded to the dollar. */
  amount: number;
  partial: boolean;
}

/**
 * The stipend for each month of the period. Months are counted from the start date (15 January to
 * 14 February is month 1), so a period of whole months pays months × the monthly stipend; a last
 * part month pays the monthly stipend × its days / the days of that month of the period.
 */
export function stipendSchedule(startsOn: string, endsOn: string, monthlyNtd: number): { instalments: StipendInstalment[]; total: number } {
  const instalments: StipendInstalment[] = [];
  for (let month = 1, from = startsOn; from <= endsOn; month++) {
    const next = addMonths(startsOn, month);
    const wholeTo = addDays(next, -1);
    const to = wholeTo <= endsOn ? wholeTo : endsOn;
    const partial = to !== wholeTo;
    const amount = partial ? Math.round((monthlyNtd * daysIncluded(from, to)) / daysIncluded(from, wholeTo)) : monthlyNtd;
    instalments.push({ month, from, to, amount, partial });
    from = next;
  }
  return { instalments, total: instalments.reduce((sum, i) => sum + i.amount, 0) };
}

export interface DateRange {
  startsOn: string;
  endsOn: string;
}

/**
 * Months of internship in these ranges (end dates included; overlapping ranges count once): whole
 * calendar months from each start, and the days left over as thirtieths of a month. 1 January to
 * 30 June is 6 months; 1 January to 29 June is 5 months and 29 days, under 6.
 */
export function internshipMonths(ranges: readonly DateRange[]): number {
  const sorted = [...ranges].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.startsOn <= addDays(last.endsOn, 1)) {
      if (range.endsOn > last.endsOn) last.endsOn = range.endsOn;
    } else merged.push({ ...range });
  }
  let months = 0;
  for (const { startsOn, endsOn } of merged) {
    const after = addDays(endsOn, 1);
    let whole = 0;
    while (addMonths(startsOn, whole + 1) <= after) whole++;
    months += whole + (daysIncluded(addMonths(startsOn, whole), after) - 1) / 30;
  }
  return months;
}

/** Under the programme's 6 months (a hair's tolerance for the thirtieths). */
export const internshipTooShort = (months: number) => months < MIN_INTERNSHIP_MONTHS - 1e-9;
