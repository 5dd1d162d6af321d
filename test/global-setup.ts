// Once per vitest run: a fresh database (Postgres when DATABASE_URL is set, else PGlite), migrated
// and seeded, and a Meilisearch server (MEILI_URL when set, else the packaged binary). Test files
// reach them through inject("database") and inject("search").
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { loadSurveyData } from "../seeds/load";
import { readSurveyData } from "../seeds/read";
import { startMeilisearch, stopStaleServer, type MeiliServer } from "../search/server";
import { createFreshDatabase, type FreshDatabase } from "./support/fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    database: { url?: string; dataDir: string };
    search: { url: string; key?: string; prefix: string };
  }
}

let fresh: FreshDatabase | undefined;
let meili: MeiliServer | undefined;
let meiliDir: string | undefined;

export async function setup(project: TestProject) {
  fresh = await createFreshDatabase("vitest");
  const dataDir = path.join(fresh.env.DATA_DIR, "pg");
  const handle = await openDatabase(fresh.env.DATABASE_URL ? { url: fresh.env.DATABASE_URL } : { dataDir });
  try {
    await migrateDatabase(handle);
    await loadSurveyData(handle.db, readSurveyData());
  } finally {
    await handle.close();
  }
  project.provide("database", { url: fresh.env.DATABASE_URL, dataDir });

  if (process.env.MEILI_URL) {
    project.provide("search", { url: process.env.MEILI_URL, key: process.env.MEILI_MASTER_KEY, prefix: `test_${Date.now()}_` });
  } else {
    reapAbandonedRuns();
    meiliDir = mkdtempSync(path.join(os.tmpdir(), "portal-vitest-meili-"));
    writeFileSync(path.join(meiliDir, "owner"), String(process.pid));
    meili = await startMeilisearch({ dataDir: meiliDir });
    project.provide("search", { url: meili.url, key: meili.masterKey, prefix: "" });
  }
}

export async function teardown() {
  await meili?.stop();
  if (meiliDir) rmSync(meiliDir, { recursive: true, force: true });
  await fresh?.drop();
}

/**
 * A run killed before its teardown leaves its Meilisearch running (about 1 GB each) and its folder
 * behind. Runs whose vitest process is gone are cleaned up here; live ones (another terminal's) are left alone.
 */
function reapAbandonedRuns() {
  for (const name of readdirSync(os.tmpdir()).filter((entry) => entry.startsWith("portal-vitest-meili-"))) {
    const dir = path.join(os.tmpdir(), name);
    const ownerFile = path.join(dir, "owner");
    if (!existsSync(ownerFile) && Date.now() - statSync(dir).mtimeMs < 10 * 60_000) continue; // another run is just starting
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : NaN;
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) continue;
    stopStaleServer(path.join(dir, "meili"));
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
