// Each test run gets its own database: on the Postgres server named by DATABASE_URL when there is
// one (CI), otherwise an embedded PGlite folder. Both are removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export interface FreshDatabase {
  /** Environment for a portal process or openDatabase(): DATABASE_URL, or a DATA_DIR with no URL. */
  env: { DATABASE_URL?: string; DATA_DIR: string };
  drop(): Promise<void>;
}

export async function createFreshDatabase(label: string): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `portal-${label}-`));
  const base = process.env.DATABASE_URL;
  if (!base) {
    return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `portal_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${Date.now()}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
