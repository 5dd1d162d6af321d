// The trainee and unit-selection pages through the built app, as the web server calls them: the list
// editor's buttons without JavaScript (the edited list comes back, nothing is saved), submissions and
// their refusals in the reader's language, the receipt, the evidence download, the office's CSV import
// with its report, and a unit's interviews and ranking. Needs `npx remix build` first.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { localeCookie } from "../../app/i18n/locale.server";
import { submitPreferences } from "../../app/placement/trainee-applications.server";
import { useDatabase } from "../auth/support";
import { unreachableSearch } from "../api/support";
import { pngBytes } from "../support/tiny-pdf";
import { IP, registeredTalent, roundInRegistration, type World } from "./trainee-world";

const db = useDatabase();
let build: ServerBuild;
let english: string;
let world: World;

beforeAll(async () => {
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  english = (await localeCookie.serialize("en")).split(";")[0]!;
  world = await roundInRegistration(db(), { units: 3 });
});

async function call(viewer: Viewer | null, url: string, body?: Record<string, string> | FormData) {
  const form = body instanceof FormData ? body : body ? new URLSearchParams(body) : undefined;
  const request = new Request(`http://portal.test${url}`, {
    method: body ? "POST" : "GET",
    headers: { Origin: "http://portal.test", Host: "portal.test", Cookie: english, ...(form instanceof URLSearchParams ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: form,
    redirect: "manual",
  });
  const context = {
    services: { db: db(), search: unreachableSearch(), env: { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" }, mail: { wake: () => {}, devInbox: true }, searchSync: { wake: () => {} } },
    cspNonce: "",
    clientIp: "192.0.2.46",
    viewer,
  };
  const response = await createRequestHandler(build, "production")(request, context as never);
  return { status: response.status, location: response.headers.get("Location"), type: response.headers.get("Content-Type"), body: await response.text() };
}

const unitName = (i: number) => world.units[i]!.organisation.nameEn;
const unitId = (i: number) => world.units[i]!.quotaApplicationId;
const items = (ids: string[]) => Object.fromEntries(ids.map((id, i) => [`items[${i}]`, id]));
/** Where each name first appears in the page, to compare their order. */
const order = (body: string, names: string[]) => names.map((name) => body.indexOf(name));

async function storedList(applicationId: string) {
  const rows = await db().select().from(t.traineePreferences).where(eq(t.traineePreferences.traineeApplicationId, applicationId)).orderBy(asc(t.traineePreferences.rank));
  return rows.map((r) => r.quotaApplicationId);
}

describe("/phd without JavaScript", () => {
  it("moves, removes and adds by posting the list, and saves nothing until it is submitted", async () => {
    const talent = await registeredTalent(db(), world);
    const page = `/phd?round=${world.round.id}`;
    const base = { roundId: world.round.id, version: "1" };
    const moved = await call(talent.viewer, page, { ...base, intent: "up:2", ...items([unitId(0), unitId(1), unitId(2)]) });
    expect(moved.status).toBe(200);
    const [a, b, c] = order(moved.body, [`Move up: ${unitName(0)}`, `Move up: ${unitName(2)}`, `Move up: ${unitName(1)}`]);
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
    expect(moved.body).toMatch(new RegExp(`data-edit="up:1"[^>]*autofocus|autofocus[^>]*data-edit="up:1"`));
    const removed = await call(talent.viewer, page, { ...base, intent: "remove:0", ...items([unitId(0), unitId(1)]) });
    expect(removed.body).not.toContain(`Move up: ${unitName(0)}`);
    const added = await call(talent.viewer, page, { ...base, intent: "add", add: unitId(2), ...items([unitId(1)]) });
    expect(order(added.body, [`Remove: ${unitName(1)}`, `Remove: ${unitName(2)}`]).every((i) => i > 0)).toBe(true);
    expect(await storedList(talent.application.id)).toEqual([]);
  });

  it("submits, redirects to the notice, and shows the receipt to its talent only", async () => {
    const talent = await registeredTalent(db(), world);
    const submitted = await call(talent.viewer, `/phd?round=${world.round.id}`, { roundId: world.round.id, version: "1", intent: "submit", ...items([unitId(2), unitId(0)]) });
    expect(submitted.status).toBe(302);
    expect(submitted.location).toBe(`/phd?round=${world.round.id}&done=submitted`);
    expect(await storedList(talent.application.id)).toEqual([unitId(2), unitId(0)]);
    const notice = await call(talent.viewer, submitted.location!);
    const receiptPath = /href="(\/phd\/receipts\/[0-9a-f-]{36})"/.exec(notice.body)?.[1];
    expect(notice.body).toContain("Preferences submitted; your receipt is version 2.");
    const receipt = await call(talent.viewer, receiptPath!);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toContain(talent.email);
    const [first, second] = order(receipt.body, [unitName(2), unitName(0)]);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(second!);
    expect((await call((await registeredTalent(db(), world)).viewer, receiptPath!)).status).toBe(404);
  });

  it("answers refusals beside the list in the reader's language, keeping what was posted", async () => {
    const talent = await registeredTalent(db(), world);
    const twice = await call(talent.viewer, `/phd?round=${world.round.id}`, { roundId: world.round.id, version: "1", intent: "submit", ...items([unitId(1), unitId(1)]) });
    expect(twice.status).toBe(400);
    expect(twice.body).toContain("The unit at preference 2 is already on your list.");
    const stranger = await call(talent.viewer, `/phd?round=${world.round.id}`, { roundId: world.round.id, version: "1", intent: "submit", ...items([world.unallocated.quotaApplicationId]) });
    expect(stranger.status).toBe(400);
    expect(stranger.body).toContain("The unit at preference 1 has no quota in this round.");
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: [unitId(0)] }, IP);
    const stale = await call(talent.viewer, `/phd?round=${world.round.id}`, { roundId: world.round.id, version: "1", intent: "submit", ...items([unitId(1)]) });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain("was not saved. Reload the page and try again.");
    expect(await storedList(talent.application.id)).toEqual([unitId(0)]);
  });

  it("refuses evidence that is not a PDF beside the field, as a multipart post", async () => {
    const { viewer } = await registeredTalent(db(), world);
    const [row] = await db().select().from(t.traineeApplications).where(eq(t.traineeApplications.userId, viewer.id));
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "eligibility", roundId: world.round.id, version: String(row!.version), phdStatus: "obtained", phdDate: "2020-01-01" })) form.set(k, v);
    form.set("evidence", new File([new Uint8Array(pngBytes())], "photo.pdf", { type: "application/pdf" }));
    const refused = await call(viewer, `/phd?round=${world.round.id}`, form);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("This is not a PDF (judged by its content).");
  });
});

