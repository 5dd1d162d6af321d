// What the backup commands share: the error a person can act on, progress, running the PostgreSQL
// client programs, and recognising a backup file by its first bytes.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";

/** A refusal or failure explained in one sentence (printed without a stack). */
export class BackupError extends Error {}

export type Progress = (message: string, details?: Record<string, unknown>) => void;

export type BackupKind = "postgres" | "pglite";

/** pg_dump's custom format starts with "PGDMP"; PGlite's dumpDataDir() writes a gzipped tar. */
export async function kindOfBackup(file: string): Promise<BackupKind | "unknown"> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 5 && head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return "unknown";
  } finally {
    await handle.close();
  }
}

/** The newest pg_dump/pg_restore at least as new as the server: Debian's versioned folders first, then PATH. */
export async function findPgTool(name: "pg_dump" | "pg_restore", serverMajor: number): Promise<string> {
  const debian = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join("/usr/lib/postgresql", v, "bin", name))
    : [];
  const onPath = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
  const found: { file: string; major: number }[] = [];
  for (const file of [...debian, ...onPath]) {
    if (!existsSync(file) || found.some((f) => f.file === file)) continue;
    const version = await run(file, ["--version"], {}).catch(() => null);
    const major = Number(/(\d+)(?:\.\d+)?/.exec(version?.stdout ?? "")?.[1]);
    if (Number.isInteger(major)) found.push({ file, major });
  }
  const suitable = found.filter((f) => f.major >= serverMajor).sort((a, b) => b.major - a.major)[0];
  if (suitable) return suitable.file;
  const install = `install the PostgreSQL ${serverMajor} client programs (Debian: apt-get install postgresql-client-${serverMajor})`;
  if (found.length === 0) throw new BackupError(`${name} was not found: ${install}.`);
  const newest = found.sort((a, b) => b.major - a.major)[0]!;
  throw new BackupError(`${name} ${newest.major} (${newest.file}) is older than the server (PostgreSQL ${serverMajor}) and cannot ${name === "pg_dump" ? "dump" : "restore"} it reliably: ${install}.`);
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a program to the end. Each stderr line goes to onLine (the tools report progress there with
 * --verbose); a non-zero exit rejects with the last lines of stderr. The signal kills the program.
 */
export function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  options: { onLine?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let partial = "";
    const abort = () => child.kill("SIGTERM");
    options.signal?.addEventListener("abort", abort, { once: true });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) options.onLine?.(line);
    });
    child.once("error", (error) => reject(new BackupError(`could not run ${file}: ${error.message}`)));
    child.once("close", (code, signal) => {
      options.signal?.removeEventListener("abort", abort);
      if (partial.trim()) options.onLine?.(partial);
      if (code === 0) return resolve({ stdout, stderr });
      const tail = stderr.trim().split("\n").filter((l) => !/^\S+: (processing|dumping|creating|reading|saving|finding|flagging|last built-in|executing|identifying|setting|connecting|implied)/.test(l)).slice(-5).join("\n");
      reject(new BackupError(`${path.basename(file)} failed (${signal ?? `exit ${code}`})${tail ? `:\n${tail}` : ""}`));
    });
  });
}

/** A timestamp for file and database names: 20260520-141503. */
export function stamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}
