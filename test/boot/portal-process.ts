// Starts the real portal (`node --import tsx server/main.ts`) as a child process for the boot tests:
// a free port, a controlled environment, captured output, readiness through /healthz, and a stop
// that sends a signal and awaits the exit code. Every process started here is remembered so the
// tests can kill leftovers (and the Meilisearch children they spawned) after a failed test.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freeLoopbackPort } from "../../search/server";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Variables the portal reads; never inherited from the test runner's environment. */
const PORTAL_VARIABLES = [
  "API_RATE_LIMIT_PER_MINUTE",
  "PAGE_CACHE_SECONDS",
  "PORT",
  "HOST",
  "DATA_DIR",
  "DATABASE_URL",
  "MEILI_URL",
  "MEILI_MASTER_KEY",
  "MEILI_BIN",
  "MEILI_INDEX_PREFIX",
  "LOAD_DEMO_DATA",
  "LOG_LEVEL",
  "NODE_ENV",
];

export interface Health {
  status: string;
  database: { ok: boolean; kind?: string };
  search: { ok: boolean };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface HttpResult {
  status: number;
  text: string;
}

export interface PortalProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  dataDir: string;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<Exit>;
  stdout(): string;
  stderr(): string;
  /** Both streams, labelled, for failure messages. */
  output(): string;
  isRunning(): boolean;
  get(pathname: string): Promise<HttpResult>;
  health(): Promise<{ status: number; body: Health | null }>;
  waitUntilReady(timeoutMs?: number): Promise<Health>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  waitForExit(timeoutMs: number): Promise<Exit>;
  /** Sends the signal and awaits the exit; fails if it takes longer than timeoutMs. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

const started = new Set<PortalProcess>();
const dataDirs = new Set<string>();

export function assertBuilt(): void {
  if (!existsSync(path.join(repoRoot, "build", "index.js"))) {
    throw new Error("build/index.js is missing: run `npx remix build` before the boot tests.");
  }
}

/** A free loopback port (the same helper the portal uses for its Meilisearch). */
export const freePort = freeLoopbackPort;

export interface StartOptions {
  /** Extra/overriding environment for the portal (DATA_DIR is required). */
  env: Record<string, string | undefined> & { DATA_DIR: string };
  /** Default: a free port. */
  port?: number;
}

export async function startPortal(options: StartOptions): Promise<PortalProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of PORTAL_VARIABLES) delete env[name];
  // No page cache: these tests watch what each request does when the database or search fails
  // (server/page-cache.ts has its own test).
  Object.assign(env, { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(port), PAGE_CACHE_SECONDS: "0" });
  for (const [name, value] of Object.entries(options.env)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const dataDir = path.resolve(repoRoot, options.env.DATA_DIR);
  dataDirs.add(dataDir);

  // PORTAL_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the portal under a benchmark
  // (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.PORTAL_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  let exit: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
    child.once("error", (error) => {
      err += `\n[spawn error] ${error.message}\n`;
      exit = { code: null, signal: null };
      resolve(exit);
    });
  });
  const host = env.HOST === "0.0.0.0" ? "127.0.0.1" : (env.HOST ?? "127.0.0.1");
  const url = `http://${host}:${port}`;

  const output = () => `--- stdout ---\n${tail(out)}\n--- stderr ---\n${tail(err)}`;

  const waitForExit = async (timeoutMs: number): Promise<Exit> => {
    const result = await Promise.race([exited, delay(timeoutMs).then(() => null)]);
    if (!result) throw new Error(`The portal (pid ${child.pid}) did not exit within ${timeoutMs / 1000} s.\n${output()}`);
    return result;
  };

  const portal: PortalProcess = {
    child,
    pid: child.pid ?? -1,
    port,
    url,
    dataDir,
    exited,
    stdout: () => out,
    stderr: () => err,
    output,
    isRunning: () => exit === null,
    get: (pathname) => httpGet(`${url}${pathname}`),
    health: async () => {
      const response = await httpGet(`${url}/healthz`);
      try {
        return { status: response.status, body: JSON.parse(response.text) as Health };
      } catch {
        return { status: response.status, body: null };
      }
    },
    waitUntilReady: async (timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      let last = "no answer yet";
      while (Date.now() < deadline) {
        if (exit) {
          throw new Error(`The portal exited (code ${exit.code}, signal ${exit.signal}) before it was ready.\n${output()}`);
        }
        try {
          const { status, body } = await portal.health();
          last = `${status} ${JSON.stringify(body)}`;
          if (body?.status === "ok") return body;
        } catch (error) {
          last = (error as Error).message;
        }
        await delay(25);
      }
      throw new Error(`The portal was not ready within ${timeoutMs / 1000} s (last /healthz: ${last}).\n${output()}`);
    },
    waitForOutput: async (pattern, timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (pattern.test(out) || pattern.test(err)) return;
        if (exit) throw new Error(`The portal exited before printing ${pattern}.\n${output()}`);
        await delay(10);
      }
      throw new Error(`The portal did not print ${pattern} within ${timeoutMs / 1000} s.\n${output()}`);
    },
    waitForExit,
    stop: async (signal = "SIGTERM", timeoutMs = 20_000) => {
      if (exit) return exit;
      child.kill(signal);
      return waitForExit(timeoutMs);
    },
  };
  started.add(portal);
  return portal;
}

