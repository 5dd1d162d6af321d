// The security headers of the real server (server/main.ts through server/security.ts) on each kind of
// answer: a page, an API response, a resource route (a CV download), an error page and a CSRF refusal.
// Then HSTS alone, on the middleware: only in production and only over HTTPS.
import type { AddressInfo } from "node:net";
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { saveCv } from "../../app/talents/cv.server";
import { securityHeaders } from "../../server/security";
import { makeUser, signedIn } from "../auth/support";
import { assertBuilt, killLeftovers, startPortal, type PortalProcess } from "../boot/portal-process";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { tinyPdf } from "../support/tiny-pdf";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The CSP's directives by name, each with its sources. */
function directives(header: string | string[] | undefined): Map<string, string[]> {
  expect(typeof header, "one Content-Security-Policy header").toBe("string");
  return new Map(
    (header as string)
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

function expectSecurityHeaders(answer: Answer) {
  const csp = directives(answer.headers["content-security-policy"]);
  const scripts = csp.get("script-src") ?? csp.get("default-src");
  expect(scripts, "script-src").toBeDefined();
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("*");
  expect(scripts!.some((source) => /^'nonce-[A-Za-z0-9+/]{16,}={0,2}'$/.test(source)), "a nonce in script-src").toBe(true);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(answer.headers["x-frame-options"]).toBe("DENY");
  expect(answer.headers["x-powered-by"]).toBeUndefined();
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];

describe("security headers of the running portal", () => {
  let fresh: FreshDatabase;
  let portal: PortalProcess;
  let cvUrl: string;
  let cookie: string;

  beforeAll(async () => {
    assertBuilt();
    fresh = await createFreshDatabase("headers");
    const dataDir = `${fresh.env.DATA_DIR}/portal`;
    // A talent with a CV and a session, made before the portal starts (PGlite allows one process at a time).
    const handle = await openDatabase(fresh.env.DATABASE_URL ? { url: fresh.env.DATABASE_URL } : { dataDir: `${dataDir}/pg` });
    try {
      await migrateDatabase(handle);
      const talent = await makeUser(handle.db, { label: "headers-talent", roles: ["talent"] });
      const saved = await saveCv(handle.db, talent.id, { fileName: "cv.pdf", bytes: new Uint8Array(tinyPdf()) });
      expect(saved.ok).toBe(true);
      cookie = (await signedIn(handle.db, talent.id)).cookie;
      cvUrl = `/talents/${talent.id}/cv`;
    } finally {
      await handle.close();
    }
    portal = await startPortal({ env: { DATA_DIR: dataDir, DATABASE_URL: fresh.env.DATABASE_URL, NODE_ENV: "production" } });
    await portal.waitUntilReady(150_000);
  }, 180_000);

  afterAll(async () => {
    if (portal?.isRunning()) await portal.stop();
    await killLeftovers();
    await fresh?.drop();
  });

  it("a page: the CSP's nonce is on every script, and each answer has its own", async () => {
    const page = await request(`${portal.url}/occupations`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);
    const nonce = nonceOf(page)!;
    const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(nonceOf(await request(`${portal.url}/occupations`))).not.toBe(nonce);
  });

  it("an API response", async () => {
    const answer = await request(`${portal.url}/api/v1/occupations?q=GMP`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expectSecurityHeaders(answer);
  });

  it("an API refusal (405 for a write)", async () => {
    const answer = await request(`${portal.url}/api/v1/occupations`, { method: "POST" });
    expect(answer.status).toBe(405);
    expectSecurityHeaders(answer);
  });

  it("a resource route: the CV download", async () => {
    const answer = await request(`${portal.url}${cvUrl}`, { headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/pdf");
    expectSecurityHeaders(answer);
  });

  it("an error page (404)", async () => {
    const answer = await request(`${portal.url}/no-such-page`);
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('role="alert"');
    expectSecurityHeaders(answer);
  });

  it("a refused cross-site write (403)", async () => {
    const answer = await request(`${portal.url}/login`, { method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "email=a" });
    expect(answer.status).toBe(403);
    expectSecurityHeaders(answer);
  });

  it("no HSTS over plain HTTP; HSTS when the loopback proxy says the request came over HTTPS", async () => {
    const plain = await request(`${portal.url}/`);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const proxied = await request(`${portal.url}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(proxied.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("HSTS", () => {
  async function hstsOf(options: Parameters<typeof securityHeaders>[0], headers: Record<string, string> = {}) {
    const app = express();
    app.set("trust proxy", "loopback");
    app.use(securityHeaders(options));
    app.get("/", (_req, res) => void res.send("ok"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const answer = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
      return answer.headers["strict-transport-security"];
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("is sent in production over HTTPS (a trusted proxy's X-Forwarded-Proto) or when the public address is https://", async () => {
    expect(await hstsOf({ production: true, publicUrl: "http://localhost:3000" }, { "X-Forwarded-Proto": "https" })).toBe("max-age=63072000; includeSubDomains");
    expect(await hstsOf({ production: true, publicUrl: "https://talent.example.tw" })).toBe("max-age=63072000; includeSubDomains");
  });

  it("is not sent over plain HTTP, nor outside production", async () => {
    expect(await hstsOf({ production: true, publicUrl: "http://localhost:3000" })).toBeUndefined();
    expect(await hstsOf({ production: false, publicUrl: "https://talent.example.tw" }, { "X-Forwarded-Proto": "https" })).toBeUndefined();
  });
});
