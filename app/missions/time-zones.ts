// Times of missions: stored as instants, typed by the office in the venue's IANA zone, shown in the
// viewer's zone (their saved choice, else the browser's, else the venue's). Intl only: no zone data
// of our own to keep up to date. No server imports: the browser formats with this module too.

/** Whether the name is an IANA time zone this runtime knows (e.g. Asia/Taipei, Europe/Berlin, UTC). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at that instant, in minutes (Asia/Taipei → 480). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time ("2027-03-15T09:30") in a zone; null when it is not a time or does
 * not exist there (skipped by a daylight-saving change).
 */
export function zonedToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !isTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return instantToZoned(instant, timeZone) === local ? new Date(instant) : null;
}

/** The wall-clock time of an instant in a zone, as a datetime-local value ("2027-03-15T09:30"). */
export function instantToZoned(instant: number | Date, timeZone: string): string {
  const at = typeof instant === "number" ? instant : instant.getTime();
  const shifted = new Date(at + offsetMinutes(at, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A date and time for people, in their language and zone, with the zone's name. */
export function formatInZone(instant: Date | string | number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", {
    timeZone, dateStyle: "medium", timeStyle: "short", hourCycle: "h23",
  }).format(new Date(instant)) + ` (${zoneLabel(instant, timeZone, locale)})`;
}

export function formatTimeInZone(instant: Date | string | number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { timeZone, timeStyle: "short", hourCycle: "h23" }).format(new Date(instant));
}

function zoneLabel(instant: Date | string | number, timeZone: string, locale: string): string {
  const name = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName")?.value;
  return `${timeZone}${name ? `, ${name}` : ""}`;
}

/** Zones offered in the chooser: the runtime's list when it has one. */
export function knownTimeZones(): string[] {
  const withList = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  const list = withList.supportedValuesOf?.("timeZone") ?? ["Asia/Taipei", "UTC"];
  return list.includes("UTC") ? list : [...list, "UTC"];
}
