// The scheduler's promises, checked on random events: nobody is double-booked, only mutual interest
// becomes a meeting, every meeting lies on the event's grid inside its window, the plan does not
// depend on the input order, and a pair left out really had no slot free for both.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutualPairs, overlapsAny, scheduleMeetings, slotStarts, type Candidate, type Interest } from "../../app/missions/scheduler";

const T0 = Date.UTC(2027, 2, 15, 1, 0);
const orgOf = (positionId: string) => `org-${Number(positionId.slice(1)) % 3}`;

const world = fc.record({
  minutes: fc.integer({ min: 5, max: 60 }),
  hours: fc.integer({ min: 0, max: 4 }),
  interests: fc.array(
    fc.record({
      positionId: fc.integer({ min: 0, max: 6 }).map((n) => `p${n}`),
      talentId: fc.integer({ min: 0, max: 8 }).map((n) => `t${n}`),
      side: fc.constantFrom("company" as const, "talent" as const),
    }),
    { maxLength: 60 },
  ),
  scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 63, maxLength: 63 }),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function plan(w: World) {
  const candidates: Candidate[] = mutualPairs(w.interests).map((p) => ({
    ...p, organisationId: orgOf(p.positionId), score: w.scores[Number(p.positionId.slice(1)) * 9 + Number(p.talentId.slice(1))]!,
  }));
  const input = { startsAt: T0, endsAt: T0 + w.hours * 3_600_000 + 17 * 60_000, meetingMinutes: w.minutes, candidates };
  return { input, candidates, result: scheduleMeetings(input) };
}

describe("mission scheduler", () => {
  it("never books a company or a talent into two meetings at once", () => {
    fc.assert(fc.property(world, (w) => {
      const { result } = plan(w);
      result.meetings.forEach((m, i) => {
        const others = result.meetings.filter((_, j) => j !== i);
        expect(overlapsAny(m, others)).toBe(false);
      });
    }), { numRuns: 300 });
  });

  it("schedules only pairs where both sides marked interest", () => {
    fc.assert(fc.property(world, (w) => {
      const { result } = plan(w);
      for (const m of result.meetings) {
        expect(w.interests.some((i) => i.side === "company" && i.positionId === m.positionId && i.talentId === m.talentId)).toBe(true);
        expect(w.interests.some((i) => i.side === "talent" && i.positionId === m.positionId && i.talentId === m.talentId)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it("keeps every meeting on the event's slot grid and inside its window", () => {
    fc.assert(fc.property(world, (w) => {
      const { input, result } = plan(w);
      const grid = new Set(slotStarts(input.startsAt, input.endsAt, input.meetingMinutes));
      for (const m of result.meetings) {
        expect(grid.has(m.startsAt)).toBe(true);
        expect(m.endsAt - m.startsAt).toBe(w.minutes * 60_000);
        expect(m.startsAt).toBeGreaterThanOrEqual(input.startsAt);
        expect(m.endsAt).toBeLessThanOrEqual(input.endsAt);
      }
    }), { numRuns: 300 });
  });

  it("gives the same plan whatever order the candidates come in", () => {
    fc.assert(fc.property(world, fc.integer(), (w, seed) => {
      const { input, result } = plan(w);
      const shuffled = [...input.candidates].sort((a, b) => ((hash(a.positionId + a.talentId) ^ seed) % 97) - ((hash(b.positionId + b.talentId) ^ seed) % 97));
      expect(scheduleMeetings({ ...input, candidates: shuffled })).toEqual(result);
    }), { numRuns: 200 });
  });

  it("leaves a pair out only when no slot is free for both, or the company already meets the talent", () => {
    fc.assert(fc.property(world, (w) => {
      const { input, result } = plan(w);
      const length = w.minutes * 60_000;
      for (const u of result.unscheduled) {
        if (u.reason === "alreadyMeeting") {
          expect(result.meetings.some((m) => m.organisationId === u.organisationId && m.talentId === u.talentId)).toBe(true);
          continue;
        }
        for (const at of slotStarts(input.startsAt, input.endsAt, w.minutes)) {
          expect(overlapsAny({ organisationId: u.organisationId, talentId: u.talentId, startsAt: at, endsAt: at + length }, result.meetings)).toBe(true);
        }
      }
      expect(result.meetings.length + result.unscheduled.length).toBe(input.candidates.length);
    }), { numRuns: 300 });
  });

  it("works around meetings already in the database and never pairs them again", () => {
    const candidates: Candidate[] = [
      { positionId: "p1", organisationId: "A", talentId: "x", score: 90 },
      { positionId: "p2", organisationId: "B", talentId: "x", score: 80 },
      { positionId: "p3", organisationId: "A", talentId: "y", score: 70 },
    ];
    const existing = [{ organisationId: "A", talentId: "x", startsAt: T0, endsAt: T0 + 20 * 60_000 }];
    const result = scheduleMeetings({ startsAt: T0, endsAt: T0 + 3_600_000, meetingMinutes: 20, candidates, existing });
    expect(result.unscheduled).toEqual([{ ...candidates[0], reason: "alreadyMeeting" }]);
    expect(result.meetings.map((m) => [m.organisationId, m.talentId, (m.startsAt - T0) / 60_000])).toEqual([["B", "x", 20], ["A", "y", 20]]);
  });

  it("puts the higher score first when two pairs want the same talent", () => {
    const result = scheduleMeetings({
      startsAt: T0, endsAt: T0 + 40 * 60_000, meetingMinutes: 20,
      candidates: [{ positionId: "p1", organisationId: "A", talentId: "x", score: 40 }, { positionId: "p2", organisationId: "B", talentId: "x", score: 95 }],
    });
    expect(result.meetings.map((m) => [m.organisationId, (m.startsAt - T0) / 60_000])).toEqual([["B", 0], ["A", 20]]);
  });

  it("finds the mutual pairs of a list of interests, each once", () => {
    const interests: Interest[] = [
      { positionId: "p1", talentId: "x", side: "company" },
      { positionId: "p1", talentId: "x", side: "talent" },
      { positionId: "p1", talentId: "x", side: "talent" },
      { positionId: "p2", talentId: "x", side: "talent" },
      { positionId: "p1", talentId: "y", side: "company" },
    ];
    expect(mutualPairs(interests)).toEqual([{ positionId: "p1", talentId: "x" }]);
  });
});

function hash(s: string) {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return Math.abs(h);
}
