// Backups of a Postgres server database with the server's own tools. pg_dump reads one consistent
// snapshot, so the portal may keep running. A restore never writes into the live database: it
// restores into a new database, checks it, and swaps the names in one transaction, keeping the
// previous database under another name. Anything that fails before the swap leaves the target as it was.
import { rename, rm, stat } from "node:fs/promises";
import postgres from "postgres";
import { BackupError, findPgTool, run, stamp, type Progress } from "./tools";

type Sql = postgres.Sql;

/** libpq's environment for the URL, so the password never appears on a command line. */
function libpqEnv(url: URL, database: string): Record<string, string> {
  const env: Record<string, string> = {
    PGHOST: url.searchParams.get("host") ?? (url.hostname.replace(/^\[|\]$/g, "") || "localhost"),
    PGPORT: url.port || "5432",
    PGDATABASE: database,
    PGCONNECT_TIMEOUT: "10",
    PGAPPNAME: "precision-health-portal-backup",
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

const databaseOf = (url: URL) => decodeURIComponent(url.pathname.replace(/^\//, "")) || decodeURIComponent(url.username) || "postgres";

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

async function connect(url: string): Promise<Sql> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10, connection: { application_name: "precision-health-portal-backup" } });
  try {
    await sql`select 1`;
    return sql;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new BackupError(`cannot connect to ${new URL(url).host}${new URL(url).pathname}: ${(error as Error).message}`);
  }
}

async function serverMajor(sql: Sql): Promise<number> {
  const [row] = await sql<{ v: string }[]>`select current_setting('server_version_num') as v`;
  return Math.floor(Number(row!.v) / 10_000);
}

/** A database name of at most 63 bytes (Postgres cuts longer ones silently). */
function derivedName(base: string, suffix: string): string {
  let head = base;
  while (Buffer.byteLength(head + suffix) > 63) head = head.slice(0, -1);
  return head + suffix;
}

export async function backupPostgres(databaseUrl: string, file: string, progress: Progress, signal?: AbortSignal) {
  const url = new URL(databaseUrl);
  const database = databaseOf(url);
  const started = performance.now();
  const sql = await connect(databaseUrl);
  let major: number;
  let tables: number;
  try {
    major = await serverMajor(sql);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    tables = row!.n;
  } finally {
    await sql.end({ timeout: 5 });
  }
  const pgDump = await findPgTool("pg_dump", major);
  progress(`dumping database ${database} (PostgreSQL ${major}) with ${pgDump}`, { tables });
  const partial = `${file}.partial`;
  let done = 0;
  try {
    await run(pgDump, ["--format=custom", "--verbose", "--no-password", `--file=${partial}`], libpqEnv(url, database), {
      signal,
      onLine: (line) => {
        const table = /dumping contents of table "?([^"]+)"?/.exec(line)?.[1];
        if (table) progress(`dumped ${table}`, { progress: `${++done}/${tables}` });
      },
    });
    // The archive's table of contents must read back before the file takes its final name.
    const pgRestore = await findPgTool("pg_restore", major);
    await run(pgRestore, ["--list", partial], {}, { signal });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, bytes: (await stat(file)).size, ms: Math.round(performance.now() - started), tables };
}

export async function restorePostgres(databaseUrl: string, file: string, progress: Progress, signal?: AbortSignal) {
  const url = new URL(databaseUrl);
  const target = databaseOf(url);
  const started = performance.now();
  const admin = await connectMaintenance(url);
  const restoring = derivedName(target, `_restoring_${stamp().replace("-", "")}`);
  let created = false;
  try {
    const major = await serverMajor(admin);
    const pgRestore = await findPgTool("pg_restore", major);
    const toc = await run(pgRestore, ["--list", file], {}, { signal }).catch((error: Error) => {
      throw new BackupError(`${file} is not a readable pg_dump archive: ${error.message}`);
    });
    const tables = toc.stdout.split("\n").filter((line) => / TABLE DATA /.test(line)).length;

    const [existing] = await admin<{ encoding: string; collate: string; ctype: string }[]>`
      select pg_encoding_to_char(encoding) as encoding, datcollate as collate, datctype as ctype from pg_database where datname = ${target}`;
    await refuseWhileConnected(admin, target);

    progress(`restoring into a new database ${restoring}`, { tables });
    const encoding = existing ?? { encoding: "UTF8", collate: null, ctype: null };
    await admin.unsafe(
      `create database ${ident(restoring)} template template0 encoding '${encoding.encoding}'` +
        (existing ? ` lc_collate '${existing.collate.replace(/'/g, "''")}' lc_ctype '${existing.ctype.replace(/'/g, "''")}'` : ""),
    );
    created = true;
    let done = 0;
    await run(pgRestore, ["--no-owner", "--no-acl", "--exit-on-error", "--verbose", "--no-password", `--dbname=${restoring}`, file], libpqEnv(url, restoring), {
      signal,
      onLine: (line) => {
        const table = /processing data for table "?([^"]+)"?/.exec(line)?.[1];
        if (table) progress(`restored ${table}`, { progress: `${++done}/${tables}` });
      },
    });
    await checkRestored(withDatabase(url, restoring));

    // The swap: both renames commit together, or neither does.
    await refuseWhileConnected(admin, target);
    const previous = existing ? derivedName(target, `_before_restore_${stamp().replace("-", "")}`) : null;
    await admin.begin(async (tx) => {
      if (previous) await tx.unsafe(`alter database ${ident(target)} rename to ${ident(previous)}`);
      await tx.unsafe(`alter database ${ident(restoring)} rename to ${ident(target)}`);
    }).catch((error: Error & { code?: string }) => {
      if (error.code === "55006") throw new BackupError(`database ${target} is in use: stop the portal, then restore again`);
      throw error;
    });
    created = false;
    return { database: target, previous, tables, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if ((error as { code?: string }).code === "42501") {
      throw new BackupError(`the role in DATABASE_URL may not do this (${(error as Error).message}): a restore creates a new database and renames it, so the role needs CREATEDB and must own ${target}`);
    }
    throw error;
  } finally {
    if (created) await admin.unsafe(`drop database if exists ${ident(restoring)} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** CREATE/ALTER DATABASE run from another database: the server's maintenance database. */
async function connectMaintenance(url: URL): Promise<Sql> {
  let lastError: unknown;
  for (const database of ["postgres", "template1"]) {
    try {
      return await connect(withDatabase(url, database));
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** A running portal keeps connections open (its workers poll every few seconds): never restore under it. */
async function refuseWhileConnected(admin: Sql, database: string) {
  const rows = await admin<{ application: string; n: number }[]>`
    select coalesce(nullif(application_name, ''), 'unnamed') as application, count(*)::int as n
    from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid() group by 1`;
  if (rows.length === 0) return;
  const who = rows.map((r) => `${r.n} × ${r.application}`).join(", ");
  throw new BackupError(`database ${database} has open connections (${who}): stop the portal (and anything else using it), then restore again`);
}

/** The restored database must be a portal's, and its search indexes are rebuilt at the next start. */
async function checkRestored(url: string) {
  const sql = await connect(url);
  try {
    const [row] = await sql<{ migrations: string | null; meta: string | null }[]>`
      select to_regclass('drizzle.__drizzle_migrations')::text as migrations, to_regclass('public.app_meta')::text as meta`;
    if (!row?.migrations || !row.meta) throw new BackupError("the archive does not hold a portal database (no migrations table): nothing was changed");
    await sql`delete from app_meta where key = 'search:indexed'`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
