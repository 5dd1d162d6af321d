// A small concurrent HTTP load loop: N workers share one queue of paths and send them over
// keep-alive connections (node:http), recording each request's latency. runLoadInChild() runs it
// in its own process (bench/load-child.ts), so the client's event loop and the measured server's
// are not the same one: a client in the server's process adds its own queueing to every figure.
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";

export interface LoadOptions {
  /** e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  paths: string[];
  concurrency: number;
  /** Per request. */
  timeoutMs: number;
  /** Stop sending new requests after this long; the rest are counted as not sent. */
  budgetMs: number;
  progress?: (done: number, total: number) => void;
}

export interface LoadResult {
  sent: number;
  ok: number;
  errors: number;
  notSent: number;
  errorSamples: string[];
  /** Latency of every request sent, ms, sorted: failures count at the time they failed (a timeout at the timeout). */
  latencies: number[];
  /** Per path: the "total" of a 200 answer, or -1. */
  totals: number[];
  /** "processingTimeMs" of the 200 answers that carry one (Meilisearch's own time), sorted. */
  engineMs: number[];
  wallMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  throughput: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function get(agent: http.Agent, url: URL, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency, maxFreeSockets: options.concurrency });
  const latencies: number[] = [];
  const totals: number[] = new Array(options.paths.length).fill(-1);
  const engineMs: number[] = [];
  const errorSamples: string[] = [];
  let next = 0;
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.budgetMs;
  const total = options.paths.length;
  const step = Math.max(1, Math.floor(total / 10));

  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const index = next++;
      const url = new URL(options.paths[index]!, options.baseUrl);
      sent++;
      const t0 = performance.now();
      try {
        const { status, body } = await get(agent, url, options.timeoutMs);
        if (status === 200) {
          totals[index] = Number(/"total":(\d+)/.exec(body)?.[1] ?? -1);
          const engine = /"processingTimeMs":(\d+)/.exec(body)?.[1];
          if (engine !== undefined) engineMs.push(Number(engine));
        } else {
          errors++;
          if (errorSamples.length < 3) errorSamples.push(`HTTP ${status} for ${url.pathname}${url.search}: ${body.slice(0, 160)}`);
        }
      } catch (error) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(`${url.pathname}${url.search}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t0);
      const done = latencies.length;
      if (done % step === 0) options.progress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  engineMs.sort((a, b) => a - b);
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    sent,
    ok: latencies.length - errors,
    errors,
    notSent: total - sent,
    errorSamples,
    latencies,
    totals,
    engineMs,
    wallMs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    mean: latencies.length ? sum / latencies.length : Number.NaN,
    throughput: latencies.length / (wallMs / 1000),
  };
}

export type ChildMessage = { kind: "progress"; done: number; total: number } | { kind: "result"; result: LoadResult } | { kind: "error"; message: string };

/** runLoad() in a child process (node --import tsx bench/load-child.ts), answered over IPC. */
export function runLoadInChild(options: LoadOptions): Promise<LoadResult> {
  const { progress, ...serialisable } = options;
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./load-child.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    child.on("message", (message: ChildMessage) => {
      if (message.kind === "progress") progress?.(message.done, message.total);
      else if (message.kind === "result") {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new Error(`load child: ${message.message}`));
      }
    });
    child.once("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    child.once("exit", (code, signal) => {
      if (!settled) reject(new Error(`load child exited (${signal ?? code}) without a result`));
      settled = true;
    });
    child.send(serialisable);
  });
}
