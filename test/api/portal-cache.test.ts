// The portal keeps the public API's answers for a while (server/page-cache.ts, decision 0012), but a
// record that reaches the search index shows in the API at once: the search sync worker forgets the
// kept answers when it applies a change. Through the real portal process with its cache on, and a
// write made straight to Postgres (as a CLI would), so nothing but the sync worker can forget.
// Needs a Postgres server (DATABASE_URL; CI has one): PGlite cannot be written from outside the portal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import * as t from "../../db/schema";
import { enqueueIndexJobs } from "../../search/sync";
import { assertBuilt, killLeftovers, startPortal, type PortalProcess } from "../boot/portal-process";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";

const tag = `kept${Date.now().toString(36)}`;
let fresh: FreshDatabase | undefined;
let portal: PortalProcess | undefined;

describe.skipIf(!process.env.DATABASE_URL)("the public API's kept answers in the running portal", () => {
  beforeAll(async () => {
    assertBuilt();
    fresh = await createFreshDatabase("api-cache");
    // A minute: longer than the test waits, so only the sync worker's forgetting can show the new skill.
    portal = await startPortal({ env: { ...fresh.env, PAGE_CACHE_SECONDS: "60" } });
    await portal.waitUntilReady(150_000);
  }, 180_000);

  afterAll(async () => {
    if (portal?.isRunning()) await portal.stop("SIGTERM").catch(() => undefined);
    await killLeftovers();
    await fresh?.drop();
  });

  const totalFor = async (q: string) => {
    const response = await fetch(`${portal!.url}/api/v1/skills?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { total: number }).total;
  };

  it("shows a new record as soon as the index has it, though the answer without it was kept", { timeout: 60_000 }, async () => {
    expect(await totalFor(tag)).toBe(0);
    expect(await totalFor(tag)).toBe(0);

    const handle = await openDatabase({ url: fresh!.env.DATABASE_URL! });
    try {
      await handle.db.transaction(async (tx) => {
        await tx.insert(t.skills).values({ key: `skill-${tag}`, zh: `快取測試技能 ${tag}`, en: `Cache test skill ${tag}` });
        await enqueueIndexJobs(tx, [{ index: "skills", id: `skill-${tag}` }]);
      });
    } finally {
      await handle.close();
    }

    // The worker looks every 2 s; well within the minute the answer would otherwise be kept.
    const deadline = Date.now() + 20_000;
    let total = 0;
    while (Date.now() < deadline && (total = await totalFor(tag)) === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(total).toBe(1);
  });
});
