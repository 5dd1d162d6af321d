// npm run db:backup and db:restore end to end, as a person runs them: a database with representative
// rows (survey data, organisations, users with sessions, talent profiles with a CV, positions with
// revisions, applications moved through stages, queued mail) is backed up, restored over another
// database, and every table must come back with the same rows (count and checksum) and every
// sequence at the same place. Refusals (a running portal, a damaged file) leave the target untouched.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import * as t from "../../db/schema";
import { applyToPosition, moveApplication } from "../../app/applications/pipeline.server";
import { saveCv } from "../../app/talents/cv.server";
import { loadDemoData } from "../../seeds/demo/load";
import { loadSurveyData } from "../../seeds/load";
import { readSurveyData } from "../../seeds/read";
import { signedIn } from "../auth/support";
import { sequencePositions, tableFingerprints } from "../support/database-fingerprint";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { runScript, type ScriptResult } from "../support/npm-script";
import { tinyPdf } from "../support/tiny-pdf";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portal-${label}-`));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function fresh(label: string): Promise<FreshDatabase> {
  const database = await createFreshDatabase(label);
  cleanups.push(() => database.drop());
  return database;
}

/** Survey data, the demo set, two applications (one moved on), a CV and the mail they queued. */
async function fillRepresentatively(db: Database) {
  await loadSurveyData(db, readSurveyData());
  await loadDemoData(db);
  const links = { publicUrl: "http://portal.test" };
  const positions = await db.select().from(t.positions).where(eq(t.positions.status, "published"));
  expect(positions.length, "published demo positions").toBeGreaterThanOrEqual(2);
  const recruiter = (await signedIn(db, "demo-recruiter")).viewer;
  for (const [talentId, position] of [["demo-talent-1", positions[0]!], ["demo-talent-2", positions[1]!]] as const) {
    const talent = (await signedIn(db, talentId)).viewer;
    const application = await applyToPosition(db, talent, position.id, `${talentId} 的求職信：熟悉 NGS 與臨床試驗。`, links);
    const mayMove = recruiter.memberships.some((m) => m.organisationId === position.organisationId);
    if (mayMove) await moveApplication(db, recruiter, application.id, { from: "applied", to: "screening", note: "初審通過" }, links, "127.0.0.1");
  }
  const cv = await saveCv(db, "demo-talent-1", { fileName: "履歷.pdf", bytes: tinyPdf("Demo talent CV") });
  expect(cv).toMatchObject({ ok: true });
}

/** Tables the backup must carry with rows in them, not just empty shells. */
const MUST_HAVE_ROWS = ["public.organisations", "public.users", "public.sessions", "public.memberships", "public.positions", "public.position_revisions", "public.applications", "public.application_stage_events", "public.talent_profiles", "public.files", "public.email_outbox", "public.occupations", "public.programmes", "drizzle.__drizzle_migrations"];

async function snapshot(db: Database) {
  return { tables: await tableFingerprints(db), sequences: await sequencePositions(db) };
}

function expectSucceeded(result: ScriptResult, what: string) {
  expect(result.code, `${what} exit code\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
}

/** The one-line refusal the command printed (stderr), for the assertions and the failure message. */
const refusal = (result: ScriptResult) => result.stderr.split("\n").find((line) => /failed:/.test(line)) ?? result.stderr.slice(-500);

/** A value the restore logged, such as "previous" (the name the replaced database is kept under). */
function logged(result: ScriptResult, field: string): string | null {
  for (const line of result.stdout.split("\n").reverse()) {
    try {
      const value = (JSON.parse(line) as Record<string, unknown>)[field];
      if (typeof value === "string") return value;
    } catch {
      // Not a log line.
    }
  }
  return null;
}

function report(what: string, result: ScriptResult, file?: string) {
  const size = file && existsSync(file) ? ` ${(statSync(file).size / 1024 / 1024).toFixed(2)} MB` : "";
  process.stdout.write(`${what}: ${(result.ms / 1000).toFixed(1)} s${size}\n`);
}

