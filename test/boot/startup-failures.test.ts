// Startup failures a person can fix end the process with exit code 1 and one clear sentence on
// stderr ("The portal could not start: …") naming the cause, never a stack trace, and leave the
// data as it was.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import {
  assertBuilt,
  getPage,
  killLeftovers,
  meaningfulLines,
  meiliProcessesFor,
  stackLines,
  startPortal,
  resultCount,
  type PortalProcess,
} from "./portal-process";

const PREFIX = "The portal could not start:";

const cleanups: Array<() => Promise<void> | void> = [];

function tempDataDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portal-boot-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshDatabase(label: string): Promise<FreshDatabase> {
  const fresh = await createFreshDatabase(label);
  cleanups.push(() => fresh.drop());
  return fresh;
}

/** Starts a portal that should fail, and returns it once it has exited. */
async function failedStart(env: Record<string, string | undefined> & { DATA_DIR: string }, port?: number, timeoutMs = 30_000) {
  const portal = await startPortal({ env, port });
  const started = Date.now();
  const exit = await portal.waitForExit(timeoutMs);
  return { portal, exit, ms: Date.now() - started };
}

/** The checks every known startup failure must pass. */
function expectCleanFailure(portal: PortalProcess, exit: { code: number | null }, mentions: string) {
  const context = portal.output();
  expect(exit.code, context).toBe(1);
  const stderr = portal.stderr();
  expect(stderr, context).toContain(PREFIX);
  expect(stderr, context).toContain(mentions);
  expect(stackLines(stderr), `no stack trace on stderr\n${context}`).toEqual([]);
  // A known failure is not logged as a crash (pino level 60 = fatal, with the stack inside).
  expect(portal.stdout(), context).not.toContain('"level":60');
}

describe("startup failures", () => {
  beforeAll(() => assertBuilt());

  afterEach(async () => {
    await killLeftovers();
  });

  afterAll(async () => {
    await killLeftovers();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  describe("a taken port", () => {
    let blocker: net.Server;
    let port: number;

    beforeAll(async () => {
      blocker = net.createServer();
      await new Promise<void>((resolve, reject) => {
        blocker.once("error", reject);
        blocker.listen(0, "127.0.0.1", () => resolve());
      });
      const address = blocker.address();
      port = typeof address === "object" && address ? address.port : 0;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    });

    it("exits 1 saying the port is already in use, without a stack trace", { timeout: 60_000 }, async () => {
      const dataDir = tempDataDir("port");
      const { portal, exit } = await failedStart({ DATA_DIR: dataDir }, port);
      expectCleanFailure(portal, exit, "already in use");
      expect(portal.stderr()).toContain(String(port));
    });

    it("leaves no lock file behind after that failed start", { timeout: 60_000 }, async () => {
      const dataDir = tempDataDir("port-lock");
      const { portal, exit } = await failedStart({ DATA_DIR: dataDir }, port);
      expect(exit.code, portal.output()).toBe(1);
      expect(existsSync(path.join(dataDir, "portal.lock")), "DATA_DIR/portal.lock after a start that failed on a taken port").toBe(false);
    });
  });

  it("exits 1 quickly with one clear line when the database cannot be reached", { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir("nodb");
    const { portal, exit, ms } = await failedStart({ DATA_DIR: dataDir, DATABASE_URL: "postgres://postgres@127.0.0.1:1/nope" });
    expectCleanFailure(portal, exit, "Cannot connect");
    expect(ms, "seconds to give up on an unreachable database").toBeLessThan(20_000);
    const lines = meaningfulLines(portal.stderr());
    expect(lines, portal.output()).toHaveLength(1);
    expect(lines[0]).toMatch(/^The portal could not start: Cannot connect to postgres:\/\/127\.0\.0\.1:1\/nope\b/);
    expect(existsSync(path.join(dataDir, "portal.lock")), "lock file after the failed start").toBe(false);
    expect(meiliProcessesFor(dataDir)).toEqual([]);
  });

  it("exits 1 naming DATABASE_URL when it is not a URL", { timeout: 60_000 }, async () => {
    const { portal, exit } = await failedStart({ DATA_DIR: tempDataDir("badurl"), DATABASE_URL: "not-a-url" });
    expectCleanFailure(portal, exit, "DATABASE_URL");
  });

  it("exits 1 naming PORT when it is not a number", { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir("badport");
    const { portal, exit } = await failedStart({ DATA_DIR: dataDir, PORT: "abc" });
    expectCleanFailure(portal, exit, "PORT");
    expect(portal.stderr()).toMatch(/^\s*PORT\b/m);
  });

  it(
    "exits 1 naming MEILI_URL when it is unreachable, and leaves the database it migrated usable",
    { timeout: 180_000 },
    async () => {
      const fresh = await freshDatabase("boot-meiliurl");
      const { portal, exit } = await failedStart({ ...fresh.env, MEILI_URL: "http://127.0.0.1:1" }, undefined, 120_000);
      expectCleanFailure(portal, exit, "MEILI_URL");
      expect(existsSync(path.join(fresh.env.DATA_DIR, "portal.lock")), "lock file after the failed start").toBe(false);

      const again = await startPortal({ env: { ...fresh.env } });
      const health = await again.waitUntilReady();
      expect(health.database.ok).toBe(true);
      expect(health.database.kind).toBe(fresh.env.DATABASE_URL ? "postgres" : "pglite");
      const list = await getPage(again, "/occupations");
      expect(resultCount(list.text)).toBe(28);
      const exitAgain = await again.stop("SIGTERM");
      expect(exitAgain, again.output()).toEqual({ code: 0, signal: null });
    },
  );
});
