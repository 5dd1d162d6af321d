// Middleware for the public API under /api/: CORS preflights, a per-client rate limit, and 405 for
// anything but GET/HEAD. The limit is a fixed window per client in memory (one process serves the
// portal): default 120 requests a minute. Windows live in a Map kept in expiry order, so expired
// ones are dropped cheaply on every request and memory stays bounded even under a spray of IPs.
import { isIP } from "node:net";
import type { RequestHandler, Response } from "express";
import { ALLOWED_METHODS, CORS_HEADERS, JSON_CONTENT_TYPE, errorBody, preflightHeaders, type ApiErrorBody } from "../app/api/http";

export interface RateLimitOptions {
  /** Requests allowed per client per window (default 120). */
  limit?: number;
  /** Window length in milliseconds (default one minute). */
  windowMs?: number;
  /** Most clients tracked at once; past it the oldest window is forgotten (default 50,000). */
  maxClients?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export interface RateLimiter extends RequestHandler {
  /** How many client windows are held in memory now. */
  readonly size: () => number;
}

interface Window {
  count: number;
  resetAt: number;
}

export function rateLimit(options: RateLimitOptions = {}): RateLimiter {
  const limit = options.limit ?? 120;
  const windowMs = options.windowMs ?? 60_000;
  const maxClients = options.maxClients ?? 50_000;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(limit) || limit < 1) throw new Error("rateLimit: limit must be a positive integer");
  if (!(windowMs > 0) || !(maxClients > 0)) throw new Error("rateLimit: windowMs and maxClients must be positive");

  // Every window lasts windowMs and a renewed window is re-inserted, so insertion order is expiry order.
  const windows = new Map<string, Window>();
  const evictExpired = (at: number) => {
    for (const [key, window] of windows) {
      if (window.resetAt > at) break;
      windows.delete(key);
    }
  };

  const middleware: RequestHandler = (req, res, next) => {
    // Preflights are answered by apiCors before this; they never count.
    if (req.method === "OPTIONS") return next();
    const at = now();
    evictExpired(at);
    const key = clientKey(req.ip);
    let window = windows.get(key);
    if (!window) {
      if (windows.size >= maxClients) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      window = { count: 0, resetAt: at + windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.resetAt - at) / 1000));
    res.setHeader("RateLimit-Limit", String(limit));
    res.setHeader("RateLimit-Remaining", String(Math.max(0, limit - window.count)));
    res.setHeader("RateLimit-Reset", String(resetSeconds));
    if (window.count <= limit) return next();
    res.setHeader("Retry-After", String(resetSeconds));
    sendJson(res, 429, errorBody("rate_limited", `Too many requests: at most ${limit} a minute per client. Try again in ${resetSeconds} s.`));
  };
  return Object.assign(middleware, { size: () => windows.size });
}

/**
 * The rate-limit key: the IPv4 address, or the /64 of an IPv6 address (one host usually holds a
 * whole /64, so counting single IPv6 addresses would let it multiply its allowance).
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const address = ip.split("%")[0]!;
  if (isIP(address) !== 6) return ip;
  const [head = "", tail] = address.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${full.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/** CORS for the API: answers preflights. Routes set Access-Control-Allow-Origin on their own responses. */
export function apiCors(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "OPTIONS") return next();
    res.status(204);
    for (const [name, value] of Object.entries(preflightHeaders(req.get("Access-Control-Request-Headers")))) res.setHeader(name, value);
    res.end();
  };
}

/**
 * The API is read-only: anything but GET and HEAD is refused before it reaches Remix. Remix's own
 * data URLs (single fetch "*.data") are not part of the API and answer 404.
 */
export function apiReadOnly(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", ALLOWED_METHODS);
      sendJson(res, 405, errorBody("method_not_allowed", `The public API is read-only: ${req.method} is not allowed, use GET.`));
      return;
    }
    if (req.path.endsWith(".data")) {
      sendJson(res, 404, errorBody("not_found", "No such API endpoint."));
      return;
    }
    next();
  };
}

/** Everything mounted on /api/: preflight answers, then the rate limit, then the read-only rule. */
export function publicApiMiddleware(options: RateLimitOptions = {}): RequestHandler[] {
  return [apiCors(), rateLimit(options), apiReadOnly()];
}

/** Only for answers this middleware gives itself: Remix responses carry their own CORS headers. */
function sendJson(res: Response, status: number, body: ApiErrorBody) {
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.status(status).type(JSON_CONTENT_TYPE).send(JSON.stringify(body));
}
