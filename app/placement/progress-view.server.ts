// A placement's progress as pages show it, in the page's language: the training period, internships
// (months so far, flagged under 6), common-course hours toward 24, and the stipend for each month.
import type { Locale } from "../i18n/resources";
import { formatCalendarDate, formatNtd } from "../positions/format";
import type { Placement, PlacementProgress } from "./placements.server";
import { stipendOf } from "./placements.server";
import { COMMON_COURSE_HOURS } from "./training-period";

const oneDecimal = (locale: Locale) => new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-TW", { maximumFractionDigits: 1 });

export function progressView(placement: Pick<Placement, "startsOn" | "endsOn">, progress: PlacementProgress, monthlyNtd: number, locale: Locale) {
  const date = (d: string) => formatCalendarDate(d, locale);
  const stipend = stipendOf(placement, monthlyNtd);
  return {
    period: placement.startsOn && placement.endsOn ? { from: date(placement.startsOn), to: date(placement.endsOn), startsOn: placement.startsOn, endsOn: placement.endsOn } : null,
    internships: progress.internships.map((i) => ({ id: i.id, partner: i.partnerName, isMedicalCentre: i.isMedicalCentre, from: date(i.startsOn), to: date(i.endsOn) })),
    internshipMonths: oneDecimal(locale).format(progress.internshipMonths),
    internshipTooShort: progress.internshipTooShort,
    courseHours: oneDecimal(locale).format(progress.courseHours),
    courseHoursValue: progress.courseHours,
    courseDone: progress.courseHours >= COMMON_COURSE_HOURS,
    courseSessions: progress.courseSessions.map((s) => ({ id: s.id, on: date(s.attendedOn), hours: oneDecimal(locale).format(s.hours), topic: s.topic })),
    stipend: stipend
      ? {
          monthly: formatNtd(monthlyNtd, locale),
          total: formatNtd(stipend.total, locale),
          partial: stipend.instalments.some((i) => i.partial),
          rows: stipend.instalments.map((i) => ({ month: i.month, from: date(i.from), to: date(i.to), amount: formatNtd(i.amount, locale) })),
        }
      : null,
  };
}

export type ProgressView = ReturnType<typeof progressView>;
