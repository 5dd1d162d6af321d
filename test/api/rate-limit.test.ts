// The /api/ middleware on a real Express server (same trust-proxy setting as server/main.ts), with a
// fake clock: per-client fixed windows, 429 with Retry-After, headers on every answer, bounded memory.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../server/env";
import { apiCors, apiReadOnly, clientKey, publicApiMiddleware, rateLimit, type RateLimiter } from "../../server/rate-limit";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** An Express app like the portal's: trust proxy "loopback", the middleware on /api/, a JSON answer behind it. */
async function serve(handlers: express.RequestHandler[]): Promise<string> {
  const app = express();
  app.set("trust proxy", "loopback");
  app.use("/api/", ...handlers);
  app.get("/api/v1/ping", (req, res) => res.json({ ip: req.ip }));
  app.get("/other", (_req, res) => res.send("not the API"));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const from = (ip: string) => ({ headers: { "X-Forwarded-For": ip } });

describe("rate limit", () => {
  it("lets `limit` requests through per window, then answers 429 JSON with Retry-After", async () => {
    const clock = fakeClock();
    const base = await serve([rateLimit({ limit: 3, windowMs: 60_000, now: clock.now })]);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/api/v1/ping`, from("203.0.113.7"));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ip: "203.0.113.7" });
      expect(response.headers.get("RateLimit-Limit")).toBe("3");
      remaining.push(response.headers.get("RateLimit-Remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);

    clock.advance(20_000);
    const refused = await fetch(`${base}/api/v1/ping`, from("203.0.113.7"));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(refused.headers.get("Retry-After")).toBe("40");
    expect(refused.headers.get("RateLimit-Limit")).toBe("3");
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(refused.headers.get("Cache-Control")).toBe("no-store");
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("40 s") } });
  });

  it("counts each client separately", async () => {
    const clock = fakeClock();
    const base = await serve([rateLimit({ limit: 2, now: clock.now })]);
    for (let i = 0; i < 3; i++) await fetch(`${base}/api/v1/ping`, from("198.51.100.1"));
    expect((await fetch(`${base}/api/v1/ping`, from("198.51.100.1"))).status).toBe(429);
    const other = await fetch(`${base}/api/v1/ping`, from("198.51.100.2"));
    expect(other.status).toBe(200);
    expect(other.headers.get("RateLimit-Remaining")).toBe("1");
    // Without X-Forwarded-For the loopback peer itself is the client.
    expect((await fetch(`${base}/api/v1/ping`)).status).toBe(200);
  });

  it("opens a fresh window once the old one has passed", async () => {
    const clock = fakeClock();
    const base = await serve([rateLimit({ limit: 1, windowMs: 60_000, now: clock.now })]);
    expect((await fetch(`${base}/api/v1/ping`, from("192.0.2.9"))).status).toBe(200);
    expect((await fetch(`${base}/api/v1/ping`, from("192.0.2.9"))).status).toBe(429);
    clock.advance(59_999);
    expect((await fetch(`${base}/api/v1/ping`, from("192.0.2.9"))).status).toBe(429);
    clock.advance(1);
    const again = await fetch(`${base}/api/v1/ping`, from("192.0.2.9"));
    expect(again.status).toBe(200);
    expect(again.headers.get("RateLimit-Remaining")).toBe("0");
  });

  it("keeps memory bounded: expired windows are dropped, and at most maxClients are held", async () => {
    const clock = fakeClock();
    const limiter: RateLimiter = rateLimit({ limit: 5, windowMs: 1_000, maxClients: 50, now: clock.now });
    const base = await serve([limiter]);
    for (let i = 0; i < 120; i++) await fetch(`${base}/api/v1/ping`, from(`10.0.${i >> 8}.${i & 255}`));
    expect(limiter.size()).toBe(50);
    clock.advance(1_000);
    await fetch(`${base}/api/v1/ping`, from("10.9.9.9"));
    expect(limiter.size()).toBe(1);
  });

  it("groups IPv6 clients by /64 and unwraps IPv4-mapped addresses", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
    expect(clientKey("2001:0db8:0001:0002:0000:0000:0000:0001")).toBe("2001:db8:1:2::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey(undefined)).toBe("unknown");
  });

  it("refuses nonsensical options", () => {
    expect(() => rateLimit({ limit: 0 })).toThrow(/limit/);
    expect(() => rateLimit({ windowMs: 0 })).toThrow(/windowMs/);
  });
});

describe("the /api/ middleware together", () => {
  it("answers preflights with 204 without counting them, and refuses writes with 405 JSON", async () => {
    const clock = fakeClock();
    const base = await serve(publicApiMiddleware({ limit: 2, now: clock.now }));
    for (let i = 0; i < 5; i++) {
      const preflight = await fetch(`${base}/api/v1/ping`, {
        method: "OPTIONS",
        headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(preflight.headers.get("Access-Control-Allow-Methods")).toBe("GET, OPTIONS");
      expect(preflight.headers.get("RateLimit-Remaining")).toBeNull();
    }
    const post = await fetch(`${base}/api/v1/ping`, { method: "POST", body: "x=1" });
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect(post.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(await post.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining("POST") } });
    expect(post.headers.get("RateLimit-Remaining")).toBe("1");
    expect((await fetch(`${base}/api/v1/ping`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/ping`)).status).toBe(429);
    // Only /api/ is limited.
    expect((await fetch(`${base}/other`)).status).toBe(200);
  });

  it("lets GET and HEAD through, nothing else", async () => {
    const base = await serve([apiCors(), apiReadOnly()]);
    expect((await fetch(`${base}/api/v1/ping`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/ping`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/ping`, { method: "DELETE" })).status).toBe(405);
    // Remix's single-fetch data URLs are not API endpoints.
    const data = await fetch(`${base}/api/v1/ping.data`);
    expect(data.status).toBe(404);
    expect(((await data.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("API_RATE_LIMIT_PER_MINUTE", () => {
  it("defaults to 120 and accepts a positive integer", () => {
    expect(parseEnv({}).API_RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(parseEnv({ API_RATE_LIMIT_PER_MINUTE: "30" }).API_RATE_LIMIT_PER_MINUTE).toBe(30);
  });

  it.each(["0", "-5", "abc", "1.5"])("refuses %j, naming the variable", (value) => {
    expect(() => parseEnv({ API_RATE_LIMIT_PER_MINUTE: value })).toThrow(EnvError);
    expect(() => parseEnv({ API_RATE_LIMIT_PER_MINUTE: value })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
  });
});
