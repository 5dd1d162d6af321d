// Dates and times as people in Taiwan read them: in Taiwan time, in the page's language.
import type { Locale } from "./resources";

export const PORTAL_TIME_ZONE = "Asia/Taipei";

// Built once per language: constructing an Intl.DateTimeFormat costs far more than formatting with one
// (it showed in the profile of a page under load), and a page formats many dates.
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  "zh-TW": new Intl.DateTimeFormat("zh-TW", { dateStyle: "medium", timeStyle: "short", timeZone: PORTAL_TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: PORTAL_TIME_ZONE }),
};

export function formatDateTime(value: Date | string, locale: Locale): string {
  return dateTimeFormats[locale].format(new Date(value));
}
