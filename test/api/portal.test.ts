// The public API through the real portal process (`server/main.ts` on the embedded PGlite and
// Meilisearch, built app): the /api/ middleware and the Remix routes together, as clients see them.
// Needs `npx remix build` first, like the boot tests.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, killLeftovers, startPortal, type PortalProcess } from "../boot/portal-process";

const LIMIT = 25;
let portal: PortalProcess;
let dataDir: string;

beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-api-"));
  portal = await startPortal({ env: { DATA_DIR: dataDir, API_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  await portal.waitUntilReady(150_000);
}, 180_000);

afterAll(async () => {
  if (portal?.isRunning()) await portal.stop("SIGTERM").catch(() => undefined);
  await killLeftovers();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const api = (pathname: string, init?: RequestInit) => fetch(`${portal.url}${pathname}`, init);

describe("the public API in the running portal", () => {
  it("serves JSON with one CORS header, caching and rate-limit headers", async () => {
    const response = await api("/api/v1/forecasts");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    // Set once: a doubled "*, *" would make browsers refuse the response.
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("RateLimit-Limit")).toBe(String(LIMIT));
    expect(Number(response.headers.get("RateLimit-Remaining"))).toBeLessThan(LIMIT);
    const body = (await response.json()) as { rows: unknown[] };
    expect(body.rows).toHaveLength(18);
  });

  it("searches and reads occupations, including the nested :code route", async () => {
    const list = await api("/api/v1/occupations?q=070207&limit=2");
    expect(list.status).toBe(200);
    const { hits } = (await list.json()) as { hits: { code: string }[] };
    expect(hits.map((h) => h.code)).toEqual(["070207", "070207"]);
    const one = await api("/api/v1/occupations/070207");
    expect(one.status).toBe(200);
    expect(((await one.json()) as { surveys: unknown[] }).surveys).toHaveLength(2);
    const missing = await api("/api/v1/occupations/999999");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("answers refusals as JSON", async () => {
    const bad = await api("/api/v1/skills?limit=0");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "invalid_parameter", message: expect.any(String), parameter: "limit" } });
    const post = await api("/api/v1/programmes", { method: "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(post.status).toBe(405);
    expect(post.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const unknown = await api("/api/v1/no-such-endpoint");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const preflight = await api("/api/v1/occupations", { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toBe("GET, OPTIONS");
  });

  it("never answers 500 to hostile requests", async () => {
    for (const pathname of [
      "/api/v1/occupations?q=%22%20OR%201%3D1",
      "/api/v1/occupations?survey=a%22b",
      "/api/v1/occupations?q=" + "x".repeat(10_240),
      "/api/v1/occupations.data",
      "/api/v1/occupations/070207.data",
      "/api/v1/occupations?_data=routes%2Fapi.v1.occupations",
      "/api/v1/occupations/%E0%A4%A",
      "/api/v1/%2e%2e/%2e%2e/healthz",
    ]) {
      const response = await api(pathname);
      expect(response.status, pathname).toBeLessThan(500);
      expect(await response.text(), pathname).not.toMatch(/meilisearch|stack|at .*\.ts:\d+/i);
    }
    // Remix's single-fetch data URLs are not part of the API.
    expect((await api("/api/v1/occupations.data")).status).toBe(404);
  });

  it("limits each client to API_RATE_LIMIT_PER_MINUTE requests, then answers 429 JSON with Retry-After", async () => {
    let response: Response;
    let sent = 0;
    do {
      response = await api("/api/v1/forecasts");
      sent += 1;
    } while (response.status === 200 && sent <= LIMIT + 1);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(response.headers.get("RateLimit-Remaining")).toBe("0");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // Pages are not limited.
    expect((await api("/healthz")).status).toBe(200);
  });
});