/** Kills every portal this file started that is still running, and the Meilisearch servers they left. */
export async function killLeftovers(): Promise<void> {
  for (const portal of started) {
    if (portal.isRunning()) {
      portal.child.kill("SIGKILL");
      await Promise.race([portal.exited, delay(5_000)]);
    }
  }
  started.clear();
  for (const dataDir of dataDirs) {
    for (const pid of meiliProcessesFor(dataDir)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
}

/** Pids of live Meilisearch processes whose command line points into dataDir/meili. */
export function meiliProcessesFor(dataDir: string): number[] {
  const marker = path.join(dataDir, "meili") + path.sep;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    const args = cmdline.split("\0");
    if (!args[0]?.includes("meilisearch")) continue;
    if (args.some((arg) => arg.startsWith(marker))) pids.push(Number(entry));
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0); it is dead for our purposes.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/**
 * GET a page expecting 200, waiting out a 503 "starting" for a few seconds: pages are checked for
 * content here; whether /healthz "ok" already means pages are served is asserted separately.
 */
export async function getPage(portal: PortalProcess, pathname: string, timeoutMs = 10_000): Promise<HttpResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await portal.get(pathname);
    if (response.status === 200) return response;
    if (response.status !== 503 || Date.now() > deadline) {
      throw new Error(`GET ${pathname} answered ${response.status}:\n${response.text.slice(0, 500)}\n${portal.output()}`);
    }
    await delay(50);
  }
}

/** The text of the page's role="status" element (the result count on list pages). */
export function statusText(html: string): string | null {
  const match = /<[a-z]+ role="status"[^>]*>([^<]*)</.exec(html);
  return match?.[1]?.trim() ?? null;
}

/** The number in the page's role="status" text ("共 28 項職缺" → 28), or null. */
export function resultCount(html: string): number | null {
  const match = /\d+/.exec(statusText(html) ?? "");
  return match ? Number(match[0]) : null;
}

/** Lines of a stack trace ("    at fn (file:1:2)"). */
export function stackLines(text: string): string[] {
  return text.split("\n").filter((line) => /^\s+at /.test(line));
}

/** stderr without blank lines and Node's own warnings. */
export function meaningfulLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("(node:") && !line.startsWith("(Use `node --trace"));
}

function httpGet(url: string, timeoutMs = 10_000): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    // No keep-alive: an idle pooled connection must not hold the server open at shutdown.
    const request = http.get(url, { agent: false, headers: { "accept-language": "zh-TW" } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.on("error", reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}

function tail(text: string, max = 6_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
