// npm run bench:search — position search at 100,000 positions: the portal's Meilisearch path
// against the naive Postgres ILIKE path, 1,000 queries at 20 concurrent connections each.
// Fresh database (Postgres when DATABASE_URL is set) and its own Meilisearch; everything is
// removed at the end, also on error and on Ctrl-C.
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pino from "pino";
import { parseEnv } from "../server/env";
import type { Logger } from "../server/logger";
import { startServices, type Services } from "../server/services";
import { createFreshDatabase, type FreshDatabase } from "../test/support/fresh-database";
import { LIST_FIELDS, PAGE_SIZE, startBenchServer, type BenchServer } from "./endpoints";
import { generateData, readReference } from "./generate";
import { indexForBench, type IndexOutcome } from "./indexing";
import { percentile, runLoadInChild, type LoadRequest, type LoadResult } from "./load";
import { buildQueryMix, warmUpQueries, type BenchQuery } from "./queries";
import { indexUid } from "../search/reindex";

const CONFIG = {
  seed: 42,
  companies: 200,
  positions: 100_000,
  talents: 5_000,
  batchSize: 5_000,
  queries: 1_000,
  warmUp: 50,
  /** The Meilisearch path takes seconds a round, so it runs several and reports the median. */
  searchRounds: 3,
  concurrency: 20,
  requestTimeoutMs: 30_000,
  /** Per path: no new requests after this, so the run stays bounded (in-flight ones finish). */
  warmUpBudgetMs: 15_000,
  loadBudgetMs: { search: 60_000, ilike: 75_000 },
  targets: { p95Ms: 50, ratio: 10 },
};

