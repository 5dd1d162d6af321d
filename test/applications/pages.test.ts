// The pipeline pages through the built app, as the web server calls them (a viewer resolved from a real
// session): who may read and write an application, that a refused move changes nothing, and that the
// office's reads are audited. Needs `npx remix build` first.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { applyToPosition, inviteTalent, saveScorecard } from "../../app/applications/pipeline.server";
import { localeCookie } from "../../app/i18n/locale.server";
import { links, makeUser, signedIn, useDatabase } from "../auth/support";
import { unreachableSearch } from "../api/support";
import { makeCompany, makePosition, makeTalent, moveThrough, stageOf } from "./world";

const db = useDatabase();
let build: ServerBuild;
let english: string;

beforeAll(async () => {
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  english = (await localeCookie.serialize("en")).split(";")[0]!;
});

async function call(viewer: Viewer | null, url: string, form?: Record<string, string>) {
  const request = new Request(`http://portal.test${url}`, {
    method: form ? "POST" : "GET",
    headers: { Origin: "http://portal.test", Host: "portal.test", Cookie: english, ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
    redirect: "manual",
  });
  const woken = { mail: 0, search: 0 };
  const context = {
    services: {
      db: db(),
      search: unreachableSearch(),
      env: { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" },
      mail: { wake: () => void woken.mail++, devInbox: true },
      searchSync: { wake: () => void woken.search++ },
    },
    cspNonce: "",
    clientIp: "192.0.2.45",
    viewer,
  };
  const response = await createRequestHandler(build, "production")(request, context as never);
  return { status: response.status, body: await response.text(), woken };
}

async function officer() {
  const user = await makeUser(db(), { label: "officer", roles: ["programme_officer"] });
  return (await signedIn(db(), user.id)).viewer;
}

async function eventsOf(applicationId: string) {
  const [row] = await db().select({ n: count() }).from(t.applicationStageEvents).where(eq(t.applicationStageEvents.applicationId, applicationId));
  return row!.n;
}

async function applied() {
  const company = await makeCompany(db(), 2);
  const position = await makePosition(db(), company.recruiters[0]!, { headcount: 1 });
  const talent = await makeTalent(db());
  const application = await applyToPosition(db(), talent.viewer, position.id, "Cover note for the test", links);
  return { ...company, position, talent, application };
}

describe("POST /applications/:id", () => {
  it("a recruiter of another company moving the stage gets 403 and nothing changes", async () => {
    const { application } = await applied();
    const stranger = await makeCompany(db());
    const before = await eventsOf(application.id);
    const response = await call(stranger.recruiters[0]!, `/applications/${application.id}`, { intent: "move", from: "applied", to: "screening" });
    expect(response.status).toBe(403);
    expect(await stageOf(db(), application.id)).toBe("applied");
    expect(await eventsOf(application.id)).toBe(before);
    expect(response.woken.mail).toBe(0);
  });

  it("the company's recruiter moves it; the mail worker is woken", async () => {
    const { recruiters, application } = await applied();
    const response = await call(recruiters[1]!, `/applications/${application.id}`, { intent: "move", from: "applied", to: "screening", note: "Looks good" });
    expect(response.status).toBe(200);
    expect(response.body).toContain("The application has moved to “Screening”.");
    expect(await stageOf(db(), application.id)).toBe("screening");
    expect(response.woken.mail).toBe(1);
  });

  it("a stale move is refused with 409 and the page shows the current stage", async () => {
    const { recruiters, application } = await applied();
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["screening"]);
    const response = await call(recruiters[1]!, `/applications/${application.id}`, { intent: "move", from: "applied", to: "interview" });
    expect(response.status).toBe(409);
    expect(response.body).toContain("A colleague moved this application meanwhile");
    expect(response.body).toMatch(/data-testid="current-stage">Screening</);
    expect(await stageOf(db(), application.id)).toBe("screening");
  });

  it("a hire with no headcount left is refused with 409 and says so", async () => {
    const { recruiters, position, application } = await applied();
    const second = await makeTalent(db());
    const other = await applyToPosition(db(), second.viewer, position.id, "", links);
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["offer", "hired"]);
    await moveThrough(db(), recruiters[0]!, other.id, "applied", ["offer"]);
    const response = await call(recruiters[1]!, `/applications/${other.id}`, { intent: "move", from: "offer", to: "hired" });
    expect(response.status).toBe(409);
    expect(response.body).toContain("No headcount is left on this position");
    expect(await stageOf(db(), other.id)).toBe("offer");
  });

  it("an empty form is 400; the office may not write", async () => {
    const { recruiters, application } = await applied();
    expect((await call(recruiters[0]!, `/applications/${application.id}`, {})).status).toBe(400);
    expect((await call(await officer(), `/applications/${application.id}`, { intent: "move", from: "applied", to: "screening" })).status).toBe(403);
  });

  it("a scorecard missing a criterion is refused beside it; a full one is saved", async () => {
    const { recruiters, position, application } = await applied();
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["interview"]);
    const skills = (await db().select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, position.id))).map((s) => s.key);
    expect(skills.length).toBeGreaterThan(1);
    const partial = await call(recruiters[0]!, `/applications/${application.id}`, { intent: "scorecard", [`scores.${skills[0]}`]: "4", recommendation: "yes" });
    expect(partial.status).toBe(400);
    expect(partial.body).toContain("Score this criterion (1 to 5).");
    const full = Object.fromEntries(skills.map((key) => [`scores.${key}`, "4"]));
    const saved = await call(recruiters[0]!, `/applications/${application.id}`, { intent: "scorecard", ...full, recommendation: "strong_yes", notes: "Strong candidate" });
    expect(saved.status).toBe(200);
    const cards = await db().select().from(t.interviewScorecards).where(and(eq(t.interviewScorecards.applicationId, application.id), eq(t.interviewScorecards.interviewerUserId, recruiters[0]!.id)));
    expect(cards).toMatchObject([{ recommendation: "strong_yes", notes: "Strong candidate" }]);
  });

  it("the invited talent sees Accept and Decline, and accepting makes it an application", async () => {
    const { recruiters, position } = await applied();
    const invited = await makeTalent(db(), { discoverable: true });
    const invitation = await inviteTalent(db(), recruiters[0]!, position.id, invited.id, "Your genomics work fits", links);
    const page = await call(invited.viewer, `/applications/${invitation.id}`);
    expect(page.body).toContain("Accept and apply");
    expect(page.body).toContain("Decline the invitation");
    expect(page.body).toContain("Your genomics work fits");
    expect(page.body).not.toContain("Withdraw application");
    const accepted = await call(invited.viewer, `/applications/${invitation.id}`, { intent: "accept" });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain("Invitation accepted; your application has been sent.");
    expect(await stageOf(db(), invitation.id)).toBe("applied");
    expect((await call(invited.viewer, `/applications/${invitation.id}`, { intent: "decline" })).status).toBe(409);
  });

  it("the talent withdraws; another talent cannot", async () => {
    const { talent, application } = await applied();
    const someoneElse = await makeTalent(db());
    expect((await call(someoneElse.viewer, `/applications/${application.id}`, { intent: "withdraw" })).status).toBe(404);
    const response = await call(talent.viewer, `/applications/${application.id}`, { intent: "withdraw" });
    expect(response.status).toBe(200);
    expect(await stageOf(db(), application.id)).toBe("withdrawn");
  });
});

