// What a database holds, reduced to comparable values: per table its row count and a checksum of
// its rows, and every sequence's position. Works on Postgres and PGlite alike (plain SQL).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

export async function rowsOf<T>(db: Database, text: string): Promise<T[]> {
  const result = (await db.execute(sql.raw(text))) as unknown;
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

const quoted = (schema: string, table: string) => `"${schema.replace(/"/g, '""')}"."${table.replace(/"/g, '""')}"`;

export async function userTables(db: Database): Promise<string[]> {
  const tables = await rowsOf<{ schemaname: string; tablename: string }>(
    db,
    "select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2",
  );
  return tables.map((t) => `${t.schemaname}.${t.tablename}`);
}

export interface TableFingerprint {
  rows: number;
  md5: string;
}

/** Every table: its row count and the md5 of its rows' text, sorted (so row order on disk does not matter). */
export async function tableFingerprints(db: Database): Promise<Record<string, TableFingerprint>> {
  const result: Record<string, TableFingerprint> = {};
  for (const name of await userTables(db)) {
    const [schema, table] = name.split(".") as [string, string];
    const [row] = await rowsOf<{ n: number; h: string | null }>(
      db,
      `select count(*)::int as n, md5(string_agg(x::text, E'\\n' order by x::text)) as h from ${quoted(schema, table)} x`,
    );
    result[name] = { rows: Number(row!.n), md5: row!.h ?? "" };
  }
  return result;
}

/** Where every sequence stands (identity columns, serials): a restore must continue from there. */
export async function sequencePositions(db: Database): Promise<Record<string, string | null>> {
  const rows = await rowsOf<{ name: string; last_value: string | null }>(
    db,
    "select schemaname || '.' || sequencename as name, last_value::text from pg_sequences order by 1",
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.last_value]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The contents of every table independent of generated values: ids and timestamps dropped, and
 * references to occupations and programmes (random uuids) replaced by their natural keys. Two
 * databases loaded from the same data compare equal, whenever and however often they were loaded.
 */
export async function naturalContents(db: Database): Promise<Record<string, TableFingerprint>> {
  const natural = new Map<string, string>();
  const tables = await userTables(db);
  if (tables.includes("public.occupations")) {
    for (const o of await rowsOf<{ id: string; key: string }>(db, "select id::text, survey_key || '/' || code as key from occupations")) natural.set(o.id, `occupation:${o.key}`);
  }
  if (tables.includes("public.programmes")) {
    for (const p of await rowsOf<{ id: string; key: string }>(db, "select id::text, key from programmes")) natural.set(p.id, `programme:${p.key}`);
  }
  const result: Record<string, TableFingerprint> = {};
  for (const name of tables) {
    const [schema, table] = name.split(".") as [string, string];
    const rows = await rowsOf<{ r: Record<string, unknown> }>(db, `select to_jsonb(x) as r from ${quoted(schema, table)} x`);
    const lines = rows.map(({ r }) => {
      const row = typeof r === "string" ? (JSON.parse(r) as Record<string, unknown>) : r;
      const kept = Object.entries(row)
        .filter(([column]) => column !== "id" && !/_at$/.test(column))
        .map(([column, value]) => [column, typeof value === "string" && UUID.test(value) ? (natural.get(value) ?? "<uuid>") : value] as const)
        .sort(([a], [b]) => a.localeCompare(b));
      return JSON.stringify(kept);
    });
    lines.sort();
    result[name] = { rows: lines.length, md5: createHash("md5").update(lines.join("\n")).digest("hex") };
  }
  return result;
}

/** The schema as the catalogue describes it: columns, constraints, indexes, triggers and functions of the portal's schemas. */
export async function schemaFingerprint(db: Database): Promise<string[]> {
  const mine = "not in ('pg_catalog', 'information_schema', 'pg_toast')";
  const parts = await Promise.all([
    rowsOf<{ d: string }>(db, `select table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as d from information_schema.columns where table_schema ${mine}`),
    rowsOf<{ d: string }>(db, `select n.nspname || '.' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) as d from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname ${mine}`),
    rowsOf<{ d: string }>(db, `select indexdef as d from pg_indexes where schemaname ${mine}`),
    rowsOf<{ d: string }>(db, `select pg_get_triggerdef(t.oid) as d from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal and n.nspname ${mine}`),
    rowsOf<{ d: string }>(db, `select pg_get_functiondef(p.oid) as d from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname ${mine} and p.prokind = 'f'`),
    rowsOf<{ d: string }>(db, `select n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as d from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace group by n.nspname, t.typname`),
  ]);
  return parts.flat().map((r) => r.d).sort();
}
