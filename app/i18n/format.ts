// Dates and times as people in Taiwan read them: in Taiwan time, in the page's language.
import type { Locale } from "./resources";

export const PORTAL_TIME_ZONE = "Asia/Taipei";

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: PORTAL_TIME_ZONE,
  }).format(new Date(value));
}
