// Money and calendar dates of positions as people in Taiwan read them, in the page's language.
import type { TFunction } from "i18next";
import type { Locale } from "../i18n/resources";

/** NT$ with thousands separators, e.g. NT$60,000. */
// Building an Intl.NumberFormat costs far more than using one, and lists format many amounts.
const ntd: Record<Locale, Intl.NumberFormat> = {
  "zh-TW": new Intl.NumberFormat("zh-TW", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
};

export function formatNtd(amount: number, locale: Locale): string {
  return `NT$${ntd[locale].format(amount)}`;
}

/** A monthly salary range, or "negotiable" when the company gave none. */
export function formatSalary(min: number | null, max: number | null, locale: Locale, t: TFunction): string {
  if (min !== null && max !== null) return t("positions.salary.range", { min: formatNtd(min, locale), max: formatNtd(max, locale) });
  if (min !== null) return t("positions.salary.from", { min: formatNtd(min, locale) });
  if (max !== null) return t("positions.salary.upTo", { max: formatNtd(max, locale) });
  return t("positions.salary.negotiable");
}

/** A calendar date (yyyy-mm-dd, already a Taiwan date) for display; it is not shifted by any time zone. */
export function formatCalendarDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** The deadline, or "until filled" when there is none. */
export function formatDeadline(date: string | null, locale: Locale, t: TFunction): string {
  return date === null ? t("positions.deadline.none") : formatCalendarDate(date, locale);
}