describe.runIf(Boolean(process.env.DATABASE_URL))("backup and restore on a Postgres server", () => {
  it("restores every table and sequence exactly, refuses while the database is in use, and never half-restores", { timeout: 180_000 }, async () => {
    const source = await fresh("backup-src");
    const target = await fresh("backup-dst");
    const dir = tempDir("backup-pg");
    const file = path.join(dir, "portal.dump");

    const src = await openDatabase({ url: source.env.DATABASE_URL! });
    let expected: Awaited<ReturnType<typeof snapshot>>;
    try {
      await migrateDatabase(src);
      await fillRepresentatively(src.db);
      expected = await snapshot(src.db);
    } finally {
      await src.close();
    }
    for (const table of MUST_HAVE_ROWS) expect(expected.tables[table]?.rows, `rows in ${table}`).toBeGreaterThan(0);

    const backup = await runScript("db:backup", [file], source.env);
    expectSucceeded(backup, "db:backup");
    report("db:backup (Postgres)", backup, file);
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("PGDMP");
    expect(existsSync(`${file}.partial`)).toBe(false);
    // A second backup to the same name is refused rather than overwriting the first.
    const again = await runScript("db:backup", [file], source.env);
    expect(again.code).toBe(1);
    expect(refusal(again)).toMatch(/already exists/);

    // The target holds something else: the survey data only.
    const dst = await openDatabase({ url: target.env.DATABASE_URL! });
    await migrateDatabase(dst);
    await loadSurveyData(dst.db, readSurveyData());
    const before = await snapshot(dst.db);
    expect(before).not.toEqual(expected);

    // Refused while something (a running portal) is connected to the target; nothing changes.
    const portalLike = postgres(target.env.DATABASE_URL!, { max: 1, connection: { application_name: "precision-health-portal" } });
    await portalLike`select 1`;
    const busy = await runScript("db:restore", [file], target.env);
    await portalLike.end();
    expect(busy.code, busy.stdout).toBe(1);
    expect(refusal(busy)).toMatch(/open connections \(\d+ × precision-health-portal\).*stop the portal/);

    // A file cut short in its data: pg_restore fails in the new database, which is dropped.
    const damaged = path.join(dir, "damaged.dump");
    const whole = readFileSync(file);
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const broken = await runScript("db:restore", [damaged], target.env);
    expect(broken.code, broken.stdout).toBe(1);
    expect(refusal(broken)).toMatch(/pg_restore|not a readable pg_dump archive/);
    const scratch = /restoring into a new database (\S+)/.exec(broken.stdout)?.[1];
    expect(await snapshot(dst.db), "the target after refused restores").toEqual(before);
    await dst.close();
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      if (scratch) expect(await admin`select 1 from pg_database where datname = ${scratch}`, "the half-restored scratch database").toHaveLength(0);

      const restore = await runScript("db:restore", [file], target.env);
      expectSucceeded(restore, "db:restore");
      report("db:restore (Postgres)", restore);
      const previous = logged(restore, "previous");
      expect(previous, "the replaced database is kept under another name").toBeTruthy();
      cleanups.push(async () => {
        const drop = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists "${previous}" with (force)`);
        await drop.end();
      });
      expect(await admin`select 1 from pg_database where datname = ${previous}`).toHaveLength(1);
    } finally {
      await admin.end();
    }

    const restored = await openDatabase({ url: target.env.DATABASE_URL! });
    try {
      const actual = await snapshot(restored.db);
      expect(Object.keys(actual.tables)).toEqual(Object.keys(expected.tables));
      for (const [table, fingerprint] of Object.entries(expected.tables)) expect(actual.tables[table], table).toEqual(fingerprint);
      expect(actual.sequences).toEqual(expected.sequences);
    } finally {
      await restored.close();
    }
  });
});

describe("backup and restore of the embedded database (PGlite)", () => {
  it("restores every table and sequence exactly, refuses over a running portal, and never half-restores", { timeout: 180_000 }, async () => {
    const sourceDir = tempDir("backup-pglite-src");
    const targetDir = tempDir("backup-pglite-dst");
    const file = path.join(tempDir("backup-pglite-files"), "portal.tar.gz");
    const env = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: undefined });

    const src = await openDatabase({ dataDir: path.join(sourceDir, "pg") });
    let expected: Awaited<ReturnType<typeof snapshot>>;
    try {
      await migrateDatabase(src);
      await fillRepresentatively(src.db);
      expected = await snapshot(src.db);
    } finally {
      await src.close();
    }
    for (const table of MUST_HAVE_ROWS) expect(expected.tables[table]?.rows, `rows in ${table}`).toBeGreaterThan(0);

    // PGlite is one process's: with the portal running (its lock held by a live process), both commands refuse.
    const lock = path.join(sourceDir, "portal.lock");
    writeFileSync(lock, String(process.pid));
    const refused = await runScript("db:backup", [file], env(sourceDir));
    rmSync(lock);
    expect(refused.code).toBe(1);
    expect(refusal(refused)).toMatch(/one process at a time: stop the portal/);
    expect(existsSync(file)).toBe(false);

    const backup = await runScript("db:backup", [file], env(sourceDir));
    expectSucceeded(backup, "db:backup");
    report("db:backup (PGlite)", backup, file);

    const dst = await openDatabase({ dataDir: path.join(targetDir, "pg") });
    await migrateDatabase(dst);
    await loadSurveyData(dst.db, readSurveyData());
    const before = await snapshot(dst.db);
    await dst.close();
    expect(before).not.toEqual(expected);

    writeFileSync(path.join(targetDir, "portal.lock"), String(process.pid));
    const busy = await runScript("db:restore", [file], env(targetDir));
    rmSync(path.join(targetDir, "portal.lock"));
    expect(busy.code).toBe(1);
    expect(refusal(busy)).toMatch(/stop the portal/);

    const damaged = `${file}.damaged.tar.gz`;
    const whole = readFileSync(file);
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const broken = await runScript("db:restore", [damaged], env(targetDir));
    expect(broken.code).toBe(1);
    expect(refusal(broken)).toMatch(/damaged or incomplete.*nothing was changed/);
    const pgPostgresArchive = await runScript("db:restore", [path.join(os.tmpdir(), "does-not-exist.dump")], env(targetDir));
    expect(refusal(pgPostgresArchive)).toMatch(/does not exist/);
    expect(readdirSync(targetDir).sort(), "no half-restored folder left").toEqual(["pg"]);
    const untouched = await openDatabase({ dataDir: path.join(targetDir, "pg") });
    expect(await snapshot(untouched.db), "the target after refused restores").toEqual(before);
    await untouched.close();

    const restore = await runScript("db:restore", [file], env(targetDir));
    expectSucceeded(restore, "db:restore");
    report("db:restore (PGlite)", restore);
    const previous = logged(restore, "previous");
    expect(previous && existsSync(previous), "the replaced folder is kept beside it").toBe(true);

    const restored = await openDatabase({ dataDir: path.join(targetDir, "pg") });
    try {
      const actual = await snapshot(restored.db);
      expect(Object.keys(actual.tables)).toEqual(Object.keys(expected.tables));
      for (const [table, fingerprint] of Object.entries(expected.tables)) expect(actual.tables[table], table).toEqual(fingerprint);
      expect(actual.sequences).toEqual(expected.sequences);
    } finally {
      await restored.close();
    }
  });
});
