// Opens the portal's database: a Postgres server when DATABASE_URL is set, otherwise embedded
// Postgres (PGlite) in a data folder. Both run the same schema and migrations through drizzle.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** The connection URL, for tools that need their own connection (migrations, backups). */
  url?: string;
  /** A short description safe to log (no password). */
  describe: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

export type DatabaseConfig = { url: string } | { dataDir: string };

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return "url" in config ? openPostgres(config.url) : openPglite(config.dataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const parsed = new URL(url);
  const describe = `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  const client = postgres(url, {
    max: 10,
    connect_timeout: 5,
    idle_timeout: 30,
    // postgres.js reconnects by itself, waiting before each attempt up to 20 s by default as failures
    // add up across the pool; requests queue behind that wait even after the server is back. At most
    // 1 s: while the server is down requests fail fast (503), and once it is up they succeed at once.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    // No catalogue query for array types on each new connection: postgres.js runs it un-awaited, so when
    // the server goes down while a connection is starting, its rejection is unhandled and kills the
    // process (porsager/postgres#1192, #1223; seen here in test/faults/postgres-restart.test.ts). Drizzle
    // parses array columns itself; a raw aggregate must come back as JSON (json_agg), not a Postgres array.
    fetch_types: false,
    // Keep dates as ISO strings in JSON; drizzle maps timestamp columns itself.
    connection: { application_name: "precision-health-portal" },
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`Cannot connect to ${describe}: ${messageOf(error)}`);
  }
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    url,
    describe,
    ping: async () => void (await client`select 1`),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  await mkdir(dataDir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${dataDir}: ${messageOf(error)}`);
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: "pglite",
    describe: `pglite:${dataDir}`,
    ping: async () => void (await client.query("select 1")),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
