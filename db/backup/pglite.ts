// Backups of the embedded database (PGlite in DATA_DIR/pg). PGlite lets one process open its folder,
// so both commands hold the portal's instance lock (server/instance-lock.ts): they refuse while the
// portal runs, and the portal cannot start while they work. The backup is PGlite's own tarball of the
// data folder taken after a checkpoint; a restore unpacks it into a new folder, checks it, and only
// then swaps the folders, keeping the previous one beside it.
import { existsSync } from "node:fs";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { BackupError, stamp, type Progress } from "./tools";

export async function backupPglite(pgDir: string, file: string, progress: Progress, signal?: AbortSignal) {
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) throw new BackupError(`there is no embedded database in ${pgDir} (set DATA_DIR, or DATABASE_URL for a Postgres server)`);
  const started = performance.now();
  progress(`opening the embedded database in ${pgDir}`);
  const pg = await PGlite.create(pgDir);
  const partial = `${file}.partial`;
  try {
    signal?.throwIfAborted();
    // Everything committed is written to the data files, so the copy needs no WAL replay.
    await pg.query("checkpoint");
    progress("writing the data folder's tarball");
    const tarball = await pg.dumpDataDir("gzip");
    signal?.throwIfAborted();
    await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await pg.close();
  }
  return { file, bytes: (await stat(file)).size, ms: Math.round(performance.now() - started) };
}

export async function restorePglite(pgDir: string, file: string, progress: Progress, signal?: AbortSignal) {
  const started = performance.now();
  const when = stamp();
  const restoring = `${pgDir}.restoring-${when}`;
  await rm(restoring, { recursive: true, force: true });
  try {
    progress(`checking ${file}`);
    // Unpacked and checked here first: PGlite reports a damaged tarball only as an uncaught error.
    const tar = await promisify(gunzip)(await readFile(file)).catch((error: Error) => {
      throw new BackupError(`${file} is damaged or incomplete (${error.message}): nothing was changed`);
    });
    if (!tarEntries(tar).includes("PG_VERSION")) throw new BackupError(`${file} is not a backup of the embedded database (no PG_VERSION): nothing was changed`);
    progress(`unpacking into ${restoring}`);
    let pg: PGlite;
    try {
      pg = await PGlite.create(restoring, { loadDataDir: new Blob([tar]) });
    } catch (error) {
      throw new BackupError(`${file} is not a readable PGlite backup: ${(error as Error).message}`);
    }
    try {
      signal?.throwIfAborted();
      const { rows } = await pg.query<{ migrations: string | null; meta: string | null }>(
        "select to_regclass('drizzle.__drizzle_migrations')::text as migrations, to_regclass('public.app_meta')::text as meta",
      );
      if (!rows[0]?.migrations || !rows[0].meta) throw new BackupError("the backup does not hold a portal database (no migrations table): nothing was changed");
      // The search indexes are rebuilt at the next start (server/services.ts keeps this marker).
      await pg.query("delete from app_meta where key = 'search:indexed'");
    } finally {
      await pg.close();
    }
    signal?.throwIfAborted();
  } catch (error) {
    await rm(restoring, { recursive: true, force: true });
    throw error;
  }
  const previous = existsSync(pgDir) ? `${pgDir}.before-restore-${when}` : null;
  if (previous) await rename(pgDir, previous);
  await rename(restoring, pgDir);
  return { dataDir: pgDir, previous, ms: Math.round(performance.now() - started) };
}

/** The top-level names in a tar archive (ustar headers: name at 0..100, octal size at 124..136). */
function tarEntries(tar: Buffer): string[] {
  const names: string[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(header.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim() || "0", 8);
    names.push(name.replace(/^\.?\//, ""));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}
