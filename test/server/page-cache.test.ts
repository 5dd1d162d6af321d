// The page cache in front of a small Express app built like the portal's (compression, security
// headers with a per-request nonce, the cache, then a "renderer" that counts its renders): what is
// kept, what never is, what forgets it, and that each answer carries its own nonce.
import http from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageCache, type PageCache } from "../../server/page-cache";
import { securityHeaders } from "../../server/security";

let server: http.Server;
let base: string;
let cache: PageCache;
let renders = 0;
let apiAnswers = 0;
let now = "v1";

beforeAll(async () => {
  cache = pageCache({ ttlMs: 60_000 });
  const app = express();
  app.use(compression());
  app.use(securityHeaders({ production: true }));
  // As in server/main.ts, the API's rate limit runs before the cache and sets per-client headers.
  let served = 0;
  app.use("/api/", (_req, res, next) => {
    res.setHeader("RateLimit-Remaining", String(1000 - ++served));
    next();
  });
  app.use(cache.middleware);
  app.post("/positions/:id", (_req, res) => {
    now = "v2";
    res.redirect(303, "/");
  });
  // Then answers that say whether they may be kept, as the public API's do (app/api/http.ts).
  app.get("/api/v1/:endpoint", (req, res) => {
    apiAnswers++;
    if (req.query.q === "broken") return void res.status(503).setHeader("Cache-Control", "no-store").json({ error: { code: "search_unavailable" } });
    const maxAge = req.query.q === "short" ? 1 : 60;
    res.setHeader("Cache-Control", req.query.q === "private" ? "no-store" : `public, max-age=${maxAge}`);
    res.json({ hits: [now], q: req.query.q ?? "" });
  });
  app.get("*", async (req, res) => {
    renders++;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const nonce = String(res.locals.cspNonce);
    if (req.query.cookie) res.setHeader("Set-Cookie", "flash=1");
    if (req.query.missing) return void res.status(404).type("html").send("<p>not here</p>");
    res.type("html");
    res.write(`<!DOCTYPE html><html><body><p>${now} ${req.path}</p>`);
    res.end(`<script nonce="${nonce}">window.x=1</script><script nonce="${nonce}" src="/build/a.js"></script></body></html>`);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const POSITION = "/positions/0b5c8a1e-0a6b-4c55-9d2e-4f1f2d3c4b5a";

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  const body = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
  return { status: response.status, body, nonce, headers: response.headers };
}

describe("the page cache", () => {
  it("renders a public page once for anonymous visitors and gives every answer its own nonce", async () => {
    const before = renders;
    const first = await get("/occupations");
    const second = await get("/occupations", { "accept-encoding": "gzip" });
    expect(renders - before).toBe(1);
    expect(second.body.replaceAll(second.nonce, "N")).toBe(first.body.replaceAll(first.nonce, "N"));
    expect(second.nonce).not.toBe(first.nonce);
    // Every script in the page carries this response's nonce, none the stored one.
    expect(second.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${second.nonce}"`, `nonce="${second.nonce}"`]);
    expect(second.body).not.toContain(first.nonce);
    expect(second.headers.get("x-frame-options")).toBe("DENY");
  });

  it("keeps each language apart and never keeps a page for someone with a session or another cookie", async () => {
    await get("/occupations/precision-health-2025/070207");
    const before = renders;
    await get("/occupations/precision-health-2025/070207");
    expect(renders - before).toBe(0);
    await get("/occupations/precision-health-2025/070207", { cookie: "lang=ImVuIg%3D%3D" });
    expect(renders - before).toBe(1);
    await get("/occupations/precision-health-2025/070207", { cookie: "lang=ImVuIg%3D%3D; portal_session=abc" });
    await get("/occupations/precision-health-2025/070207", { cookie: "portal_session=abc" });
    await get("/occupations/precision-health-2025/070207", { cookie: "other=1" });
    expect(renders - before).toBe(4);
  });

  it("never keeps pages off the public list, pages that set a cookie, or anything but a 200", async () => {
    for (const path of ["/account", "/positions/new", "/search?q=x", "/programmes?cookie=1", "/programmes?missing=1"]) {
      const before = renders;
      await get(path);
      await get(path);
      expect(renders - before, path).toBe(2);
    }
  });

  it("forgets everything when this process serves a write", async () => {
    now = "v1";
    cache.clear();
    expect((await get(POSITION)).body).toContain("v1");
    expect((await get(POSITION)).body).toContain("v1");
    const write = await fetch(`${base}${POSITION}`, { method: "POST", redirect: "manual" });
    expect(write.status).toBe(303);
    expect((await get(POSITION)).body).toContain("v2");
  });

  it("lets a crowd arriving at once wait for one render", async () => {
    cache.clear();
    const before = renders;
    const pages = await Promise.all(Array.from({ length: 20 }, () => get("/programmes")));
    expect(renders - before).toBe(1);
    expect(new Set(pages.map((p) => p.nonce)).size).toBe(20);
    expect(pages.every((p) => p.status === 200 && p.body.includes(`nonce="${p.nonce}"`))).toBe(true);
  });

  it("is off with a zero lifetime", async () => {
    const off = pageCache({ ttlMs: 0 });
    const app = express();
    let count = 0;
    app.use(off.middleware);
    app.get("*", (_req, res) => void res.type("html").send(`<p>${++count}</p>`));
    const other = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => other.once("listening", resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/occupations`;
    await fetch(url);
    expect(await (await fetch(url)).text()).toBe("<p>2</p>");
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it("keeps the public API's answers as long as they allow, never errors or no-store answers, and gives each its own rate-limit headers", async () => {
    cache.clear();
    now = "v1";
    const before = apiAnswers;
    const first = await get("/api/v1/occupations?q=a");
    const second = await get("/api/v1/occupations?q=a");
    expect(apiAnswers - before).toBe(1);
    expect(second.body).toBe(first.body);
    expect(Number(second.headers.get("ratelimit-remaining"))).toBe(Number(first.headers.get("ratelimit-remaining")) - 1);
    await get("/api/v1/occupations?q=b");
    expect(apiAnswers - before).toBe(2);
    for (const q of ["broken", "private"]) {
      const start = apiAnswers;
      await get(`/api/v1/skills?q=${q}`);
      await get(`/api/v1/skills?q=${q}`);
      expect(apiAnswers - start, q).toBe(2);
    }
    // max-age=1: kept a second, not the cache's minute.
    const start = apiAnswers;
    await get("/api/v1/skills?q=short");
    await get("/api/v1/skills?q=short");
    expect(apiAnswers - start).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await get("/api/v1/skills?q=short");
    expect(apiAnswers - start).toBe(2);
  });

  it("forgets the API's answers when a search index changes (clear), so a new record shows at once", async () => {
    now = "v1";
    cache.clear();
    expect((await get("/api/v1/programmes?q=x")).body).toContain("v1");
    now = "v2";
    expect((await get("/api/v1/programmes?q=x")).body).toContain("v1");
    cache.clear();
    expect((await get("/api/v1/programmes?q=x")).body).toContain("v2");
  });
});
