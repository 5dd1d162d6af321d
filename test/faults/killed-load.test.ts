// `npm run db:seed` killed outright (SIGKILL, as by the OOM killer or a power cut) at a random moment
// while it migrates or loads the survey data into a fresh database: the database is never left half-way
// (drizzle applies the pending migrations in one transaction, the loader writes the data in another),
// and the next run completes it to exactly what a clean run makes, schema and data.
//
// When to kill: on a Postgres server, the server shows the moment a transaction has written (the
// migrator's connection, then the loader's), and the kill follows a random few ms later. PGlite shows
// nothing from outside, and it blocks the event loop while it migrates and loads, so even the log lines
// announcing those steps arrive only when the process is nearly done; there the clock is the process's
// own CPU time (/proc/<pid>/stat), which a busy machine does not stretch as it stretches wall time: a
// clean run says how much CPU time it had used when each step began and ended. The random parts come
// from a seeded generator; a failure names the seed, and FAULT_SEED=<n> repeats it.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { naturalContents, rowsOf, schemaFingerprint } from "../support/database-fingerprint";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { runScript, startScript, type RunningScript, type ScriptResult } from "../support/npm-script";
import { delay } from "./http";

const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
const random = mulberry32(seed);
const about = `FAULT_SEED=${seed}`;

type Env = FreshDatabase["env"];
const kinds: Array<"postgres" | "pglite"> = process.env.DATABASE_URL ? ["postgres", "pglite"] : ["pglite"];
const databases: FreshDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop().catch(() => {});
});

async function freshDatabase(kind: "postgres" | "pglite", label: string): Promise<Env> {
  const saved = process.env.DATABASE_URL;
  if (kind === "pglite") delete process.env.DATABASE_URL;
  try {
    const database = await createFreshDatabase(label);
    databases.push(database);
    return kind === "pglite" ? { DATA_DIR: database.env.DATA_DIR } : database.env;
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

async function withDatabase<T>(env: Env, read: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR, "pg") });
  try {
    return await read(handle.db);
  } finally {
    await handle.close();
  }
}

const scriptEnv = (env: Env) => ({ ...env, DATABASE_URL: env.DATABASE_URL });

function expectCompleted(result: ScriptResult, what: string) {
  expect(result.code, `${what}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`).toBe(0);
}

/** CPU time (user + system) the process has used, in ms; null once it is gone. */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (CLK_TCK 100)
  } catch {
    return null;
  }
}

interface Sample {
  wall: number;
  cpu: number;
}

/** Runs the script to the end, noting its CPU time every few ms. */
async function runSampled(env: Env): Promise<{ result: ScriptResult; samples: Sample[] }> {
  const running = startScript("db:seed", [], scriptEnv(env));
  const samples: Sample[] = [];
  let done = false;
  void running.done.then(() => (done = true));
  while (!done) {
    const cpu = cpuMs(running.child.pid!);
    if (cpu !== null) samples.push({ wall: Date.now(), cpu });
    await delay(3);
  }
  return { result: await running.done, samples };
}

/** When a step ran, in CPU ms of the process: its "<step>: done" line's own time, less the step's duration. */
function cpuWindow(result: ScriptResult, samples: Sample[], step: string): { from: number; to: number } {
  const entry = result.timeline.map(({ line }) => line).find((line) => line.includes(`"msg":"${step}: done"`));
  if (!entry) throw new Error(`no "${step}: done" in the output:\n${result.stdout.slice(-2000)}`);
  const { time, ms } = JSON.parse(entry) as { time: string; ms: number };
  const cpuAt = (wall: number) => [...samples].reverse().find((s) => s.wall <= wall)?.cpu ?? 0;
  const end = Date.parse(time);
  return { from: cpuAt(end - ms), to: cpuAt(end) };
}

async function state(db: Database) {
  const [migrations] = await rowsOf<{ table: string | null }>(db, "select to_regclass('drizzle.__drizzle_migrations')::text as table");
  const applied = migrations?.table ? Number((await rowsOf<{ n: number }>(db, "select count(*)::int as n from drizzle.__drizzle_migrations"))[0]!.n) : 0;
  const [tables] = await rowsOf<{ n: number }>(db, "select count(*)::int as n from pg_tables where schemaname = 'public'");
  return { applied, publicTables: Number(tables!.n), contents: await naturalContents(db) };
}

/** Resolves when the process should be killed, saying when that was. */
type Moment = (running: RunningScript, env: Env) => Promise<string>;

/** When the process has used that much CPU time. */
const atCpu = (ms: number): Moment => async (running) => {
  for (;;) {
    const used = cpuMs(running.child.pid!);
    if (used === null || used >= ms) break;
    await delay(1);
  }
  return `at ${ms} ms of its CPU time`;
};

/** Once a connection of that application has an open transaction that has written, plus a random few ms. */
const writing = (application: string, jitterMs: number): Moment => async (_running, env) => {
  const database = new URL(env.DATABASE_URL!).pathname.slice(1);
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    for (;;) {
      const rows = await admin`select 1 from pg_stat_activity where datname = ${database} and application_name = ${application} and backend_xid is not null`;
      if (rows.length > 0) break;
      await delay(2);
    }
  } finally {
    await admin.end();
  }
  const jitter = Math.floor(random() * jitterMs);
  await delay(jitter);
  return `${jitter} ms after ${application}'s transaction first wrote`;
};

