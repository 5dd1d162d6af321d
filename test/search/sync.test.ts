// Writes reach the index through the job queue, and nothing is lost while Meilisearch is down.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import { createSearchClient } from "../../search/client";
import { indexUid, reindex, type SearchContext } from "../../search/reindex";
import { startMeilisearch, type MeiliServer } from "../../search/server";
import { drainSearchJobs, enqueueIndexJobs, pendingIndexJobs } from "../../search/sync";
import { loadSurveyData } from "../../seeds/load";
import { readSurveyData } from "../../seeds/read";
import { openTestDatabase } from "../support/services";

let handle: DatabaseHandle;
let meili: MeiliServer;
let dir: string;
let search: SearchContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  // A Meilisearch of this file's own, since the test kills it.
  dir = mkdtempSync(path.join(os.tmpdir(), "portal-sync-"));
  meili = await startMeilisearch({ dataDir: dir });
  search = { client: createSearchClient(meili.url, meili.masterKey), prefix: "" };
  await reindex(handle.db, search, "programmes");
  await handle.db.delete(t.searchJobs);
});
afterAll(async () => {
  // Put the programmes back as transcribed for the test files that follow.
  await loadSurveyData(handle.db, readSurveyData());
  await handle.db.delete(t.searchJobs);
  await meili.stop();
  rmSync(dir, { recursive: true, force: true });
  await handle.close();
});

const programme = (key: string) => handle.db.query.programmes.findFirst({ where: eq(t.programmes.key, key) });
const indexed = async (id: string) =>
  search.client.index(indexUid(search, "programmes")).getDocument(id).then((d) => d as Record<string, unknown>, () => null);

/** Changes a programme's English title and enqueues its index job in the same transaction. */
async function retitle(key: string, titleEn: string) {
  await handle.db.transaction(async (tx) => {
    const [row] = await tx.update(t.programmes).set({ titleEn }).where(eq(t.programmes.key, key)).returning();
    await enqueueIndexJobs(tx, [{ index: "programmes", id: row!.id }]);
  });
}

async function drainUntilEmpty(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Retries are scheduled with backoff; make them due now so the test need not wait them out.
    await handle.db.update(t.searchJobs).set({ nextAttemptAt: new Date() }).where(isNull(t.searchJobs.doneAt));
    await drainSearchJobs(handle.db, search);
    if ((await pendingIndexJobs(handle.db)) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`index jobs still pending after ${timeoutMs} ms`);
}

describe("search sync", () => {
  it("applies an enqueued change to the index", async () => {
    await retitle("hta-courses", "HTA courses (renamed once)");
    expect(await pendingIndexJobs(handle.db)).toBe(1);
    const result = await drainSearchJobs(handle.db, search);
    expect(result).toMatchObject({ synced: 1, failed: 0 });
    const p = await programme("hta-courses");
    expect((await indexed(p!.id))?.titleEn).toBe("HTA courses (renamed once)");
  });

  it("deletes a record from the index when it stops qualifying", async () => {
    const p = await programme("drug-regulatory-seed");
    expect(await indexed(p!.id)).not.toBeNull();
    await handle.db.transaction(async (tx) => {
      await tx.update(t.programmes).set({ status: "draft" }).where(eq(t.programmes.id, p!.id));
      await enqueueIndexJobs(tx, [{ index: "programmes", id: p!.id }]);
    });
    await drainSearchJobs(handle.db, search);
    expect(await indexed(p!.id)).toBeNull();
    await handle.db.transaction(async (tx) => {
      await tx.update(t.programmes).set({ status: "published" }).where(eq(t.programmes.id, p!.id));
      await enqueueIndexJobs(tx, [{ index: "programmes", id: p!.id }]);
    });
    await drainSearchJobs(handle.db, search);
    expect(await indexed(p!.id)).not.toBeNull();
  });

  it("keeps writes while Meilisearch is killed, and converges once it is back", async () => {
    const before = meili.pid;
    process.kill(before!, "SIGKILL");
    await new Promise((r) => setTimeout(r, 100));

    // Writes go on: the database accepts them and queues the index jobs.
    await retitle("hta-courses", "HTA courses (written while search was down)");
    await retitle("pharma-industry-training", "Pharma training (written while search was down)");
    const failed = await drainSearchJobs(handle.db, search);
    expect(failed.synced).toBe(0);
    expect(failed.failed).toBe(2);
    const waiting = await handle.db.select().from(t.searchJobs).where(isNull(t.searchJobs.doneAt));
    expect(waiting).toHaveLength(2);
    expect(waiting.every((j) => j.attempts === 1 && j.lastError)).toBe(true);

    // The supervisor restarts Meilisearch on the same port and data; the retries then succeed.
    await drainUntilEmpty(60_000);
    expect(meili.pid).not.toBe(before);
    expect((await indexed((await programme("hta-courses"))!.id))?.titleEn).toBe("HTA courses (written while search was down)");
    expect((await indexed((await programme("pharma-industry-training"))!.id))?.titleEn).toBe("Pharma training (written while search was down)");
    // And the index still holds every published programme.
    const stats = await search.client.index(indexUid(search, "programmes")).getStats();
    expect(stats.numberOfDocuments).toBe(8);
  });
});
