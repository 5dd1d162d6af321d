// npm run bench:match — the PhD programme's match (app/placement/match.ts) on generated rounds of
// 10,000, 50,000 and 100,000 applicants, 5,000 units and 20 preferences each. Target: under 1 s at
// 100,000 applicants. Pure computation: no database, no search.
import os from "node:os";
import { compileMarket, describeOutcome, proposeAndReject, runDeferredAcceptance, verifyMatching, type MatchInput } from "../app/placement/match";

const CONFIG = {
  seed: 20_240_601,
  sizes: [10_000, 50_000, 100_000],
  units: 5_000,
  preferences: 20,
  /** Total seats as a share of applicants. */
  seatShare: 0.6,
  /** Share of (applicant, unit) pairs a unit leaves off its ranking after the interview. */
  unacceptable: 0.1,
  runs: 3,
  targetMs: 1_000,
  targetApplicants: 100_000,
};

const t0 = performance.now();
const say = (line: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
const n = (value: number) => value.toLocaleString("en");
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const memory = () => {
  const { heapUsed, rss } = process.memoryUsage();
  return `heap used ${mb(heapUsed)}, RSS ${mb(rss)}`;
};

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Units differ in popularity (a few are listed by many), applicants in how units judge them (one common
 * score plus each unit's own noise), so deferred acceptance has real rejection chains to work through.
 */
function generateRound(applicantCount: number, seed: number): MatchInput {
  const random = prng(seed);
  const { units: unitCount, preferences } = CONFIG;
  const unitIds = Array.from({ length: unitCount }, (_, u) => `U${String(u).padStart(4, "0")}`);
  const applicantIds = Array.from({ length: applicantCount }, (_, a) => `A${String(a).padStart(6, "0")}`);
  const quality = Float64Array.from({ length: applicantCount }, () => random());
  const listers: number[][] = unitIds.map(() => []);
  const applicants: Record<string, string[]> = {};
  const listedBy = new Int32Array(unitCount).fill(-1);
  applicantIds.forEach((id, a) => {
    const list: string[] = [];
    while (list.length < preferences) {
      const u = Math.floor(unitCount * random() ** 2); // skewed towards the first units
      if (listedBy[u] === a) continue;
      listedBy[u] = a;
      list.push(unitIds[u]!);
      listers[u]!.push(a);
    }
    applicants[id] = list;
  });

  const weights = unitIds.map(() => 0.5 + random());
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const totalSeats = Math.round(applicantCount * CONFIG.seatShare);
  const capacities = weights.map((w) => Math.floor((totalSeats * w) / weightSum));
  for (let left = totalSeats - capacities.reduce((sum, c) => sum + c, 0); left > 0; left--) capacities[Math.floor(random() * unitCount)]!++;

  const units: Record<string, { capacity: number; ranking: string[] }> = {};
  unitIds.forEach((id, u) => {
    const scored = listers[u]!.filter(() => random() >= CONFIG.unacceptable).map((a) => ({ a, score: quality[a]! + 0.3 * random() }));
    scored.sort((x, y) => y.score - x.score);
    units[id] = { capacity: capacities[u]!, ranking: scored.map(({ a }) => applicantIds[a]!) };
  });
  return { applicants, units };
}

/** Wall time, and this process's CPU time: on a busy machine the wall time also counts others' work. */
function timed<T>(run: () => T): [T, number, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const { user, system } = process.cpuUsage(cpu);
  return [value, performance.now() - start, (user + system) / 1000];
}

function matchRuns(label: string, input: MatchInput): number {
  const totals: number[] = [];
  const cpuTotals: number[] = [];
  const phases = { compile: [] as number[], propose: [] as number[], describe: [] as number[] };
  for (let run = 1; run <= CONFIG.runs; run++) {
    // The three phases of runDeferredAcceptance, timed one by one.
    const [market, compileMs, compileCpu] = timed(() => compileMarket(input));
    const [proposals, proposeMs, proposeCpu] = timed(() => proposeAndReject(market));
    const [, describeMs, describeCpu] = timed(() => describeOutcome(market, proposals));
    totals.push(compileMs + proposeMs + describeMs);
    cpuTotals.push(compileCpu + proposeCpu + describeCpu);
    phases.compile.push(compileMs);
    phases.propose.push(proposeMs);
    phases.describe.push(describeMs);
    say(
      `${label}, run ${run}: match ${ms(totals.at(-1)!)} wall, ${ms(cpuTotals.at(-1)!)} CPU ` +
        `(ids to indexes ${ms(compileMs)}, proposals ${ms(proposeMs)}, assignments and waitlists ${ms(describeMs)})`,
    );
  }
  const matchMs = median(totals);
  say(
    `${label}: match, median of ${CONFIG.runs}: ${ms(matchMs)} wall, ${ms(median(cpuTotals))} CPU (ids to indexes ${ms(median(phases.compile))}, ` +
      `proposals ${ms(median(phases.propose))}, assignments and waitlists ${ms(median(phases.describe))}); ${memory()}`,
  );
  return matchMs;
}

function benchSize(applicantCount: number): number {
  say(`--- ${n(applicantCount)} applicants, ${n(CONFIG.units)} units, ${CONFIG.preferences} preferences each; ${memory()}`);
  const [input, generationMs] = timed(() => generateRound(applicantCount, CONFIG.seed + applicantCount));
  const ranked = Object.values(input.units).reduce((sum, unit) => sum + unit.ranking.length, 0);
  const seats = Object.values(input.units).reduce((sum, unit) => sum + unit.capacity, 0);
  say(`generated in ${ms(generationMs)}: ${n(seats)} seats, ${n(ranked)} ranked pairs; ${memory()}`);

  const [text, stringifyMs] = timed(() => JSON.stringify(input));
  const [parsed, parseMs] = timed(() => JSON.parse(text) as MatchInput);
  say(`as JSON: ${mb(text.length)}, stringified in ${ms(stringifyMs)}, parsed in ${ms(parseMs)}`);
  const generatedMs = matchRuns("generated objects", input);
  // What the CLI and the portal see: every id occurrence its own string (from JSON, or from the database
  // driver), where the generator shares one string per id. Lookups then hash and compare more.
  const parsedMs = matchRuns("parsed from JSON", parsed);

  const result = runDeferredAcceptance(parsed);
  const assignments = result.assignments;
  const placed = Object.values(assignments).filter((unit) => unit !== null).length;
  const waitlisted = Object.values(result.waitlists).reduce((sum, list) => sum + list.length, 0);
  say(`placed ${n(placed)} of ${n(applicantCount)}, ${n(seats - placed)} seats unfilled, ${n(waitlisted)} waitlist entries`);
  const [verification, verifyMs, verifyCpu] = timed(() => verifyMatching(parsed, assignments));
  const ok = verification.stable && verification.capacitiesRespected && verification.mutuallyAcceptable;
  say(`verification ${ms(verifyMs)} wall, ${ms(verifyCpu)} CPU: stable ${verification.stable}, capacities respected ${verification.capacitiesRespected}, mutually acceptable ${verification.mutuallyAcceptable}${ok ? "" : " — WRONG"}`);
  if (!ok) process.exitCode = 1;
  return Math.max(generatedMs, parsedMs);
}

const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
say(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), ${load()}`);
let targetMs = NaN;
for (const size of CONFIG.sizes) {
  const matchMs = benchSize(size);
  if (size === CONFIG.targetApplicants) targetMs = matchMs;
}
say(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
const pass = targetMs < CONFIG.targetMs;
say(`${pass ? "PASS" : "FAIL"}: match at ${n(CONFIG.targetApplicants)} applicants took ${ms(targetMs)} wall (median of ${CONFIG.runs}, the slower input form), target under ${ms(CONFIG.targetMs)}; ${load()}`);
if (!pass) process.exitCode = 1;