const t0 = performance.now();
const say = (line: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a");
const secs = (value: number) => `${(value / 1000).toFixed(1)} s`;
const n = (value: number) => value.toLocaleString("en");
const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`;

let fresh: FreshDatabase | undefined;
let services: Services | undefined;
let server: BenchServer | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    say("cleaning up: bench server, services (Meilisearch, database pool), fresh database");
    await server?.close().catch((e: unknown) => console.error("closing the bench server failed:", e));
    await services?.close().catch((e: unknown) => console.error("closing services failed:", e));
    await fresh?.drop().catch((e: unknown) => console.error("dropping the fresh database failed:", e));
    say("cleaned up");
  })();
  return cleaning;
}

// process.on, not once: under `npm run`, Ctrl-C reaches this process twice (from the terminal and
// relayed by tsx), and tsx's own handler exits at once if a second signal finds no listener.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

interface Measured {
  result: LoadResult;
  serverMs: number[];
}

/** Warm-up, then `rounds` runs of the whole mix; returns every round. */
async function measure(route: "search" | "ilike", mix: BenchQuery[], warm: BenchQuery[], bench: BenchServer, rounds: number): Promise<Measured[]> {
  const paths = (queries: BenchQuery[]) => queries.map(({ q }) => `/${route}?q=${encodeURIComponent(q)}`);
  const common = { baseUrl: bench.url, concurrency: CONFIG.concurrency, timeoutMs: CONFIG.requestTimeoutMs };
  say(`${route}: warm-up, ${warm.length} queries (budget ${secs(CONFIG.warmUpBudgetMs)}); ${load()}`);
  const warmed = await runLoadInChild({ ...common, paths: paths(warm), budgetMs: CONFIG.warmUpBudgetMs });
  say(`${route}: warm-up done, ${warmed.latencies.length} sent in ${secs(warmed.wallMs)}`);
  const measured: Measured[] = [];
  for (let round = 1; round <= rounds; round++) {
    bench.serverMs[route].length = 0;
    const label = rounds > 1 ? `${route} round ${round}/${rounds}` : route;
    say(`${label}: ${mix.length} queries at ${CONFIG.concurrency} concurrent connections (budget ${secs(CONFIG.loadBudgetMs[route])}); ${load()}`);
    const result = await runLoadInChild({
      ...common,
      paths: paths(mix),
      budgetMs: CONFIG.loadBudgetMs[route],
      progress: (done, total) => say(`${label}: ${done}/${total}`),
    });
    measured.push({ result, serverMs: [...bench.serverMs[route]].sort((a, b) => a - b) });
  }
  return measured;
}

/**
 * The same mix sent straight to Meilisearch, with the search the portal's path makes: the floor under
 * the figures above. On 2 cores Meilisearch runs one search per core and queues the rest, so at 20
 * concurrent requests its own latency is about 20 / its throughput, whatever the portal adds.
 */
async function measureEngineAlone(mix: BenchQuery[], search: Services["search"]): Promise<LoadResult> {
  const { host, apiKey } = search.client.config;
  const headers: Record<string, string> = { "Content-Type": "application/json", ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) };
  const path = `/indexes/${indexUid(search, "positions")}/search`;
  const requests: LoadRequest[] = mix.map(({ q }) => ({ method: "POST", path, headers, body: JSON.stringify({ q, limit: PAGE_SIZE, attributesToRetrieve: LIST_FIELDS }) }));
  say(`meilisearch alone: ${mix.length} queries at ${CONFIG.concurrency} concurrent connections straight to ${host}; ${load()}`);
  return runLoadInChild({ baseUrl: host.replace(/\/$/, ""), paths: requests, concurrency: CONFIG.concurrency, timeoutMs: CONFIG.requestTimeoutMs, budgetMs: CONFIG.loadBudgetMs.search });
}

/** The round with the median p95. */
const medianRound = (rounds: Measured[]) => [...rounds].sort((a, b) => a.result.p95 - b.result.p95)[Math.floor((rounds.length - 1) / 2)]!;

function report(name: string, m: Measured) {
  const r = m.result;
  say(
    `${name.padEnd(14)} count ${r.latencies.length}  errors ${r.errors}  not sent (budget) ${r.notSent}  ` +
      `p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  max ${ms(r.max)} ms  ` +
      `throughput ${r.throughput.toFixed(1)} req/s  (wall ${secs(r.wallMs)})`,
  );
  if (m.serverMs.length > 0) say(`${"".padEnd(14)} inside the bench server: p50 ${ms(percentile(m.serverMs, 50))} ms  p95 ${ms(percentile(m.serverMs, 95))} ms`);
  if (r.engineMs.length > 0) {
    say(`${"".padEnd(14)} Meilisearch processingTimeMs: p50 ${ms(percentile(r.engineMs, 50))}  p95 ${ms(percentile(r.engineMs, 95))}  p99 ${ms(percentile(r.engineMs, 99))}`);
  }
  for (const sample of r.errorSamples) say(`${"".padEnd(14)} error: ${sample}`);
}

function hitsByKind(mix: BenchQuery[], meili: number[], ilike: number[]) {
  const kinds = new Map<string, { queries: number; m: number[]; i: number[] }>();
  mix.forEach(({ kind }, index) => {
    const entry = kinds.get(kind) ?? { queries: 0, m: [], i: [] };
    entry.queries++;
    if ((meili[index] ?? -1) >= 0) entry.m.push(meili[index]!);
    if ((ilike[index] ?? -1) >= 0) entry.i.push(ilike[index]!);
    kinds.set(kind, entry);
  });
  const cell = (values: number[]) =>
    values.length === 0
      ? "not measured".padStart(26)
      : `${String(values.length).padStart(4)} answered ${String(values.filter((v) => v === 0).length).padStart(3)} empty ${n(Math.round(values.reduce((a, b) => a + b, 0) / values.length)).padStart(6)}`;
  say("results per query kind: answered / with no hit / mean total (Meilisearch's total is estimatedTotalHits, capped at 1,000)");
  say(`  ${"kind".padEnd(12)} ${"queries".padStart(7)}  ${"meilisearch".padEnd(26)} | ilike`);
  for (const [kind, e] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    say(`  ${kind.padEnd(12)} ${String(e.queries).padStart(7)}  ${cell(e.m)} | ${cell(e.i)}`);
  }
  const missed = [...new Set(mix.filter(({ kind }, i) => kind !== "no-match" && meili[i] === 0).map(({ q }) => q))];
  if (missed.length > 0) say(`Meilisearch found nothing for (not counting the no-match kind): ${missed.join(", ")}`);
}

async function main() {
  say(`database: ${process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : "PGlite (no DATABASE_URL; set it for the intended Postgres mode)"}; ${load()}`);
  fresh = await createFreshDatabase("bench");
  const env = parseEnv({
    ...fresh.env,
    DATA_DIR: path.join(fresh.env.DATA_DIR, "portal"),
    MEILI_BIN: process.env.MEILI_BIN,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  });
  say(`fresh database: ${env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : env.DATA_DIR}; data folder ${fresh.env.DATA_DIR}`);
  // Meilisearch's stderr is logged at warn, start-up banner included: keep only what looks wrong.
  const log = pino({
    level: "warn",
    base: { service: "bench" },
    hooks: {
      logMethod(args, method) {
        const first = args[0] as unknown;
        const line = typeof first === "object" && first !== null && "meili" in first ? String((first as { meili: unknown }).meili) : null;
        if (line !== null && !/error|exited|panic|fail|restart/i.test(line)) return;
        method.apply(this, args);
      },
    },
  }) as Logger;
  let started = performance.now();
  services = await startServices(env, log, { seed: true, search: true });
  say(`services up (migrated, survey data seeded and indexed, Meilisearch started) in ${secs(performance.now() - started)}`);

  const reference = await readReference(services.db);
  say(`reference: ${reference.occupations.length} occupations, ${reference.skills.length} skills, ${reference.educationFields.length} education fields`);
  started = performance.now();
  const generated = await generateData(services.db, reference, { ...CONFIG, progress: (line) => say(`generate: ${line}`) });
  const generationMs = performance.now() - started;
  say(
    `generated ${generated.companies} companies, ${n(generated.positions)} positions (${n(generated.positionSkills)} position skills) ` +
      `in ${secs(generated.positionsMs)}; ${n(generated.talents)} talents (${n(generated.talentSkills)} skills) in ${secs(generated.talentsMs)}`,
  );
  say(`rare terms planted: ${Object.entries(generated.plantedRareTerms).map(([term, count]) => `${term}=${count}`).join(", ")}`);
  // A database in service has been vacuumed and has planner statistics; a freshly filled one gets
  // them when autovacuum comes round, maybe in the middle of the measurement. Without statistics
  // the ILIKE query plans ~3x worse (measured).
  started = performance.now();
  await services.db.execute(sql`vacuum analyze`);
  const analyzeMs = performance.now() - started;
  say(`vacuum analyze: ${secs(analyzeMs)}`);

  const indexing: Partial<Record<"positions" | "talents", IndexOutcome>> = {};
  for (const name of ["positions", "talents"] as const) {
    say(`indexing ${name}…`);
    const outcome = await indexForBench(services.db, services.search, name, (line) => say(`index: ${line}`));
    indexing[name] = outcome;
    say(`indexed ${name}: ${n(outcome.documents)} documents in ${secs(outcome.ms)} via ${outcome.via}`);
  }

  server = await startBenchServer(services.db, services.search);
  say(`bench server on ${server.url} (GET /search, GET /ilike)`);
  // The portal's own public API (/api/v1/occupations, through Express, the rate limit and Remix) is
  // measured under load by `npm run test:load`; this compares the two search paths at 100,000 positions.
  say("the portal's /api/v1 under load: see npm run test:load");

  const mix = buildQueryMix(reference, CONFIG.queries);
  const warm = warmUpQueries(mix, CONFIG.warmUp);
  const meiliRounds = await measure("search", mix, warm, server, CONFIG.searchRounds);
  const meili = medianRound(meiliRounds);
  const engine = await measureEngineAlone(mix, services.search);
  const [ilike] = await measure("ilike", mix, warm, server, 1);
  if (!ilike) throw new Error("the ILIKE path was not measured");

  say("");
  say("=== results ===");
  say(`machine: ${load()} (other work on the machine skews every figure below)`);
  say(`data: ${n(generated.positions)} positions, ${generated.companies} companies, ${n(generated.talents)} talents; generation ${secs(generationMs)} (+ vacuum analyze ${secs(analyzeMs)})`);
  for (const [name, outcome] of Object.entries(indexing)) {
    const split = outcome.loadMs !== undefined ? ` (portal loaders ${secs(outcome.loadMs)}, then waiting for Meilisearch ${secs(outcome.waitMs ?? 0)})` : "";
    say(`indexing ${name}: ${secs(outcome.ms)} for ${n(outcome.documents)} documents via ${outcome.via}${split}`);
    if (outcome.portalError) say(`  portal reindex("${name}") failed after ${secs(outcome.portalMs ?? 0)}: ${outcome.portalError}`);
  }
  say(`load: ${CONFIG.queries} queries (${CONFIG.warmUp} warm-up first, not counted), ${CONFIG.concurrency} concurrent keep-alive connections from a separate client process, 20 hits a page`);
  meiliRounds.forEach((round, i) => report(`meilisearch #${i + 1}`, round));
  say(`meilisearch: figures below use round #${meiliRounds.indexOf(meili) + 1} (median p95 of ${meiliRounds.length}; the machine is shared, rounds vary)`);
  report("engine alone", { result: engine, serverMs: [] });
  report("ilike", ilike);
  const ratio = ilike.result.p95 / meili.result.p95;
  const ratioText = Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : "n/a";
  say(`p95 ratio ILIKE / Meilisearch: ${ratioText}`);
  if (ilike.result.notSent > 0) {
    say(`  (ILIKE answered ${ilike.result.latencies.length} of ${CONFIG.queries} queries within its ${secs(CONFIG.loadBudgetMs.ilike)} budget; its figures are from those)`);
  }
  hitsByKind(mix, meili.result.totals, ilike.result.totals);
  const meiliErrors = meiliRounds.reduce((sum, round) => sum + round.result.errors + round.result.notSent, 0);
  const p95Pass = meili.result.p95 < CONFIG.targets.p95Ms && meiliErrors === 0;
  const ratioPass = Number.isFinite(ratio) && ratio >= CONFIG.targets.ratio;
  say(`target: search p95 under ${CONFIG.targets.p95Ms} ms, no errors: ${p95Pass ? "PASS" : "FAIL"} (median-round p95 ${ms(meili.result.p95)} ms; ${meiliErrors} errors over ${meiliRounds.length} rounds)`);
  say(`target: at least ${CONFIG.targets.ratio}x faster than ILIKE at p95: ${ratioPass ? "PASS" : "FAIL"} (${ratioText})`);
  say(`total run time ${secs(performance.now() - t0)}`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  // After a signal the work in progress fails as its connections close; that is not news.
  if (!stopping) console.error("bench:search failed:", error);
} finally {
  await cleanup();
}
process.exit(stopping ? 130 : failed ? 1 : 0);
