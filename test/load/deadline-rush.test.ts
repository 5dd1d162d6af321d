// The last minutes of a PhD round: 500 trainees submit their ranked lists at once through the real
// portal (a production build over HTTP, sessions, CSRF check, a pool of 10 database connections),
// each from two windows at the same version, then reorder. Every submission is either recorded or
// refused with the stale message; nothing is lost or stored twice; past the deadline the refusal
// names it. Needs a Postgres server (the portal and this test share the database).
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import * as t from "../../db/schema";
import { saveEligibility } from "../../app/placement/trainee-applications.server";
import { loadSurveyData } from "../../seeds/load";
import { readSurveyData } from "../../seeds/read";
import { makeUser, signedIn } from "../auth/support";
import { assertBuilt, killLeftovers, startPortal, type PortalProcess } from "../boot/portal-process";
import { ownMeilisearch, type OwnMeilisearch } from "../faults/own-meilisearch";
import { obtained, roundInRegistration, IP, type World } from "../placement/trainee-world";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";

const TRAINEES = 500;
const STALE_EN = "Your application was changed elsewhere meanwhile";
const DEADLINE_EN = "The deadline “";

/** Which refusal a page shows, for failure messages. */
const reasonOf = (body: string) => (body.includes(STALE_EN) ? "stale" : body.includes(DEADLINE_EN) ? "deadline passed" : body.slice(0, 200));

interface Trainee {
  cookie: string;
  applicationId: string;
}

