// npm run db:backup [-- <file>]   — a backup of the portal's database (default: backups/portal-<kind>-<time>.<ext>)
// npm run db:restore -- <file>    — replaces the portal's database with a backup's
// With DATABASE_URL: pg_dump/pg_restore (db/backup/postgres.ts); without: the embedded PGlite folder
// (db/backup/pglite.ts). Progress goes to the log; a failure is one line and exit code 1.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../../server/env";
import { acquireInstanceLock, InstanceLockedError } from "../../server/instance-lock";
import { logger } from "../../server/logger";
import { backupPglite, restorePglite } from "./pglite";
import { backupPostgres, restorePostgres } from "./postgres";
import { BackupError, kindOfBackup, stamp, type BackupKind, type Progress } from "./tools";

const [command, fileArgument] = process.argv.slice(2);
const name = command === "restore" ? "db:restore" : "db:backup";
const progress: Progress = (message, details) => logger.info(details ?? {}, message);
const interrupted = new AbortController();
let release: (() => void) | undefined;

const stop = () => {
  if (interrupted.signal.aborted) return;
  logger.warn(`${name}: interrupted; cleaning up`);
  interrupted.abort(new BackupError("interrupted"));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

let code = 0;
try {
  const env = parseEnv();
  const kind: BackupKind = env.DATABASE_URL ? "postgres" : "pglite";
  const pgDir = path.join(env.DATA_DIR, "pg");
  if (kind === "pglite") release = lockDataDir(env.DATA_DIR);

  if (command === "backup") {
    const file = path.resolve(fileArgument ?? path.join("backups", `portal-${kind}-${stamp()}.${kind === "postgres" ? "dump" : "tar.gz"}`));
    if (existsSync(file)) throw new BackupError(`${file} already exists; name another file`);
    mkdirSync(path.dirname(file), { recursive: true });
    const result = env.DATABASE_URL
      ? await backupPostgres(env.DATABASE_URL, file, progress, interrupted.signal)
      : await backupPglite(pgDir, file, progress, interrupted.signal);
    logger.info({ ...result }, `backup written: ${file} (${megabytes(result.bytes)} MB in ${seconds(result.ms)} s)`);
  } else if (command === "restore") {
    if (!fileArgument) throw new BackupError("name the backup file: npm run db:restore -- <file>");
    const file = path.resolve(fileArgument);
    const found = await kindOfBackup(file);
    if (found === "unknown") throw new BackupError(`${file} is neither a pg_dump archive nor a PGlite backup`);
    if (found !== kind) {
      throw new BackupError(
        found === "postgres"
          ? `${file} is a pg_dump archive of a Postgres server: set DATABASE_URL to restore it there`
          : `${file} is a backup of the embedded database (PGlite): unset DATABASE_URL to restore it into DATA_DIR`,
      );
    }
    const result = env.DATABASE_URL
      ? await restorePostgres(env.DATABASE_URL, file, progress, interrupted.signal)
      : await restorePglite(pgDir, file, progress, interrupted.signal);
    const kept = result.previous ? `; the previous database is kept as ${result.previous} (remove it when you no longer need it)` : "";
    logger.info({ ...result }, `restored ${file} in ${seconds(result.ms)} s${kept}; search indexes are rebuilt at the next start`);
  } else {
    throw new BackupError("usage: db/backup/cli.ts backup [file] | restore <file>");
  }
} catch (error) {
  code = interrupted.signal.aborted ? 130 : 1;
  const known = error instanceof BackupError || error instanceof EnvError || error instanceof InstanceLockedError;
  if (known) process.stderr.write(`\n${name} failed: ${(error as Error).message}\n\n`);
  else logger.fatal({ err: error }, `${name} failed`);
} finally {
  release?.();
}
process.exit(code);

/** PGlite allows one process: the portal's lock keeps it and this command apart. */
function lockDataDir(dataDir: string): () => void {
  try {
    return acquireInstanceLock(dataDir);
  } catch (error) {
    if (error instanceof InstanceLockedError) {
      throw new InstanceLockedError(`${error.message.replace(/ Stop it first.*$/, "")} The embedded database can be opened by one process at a time: stop the portal, then run ${name} again.`);
    }
    throw error;
  }
}

function megabytes(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(1);
}

function seconds(ms: number) {
  return (ms / 1000).toFixed(1);
}
