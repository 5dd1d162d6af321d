// A few seconds' memory of what every anonymous visitor gets alike: the public pages (occupations,
// programmes, a position) and the public JSON API's answers, so a crowd asking the same thing costs
// one render or one search, not one each. Only a GET with no cookie but the language; only a 200 page
// (HTML) that sets no cookie, or a 200 API answer that says it is `public` (app/api/http.ts: a
// minute), kept no longer than it allows. Any write this process serves (a POST, PUT, PATCH or
// DELETE) forgets everything at once, and so does a change to a search index (clear(), called by the
// search sync worker); writes elsewhere (a CLI) and the clock are bounded by the few seconds an
// entry lives. Each page served from memory gets a fresh CSP nonce: the stored page's nonce is
// replaced by the one this request's headers carry. The API's rate limit runs before the cache.
// See docs/decisions/0012-page-microcache.md.
import type { RequestHandler } from "express";

export interface PageCacheOptions {
  /** How long an entry lives; 0 turns the cache off. */
  ttlMs: number;
  maxEntries?: number;
  maxBytes?: number;
}

interface Entry {
  storedAt: number;
  lifetimeMs: number;
  generation: number;
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  nonce: string;
}

/** The pages every anonymous visitor sees alike. Everything else always renders. */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/occupations$/,
  /^\/occupations\/[\w-]{1,80}\/[\w-]{1,20}$/,
  /^\/programmes$/,
  /^\/programmes\/[\w-]{1,80}$/,
  /^\/positions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
];
/** The public API's read endpoints (app/routes/api.v1.*). */
const PUBLIC_API = /^\/api\/v1\/(occupations|programmes|skills|forecasts)(\/[\w-]{1,20})?$/;
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Headers a stored answer must not repeat: this response has its own (the rate limit's are per client). */
const PER_RESPONSE = new Set([
  "content-security-policy", "set-cookie", "content-length", "date", "connection", "keep-alive", "transfer-encoding", "content-encoding", "vary",
  "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after",
]);

/** How long an answer may be kept, ms: pages for the cache's lifetime; API answers only if `public`, and no longer than their max-age. */
function lifetimeOf(api: boolean, type: string, cacheControl: string, ttlMs: number): number {
  if (/no-store|private/.test(cacheControl)) return 0;
  if (!api) return type.startsWith("text/html") ? ttlMs : 0;
  if (!type.startsWith("application/json") || !/\bpublic\b/.test(cacheControl)) return 0;
  const maxAge = /\bmax-age=(\d+)/.exec(cacheControl);
  return maxAge ? Math.min(ttlMs, Number(maxAge[1]) * 1000) : 0;
}

export interface PageCache {
  middleware: RequestHandler;
  /** Forget everything (a write happened). */
  clear(): void;
  stats(): { hits: number; misses: number; entries: number };
}

export function pageCache(options: PageCacheOptions): PageCache {
  const maxEntries = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? 1_000_000;
  const entries = new Map<string, Entry>();
  /** Renders in progress, so a crowd arriving at once waits for one render instead of each doing it. */
  const rendering = new Map<string, Promise<Entry | null>>();
  let generation = 0;
  let hits = 0;
  let misses = 0;

  const clear = () => {
    generation++;
    entries.clear();
  };

  const keyOf = (cookieHeader: string | undefined, url: string): string | null => {
    let lang = "";
    for (const part of (cookieHeader ?? "").split(";")) {
      const pair = part.trim();
      if (!pair) continue;
      const eq = pair.indexOf("=");
      const name = eq === -1 ? pair : pair.slice(0, eq);
      if (name !== "lang") return null; // a session or any other cookie: this visitor's page may differ
      lang = pair.slice(eq + 1);
    }
    return `${lang}\n${url}`;
  };

  const fresh = (entry: Entry | undefined, now: number) => entry !== undefined && entry.generation === generation && now - entry.storedAt < entry.lifetimeMs;

  const serve = (entry: Entry, res: Parameters<RequestHandler>[1], head: boolean) => {
    const nonce = String(res.locals.cspNonce ?? "");
    const body = entry.nonce && nonce ? Buffer.from(entry.body.toString("utf8").replaceAll(entry.nonce, nonce), "utf8") : entry.body;
    res.status(entry.status);
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
    res.setHeader("Content-Length", String(body.length));
    res.end(head ? undefined : body);
  };

  const middleware: RequestHandler = (req, res, next) => {
    if (WRITES.has(req.method)) {
      // Forget before the write (a page rendered meanwhile is not stored: its generation is old) and after.
      clear();
      res.on("finish", clear);
      return next();
    }
    if (options.ttlMs <= 0 || (req.method !== "GET" && req.method !== "HEAD")) return next();
    const api = PUBLIC_API.test(req.path);
    if (!api && !PUBLIC_PAGES.some((pattern) => pattern.test(req.path))) return next();
    const key = keyOf(req.headers.cookie, req.originalUrl);
    if (key === null) return next();

    const now = Date.now();
    const stored = entries.get(key);
    if (fresh(stored, now)) {
      hits++;
      return serve(stored!, res, req.method === "HEAD");
    }
    const inProgress = rendering.get(key);
    if (inProgress) {
      void inProgress.then((entry) => {
        if (entry && fresh(entry, Date.now())) {
          hits++;
          serve(entry, res, req.method === "HEAD");
        } else next();
      });
      return;
    }
    if (req.method === "HEAD") return next();

    misses++;
    const startedIn = generation;
    let settle: (entry: Entry | null) => void = () => {};
    rendering.set(key, new Promise<Entry | null>((resolve) => (settle = resolve)));
    const chunks: Buffer[] = [];
    let size = 0;
    let storable = true;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => unknown;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (!storable || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > maxBytes) storable = false;
      else chunks.push(buffer);
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding);
      return write(chunk, encoding, callback);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding);
      return end(chunk, encoding, callback);
    }) as typeof res.end;

    const finish = (ok: boolean) => {
      rendering.delete(key);
      const lifetimeMs = lifetimeOf(api, String(res.getHeader("content-type") ?? ""), String(res.getHeader("cache-control") ?? ""), options.ttlMs);
      if (!ok || !storable || res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined || lifetimeMs <= 0 || startedIn !== generation) {
        settle(null);
        return;
      }
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value !== undefined && !PER_RESPONSE.has(name)) headers[name] = typeof value === "number" ? String(value) : value;
      }
      const entry: Entry = { storedAt: Date.now(), lifetimeMs, generation: startedIn, status: 200, headers, body: Buffer.concat(chunks), nonce: String(res.locals.cspNonce ?? "") };
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, entry);
      settle(entry);
    };
    res.on("finish", () => finish(true));
    res.on("close", () => {
      if (!res.writableFinished) finish(false);
    });
    next();
  };

  return { middleware, clear, stats: () => ({ hits, misses, entries: entries.size }) };
}
