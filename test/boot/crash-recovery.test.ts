// A portal interrupted while it starts: killed outright (SIGKILL, as by the OOM killer or a power
// cut) or asked to stop (SIGTERM, as by Ctrl-C or a service manager) before it is ready. The next
// start on the same data must take over the stale lock, end the stale Meilisearch and find the
// database consistent.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import {
  assertBuilt,
  getPage,
  isAlive,
  killLeftovers,
  meiliProcessesFor,
  startPortal,
  resultCount,
  type PortalProcess,
} from "./portal-process";

const databases: FreshDatabase[] = [];

async function freshDatabase(label: string): Promise<FreshDatabase> {
  const fresh = await createFreshDatabase(label);
  databases.push(fresh);
  return fresh;
}

function meiliPidFile(dataDir: string): number | null {
  const file = path.join(dataDir, "meili", "pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function expectReadyWithData(portal: PortalProcess) {
  const health = await portal.waitUntilReady();
  expect(health.database.ok).toBe(true);
  expect(health.search.ok).toBe(true);
  const list = await getPage(portal, "/occupations");
  expect(resultCount(list.text), "result count on /occupations").toBe(28);
  const occupation = await getPage(portal, "/occupations/precision-health-2025/070207");
  expect(occupation.text).toContain("生物科技研發人員");
}

describe("interrupted starts", () => {
  beforeAll(() => assertBuilt());

  afterEach(async () => {
    await killLeftovers();
  });

  afterAll(async () => {
    await killLeftovers();
    for (const fresh of databases) await fresh.drop();
  });

  it("recovers after being killed (SIGKILL) while loading data and again while indexing", { timeout: 180_000 }, async () => {
    const fresh = await freshDatabase("boot-kill");
    const lock = path.join(fresh.env.DATA_DIR, "portal.lock");

    // 1. Killed while the survey data is being written.
    const first = await startPortal({ env: { ...fresh.env, LOG_LEVEL: "info" } });
    await first.waitForOutput(/Loading survey and programme data…/, 90_000);
    first.child.kill("SIGKILL");
    expect(await first.waitForExit(10_000)).toEqual({ code: null, signal: "SIGKILL" });
    expect(existsSync(lock), "a killed portal cannot remove its lock (precondition)").toBe(true);

    // 2. Killed while Meilisearch runs and the indexes are being built: Meilisearch is orphaned.
    const second = await startPortal({ env: { ...fresh.env, LOG_LEVEL: "info" } });
    await second.waitForOutput(/"msg":"search started"/, 90_000);
    second.child.kill("SIGKILL");
    expect(await second.waitForExit(10_000)).toEqual({ code: null, signal: "SIGKILL" });
    const orphan = meiliPidFile(fresh.env.DATA_DIR);
    expect(orphan, `DATA_DIR/meili/pid of the killed portal\n${second.output()}`).not.toBeNull();
    expect(isAlive(orphan!), "the killed portal's Meilisearch outlives it (precondition)").toBe(true);

    // 3. The next start takes over: ready, the data complete and not duplicated.
    const third = await startPortal({ env: { ...fresh.env } });
    await expectReadyWithData(third);
    expect(isAlive(orphan!), "the stale Meilisearch was ended").toBe(false);
    expect(meiliProcessesFor(fresh.env.DATA_DIR), "Meilisearch processes for the data folder").toHaveLength(1);
    expect(readFileSync(lock, "utf8").trim().split(" ")[0], "the lock names the new portal").toBe(String(third.pid));

    const exit = await third.stop("SIGTERM");
    expect(exit, third.output()).toEqual({ code: 0, signal: null });
    expect(existsSync(lock)).toBe(false);
    expect(meiliProcessesFor(fresh.env.DATA_DIR)).toEqual([]);
  });

  it("stops cleanly on SIGTERM while still starting: exit 0, no lock, no Meilisearch left", { timeout: 180_000 }, async () => {
    const fresh = await freshDatabase("boot-term");
    const portal = await startPortal({ env: { ...fresh.env, LOG_LEVEL: "info" } });
    await portal.waitForOutput(/"msg":"search started"/, 90_000);
    const exit = await portal.stop("SIGTERM", 20_000);
    expect(exit, portal.output()).toEqual({ code: 0, signal: null });
    expect.soft(existsSync(path.join(fresh.env.DATA_DIR, "portal.lock")), "lock file after SIGTERM").toBe(false);
    expect.soft(meiliProcessesFor(fresh.env.DATA_DIR), "Meilisearch processes left after a SIGTERM during start").toEqual([]);
    expect.soft(existsSync(path.join(fresh.env.DATA_DIR, "meili", "pid")), "DATA_DIR/meili/pid after SIGTERM").toBe(false);

    // Whatever it left behind, the next start on the same data is ready with the data.
    const again = await startPortal({ env: { ...fresh.env } });
    await expectReadyWithData(again);
    expect(await again.stop("SIGINT"), again.output()).toEqual({ code: 0, signal: null });
    expect(meiliProcessesFor(fresh.env.DATA_DIR)).toEqual([]);
  });
});
