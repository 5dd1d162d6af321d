// Applies the committed drizzle-kit migrations. drizzle runs all pending migrations in one
// transaction, so a crash mid-way leaves the database as it was. On a Postgres server, migrations
// run on their own single connection holding an advisory lock, so two starts never migrate at once.
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
const MIGRATION_LOCK = 7_271_001;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite" || !handle.url) {
    // PGlite has a single connection, and the instance lock keeps other processes out.
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  const client = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
