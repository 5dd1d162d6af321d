// The meeting scheduler of a recruitment mission or matchmaking fair: pure and deterministic, so the
// office can rerun it and get the same plan, and property tests can hold it to its promises
// (docs/decisions/0012-mission-meeting-scheduler.md). Meetings are proposed only for mutual interest
// (the company marked the talent for a position and the talent marked that position), best score
// first, each in the earliest slot of the event's grid where neither the company nor the talent is
// busy. One meeting per company and talent: a talent interested in two positions of one company
// meets that company once, for the position that scored higher.

export type InterestSide = "company" | "talent";

export interface Interest {
  positionId: string;
  talentId: string;
  side: InterestSide;
}

export interface Candidate {
  positionId: string;
  organisationId: string;
  talentId: string;
  /** The ranking score (app/matching/score.ts), 0–100. */
  score: number;
}

/** A meeting already held in the database (times in ms since the epoch). */
export interface BusyMeeting {
  organisationId: string;
  talentId: string;
  startsAt: number;
  endsAt: number;
}

export interface ScheduleInput {
  /** The event's window (ms since the epoch); slots start at `startsAt` and end by `endsAt`. */
  startsAt: number;
  endsAt: number;
  meetingMinutes: number;
  candidates: readonly Candidate[];
  existing?: readonly BusyMeeting[];
}

export interface PlannedMeeting extends Candidate {
  startsAt: number;
  endsAt: number;
}

export interface SchedulePlan {
  meetings: PlannedMeeting[];
  /** Mutual pairs left without a meeting: no slot free for both, or they already meet. */
  unscheduled: Array<Candidate & { reason: "noSlot" | "alreadyMeeting" }>;
}

/** The position–talent pairs where both sides marked interest, each once, in a stable order. */
export function mutualPairs(interests: readonly Interest[]): Array<{ positionId: string; talentId: string }> {
  const bySide = { company: new Set<string>(), talent: new Set<string>() };
  for (const i of interests) bySide[i.side].add(key(i.positionId, i.talentId));
  return [...bySide.company]
    .filter((k) => bySide.talent.has(k))
    .sort()
    .map((k) => {
      const [positionId, talentId] = k.split("\u0000") as [string, string];
      return { positionId, talentId };
    });
}

/** The slot grid of an event: back-to-back meetings from the start, the last one ending by the end. */
export function slotStarts(startsAt: number, endsAt: number, meetingMinutes: number): number[] {
  const length = meetingMinutes * 60_000;
  if (!(length > 0)) return [];
  const starts: number[] = [];
  for (let at = startsAt; at + length <= endsAt; at += length) starts.push(at);
  return starts;
}

/** Best score first; ties by position, then talent, so the plan never depends on input order. */
export function byPriority(a: Candidate, b: Candidate): number {
  return b.score - a.score || compare(a.positionId, b.positionId) || compare(a.talentId, b.talentId) || compare(a.organisationId, b.organisationId);
}

export function scheduleMeetings(input: ScheduleInput): SchedulePlan {
  const length = input.meetingMinutes * 60_000;
  const slots = slotStarts(input.startsAt, input.endsAt, input.meetingMinutes);
  const busy = new Map<string, Array<[number, number]>>();
  const met = new Set<string>();
  const occupy = (who: string, from: number, to: number) => {
    const list = busy.get(who);
    if (list) list.push([from, to]);
    else busy.set(who, [[from, to]]);
  };
  const isFree = (who: string, from: number, to: number) => !(busy.get(who) ?? []).some(([s, e]) => s < to && from < e);
  for (const m of input.existing ?? []) {
    occupy(`o:${m.organisationId}`, m.startsAt, m.endsAt);
    occupy(`t:${m.talentId}`, m.startsAt, m.endsAt);
    met.add(key(m.organisationId, m.talentId));
  }

  const plan: SchedulePlan = { meetings: [], unscheduled: [] };
  for (const candidate of [...input.candidates].sort(byPriority)) {
    const pair = key(candidate.organisationId, candidate.talentId);
    if (met.has(pair)) {
      plan.unscheduled.push({ ...candidate, reason: "alreadyMeeting" });
      continue;
    }
    const company = `o:${candidate.organisationId}`;
    const talent = `t:${candidate.talentId}`;
    const start = slots.find((at) => isFree(company, at, at + length) && isFree(talent, at, at + length));
    if (start === undefined) {
      plan.unscheduled.push({ ...candidate, reason: "noSlot" });
      continue;
    }
    occupy(company, start, start + length);
    occupy(talent, start, start + length);
    met.add(pair);
    plan.meetings.push({ ...candidate, startsAt: start, endsAt: start + length });
  }
  plan.meetings.sort((a, b) => a.startsAt - b.startsAt || byPriority(a, b));
  return plan;
}

/** Whether a meeting [startsAt, endsAt) would overlap one the company or the talent already has. */
export function overlapsAny(meeting: BusyMeeting, existing: readonly BusyMeeting[]): boolean {
  return existing.some(
    (m) => (m.organisationId === meeting.organisationId || m.talentId === meeting.talentId) && m.startsAt < meeting.endsAt && meeting.startsAt < m.endsAt,
  );
}

const key = (a: string, b: string) => `${a}\u0000${b}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
