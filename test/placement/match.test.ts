// The PhD programme's match: hand-worked and published instances (steps in the comments), then
// properties on random instances against brute force and a textbook implementation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileMarket,
  createPlacementExplainer,
  explainPlacement,
  MatchInputError,
  offerFreedSeat,
  runDeferredAcceptance,
  verifyMatching,
  withoutApplicant,
  type MatchInput,
} from "~/placement/match";
import {
  allStableMatchings,
  bruteForceBlockingPairs,
  instance,
  preferenceIndex,
  textbookDeferredAcceptance,
} from "./instances";

const allTrue = { stable: true, capacitiesRespected: true, mutuallyAcceptable: true };

// Four applicants, a lab with 2 seats and a clinic with 1. The lab did not rank bo.
const small: MatchInput = {
  applicants: { ann: ["clinic", "lab"], bo: ["clinic", "lab"], cy: ["lab"], di: ["lab", "clinic"] },
  units: { lab: { capacity: 2, ranking: ["ann", "cy", "di"] }, clinic: { capacity: 1, ranking: ["bo", "di", "ann"] } },
};

describe("hand-worked examples", () => {
  it("a lab and a clinic", () => {
    // ann → clinic: a free seat, held.
    // bo → clinic: the clinic ranks bo 1st, ann 3rd: holds bo, ann is displaced.
    // ann → lab: a free seat, held.          cy → lab: the second seat, held.
    // di → lab: full with ann (1st) and cy (2nd), di is 3rd: rejected.
    // di → clinic: holds bo (1st), di is 2nd: rejected. di has no unit left: unplaced.
    const result = runDeferredAcceptance(small);
    expect(result.assignments).toEqual({ ann: "lab", bo: "clinic", cy: "lab", di: null });
    // The clinic's waitlist: it ranked bo (placed there), di (got nothing), ann (prefers it to the lab): di, ann.
    // The lab's: ann and cy are placed there, di got nothing; bo is not ranked by it.
    expect(result.waitlists).toEqual({ lab: ["di"], clinic: ["di", "ann"] });
    expect(result.units).toEqual({
      lab: { capacity: 2, filled: 2, lowestAdmittedRank: 2 },
      clinic: { capacity: 1, filled: 1, lowestAdmittedRank: 1 },
    });
    expect(verifyMatching(small, result.assignments)).toMatchObject({ ...allTrue, blockingPairs: [] });

    const explain = createPlacementExplainer(small, result.assignments);
    expect(explain("ann")).toEqual({
      applicant: "ann",
      unit: "lab",
      notHigher: [{ unit: "clinic", reason: "filled-by-higher-ranked", seats: 1, yourRank: 3, lowestAdmittedRank: 1 }],
    });
    expect(explain("di").notHigher).toEqual([
      { unit: "lab", reason: "filled-by-higher-ranked", seats: 2, yourRank: 3, lowestAdmittedRank: 2 },
      { unit: "clinic", reason: "filled-by-higher-ranked", seats: 1, yourRank: 2, lowestAdmittedRank: 1 },
    ]);
    expect(explain("bo").notHigher).toEqual([]);
  });

  it("the NRMP's 'Run a Match' example: five applicants, three programs of two positions", () => {
    // Anderson → City: held.   Chen → City: held (City: Anderson 2nd, Chen 3rd).
    // Ford → City: 5th, City full: rejected. Ford → General: held.
    // Davis → Mercy: Mercy did not rank Davis. Davis → City: 4th, rejected. Davis → General: held (Ford, Davis).
    // Eastman → City: 1st, displaces Chen (3rd). Chen → Mercy: 1st there, held.
    const input: MatchInput = {
      applicants: {
        Anderson: ["City"],
        Chen: ["City", "Mercy"],
        Ford: ["City", "General", "Mercy"],
        Davis: ["Mercy", "City", "General"],
        Eastman: ["City", "Mercy", "General"],
      },
      units: {
        Mercy: { capacity: 2, ranking: ["Chen", "Ford"] },
        City: { capacity: 2, ranking: ["Eastman", "Anderson", "Chen", "Davis", "Ford"] },
        General: { capacity: 2, ranking: ["Eastman", "Anderson", "Ford", "Davis"] },
      },
    };
    const result = runDeferredAcceptance(input);
    expect(result.assignments).toEqual({ Anderson: "City", Chen: "Mercy", Ford: "General", Davis: "General", Eastman: "City" });
    // Mercy keeps a position open: only Chen and Ford were acceptable to it, and Ford got a program he prefers.
    expect(result.units.Mercy).toEqual({ capacity: 2, filled: 1, lowestAdmittedRank: 1 });
    expect(result.waitlists).toEqual({ Mercy: [], City: ["Chen", "Davis", "Ford"], General: [] });
    expect(explainPlacement(input, result.assignments, "Davis").notHigher).toEqual([
      { unit: "Mercy", reason: "not-ranked" },
      { unit: "City", reason: "filled-by-higher-ranked", seats: 2, yourRank: 4, lowestAdmittedRank: 2 },
    ]);
    expect(verifyMatching(input, result.assignments)).toMatchObject(allTrue);
  });

  it("Gale and Shapley's 3 × 3 example: three stable matchings, and the applicants get their first choices", () => {
    // Each applicant's first choice ranks them last, second choice second, third choice first. Proposing
    // applicants all get their first choice at once; the other two stable matchings give everyone their
    // second or everyone their third choice.
    const input: MatchInput = {
      applicants: { alpha: ["A", "B", "C"], beta: ["B", "C", "A"], gamma: ["C", "A", "B"] },
      units: {
        A: { capacity: 1, ranking: ["beta", "gamma", "alpha"] },
        B: { capacity: 1, ranking: ["gamma", "alpha", "beta"] },
        C: { capacity: 1, ranking: ["alpha", "beta", "gamma"] },
      },
    };
    const firstChoices = { alpha: "A", beta: "B", gamma: "C" };
    expect(runDeferredAcceptance(input).assignments).toEqual(firstChoices);
    expect(allStableMatchings(input)).toEqual(
      expect.arrayContaining([firstChoices, { alpha: "B", beta: "C", gamma: "A" }, { alpha: "C", beta: "A", gamma: "B" }]),
    );
    expect(allStableMatchings(input)).toHaveLength(3);
  });

  it("a unit with no seats, an applicant with no list, and ids that are names of Object.prototype", () => {
    const input: MatchInput = JSON.parse(
      JSON.stringify({
        applicants: { constructor: ["toString", "hasOwnProperty"], nobody: [] },
        units: { toString: { capacity: 0, ranking: ["constructor"] }, hasOwnProperty: { capacity: 1, ranking: ["constructor"] } },
      }),
    );
    const result = runDeferredAcceptance(input);
    expect(result.assignments).toEqual({ constructor: "hasOwnProperty", nobody: null });
    expect(result.waitlists).toEqual({ toString: ["constructor"], hasOwnProperty: [] });
    expect(explainPlacement(input, result.assignments, "constructor").notHigher).toEqual([{ unit: "toString", reason: "no-seats" }]);
    expect(verifyMatching(input, result.assignments)).toMatchObject(allTrue);
    const proto: MatchInput = JSON.parse('{"applicants":{"__proto__":["u"]},"units":{"u":{"capacity":1,"ranking":["__proto__"]}}}');
    expect(JSON.stringify(runDeferredAcceptance(proto).assignments)).toBe('{"__proto__":"u"}');
  });

  it("an empty round, and a capacity larger than anyone could fill", () => {
    expect(runDeferredAcceptance({ applicants: {}, units: {} })).toEqual({ assignments: {}, waitlists: {}, units: {} });
    const input: MatchInput = { applicants: { a: ["u"] }, units: { u: { capacity: 1e9, ranking: ["a"] } } };
    expect(runDeferredAcceptance(input).units.u).toEqual({ capacity: 1e9, filled: 1, lowestAdmittedRank: 1 });
  });

  it("the algorithm refuses input it cannot run on", () => {
    const bad = (input: MatchInput) => () => compileMarket(input);
    expect(bad({ applicants: { a: ["x"] }, units: {} })).toThrow(new MatchInputError('applicant "a" lists unknown unit "x"'));
    expect(bad({ applicants: { a: ["u", "u"] }, units: { u: { capacity: 1, ranking: [] } } })).toThrow('lists unit "u" twice');
    expect(bad({ applicants: {}, units: { u: { capacity: 1, ranking: ["z"] } } })).toThrow('ranks unknown applicant "z"');
    expect(bad({ applicants: { a: [] }, units: { u: { capacity: 1, ranking: ["a", "a"] } } })).toThrow('ranks applicant "a" twice');
    expect(bad({ applicants: {}, units: { u: { capacity: -1, ranking: [] } } })).toThrow('unit "u" has capacity -1');
    expect(bad({ applicants: {}, units: { u: { capacity: 0.5, ranking: [] } } })).toThrow(MatchInputError);
  });

  it("the verifier finds blocking pairs, overfull units and unacceptable pairs", () => {
    // Three in the lab (2 seats), bo among them though the lab did not rank him; di in the clinic.
    const verification = verifyMatching(small, { ann: "lab", bo: "lab", cy: "lab", di: "clinic" });
    expect(verification).toMatchObject({ stable: false, capacitiesRespected: false, mutuallyAcceptable: false });
    expect(verification.seats).toEqual({ lab: { capacity: 2, filled: 3 }, clinic: { capacity: 1, filled: 1 } });
    // The clinic prefers bo to di, and bo the clinic to the lab. The lab holds bo, whom it did not rank
    // and so likes less than di, and di prefers the lab to the clinic.
    expect(verification.blockingPairs).toEqual([
      { applicant: "bo", unit: "clinic" },
      { applicant: "di", unit: "lab" },
    ]);
    expect(() => explainPlacement(small, { ann: "lab", bo: "lab", cy: "lab", di: "clinic" }, "bo")).toThrow("not stable");
  });
});

