// The outcome pages through the built app, as the web server calls them: who may open which, a unit
// seeing only its own completers, the office's reads audited, the survey link answered once (then a
// clear "used" page), and the unit's import refused as a whole with its report. Needs `npx remix build`.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { sendFirstSurveys } from "../../app/outcomes/surveys.server";
import { links, mailTo, tokenIn, useDatabase } from "../auth/support";
import { useBuiltApp } from "../support/built-app";
import { completer, outcomeWorld } from "./world";

const db = useDatabase();
const send = useBuiltApp(() => ({ db: db() }), { ip: "192.0.2.88" });

async function call(viewer: Viewer | null, url: string, body?: Record<string, string> | FormData) {
  const response = await send(viewer, url, { form: body });
  return { status: response.status, location: response.headers.get("Location"), body: await response.text() };
}

describe("who sees which outcomes", () => {
  it("the office sees every completer (audited), a unit only its own, a talent neither list", async () => {
    const mine = await outcomeWorld(db());
    const other = await outcomeWorld(db());
    const person = await completer(db(), mine);
    const stranger = await completer(db(), other);

    const office = await call(mine.office, "/office/outcomes?state=due");
    expect(office.status).toBe(200);
    expect(office.body).toContain(person.user.email);
    const reads = await db().select().from(t.auditLog).where(and(eq(t.auditLog.actorUserId, mine.office.id), eq(t.auditLog.action, "personal-data-read"), eq(t.auditLog.entity, "employment-outcome")));
    expect(reads.length).toBeGreaterThan(0);

    const unit = await call(mine.staff, "/unit/outcomes");
    expect(unit.status).toBe(200);
    expect(unit.body).toContain(person.user.email);
    expect(unit.body).not.toContain(stranger.user.email);
    expect((await call(mine.staff, `/unit/outcomes?unit=${other.unit.id}`)).status).toBe(404);
    expect((await call(mine.staff, "/office/outcomes")).status).toBe(403);
    expect((await call(person.viewer, "/unit/outcomes")).status).toBe(403);
    expect((await call(person.viewer, "/office/outcomes")).status).toBe(403);
    expect((await call(person.viewer, "/my/outcomes")).status).toBe(200);
  });

  it("a unit's entry for another unit's trainee is refused with a message, and nothing is stored", async () => {
    const mine = await outcomeWorld(db());
    const other = await outcomeWorld(db());
    const stranger = await completer(db(), other);
    const refused = await call(mine.staff, "/unit/outcomes", { intent: "record", completion: `enrolment:${stranger.enrolmentId}`, checkpoint: "completion", status: "seeking", salaryBand: "undisclosed" });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("This is not your unit&#x27;s trainee");
    expect(await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.enrolmentId, stranger.enrolmentId))).toEqual([]);
    const own = await completer(db(), mine);
    const missing = await call(mine.staff, "/unit/outcomes", { intent: "record", completion: `enrolment:${own.enrolmentId}`, checkpoint: "completion", status: "industry", salaryBand: "undisclosed" });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain("Name the employer of a job");
  });

  it("an import with a bad row stores nothing and offers the report", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    const form = new FormData();
    form.set("intent", "import");
    form.set("file", new File([new TextEncoder().encode(`enrolment:${person.enrolmentId},completion,seeking,,,\nenrolment:${person.enrolmentId},six_months,seeking,,,\n`)], "outcomes.csv", { type: "text/csv" }));
    const refused = await call(world.staff, "/unit/outcomes", form);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("1 rows were rejected");
    expect(refused.body).toContain("data:text/csv;charset=utf-8,%EF%BB%BF");
    expect(await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.enrolmentId, person.enrolmentId))).toEqual([]);
  });
});

describe("/outcome-survey/:token", () => {
  it("is answered once without logging in, then says the link is used", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    await sendFirstSurveys(db(), links, new Date());
    const token = tokenIn((await mailTo(db(), person.user.email))[0]!.textBody, "/outcome-survey/");
    const form = await call(null, `/outcome-survey/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toContain("Employment survey");
    const answered = await call(null, `/outcome-survey/${token}`, { status: "industry", employerName: "Page Pharma", salaryBand: "60k_80k" });
    expect(answered.status).toBe(302);
    expect((await call(null, answered.location!)).body).toContain("Thank you for answering");
    const again = await call(null, `/outcome-survey/${token}`);
    expect(again.status).toBe(410);
    expect(again.body).toContain("This link has been used");
    const twice = await call(null, `/outcome-survey/${token}`, { status: "seeking", salaryBand: "undisclosed" });
    expect(twice.status).toBe(410);
    const office = await call(world.office, `/office/outcomes?unit=${world.unit.id}`);
    expect(office.body).toContain("Page Pharma");
    expect((await call(null, "/outcome-survey/not-a-real-token-at-all-xxxxxxxx")).status).toBe(404);
  });
});