/** A PGlite folder as initdb leaves it, copied for each kill so that no run spends seconds on initdb. */
let pristine: string | null = null;
function emptyPglite(): string {
  if (!pristine) throw new Error("the empty PGlite folder is made in the test first");
  return pristine;
}

for (const kind of kinds) {
  describe(`db:seed killed while it migrates or loads (${kind})`, () => {
    it(`leaves all or nothing, and the next run completes it as a clean run does (${about})`, { timeout: 300_000 }, async () => {
      if (kind === "pglite" && !pristine) {
        const dir = (await freshDatabase("pglite", "kill-seed-empty")).DATA_DIR;
        await withDatabase({ DATA_DIR: dir }, async () => {});
        pristine = path.join(dir, "pg");
      }
      // The reference: a clean run on a fresh database, and when it migrated and loaded.
      const cleanEnv = await freshDatabase(kind, `kill-seed-clean-${kind}`);
      if (kind === "pglite") cpSync(emptyPglite(), path.join(cleanEnv.DATA_DIR, "pg"), { recursive: true });
      const { result: clean, samples } = await runSampled(cleanEnv);
      expectCompleted(clean, "the clean seed");
      const migrating = cpuWindow(clean, samples, "Applying migrations");
      const loading = cpuWindow(clean, samples, "Loading survey and programme data");
      const reference = await withDatabase(cleanEnv, async (db) => ({ ...(await state(db)), schema: await schemaFingerprint(db) }));
      const seeded = Object.keys(reference.contents).filter((table) => reference.contents[table]!.rows > 0 && !table.startsWith("drizzle."));
      expect(seeded).toEqual(expect.arrayContaining(["public.occupations", "public.programmes", "public.forecasts", "public.app_meta"]));

      // Each kill on its own fresh database, then a run that must complete it.
      const landed: string[] = [];
      const killOnce = async (what: string, when: Moment) => {
        const env = await freshDatabase(kind, `kill-seed-${kind}-${landed.length}`);
        if (kind === "pglite") cpSync(emptyPglite(), path.join(env.DATA_DIR, "pg"), { recursive: true });
        const running = startScript("db:seed", [], scriptEnv(env));
        const moment = await Promise.race([when(running, env), running.done.then(() => "it had finished")]);
        running.child.kill("SIGKILL");
        const result = await running.done;
        const after = await withDatabase(env, state);
        const label = `kill ${landed.length + 1} (${what}: ${moment}; ${about})`;

        const migrated = after.applied === reference.applied;
        expect(migrated || (after.applied === 0 && after.publicTables === 0), `${label}: migrations half applied ${JSON.stringify({ applied: after.applied, publicTables: after.publicTables })}`).toBe(true);
        if (migrated) expect(after.publicTables, label).toBe(reference.publicTables);
        const loaded = seeded.some((table) => after.contents[table]?.rows);
        if (loaded) {
          const pick = (contents: typeof after.contents) => Object.fromEntries(seeded.map((table) => [table, contents[table]]));
          expect(pick(after.contents), `${label}: part of the data`).toEqual(pick(reference.contents));
        }
        const killed = result.signal === "SIGKILL";
        landed.push(`${label}: ${killed ? "killed" : `finished first (exit ${result.code})`}; ${migrated ? "migrated" : "no migration applied"}, ${loaded ? "data complete" : "no data"}`);

        // The next run completes it: the schema and every table as the clean run left them.
        expectCompleted(await runScript("db:seed", [], scriptEnv(env)), `the run after ${label}`);
        const completed = await withDatabase(env, async (db) => ({ ...(await state(db)), schema: await schemaFingerprint(db) }));
        expect(completed.schema, `schema after ${label}`).toEqual(reference.schema);
        expect(Object.keys(completed.contents)).toEqual(Object.keys(reference.contents));
        for (const table of Object.keys(reference.contents)) expect(completed.contents[table], `${table} after ${label}`).toEqual(reference.contents[table]);
        return { killed, migrated, loaded };
      };

      if (kind === "postgres") {
        // The server shows when each transaction has written: the migrator's own connection, then the loader's.
        await killOnce("while migrating", writing("postgres.js", 30));
        await killOnce("while loading", writing("precision-health-portal", 60));
      } else {
        await killOnce("while migrating", atCpu(migrating.from + Math.floor(random() * (migrating.to - migrating.from))));
        // CPU time is a steadier clock, not an exact one: should a kill land before the migrations
        // committed or after the data did, the next try aims later or earlier.
        const loadMs = loading.to - loading.from;
        let aim = loading.from + random() * loadMs;
        let step = Math.max(loadMs / 2, 100);
        for (let attempt = 1; attempt <= 3; attempt++) {
          const outcome = await killOnce(`while loading, try ${attempt}`, atCpu(Math.max(0, Math.round(aim))));
          if (outcome.killed && outcome.migrated && !outcome.loaded) break;
          aim += !outcome.killed || outcome.loaded ? -step : step;
          step /= 2;
        }
      }
      process.stdout.write(`db:seed kills on ${kind} (a clean run migrated from ${migrating.from} to ${migrating.to} ms and loaded from ${loading.from} to ${loading.to} ms of its CPU time):\n  ${landed.join("\n  ")}\n`);
    });
  });
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