describe("a seat freed by a decline", () => {
  it("bo declines the clinic: the first on its waitlist who still wants it takes it; then ann declines the lab", () => {
    // The clinic's waitlist is di, ann; di holds nothing and takes the seat. di held no seat: the chain ends.
    const published = runDeferredAcceptance(small).assignments;
    const afterBo = offerFreedSeat(small, published, "bo");
    expect(afterBo).toMatchObject({ assignments: { ann: "lab", cy: "lab", di: "clinic" }, moves: [{ applicant: "di", from: null, to: "clinic" }], emptied: null });
    expect(afterBo.input).toEqual(withoutApplicant(small, "bo"));
    expect(verifyMatching(afterBo.input, afterBo.assignments)).toMatchObject(allTrue);
    // A re-run without bo would place ann at the clinic and di at the lab, both higher. offerFreedSeat does
    // not do that: only the waitlist chain moves (see app/placement/freed-seat.ts for why).
    expect(runDeferredAcceptance(afterBo.input).assignments).toEqual({ ann: "clinic", cy: "lab", di: "lab" });

    // ann declines the lab. Its ranking is ann, cy, di: cy holds it, di prefers it to the clinic and moves.
    // The clinic's ranking (bo, di, ann) has nobody left who wants it: its seat stays empty.
    const afterAnn = offerFreedSeat(afterBo.input, afterBo.assignments, "ann");
    expect(afterAnn).toMatchObject({ assignments: { cy: "lab", di: "lab" }, moves: [{ applicant: "di", from: "clinic", to: "lab" }], emptied: "clinic" });
    expect(verifyMatching(afterAnn.input, afterAnn.assignments)).toMatchObject(allTrue);
  });

  it("only the chain moves, where a re-run would also move others (found by the property test below)", () => {
    const input: MatchInput = {
      applicants: { amy: ["lab"], ben: ["lab"], cal: ["lab"], dan: ["clinic", "lab"], eve: ["lab", "clinic"] },
      units: { lab: { capacity: 3, ranking: ["dan", "amy", "ben", "cal", "eve"] }, clinic: { capacity: 1, ranking: ["eve", "dan"] } },
    };
    // amy, ben, cal → lab: held (3 seats). dan → clinic: held.
    // eve → lab: 5th, rejected; eve → clinic: 1st there, displaces dan. dan → lab: 1st, displaces cal (4th).
    const published = runDeferredAcceptance(input).assignments;
    expect(published).toEqual({ amy: "lab", ben: "lab", cal: null, dan: "lab", eve: "clinic" });
    // ben declines. The lab's waitlist is cal, eve; cal holds nothing and takes the seat.
    const outcome = offerFreedSeat(input, published, "ben");
    expect(outcome).toMatchObject({ assignments: { amy: "lab", cal: "lab", dan: "lab", eve: "clinic" }, moves: [{ applicant: "cal", from: null, to: "lab" }] });
    // Re-run without ben, the lab has room for eve, who then never displaces dan at the clinic: eve and dan
    // would both move up, and the clinic would lose eve, its first choice, though nobody declined there.
    expect(runDeferredAcceptance(outcome.input).assignments).toEqual({ amy: "lab", cal: "lab", dan: "clinic", eve: "lab" });
  });

  it("an unplaced applicant who withdraws frees no seat and moves nobody (a re-run would)", () => {
    const input: MatchInput = {
      applicants: { fay: ["south"], gus: ["north"], hal: ["south", "north"], ivy: ["north", "south"] },
      units: { north: { capacity: 2, ranking: ["hal", "gus", "ivy"] }, south: { capacity: 1, ranking: ["ivy", "fay", "hal"] } },
    };
    // fay → south: held. gus → north: held. hal → south: 3rd, south holds fay (2nd): rejected; hal → north: held.
    // ivy → north: 3rd, full: rejected; ivy → south: 1st, displaces fay, who has nothing else.
    const published = runDeferredAcceptance(input).assignments;
    expect(published).toEqual({ fay: null, gus: "north", hal: "north", ivy: "south" });
    expect(offerFreedSeat(input, published, "fay")).toMatchObject({ assignments: { gus: "north", hal: "north", ivy: "south" }, moves: [], emptied: null });
    // Without fay from the start, hal keeps the south and ivy gets the north: each unit would swap its
    // first choice for its third because an applicant who got nothing withdrew.
    expect(runDeferredAcceptance(withoutApplicant(input, "fay")).assignments).toEqual({ gus: "north", hal: "south", ivy: "north" });
    expect(() => offerFreedSeat(input, published, "zed")).toThrow('"zed" is not an applicant');
  });
});