describe("GET /applications/:id", () => {
  it("the company sees the applicant and scorecards; the talent sees neither scorecards nor recruiters' names; strangers get 404", async () => {
    const { recruiters, talent, application } = await applied();
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["interview"]);
    await saveScorecard(db(), recruiters[0]!, application.id, { scores: {}, recommendation: "no", notes: "Internal: weak on GMP" });

    const company = await call(recruiters[1]!, `/applications/${application.id}`);
    expect(company.status).toBe(200);
    expect(company.body).toContain(talent.email);
    expect(company.body).toContain("Internal: weak on GMP");
    expect(company.body).toContain(recruiters[0]!.displayName);

    const own = await call(talent.viewer, `/applications/${application.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain("Cover note for the test");
    expect(own.body).not.toContain("Internal: weak on GMP");
    expect(own.body).not.toContain(recruiters[0]!.displayName);
    expect(own.body).toContain("Withdraw application");

    const stranger = await makeCompany(db());
    expect((await call(stranger.recruiters[0]!, `/applications/${application.id}`)).status).toBe(404);
    expect((await call((await makeTalent(db())).viewer, `/applications/${application.id}`)).status).toBe(404);
  });

  it("the office reads it, read-only, and the read is audited", async () => {
    const { application } = await applied();
    const office = await officer();
    const response = await call(office, `/applications/${application.id}`);
    expect(response.status).toBe(200);
    expect(response.body).not.toContain("Change stage");
    const logged = await db().select().from(t.auditLog).where(and(eq(t.auditLog.actorUserId, office.id), eq(t.auditLog.action, "personal-data-read")));
    expect(logged.map((row) => JSON.parse(row.detail!) as unknown)).toEqual([{ ids: [application.id] }]);
  });
});

describe("GET /positions/:id/applicants and /company", () => {
  it("members see the applicants by stage; another company gets 403; a talent 403; the office reads, audited", async () => {
    const { recruiters, position, talent, application } = await applied();
    const page = await call(recruiters[0]!, `/positions/${position.id}/applicants`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(talent.displayName);
    expect(page.body).toContain(`/applications/${application.id}`);
    const screening = await call(recruiters[0]!, `/positions/${position.id}/applicants?stage=screening`);
    expect(screening.body).not.toContain(talent.displayName);
    expect(screening.body).toContain("No applicants at the stage “Screening”.");

    expect((await call((await makeCompany(db())).recruiters[0]!, `/positions/${position.id}/applicants`)).status).toBe(403);
    expect((await call(talent.viewer, `/positions/${position.id}/applicants`)).status).toBe(403);
    const office = await officer();
    expect((await call(office, `/positions/${position.id}/applicants`)).status).toBe(200);
    const [logged] = await db().select().from(t.auditLog).where(and(eq(t.auditLog.actorUserId, office.id), eq(t.auditLog.action, "personal-data-read")));
    expect(JSON.parse(logged!.detail!)).toEqual({ ids: [application.id] });
  });

  it("pages the applicants 50 at a time, keeping the stage filter", async () => {
    const { recruiters, position } = await applied();
    const ids = Array.from({ length: 51 }, () => randomUUID());
    await db().insert(t.users).values(ids.map((id, i) => ({ id, email: `paged-${id}@example.test`, displayName: `Paged applicant ${String(i).padStart(2, "0")}` })));
    await db().insert(t.applications).values(ids.map((id) => ({ positionId: position.id, talentUserId: id, origin: "applied" as const, stage: "screening" as const })));
    const rows = (body: string) => body.match(/href="\/applications\/[0-9a-f-]{36}"/g) ?? [];
    const first = await call(recruiters[0]!, `/positions/${position.id}/applicants?stage=screening`);
    expect(rows(first.body)).toHaveLength(50);
    expect(first.body).toContain("Screening (51)");
    expect(first.body).toContain("All (52)");
    expect(first.body).toContain(`href="/positions/${position.id}/applicants?stage=screening&amp;page=2"`);
    const second = await call(recruiters[0]!, `/positions/${position.id}/applicants?stage=screening&page=2`);
    expect(rows(second.body)).toHaveLength(1);
    // Applications made in one go share their time; every one is on exactly one page.
    expect(new Set([...rows(first.body), ...rows(second.body)]).size).toBe(51);
    await db().delete(t.users).where(inArray(t.users.id, ids));
  });

  it("the dashboard lists the recruiter's own positions with applicants per stage and the time to hire", async () => {
    const { recruiters, position } = await applied();
    const dashboard = await call(recruiters[0]!, "/company");
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toContain(position.title);
    expect(dashboard.body).toContain("No hires yet.");
    const stranger = await makeCompany(db());
    expect((await call(stranger.recruiters[0]!, "/company")).body).not.toContain(position.title);
    const alone = await makeUser(db(), { label: "alone", roles: ["company_recruiter"] });
    expect((await call((await signedIn(db(), alone.id)).viewer, "/company")).body).toContain("/organisations/new");
  });
});
