// Meilisearch stops while people write: a talent saves a profile, a recruiter posts and publishes a
// position. The writes succeed, the search page says search is degraded and finds the new position by a
// database query, and once Meilisearch is back the queued index jobs drain and every index holds exactly
// the documents the database says it should. Through the real portal process and the built app.
// (test/search/sync.test.ts covers the same queue at the level of drainSearchJobs.)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import * as t from "../../db/schema";
import { createSearchClient } from "../../search/client";
import { documentsFor } from "../../search/documents";
import { indexNames } from "../../search/indexes";
import { DEMO_PASSWORD } from "../../seeds/demo/data";
import { loadDemoData } from "../../seeds/demo/load";
import { loadSurveyData } from "../../seeds/load";
import { readSurveyData } from "../../seeds/read";
import { assertBuilt, killLeftovers, startPortal, type PortalProcess } from "../boot/portal-process";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { delay, request, sessionCookieOf } from "./http";
import { ownMeilisearch, type OwnMeilisearch } from "./own-meilisearch";

const DEGRADED = "搜尋服務暫時無法使用";
const tag = Date.now().toString(36);
const positionTitle = `斷線職缺測試 ${tag}`;
const headline = `搜尋停機時更新的自我介紹 ${tag}`;

describe("Meilisearch stopped while people write", () => {
  let fresh: FreshDatabase;
  let meili: OwnMeilisearch;
  let meiliDir: string;
  let portal: PortalProcess;
  let occupationId: string;
  let organisationId: string;

  const openDb = (): Promise<DatabaseHandle> =>
    openDatabase(fresh.env.DATABASE_URL ? { url: fresh.env.DATABASE_URL } : { dataDir: path.join(fresh.env.DATA_DIR, "pg") });

  beforeAll(async () => {
    assertBuilt();
    fresh = await createFreshDatabase("faults-search");
    // The data is loaded here first, so the ids the forms need are known (the portal's own load is an idempotent upsert).
    const handle = await openDb();
    try {
      await migrateDatabase(handle);
      await loadSurveyData(handle.db, readSurveyData());
      await loadDemoData(handle.db);
      const [occupation] = await handle.db.select().from(t.occupations).where(and(eq(t.occupations.surveyKey, "precision-health-2025"), eq(t.occupations.code, "070207")));
      const [organisation] = await handle.db.select().from(t.organisations).where(eq(t.organisations.slug, "demo-genomics"));
      occupationId = occupation!.id;
      organisationId = organisation!.id;
    } finally {
      await handle.close();
    }
    meiliDir = mkdtempSync(path.join(os.tmpdir(), "portal-faults-meili-"));
    meili = await ownMeilisearch(meiliDir);
    portal = await startPortal({ env: { ...fresh.env, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOAD_DEMO_DATA: "true" } });
    await portal.waitUntilReady(150_000);
  }, 240_000);

  afterAll(async () => {
    if (portal?.isRunning()) await portal.stop("SIGTERM").catch(() => undefined);
    await killLeftovers();
    await meili?.stop();
    if (meiliDir) rmSync(meiliDir, { recursive: true, force: true });
    await fresh?.drop();
  });

  const at = (pathname: string) => `${portal.url}${pathname}`;

  async function logIn(email: string): Promise<string> {
    const reply = await request(at("/login"), { form: { email, password: DEMO_PASSWORD, redirectTo: "" } });
    expect(reply.status, reply.text.slice(0, 300)).toBe(302);
    const cookie = sessionCookieOf(reply);
    expect(cookie, `no session cookie from logging in ${email}`).toBeTruthy();
    return cookie!;
  }

  it("keeps writes, falls back to the database with a notice, and converges once Meilisearch is back", { timeout: 180_000 }, async () => {
    const talent = await logIn("demo.talent1@example.test");
    const recruiter = await logIn("demo.recruiter@example.test");
    const before = await request(at(`/search?q=${encodeURIComponent(positionTitle)}`));
    expect(before.status).toBe(200);
    expect(before.text).not.toContain(DEGRADED);

    await meili.stop();

    // Writes succeed while search is down.
    const profile = await request(at("/profile"), {
      headers: { cookie: talent },
      form: { headline, summary: "", yearsExperience: "2", visibility: "approved_companies", "skills[0].key": "rd", "skills[0].level": "4" },
    });
    expect(profile.status, profile.text.slice(0, 500)).toBe(200);
    expect(profile.text).toContain("已儲存");
    const created = await request(at(`/positions/new?occupation=${occupationId}`), {
      headers: { cookie: recruiter },
      form: {
        organisationId, title: positionTitle, description: "搜尋服務停機時刊登的職缺。", city: "新竹市", salaryMinNtd: "55000", salaryMaxNtd: "80000",
        headcount: "1", applicationDeadline: "", minEducation: "master", experience: "none", workingLanguages: "zh", "skillKeys[0]": "rd", version: "",
      },
    });
    expect(created.status, created.text.slice(0, 500)).toBe(302);
    const positionPath = created.headers.location!;
    const positionId = positionPath.split("/").pop()!;
    const published = await request(at(positionPath), { headers: { cookie: recruiter }, form: { intent: "publish" } });
    expect(published.status, published.text.slice(0, 500)).toBe(200);
    expect((await request(at("/profile"), { headers: { cookie: talent } })).text).toContain(headline);

    if (fresh.env.DATABASE_URL) {
      // On a Postgres server the queue can be read while the portal runs: the jobs wait there.
      const handle = await openDb();
      const waiting = await handle.db.select().from(t.searchJobs).where(isNull(t.searchJobs.doneAt));
      await handle.close();
      expect(waiting.map((j) => `${j.indexName}:${j.documentId}`)).toEqual(expect.arrayContaining([`positions:${positionId}`, "talents:demo-talent-1"]));
    }

    // The search page: a notice, and the new position found by the database query.
    for (const pathname of [`/search?q=${encodeURIComponent(positionTitle)}`, `/search?q=${encodeURIComponent(tag)}&kind=positions`]) {
      const degraded = await request(at(pathname));
      expect(degraded.status, pathname).toBe(200);
      expect(degraded.text, pathname).toContain(DEGRADED);
      expect(degraded.text, pathname).toContain(`href="${positionPath}"`);
    }
    expect((await request(at("/search?q=%E7%94%9F%E7%89%A9%E7%A7%91%E6%8A%80"))).text).toContain(DEGRADED);
    // The API says so in its own terms.
    const api = await request(at("/api/v1/occupations?q=070207"));
    expect(api.status).toBe(503);
    expect(JSON.parse(api.text)).toMatchObject({ error: { code: "search_unavailable" } });

    await meili.start();

    // The worker retries with backoff: the index catches up by itself.
    const client = createSearchClient(meili.url, meili.masterKey);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const position = await client.index("positions").getDocument(positionId).catch(() => null);
      const profileDoc = (await client.index("talents").getDocument("demo-talent-1").catch(() => null)) as { headline?: string } | null;
      if (position && profileDoc?.headline === headline) break;
      if (Date.now() > deadline) throw new Error(`the index did not catch up within 90 s\n${portal.output()}`);
      await delay(250);
    }
    const healed = await request(at(`/search?q=${encodeURIComponent(positionTitle)}&kind=positions`));
    expect(healed.text).not.toContain(DEGRADED);
    expect(healed.text).toContain(`href="${positionPath}"`);

    // With the portal stopped (PGlite is one process's), the queue is empty and every index equals the database.
    expect(await portal.stop("SIGTERM"), portal.output()).toEqual({ code: 0, signal: null });
    const handle = await openDb();
    try {
      expect(await handle.db.select().from(t.searchJobs).where(isNull(t.searchJobs.doneAt)), "index jobs left").toEqual([]);
      for (const index of indexNames) {
        const expected = (await documentsFor[index](handle.db)).map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
        const { results } = await client.index(index).getDocuments({ limit: 10_000 });
        const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));
        expect([...results].sort(byId), `documents in ${index}`).toEqual(expected.sort(byId));
      }
    } finally {
      await handle.close();
    }
  });
});