describe("on random instances", () => {
  const someInstance = instance({ maxApplicants: 8, maxUnits: 4, maxCapacity: 3 });

  it("the result is stable, respects capacities and pairs only the mutually acceptable (verifier and brute force agree)", () => {
    fc.assert(
      fc.property(someInstance, (input) => {
        const { assignments } = runDeferredAcceptance(input);
        expect(verifyMatching(input, assignments)).toMatchObject({ ...allTrue, blockingPairs: [] });
        expect(bruteForceBlockingPairs(input, assignments)).toEqual([]);
        for (const [applicant, unit] of Object.entries(assignments)) {
          if (unit === null) continue;
          expect(input.applicants[applicant]).toContain(unit);
          expect(input.units[unit]!.ranking).toContain(applicant);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("every applicant gets their best unit among all stable matchings (enumerated, up to 5 applicants × 3 units)", () => {
    fc.assert(
      fc.property(instance({ maxApplicants: 5, maxUnits: 3, maxCapacity: 2 }), (input) => {
        const { assignments } = runDeferredAcceptance(input);
        const stable = allStableMatchings(input);
        expect(stable).toContainEqual(assignments);
        for (const applicant of Object.keys(input.applicants)) {
          const best = Math.min(...stable.map((m) => preferenceIndex(input, applicant, m[applicant] ?? null)));
          expect(preferenceIndex(input, applicant, assignments[applicant] ?? null)).toBe(best);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("equals a textbook deferred acceptance on larger instances, whatever the order of the applicants", () => {
    fc.assert(
      fc.property(instance({ maxApplicants: 40, maxUnits: 8, maxCapacity: 5 }), (input) => {
        const { assignments } = runDeferredAcceptance(input);
        expect(assignments).toEqual(textbookDeferredAcceptance(input));
        const reversed = { applicants: Object.fromEntries(Object.entries(input.applicants).reverse()), units: input.units };
        expect(runDeferredAcceptance(reversed).assignments).toEqual(assignments);
      }),
      { numRuns: 500 },
    );
  });

  it("the verifier agrees with the definition on arbitrary assignments, stable or not", () => {
    const withAssignments = someInstance.chain((input) => {
      const choices = [null, ...Object.keys(input.units)];
      return fc
        .array(fc.constantFrom(...choices), { minLength: Object.keys(input.applicants).length, maxLength: Object.keys(input.applicants).length })
        .map((picked) => ({ input, assignments: Object.fromEntries(Object.keys(input.applicants).map((a, i) => [a, picked[i]!])) }));
    });
    fc.assert(
      fc.property(withAssignments, ({ input, assignments }) => {
        const verification = verifyMatching(input, assignments);
        const blocking = bruteForceBlockingPairs(input, assignments);
        expect(new Set(verification.blockingPairs.map((p) => `${p.applicant}→${p.unit}`))).toEqual(new Set(blocking.map((p) => `${p.applicant}→${p.unit}`)));
        expect(verification.stable).toBe(blocking.length === 0);
        const filled = (unit: string) => Object.values(assignments).filter((u) => u === unit).length;
        expect(verification.capacitiesRespected).toBe(Object.entries(input.units).every(([unit, { capacity }]) => filled(unit) <= capacity));
        const acceptable = Object.entries(assignments).every(
          ([a, u]) => u === null || (input.applicants[a]!.includes(u) && input.units[u]!.ranking.includes(a)),
        );
        expect(verification.mutuallyAcceptable).toBe(acceptable);
      }),
      { numRuns: 1000 },
    );
  });

  it("waitlists, unit outcomes and explanations follow their definitions", () => {
    fc.assert(
      fc.property(someInstance, (input) => {
        const result = runDeferredAcceptance(input);
        const { assignments } = result;
        const explain = createPlacementExplainer(input, assignments);
        for (const [unit, { capacity, ranking }] of Object.entries(input.units)) {
          const wants = (a: string) => input.applicants[a]!.includes(unit) && preferenceIndex(input, a, unit) < preferenceIndex(input, a, assignments[a] ?? null);
          expect(result.waitlists[unit]).toEqual(ranking.filter(wants));
          const admittedRanks = ranking.flatMap((a, i) => (assignments[a] === unit ? [i + 1] : []));
          expect(result.units[unit]).toEqual({ capacity, filled: admittedRanks.length, lowestAdmittedRank: admittedRanks.length > 0 ? Math.max(...admittedRanks) : null });
        }
        for (const [applicant, list] of Object.entries(input.applicants)) {
          const got = assignments[applicant] ?? null;
          const higher = got === null ? list : list.slice(0, list.indexOf(got));
          const { notHigher } = explain(applicant);
          expect(notHigher.map((n) => n.unit)).toEqual(higher);
          for (const reason of notHigher) {
            const { capacity, ranking } = input.units[reason.unit]!;
            if (reason.reason === "not-ranked") expect(ranking).not.toContain(applicant);
            else if (reason.reason === "no-seats") expect(capacity).toBe(0);
            else {
              expect(reason).toEqual({ ...reason, seats: capacity, yourRank: ranking.indexOf(applicant) + 1, lowestAdmittedRank: result.units[reason.unit]!.lowestAdmittedRank });
              expect(result.units[reason.unit]!.filled).toBe(capacity);
              expect(reason.lowestAdmittedRank).toBeLessThan(reason.yourRank);
            }
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("declines, one after another: each seat goes to the first who still wants it, the matching stays stable, nobody loses", () => {
    const withDeclines = instance({ maxApplicants: 12, maxUnits: 5, maxCapacity: 3 }).chain((input) =>
      fc.record({
        input: fc.constant(input),
        decliners: fc.shuffledSubarray(Object.keys(input.applicants), { maxLength: Math.min(4, Object.keys(input.applicants).length) }),
      }),
    );
    fc.assert(
      fc.property(withDeclines, ({ input, decliners }) => {
        let market = input;
        let assignments = runDeferredAcceptance(input).assignments;
        for (const decliner of decliners) {
          const outcome = offerFreedSeat(market, assignments, decliner);
          expect(outcome.input).toEqual(withoutApplicant(market, decliner));
          expect(verifyMatching(outcome.input, outcome.assignments)).toMatchObject(allTrue);
          expect(Object.keys(outcome.assignments).sort()).toEqual(Object.keys(assignments).filter((a) => a !== decliner).sort());

          // Replay the moves: each fills the seat the one before it left, and goes to the first applicant
          // in the unit's ranking who, at that moment, prefers it to what they hold.
          const replay: Record<string, string | null> = { ...assignments };
          delete replay[decliner];
          let seat = assignments[decliner] ?? null;
          for (const move of outcome.moves) {
            expect(move.to).toBe(seat);
            expect(move.from).toBe(replay[move.applicant] ?? null);
            const wants = (a: string) => outcome.input.applicants[a]!.includes(seat!) && preferenceIndex(input, a, seat) < preferenceIndex(input, a, replay[a] ?? null);
            expect(outcome.input.units[seat!]!.ranking.find(wants)).toBe(move.applicant);
            replay[move.applicant] = seat;
            seat = move.from;
          }
          expect(outcome.assignments).toEqual(replay);
          // The chain ends with an unplaced applicant placed, or at a seat nobody remaining wants.
          expect(outcome.emptied).toBe(seat);
          if (seat !== null) {
            const wants = (a: string) => outcome.input.applicants[a]!.includes(seat!) && preferenceIndex(input, a, seat) < preferenceIndex(input, a, outcome.assignments[a] ?? null);
            expect(outcome.input.units[seat]!.ranking.filter(wants)).toEqual([]);
          }
          // A re-run (applicant-optimal for the smaller market) places everyone at least as high.
          const rerun = runDeferredAcceptance(outcome.input).assignments;
          for (const [applicant, unit] of Object.entries(outcome.assignments)) {
            expect(preferenceIndex(input, applicant, unit)).toBeLessThanOrEqual(preferenceIndex(input, applicant, assignments[applicant] ?? null));
            expect(preferenceIndex(input, applicant, rerun[applicant] ?? null)).toBeLessThanOrEqual(preferenceIndex(input, applicant, unit));
          }
          market = outcome.input;
          assignments = outcome.assignments;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
