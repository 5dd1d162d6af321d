// A Postgres cluster of the test's own (initdb + pg_ctl with Debian's binaries, in a temporary folder,
// on a free loopback port), so a test can stop and restart "the database server" without touching
// the machine's shared one. As root the programs run as the postgres user (initdb refuses root).
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freeLoopbackPort } from "../../search/server";

const exec = promisify(execFile);

export interface PrivateCluster {
  url: string;
  port: number;
  /** Fast shutdown: sessions are ended (57P01 admin_shutdown), then the server stops. */
  stop(): Promise<void>;
  start(): Promise<void>;
  isRunning(): boolean;
  destroy(): Promise<void>;
  log(): string;
}

/** Why a private cluster cannot be made here, or null when it can. */
export function privateClusterUnavailable(): string | null {
  if (!binDir()) return "no initdb/pg_ctl under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
  if (process.getuid?.() === 0 && !postgresUser()) return "running as root and there is no postgres user to run initdb as";
  return null;
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  if (!bin) throw new Error(privateClusterUnavailable() ?? "no PostgreSQL binaries");
  const root = mkdtempSync(path.join(os.tmpdir(), "portal-private-pg-"));
  const data = path.join(root, "data");
  const logFile = path.join(root, "server.log");
  const user = process.getuid?.() === 0 ? postgresUser() : null;
  if (user) chownSync(root, user.uid, user.gid);
  const run = (program: string, args: string[]) =>
    user ? exec("runuser", ["-u", "postgres", "--", path.join(bin, program), ...args], { cwd: root }) : exec(path.join(bin, program), args, { cwd: root });

  const port = await freeLoopbackPort();
  await run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const start = async () => void (await run("pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]));
  const stop = async () => void (await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]));
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    isRunning: () => existsSync(path.join(data, "postmaster.pid")),
    destroy: async () => {
      if (existsSync(path.join(data, "postmaster.pid"))) await run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-3000) : ""),
  };
}

function binDir(): string | null {
  if (!existsSync("/usr/lib/postgresql")) return null;
  const versions = readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join("/usr/lib/postgresql", version, "bin");
    if (existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

function postgresUser(): { uid: number; gid: number } | null {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  return line ? { uid: Number(uid), gid: Number(gid) } : null;
}
