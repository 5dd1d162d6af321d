// The portal's life on the embedded defaults (PGlite + the packaged Meilisearch): start, serve,
// refuse a second instance on the same data folder, stop cleanly on SIGTERM, start again on the
// same data (nothing duplicated), stop on SIGINT. The steps share one data folder and run in order.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertBuilt,
  isAlive,
  getPage,
  killLeftovers,
  meiliProcessesFor,
  startPortal,
  resultCount,
  type PortalProcess,
} from "./portal-process";

describe("portal lifecycle on PGlite", () => {
  let dataDir: string;
  let first: PortalProcess | null = null;
  let firstMeiliPid: number | null = null;
  let programmeCount: number | null = null;

  beforeAll(() => {
    assertBuilt();
    dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-boot-life-"));
  });

  afterAll(async () => {
    await killLeftovers();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts on PGlite and serves pages", { timeout: 180_000 }, async () => {
    first = await startPortal({ env: { DATA_DIR: dataDir } });
    const health = await first.waitUntilReady();
    expect(health.database).toMatchObject({ ok: true, kind: "pglite" });
    expect(health.search.ok).toBe(true);

    // /healthz says "ok" only when the portal is ready, so pages must be served from then on.
    const immediate = await first.get("/");
    expect.soft(immediate.status, "GET / right after /healthz first said ok").toBe(200);

    const home = await getPage(first, "/");
    expect(home.text).toContain("精準健康");
    const occupation = await first.get("/occupations/precision-health-2025/070207");
    expect(occupation.status).toBe(200);
    expect(occupation.text).toContain("生物科技研發人員");
    const list = await first.get("/occupations");
    expect(list.status).toBe(200);
    expect(resultCount(list.text)).toBe(28);
    programmeCount = resultCount((await getPage(first, "/programmes")).text);
    expect(programmeCount, "programme count on /programmes").toBeGreaterThan(0);

    expect(existsSync(path.join(dataDir, "portal.lock"))).toBe(true);
    const meili = meiliProcessesFor(dataDir);
    expect(meili, "one Meilisearch for this data folder").toHaveLength(1);
    firstMeiliPid = meili[0] ?? null;
  });

  it("refuses a second portal on the same data folder, and the first keeps running", { timeout: 60_000 }, async () => {
    expect(first?.isRunning(), "the first portal (previous test) is running").toBe(true);
    const second = await startPortal({ env: { DATA_DIR: dataDir } });
    const started = Date.now();
    const exit = await second.waitForExit(15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(exit.code, second.output()).not.toBe(0);
    expect(exit.code, second.output()).not.toBeNull();
    expect(second.stderr()).toContain("already running");

    const health = await first!.health();
    expect(health.status).toBe(200);
    expect(health.body?.status).toBe("ok");
    expect((await first!.get("/")).status).toBe(200);
    expect(existsSync(path.join(dataDir, "portal.lock")), "the refused start must not remove the lock").toBe(true);
    expect(meiliProcessesFor(dataDir), "the refused start must not start another Meilisearch").toHaveLength(1);
  });

  it("stops on SIGTERM with exit code 0, removing the lock and Meilisearch", { timeout: 60_000 }, async () => {
    expect(first?.isRunning(), "the first portal is running").toBe(true);
    const started = Date.now();
    const exit = await first!.stop("SIGTERM", 20_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(exit, first!.output()).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, "portal.lock")), "lock file after SIGTERM").toBe(false);
    expect(existsSync(path.join(dataDir, "meili", "pid")), "Meilisearch pid file after SIGTERM").toBe(false);
    expect(meiliProcessesFor(dataDir), "Meilisearch processes for the data folder after SIGTERM").toEqual([]);
    if (firstMeiliPid !== null) expect(isAlive(firstMeiliPid)).toBe(false);
  });

  it("starts again on the same data folder without duplicating the seed, and stops on SIGINT", { timeout: 180_000 }, async () => {
    expect(first?.isRunning() ?? false, "the first portal has stopped").toBe(false);
    const again = await startPortal({ env: { DATA_DIR: dataDir } });
    const health = await again.waitUntilReady();
    expect(health.database).toMatchObject({ ok: true, kind: "pglite" });
    const list = await getPage(again, "/occupations");
    expect(resultCount(list.text)).toBe(28);
    expect(resultCount((await getPage(again, "/programmes")).text), "programme count after the restart").toBe(programmeCount);
    const occupation = await again.get("/occupations/precision-health-2025/070207");
    expect(occupation.text).toContain("生物科技研發人員");

    const exit = await again.stop("SIGINT", 20_000);
    expect(exit, again.output()).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, "portal.lock"))).toBe(false);
    expect(meiliProcessesFor(dataDir)).toEqual([]);
  });
});
