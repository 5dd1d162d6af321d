// The portal on a Postgres server (DATABASE_URL), run only when the test environment names one.
// Several portals may share one database (each with its own data folder and Meilisearch): their
// migrations are serialised by an advisory lock and the seed is an idempotent upsert.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { assertBuilt, getPage, killLeftovers, meiliProcessesFor, startPortal, resultCount } from "./portal-process";

const databases: FreshDatabase[] = [];

async function freshDatabase(label: string): Promise<FreshDatabase> {
  const fresh = await createFreshDatabase(label);
  databases.push(fresh);
  return fresh;
}

describe.runIf(Boolean(process.env.DATABASE_URL))("portal on a Postgres server", () => {
  beforeAll(() => assertBuilt());

  afterEach(async () => {
    await killLeftovers();
  });

  afterAll(async () => {
    await killLeftovers();
    for (const fresh of databases) await fresh.drop();
  });

  it("starts on a fresh Postgres database", { timeout: 180_000 }, async () => {
    const fresh = await freshDatabase("boot-pg");
    expect(fresh.env.DATABASE_URL).toBeDefined();
    const portal = await startPortal({ env: { ...fresh.env } });
    const health = await portal.waitUntilReady();
    expect(health.database).toMatchObject({ ok: true, kind: "postgres" });
    expect(health.search.ok).toBe(true);
    const list = await getPage(portal, "/occupations");
    expect(resultCount(list.text)).toBe(28);
    const occupation = await getPage(portal, "/occupations/precision-health-2025/070207");
    expect(occupation.text).toContain("生物科技研發人員");
    expect(await portal.stop("SIGTERM"), portal.output()).toEqual({ code: 0, signal: null });
  });

  it("starts two portals at once on the same fresh database", { timeout: 180_000 }, async () => {
    const shared = await freshDatabase("boot-pg-pair");
    const otherDataDir = mkdtempSync(path.join(os.tmpdir(), "portal-boot-pg-pair-"));
    databases.push({ env: { DATA_DIR: otherDataDir }, drop: async () => rmSync(otherDataDir, { recursive: true, force: true }) });

    const [a, b] = await Promise.all([
      startPortal({ env: { ...shared.env } }),
      startPortal({ env: { DATABASE_URL: shared.env.DATABASE_URL, DATA_DIR: otherDataDir } }),
    ]);
    const [healthA, healthB] = await Promise.all([a.waitUntilReady(), b.waitUntilReady()]);
    expect(healthA.database).toMatchObject({ ok: true, kind: "postgres" });
    expect(healthB.database).toMatchObject({ ok: true, kind: "postgres" });

    for (const portal of [a, b]) {
      const list = await getPage(portal, "/occupations");
      expect(resultCount(list.text), `/occupations on port ${portal.port}`).toBe(28);
    }

    const [exitA, exitB] = await Promise.all([a.stop("SIGTERM"), b.stop("SIGINT")]);
    expect(exitA, a.output()).toEqual({ code: 0, signal: null });
    expect(exitB, b.output()).toEqual({ code: 0, signal: null });
    expect(meiliProcessesFor(shared.env.DATA_DIR)).toEqual([]);
    expect(meiliProcessesFor(otherDataDir)).toEqual([]);
  });
});