describe.skipIf(!process.env.DATABASE_URL)("deadline rush: 500 trainees in the last minutes of a round", () => {
  let fresh: FreshDatabase;
  let handle: DatabaseHandle;
  let meili: OwnMeilisearch;
  let meiliDir: string;
  let portal: PortalProcess;
  let world: World;
  const trainees: Trainee[] = [];
  // A connection per request and no cap: the rush is concurrent at the portal, not queued here.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

  beforeAll(async () => {
    assertBuilt();
    fresh = await createFreshDatabase("rush");
    handle = await openDatabase({ url: fresh.env.DATABASE_URL! });
    await migrateDatabase(handle);
    await loadSurveyData(handle.db, readSurveyData());
    const db = handle.db;
    world = await roundInRegistration(db, { units: 3, maxPreferences: 3, quotas: [30, 30, 30] });
    for (let batch = 0; batch < TRAINEES; batch += 25) {
      const made = await Promise.all(
        Array.from({ length: Math.min(25, TRAINEES - batch) }, async (_, i) => {
          const user = await makeUser(db, { label: `rush${batch + i}`, roles: ["talent"] });
          const { viewer, cookie } = await signedIn(db, user.id);
          const application = await saveEligibility(db, viewer, { roundId: world.round.id, expectedVersion: null }, obtained(), IP);
          return { cookie, applicationId: application.id };
        }),
      );
      trainees.push(...made);
    }
    meiliDir = mkdtempSync(path.join(os.tmpdir(), "portal-rush-meili-"));
    meili = await ownMeilisearch(meiliDir);
    portal = await startPortal({ env: { ...fresh.env, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey } });
    await portal.waitUntilReady(150_000);
  }, 600_000);

  afterAll(async () => {
    agent.destroy();
    if (portal?.isRunning()) await portal.stop("SIGTERM").catch(() => undefined);
    await killLeftovers();
    await meili?.stop();
    if (meiliDir) rmSync(meiliDir, { recursive: true, force: true });
    await handle?.close();
    await fresh?.drop();
  });

  const units = () => world.units.map((u) => u.quotaApplicationId);

  function submit(trainee: Trainee, version: number, order: string[]): Promise<{ status: number; body: string }> {
    const form = new URLSearchParams({ intent: "submit", roundId: world.round.id, version: String(version) });
    order.forEach((id, rank) => form.set(`items[${rank}]`, id));
    const body = form.toString();
    const url = new URL("/phd", portal.url);
    return new Promise((resolve, reject) => {
      const req = http.request(url, {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          origin: url.origin,
          cookie: `${trainee.cookie}; lang=${encodeURIComponent(Buffer.from(JSON.stringify("en")).toString("base64"))}`,
        },
      }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.setTimeout(120_000, () => req.destroy(new Error("no answer in 120 s")));
      req.on("error", (error) => reject(new Error(`${error.message}; the portal is ${portal.isRunning() ? "running" : "gone"}\n${portal.output()}`)));
      req.end(body);
    });
  }

  it("records exactly one of two same-version submissions per trainee, loses no reorder, and refuses after the deadline", { timeout: 600_000 }, async () => {
    const [a, b, c] = units() as [string, string, string];
    const windowOne = [a, b, c];
    const windowTwo = [c, b, a];
    const reordered = [b, a, c];

    // The round is about to close. (How long the rush takes is a figure this test prints, not something
    // it asserts: on a busy 2-core machine 2,000 submissions can take longer than a minute, and the
    // guarantees below must hold however long it takes.)
    const started = Date.now();
    await handle.db.update(t.placementRounds).set({ preferencesCloseAt: new Date(started + 10 * 60_000) }).where(eq(t.placementRounds.id, world.round.id));

    // 1. Everyone submits from two windows at version 1, all 1,000 requests at once.
    const first = await Promise.all(trainees.flatMap((trainee) => [submit(trainee, 1, windowOne), submit(trainee, 1, windowTwo)]));
    const firstMs = Date.now() - started;
    const statuses = new Map<number, number>();
    for (const reply of first) statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    // A recorded submission redirects to the receipt; a refused one is a 409 that says why.
    expect(Object.fromEntries(statuses), `the first wave took ${firstMs} ms`).toEqual({ 302: TRAINEES, 409: TRAINEES });
    for (const [i, trainee] of trainees.entries()) {
      const pair = [first[2 * i]!, first[2 * i + 1]!];
      expect(pair.filter((r) => r.status === 302), `trainee ${i}`).toHaveLength(1);
      expect(pair.find((r) => r.status === 409)!.body).toContain(STALE_EN);
      void trainee;
    }

    // 2. Everyone reorders at the version their winning window left (2), while an old window retries at 1.
    const second = await Promise.all(trainees.flatMap((trainee) => [submit(trainee, 2, reordered), submit(trainee, 1, windowOne)]));
    const secondMs = Date.now() - started;
    const refusedReorders = second.filter((r, i) => i % 2 === 0 && r.status !== 302);
    expect(refusedReorders.length, `reorders at the current version refused (both waves took ${secondMs} ms): ${refusedReorders[0]?.status} ${reasonOf(refusedReorders[0]?.body ?? "")}`).toBe(0);
    expect(second.filter((_, i) => i % 2 === 1).every((r) => r.status === 409 && r.body.includes(STALE_EN)), "an old window's retry was recorded").toBe(true);

    // The database holds each trainee's last recorded list exactly once, at version 3, with one receipt per recorded submission.
    const db = handle.db;
    const ids = trainees.map((x) => x.applicationId);
    const applications = await db.select({ id: t.traineeApplications.id, version: t.traineeApplications.version, status: t.traineeApplications.status }).from(t.traineeApplications).where(inArray(t.traineeApplications.id, ids));
    expect(applications).toHaveLength(TRAINEES);
    expect(applications.every((x) => x.version === 3 && x.status === "submitted")).toBe(true);
    const preferences = await db
      .select({ applicationId: t.traineePreferences.traineeApplicationId, rank: t.traineePreferences.rank, unit: t.traineePreferences.quotaApplicationId })
      .from(t.traineePreferences)
      .where(inArray(t.traineePreferences.traineeApplicationId, ids));
    expect(preferences).toHaveLength(3 * TRAINEES);
    const listOf = new Map<string, string[]>();
    for (const row of [...preferences].sort((x, y) => x.rank - y.rank)) listOf.set(row.applicationId, [...(listOf.get(row.applicationId) ?? []), row.unit]);
    expect([...listOf.values()].every((list) => JSON.stringify(list) === JSON.stringify(reordered))).toBe(true);
    const [receipts] = await db.select({ n: count() }).from(t.preferenceReceipts).where(inArray(t.preferenceReceipts.traineeApplicationId, ids));
    expect(receipts!.n).toBe(2 * TRAINEES);

    // 3. The minute passes (the harness moves the deadline to a second ago): a submission names the deadline.
    await db.update(t.placementRounds).set({ preferencesCloseAt: new Date(Date.now() - 1_000) }).where(eq(t.placementRounds.id, world.round.id));
    const late = await submit(trainees[0]!, 3, windowOne);
    expect(late.status).toBe(409);
    expect(late.body).toContain(DEADLINE_EN);
    const [after] = await db.select({ version: t.traineeApplications.version }).from(t.traineeApplications).where(eq(t.traineeApplications.id, trainees[0]!.applicationId));
    expect(after!.version).toBe(3);
    console.warn(`deadline rush: ${2 * TRAINEES} submissions at once answered in ${firstMs} ms; the second ${2 * TRAINEES} by ${secondMs} ms`);
  });
});
