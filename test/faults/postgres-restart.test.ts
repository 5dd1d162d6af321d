// The database server restarts under a running portal: requests caught mid-query and requests made
// while it is down answer 503 (a page in the visitor's language, JSON under /api/), never a 500 or a
// dropped connection; once the server is back the same portal process answers 200 again (postgres.js
// reconnects by itself). Uses a private Postgres cluster, so the machine's shared server is never touched.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, killLeftovers, startPortal, type PortalProcess } from "../boot/portal-process";
import { delay, request, type Reply } from "./http";
import { privateClusterUnavailable, startPrivateCluster, type PrivateCluster } from "./private-postgres";

const skipReason = privateClusterUnavailable();
if (skipReason) console.warn(`test/faults/postgres-restart.test.ts skipped: ${skipReason}`);

const OCCUPATION = "/occupations/precision-health-2025/070207";
const ZH_UNAVAILABLE = "服務暫時無法使用";
const EN_UNAVAILABLE = "Temporarily unavailable";

describe.skipIf(Boolean(skipReason))("Postgres restarted under a running portal", () => {
  let cluster: PrivateCluster;
  let portal: PortalProcess;
  let dataDir: string;

  beforeAll(async () => {
    assertBuilt();
    cluster = await startPrivateCluster();
    dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-faults-pg-"));
    portal = await startPortal({ env: { DATA_DIR: dataDir, DATABASE_URL: cluster.url } });
    await portal.waitUntilReady(150_000);
  }, 180_000);

  afterAll(async () => {
    if (portal?.isRunning()) await portal.stop("SIGTERM").catch(() => undefined);
    await killLeftovers();
    await cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (pathname: string, headers?: Record<string, string>) => request(`${portal.url}${pathname}`, { headers });
  const context = () => `${portal.output()}\n--- postgres log ---\n${cluster.log()}`;

  function expectUnavailablePage(reply: Reply, text: string) {
    expect(reply.status, `${reply.status}: ${reply.text.slice(0, 300)}\n${context()}`).toBe(503);
    expect(reply.headers["content-type"]).toMatch(/^text\/html/);
    expect(reply.headers["retry-after"]).toBe("5");
    expect(reply.text).toContain(text);
  }

  function expectUnavailableJson(reply: Reply) {
    expect(reply.status, `${reply.status}: ${reply.text.slice(0, 300)}`).toBe(503);
    expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(reply.headers["retry-after"]).toBe("5");
    expect(JSON.parse(reply.text)).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
  }

  it("answers 503 to requests caught mid-query by the shutdown and while it is down, then 200 again in the same process", { timeout: 120_000 }, async () => {
    expect((await get(OCCUPATION)).status).toBe(200);

    // Hold a lock so the portal's queries wait inside the server, then shut the server down under them.
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    const holder = await admin.reserve();
    await holder`begin`;
    await holder`lock table occupations in access exclusive mode`;
    const inFlightPage = get(OCCUPATION);
    const inFlightApi = get("/api/v1/occupations/070207");
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await holder<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where application_name = 'precision-health-portal' and wait_event_type = 'Lock'`;
      if (row!.n >= 2) break;
      if (Date.now() > deadline) throw new Error(`the portal's queries never waited on the lock\n${context()}`);
      await delay(20);
    }
    await cluster.stop();
    holder.release();
    await admin.end({ timeout: 1 }).catch(() => {});
    expectUnavailablePage(await inFlightPage, ZH_UNAVAILABLE);
    expectUnavailableJson(await inFlightApi);

    // While it is down: pages in the visitor's language, JSON for the API, the session lookup that runs
    // before Remix (a session cookie), a form post, and the health check.
    expectUnavailablePage(await get(OCCUPATION), ZH_UNAVAILABLE);
    expectUnavailablePage(await get(`${OCCUPATION}?lang=en`), EN_UNAVAILABLE);
    const englishCookie = `lang=${encodeURIComponent(Buffer.from(JSON.stringify("en")).toString("base64"))}`;
    expectUnavailablePage(await get("/occupations", { cookie: englishCookie }), EN_UNAVAILABLE);
    expectUnavailablePage(await get("/", { cookie: "portal_session=0123456789abcdefghijklmnopqrstuv" }), ZH_UNAVAILABLE);
    expectUnavailablePage(await get("/account", { cookie: `portal_session=0123456789abcdefghijklmnopqrstuv; ${englishCookie}` }), EN_UNAVAILABLE);
    const login = await request(`${portal.url}/login`, { form: { email: "someone@example.test", password: "long enough password", redirectTo: "" } });
    expect(login.status, login.text.slice(0, 300)).toBe(503);
    // A client-side navigation's data request (single fetch) carries the 503 too.
    expect((await get("/occupations.data")).status).toBe(503);
    expectUnavailableJson(await get("/api/v1/forecasts"));
    expectUnavailableJson(await get("/api/v1/occupations/070207"));
    const health = await get("/healthz");
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({ status: "degraded", database: { ok: false } });

    await cluster.start();
    const back = Date.now() + 15_000;
    let reply = await get(OCCUPATION);
    while (reply.status !== 200 && Date.now() < back) {
      expect(reply.status).toBe(503);
      await delay(100);
      reply = await get(OCCUPATION);
    }
    expect(reply.status, context()).toBe(200);
    expect(reply.text).toContain("生物科技研發人員");
    for (const pathname of [OCCUPATION, "/occupations", "/api/v1/occupations/070207", "/api/v1/forecasts", "/"]) {
      expect((await get(pathname)).status, pathname).toBe(200);
    }
    expect((await get("/healthz")).status).toBe(200);
    expect(portal.isRunning(), "the portal was never restarted").toBe(true);
  });

  it("never answers 500 to requests arriving throughout a restart", { timeout: 120_000 }, async () => {
    if (!cluster.isRunning()) await cluster.start();
    const paths = [OCCUPATION, "/occupations", "/programmes", "/api/v1/occupations/070207", "/api/v1/forecasts", "/positions/new"];
    const seen = new Map<number, number>();
    const failures: string[] = [];
    let running = true;
    const client = async (offset: number) => {
      for (let i = offset; running; i++) {
        const pathname = paths[i % paths.length]!;
        try {
          const reply = await get(pathname);
          seen.set(reply.status, (seen.get(reply.status) ?? 0) + 1);
          // /positions/new sends anonymous visitors to log in (a redirect); everything else is 200 or 503.
          if (![200, 302, 503].includes(reply.status)) failures.push(`${pathname} → ${reply.status}: ${reply.text.slice(0, 200)}`);
        } catch (error) {
          failures.push(`${pathname} → ${(error as Error).message}`);
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, i) => client(i));
    await delay(500);
    await cluster.stop();
    await delay(1_000);
    await cluster.start();
    await delay(2_000);
    running = false;
    await Promise.all(clients);
    expect(failures, context()).toEqual([]);
    expect(seen.get(503) ?? 0, `statuses seen: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
    // After the restart everything answers again.
    for (const pathname of paths) expect([200, 302], pathname).toContain((await get(pathname)).status);
    expect(portal.isRunning()).toBe(true);
  });
});
