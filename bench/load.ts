// A small concurrent HTTP load loop: N workers share one queue of requests (GET paths, or requests
// with a method, headers and a body) and send them over keep-alive connections (node:http),
// recording each request's latency; with `repeat` the queue is cycled until the budget ends.
// Any 2xx or 3xx answer counts as a success. runLoadInChild() runs it
// in its own process (bench/load-child.ts), so the client's event loop and the measured server's
// are not the same one: a client in the server's process adds its own queueing to every figure.
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";

/** One request to send; a bare path is a GET. */
export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Sent as is (set the Content-Type in headers). */
  body?: string;
}

export interface LoadOptions {
  /** e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  paths: Array<string | LoadRequest>;
  /** Sent with every request (a request's own headers win). */
  headers?: Record<string, string>;
  /** Cycle through `paths` until the budget ends instead of sending each once. */
  repeat?: boolean;
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
  /** httpErrors + socketErrors. */
  errors: number;
  /** Answers outside 2xx/3xx. */
  httpErrors: number;
  /** No answer: refused or reset connections, timeouts. */
  socketErrors: number;
  /** How many answers had each status code. */
  statuses: Record<string, number>;
  notSent: number;
  errorSamples: string[];
  /** Latency of every request sent, ms, sorted: failures count at the time they failed (a timeout at the timeout). */
  latencies: number[];
  /** Per path (each path's last answer with `repeat`): the "total" of a 200 answer, or -1. */
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

function send(agent: http.Agent, url: URL, spec: LoadRequest, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body, "utf8");
    const request = http.request(
      url,
      { agent, timeout: timeoutMs, method: spec.method, headers: { ...headers, ...spec.headers, ...(body ? { "Content-Length": String(body.length) } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency, maxFreeSockets: options.concurrency });
  const latencies: number[] = [];
  const totals: number[] = new Array(options.paths.length).fill(-1);
  const engineMs: number[] = [];
  const errorSamples: string[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let httpErrors = 0;
  let socketErrors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.budgetMs;
  const total = options.paths.length;
  const step = Math.max(1, Math.floor(total / 10));
  const more = () => (options.repeat ? total > 0 : next < total) && performance.now() < deadline;

  const worker = async () => {
    while (more()) {
      const index = next++ % total;
      const item = options.paths[index]!;
      const spec: LoadRequest = typeof item === "string" ? { method: "GET", path: item } : item;
      const url = new URL(spec.path, options.baseUrl);
      sent++;
      const t0 = performance.now();
      try {
        const { status, body } = await send(agent, url, spec, options.headers ?? {}, options.timeoutMs);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 200) {
          totals[index] = Number(/"total":(\d+)/.exec(body)?.[1] ?? -1);
          const engine = /"processingTimeMs":(\d+)/.exec(body)?.[1];
          if (engine !== undefined) engineMs.push(Number(engine));
        } else if (status < 200 || status >= 400) {
          httpErrors++;
          if (errorSamples.length < 3) errorSamples.push(`HTTP ${status} for ${spec.method} ${url.pathname}${url.search}: ${body.slice(0, 160)}`);
        }
      } catch (error) {
        socketErrors++;
        if (errorSamples.length < 3) errorSamples.push(`${spec.method} ${url.pathname}${url.search}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t0);
      const done = latencies.length;
      if (!options.repeat && done % step === 0) options.progress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  engineMs.sort((a, b) => a - b);
  const sum = latencies.reduce((a, b) => a + b, 0);
  const errors = httpErrors + socketErrors;
  return {
    sent,
    ok: latencies.length - errors,
    errors,
    httpErrors,
    socketErrors,
    statuses,
    notSent: options.repeat ? 0 : total - sent,
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
