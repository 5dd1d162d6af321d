// Deadlines are calendar dates in Taiwan: a deadline of 2026-12-31 is open until midnight Taipei time.
const taipeiDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Taipei as yyyy-mm-dd (comparable as a string with Postgres `date` values). */
export function todayInTaipei(now: Date = new Date()): string {
  return taipeiDate.format(now);
}