describe("evidence, office and unit pages", () => {
  it("serves the evidence to a unit the submitted list names, and a 404 to another unit", async () => {
    const talent = await registeredTalent(db(), world);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: [unitId(0)] }, IP);
    const listed = await call(world.units[0]!.staff, `/phd/evidence/${talent.application.id}`);
    expect(listed.status).toBe(200);
    expect(listed.type).toBe("application/pdf");
    expect(listed.body.startsWith("%PDF-")).toBe(true);
    expect((await call(world.units[1]!.staff, `/phd/evidence/${talent.application.id}`)).status).toBe(404);
  });

  it("imports scores by CSV through the office's page, or reports the rejected rows and writes nothing", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    const a = await registeredTalent(db(), own, "page-a");
    const upload = (csv: string) => {
      const form = new FormData();
      form.set("intent", "import");
      form.set("file", new File([csv], "scores.csv", { type: "text/csv" }));
      return call(own.officer, `/office/rounds/${own.round.id}/trainees`, form);
    };
    const bad = await upload(`email,score\n${a.email},77\nnobody@example.test,50\n`);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Not imported: 1 rows have problems");
    expect(bad.body).toContain("This round has no such application.");
    expect(bad.body).toContain('href="data:text/csv;charset=utf-8,');
    const [before] = await db().select().from(t.traineeApplications).where(eq(t.traineeApplications.id, a.application.id));
    expect(before!.innovationScore).toBeNull();
    const good = await upload(`${a.email},77\n`);
    expect(good.status).toBe(200);
    expect(good.body).toContain("1 score imported.");
    const list = await call(own.officer, `/office/rounds/${own.round.id}/trainees`);
    expect(list.body).toContain(a.email);
    expect(list.body).toContain('value="77"');
    expect((await call(a.viewer, `/office/rounds/${own.round.id}/trainees`)).status).toBe(403);
  });

  it("lets a unit schedule interviews (an overlap is refused) and rank only its own applicants", async () => {
    const own = await roundInRegistration(db(), { units: 2 });
    const [mine, other] = [await registeredTalent(db(), own, "unit-a"), await registeredTalent(db(), own, "unit-b")];
    await submitPreferences(db(), mine.viewer, mine.application.id, { expectedVersion: 1, quotaApplicationIds: [own.units[0]!.quotaApplicationId] }, IP);
    await submitPreferences(db(), other.viewer, other.application.id, { expectedVersion: 1, quotaApplicationIds: [own.units[1]!.quotaApplicationId, own.units[0]!.quotaApplicationId] }, IP);
    const staff = own.units[0]!.staff;
    const pagePath = `/unit/rounds/${own.round.id}/applicants?unit=${own.units[0]!.organisation.id}`;
    const seen = await call(staff, pagePath);
    expect(seen.status).toBe(200);
    expect(seen.body).toContain(mine.displayName);
    const notTheirs = await call(own.units[1]!.staff, `/unit/rounds/${own.round.id}/applicants?unit=${own.units[1]!.organisation.id}`);
    expect(notTheirs.body).not.toContain(mine.displayName);
    const at = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    const schedule = (who: string, from: number) => call(staff, pagePath, { intent: "schedule", applicationId: who, startsAt: at(from), endsAt: at(from + 1), location: "Room 1" });
    expect((await schedule(mine.application.id, 30)).status).toBe(302);
    const overlap = await schedule(other.application.id, 30);
    expect(overlap.status).toBe(409);
    expect(overlap.body).toContain("This overlaps another of your unit&#x27;s interviews.");
    const stranger = await registeredTalent(db(), own, "unit-c");
    const refused = await call(staff, pagePath, { intent: "submit", ...items([mine.application.id, stranger.application.id]) });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("The person at place 2 has not listed your unit in submitted preferences.");
    const ranked = await call(staff, pagePath, { intent: "submit", ...items([other.application.id, mine.application.id]) });
    expect(ranked.status).toBe(302);
    const entries = await db().select({ rank: t.unitRankEntries.rank, id: t.unitRankEntries.traineeApplicationId }).from(t.unitRankEntries).innerJoin(t.unitRankLists, eq(t.unitRankLists.id, t.unitRankEntries.rankListId)).where(eq(t.unitRankLists.quotaApplicationId, own.units[0]!.quotaApplicationId)).orderBy(asc(t.unitRankEntries.rank));
    expect(entries.map((e) => e.id)).toEqual([other.application.id, mine.application.id]);
  });
});
