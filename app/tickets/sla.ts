// The single window's service level: the office's first reply is due within 2 working days (Monday to
// Friday, Taiwan time; public holidays are not modelled). A ticket opened at a weekend counts from
// Monday 00:00. Pure, so the page, the list and the tests share one clock.

export const FIRST_REPLY_WORKING_DAYS = 2;
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const isWeekend = (taipeiMs: number) => {
  const day = new Date(taipeiMs).getUTCDay();
  return day === 0 || day === 6;
};

/** When the first reply is due for a ticket opened at `openedAt`. */
export function firstReplyDue(openedAt: Date, workingDays = FIRST_REPLY_WORKING_DAYS): Date {
  // Taiwan has no daylight saving time: a fixed offset gives its wall clock.
  let local = openedAt.getTime() + TAIPEI_OFFSET_MS;
  if (isWeekend(local)) {
    local = Math.floor(local / DAY_MS) * DAY_MS;
    while (isWeekend(local)) local += DAY_MS;
  }
  let added = 0;
  while (added < workingDays) {
    local += DAY_MS;
    if (!isWeekend(local)) added++;
  }
  return new Date(local - TAIPEI_OFFSET_MS);
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
