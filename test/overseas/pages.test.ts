// The overseas pages through the built app, as the web server calls them: who may read and update a
// work-permit case and the office's stall list, and the talent side rendered in English with no
// Chinese left in the page body (user data and the language switch aside). Needs `npx remix build`.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { applyToPosition } from "../../app/applications/pipeline.server";
import { createPosition, prefillFromOccupation, publishPosition } from "../../app/positions/positions.server";
import { links, signedIn, useDatabase } from "../auth/support";
import { shownText, useBuiltApp } from "../support/built-app";
import { IP, makeCompany, makeTalent, moveThrough } from "../applications/world";
import { casesOf, hireWorld, makeOfficer, stepsOf } from "./world";

const db = useDatabase();
const send = useBuiltApp(() => ({ db: db() }), { ip: IP });

async function call(viewer: Viewer | null, url: string, form?: Record<string, string>) {
  const response = await send(viewer, url, { form });
  return { status: response.status, body: await shownText(response), location: response.headers.get("Location") };
}

describe("work-permit pages", () => {
  it("shows the case to its talent, the company and the office; to anyone else it does not exist", async () => {
    const w = await hireWorld(db(), { nationality: "IN" });
    const [kase] = await casesOf(db(), w.application.id);
    const url = `/work-permits/${kase!.id}`;
    const talentPage = await call(w.talent.viewer, url);
    expect(talentPage.status).toBe(200);
    expect(talentPage.body).toContain("Your step: Documents");
    expect(talentPage.body).not.toContain("Your step: Work-permit application");
    const companyPage = await call(w.recruiter, url);
    expect(companyPage.status).toBe(200);
    expect(companyPage.body).toContain("Your step: Work-permit application");
    const officePage = await call(await makeOfficer(db()), url);
    expect(officePage.status).toBe(200);
    expect(officePage.body).not.toContain("Your step");
    expect((await call((await makeTalent(db())).viewer, url)).status).toBe(404);
    const otherCompany = await makeCompany(db());
    expect((await call(otherCompany.recruiters[0]!, url)).status).toBe(404);
    expect((await call(null, url)).location).toMatch(/^\/login/);
  });

  it("refuses the other side's step with 403 and a past due date with 400, changing nothing", async () => {
    const w = await hireWorld(db(), { nationality: "IN" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    const url = `/work-permits/${kase!.id}`;
    const wrongOwner = await call(w.recruiter, url, { intent: "update", stepId: steps[1]!.id, status: "done", dueOn: "", note: "" });
    expect(wrongOwner.status).toBe(403);
    expect(wrongOwner.body).toContain("This step is not yours to change.");
    const past = await call(w.talent.viewer, url, { intent: "update", stepId: steps[1]!.id, status: "done", dueOn: "2020-01-01", note: "" });
    expect(past.status).toBe(400);
    expect(past.body).toContain("The due date cannot be before today.");
    const office = await call(await makeOfficer(db()), url, { intent: "update", stepId: steps[1]!.id, status: "done", dueOn: "", note: "" });
    expect(office.status).toBe(403);
    expect((await stepsOf(db(), kase!.id))[1]!.status).toBe("pending");
    const ok = await call(w.talent.viewer, url, { intent: "update", stepId: steps[1]!.id, status: "in_progress", dueOn: "", note: "Passport ready" });
    expect(ok.status).toBe(200);
    expect((await stepsOf(db(), kase!.id))[1]!.status).toBe("in_progress");
  });

  it("lists open cases to the office only, with the current step and days stalled", async () => {
    const w = await hireWorld(db(), { nationality: "PH" });
    const [kase] = await casesOf(db(), w.application.id);
    const office = await call(await makeOfficer(db()), "/office/work-permits?sort=stalled&dir=desc");
    expect(office.status).toBe(200);
    expect(office.body).toContain(`data-case="${kase!.id}"`);
    expect(office.body).toContain("2. Documents");
    expect((await call(w.talent.viewer, "/office/work-permits")).status).toBe(403);
    expect((await call(w.recruiter, "/office/work-permits")).status).toBe(403);
    expect((await call(await makeOfficer(db()), "/office/work-permits?sort=nonsense&page=-4")).status).toBe(200);
  });
});

// Chinese characters, CJK punctuation and full-width forms.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** The page body as a reader sees it, without scripts, the language switch and text marked as Chinese on purpose. */
function visibleBody(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return body
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<form[^>]*action="\/locale"[\s\S]*?<\/form>/g, "")
    // The name of the Chinese language, written in it, where a language is chosen.
    .replace(/<option value="zh-TW"[^>]*>[^<]*<\/option>/g, "")
    // Position titles are what companies typed: user data, in whatever language they wrote it.
    .replace(/<a[^>]*href="\/positions\/[0-9a-f-]{36}"[^>]*>[^<]*<\/a>/g, "")
    .replace(/<([a-z]+)[^>]*\blang="zh-Hant-TW"[^>]*>[\s\S]*?<\/\1>/g, "");
}

function chineseIn(html: string, userData: string[] = []): string[] {
  let text = visibleBody(html);
  for (const value of userData) text = text.split(value).join("");
  const found: string[] = [];
  const global = new RegExp(CJK.source, "g");
  for (const match of text.matchAll(global)) found.push(text.slice(Math.max(0, match.index - 60), match.index + 20).replace(/\s+/g, " "));
  return found.slice(0, 5);
}

describe("the talent side in English", () => {
  it("has no Chinese in any talent page body", async () => {
    const { recruiters } = await makeCompany(db());
    const recruiter = recruiters[0]!;
    const [occupation] = await db().select({ id: t.occupations.id }).from(t.occupations).where(and(eq(t.occupations.code, "070207"), eq(t.occupations.surveyKey, "precision-health-2025")));
    const prefill = (await prefillFromOccupation(db(), occupation!.id))!.prefill;
    const draft = await createPosition(db(), recruiter, recruiter.memberships[0]!.organisationId, {
      ...prefill, title: "Bioinformatics scientist", description: "Genomic data analysis.", city: "Taipei", salaryMinNtd: 70_000, salaryMaxNtd: 100_000,
      headcount: 2, applicationDeadline: null, workingLanguages: ["en"], openToOverseas: true, supportsWorkPermit: true,
    }, IP);
    const position = await publishPosition(db(), recruiter, draft.id, IP);
    const talent = await makeTalent(db(), { locale: "en" });
    await db().update(t.users).set({ displayName: "Priya Raman" }).where(eq(t.users.id, talent.id));
    await db().insert(t.talentProfiles).values({ userId: talent.id, nationality: "IN", countryOfResidence: "IN", headline: "Genomics PhD" });
    const viewer = (await signedIn(db(), talent.id)).viewer;
    const application = await applyToPosition(db(), viewer, position.id, "Hello", links);
    await moveThrough(db(), recruiter, application.id, "applied", ["offer", "hired"]);
    const [kase] = await casesOf(db(), application.id);
    const anonymousPages = ["/signup", "/login", "/check-email?email=priya%40example.test", "/verify-email?token=not-a-token", "/forgot-password", `/positions/${position.id}`];
    const talentPages = [
      "/profile", "/my", "/my/recommendations?kind=occupations", "/my/recommendations?kind=positions", "/my/gaps", "/my/programmes",
      `/positions/${position.id}`, `/applications/${application.id}`, "/phd", `/work-permits/${kase!.id}`, "/account",
      "/search?q=bioinformatics&kind=positions&openToOverseas=true",
    ];
    // What companies and people typed (titles, cities, names) is shown as written: user data, not the portal's text.
    const typed = await db().select({ title: t.positions.title, city: t.positions.city, description: t.positions.description }).from(t.positions);
    const names = await db().select({ name: t.users.displayName }).from(t.users);
    const userData = [...typed.flatMap((p) => [p.title, p.city, p.description]), ...names.map((n) => n.name)].filter((v) => CJK.test(v)).sort((a, b) => b.length - a.length);
    const problems: string[] = [];
    for (const [who, pages] of [[null, anonymousPages], [viewer, talentPages]] as const) {
      for (const url of pages) {
        const page = await call(who, url);
        // A link with a bad token answers 400 with a page that says so.
        if (page.status >= 300 && !url.includes("not-a-token")) problems.push(`${url}: status ${page.status}`);
        const chinese = chineseIn(page.body, userData);
        if (chinese.length > 0) problems.push(`${url}: ${chinese.join(" | ")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the check itself finds Chinese that is not marked as such", () => {
    expect(chineseIn('<body><p>Hello 你好</p><form method="post" action="/locale"><button>中文</button></form></body>')).toHaveLength(2);
    expect(chineseIn('<body><p lang="zh-Hant-TW">生技研發</p><form method="post" action="/locale"><button>中文</button></form></body>')).toEqual([]);
  });
});


