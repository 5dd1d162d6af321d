// Set-up steps for tests whose subject comes after a position is posted: a recruiter with a company the
// demo officer approved, and a published position of it. Like account-steps.ts, they post the forms a
// browser would (with this site's Origin) and visit no page, so they need no accessibility check.
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, newAccount, type Account } from "./account-steps";

type Requester = Page | APIRequestContext;
const requestOf = (from: Requester): APIRequestContext => ("request" in from ? from.request : from);

async function post(from: Requester, baseURL: string, path: string, form: Record<string, string>, expected: number) {
  const response = await requestOf(from).post(path, { form, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  if (response.status() !== expected) throw new Error(`POST ${path} answered ${response.status()}, expected ${expected}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

async function htmlOf(from: Requester, path: string): Promise<string> {
  const response = await requestOf(from).get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}`);
  return response.text();
}

export interface Company {
  recruiter: Account;
  slug: string;
  nameZh: string;
}

/**
 * A recruiter, logged in on `page`, with a company of their own that the demo programme officer has
 * approved (from a request context of its own, so the page keeps the recruiter's session).
 */
export async function recruiterWithApprovedCompany(page: Page, baseURL: string, newContext: () => Promise<APIRequestContext>): Promise<Company> {
  const recruiter = await createConfirmedAccount(page, baseURL, "company_recruiter", "recruiter");
  await logInOverHttp(page, baseURL, recruiter);
  const unique = newAccount("company").email.split("-").at(-1)!.split("@")[0]!;
  const nameZh = `流程測試生技 ${unique}`;
  const created = await post(page, baseURL, "/organisations/new", { kind: "company", nameZh, nameEn: `Pipeline Test ${unique}`, city: "台北市" }, 302);
  const slug = (created.headers()["location"] ?? "").replace(/^\/organisations\//, "");
  await post(page, baseURL, `/organisations/${slug}`, { intent: "submit-for-approval" }, 200);
  const officer = await newContext();
  try {
    await logInOverHttp(officer, baseURL, { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD });
    const queue = await htmlOf(officer, "/office/organisations");
    const organisationId = new RegExp(`href="/organisations/${slug}"[\\s\\S]*?name="organisationId" value="([0-9a-f-]{36})"`).exec(queue)?.[1];
    if (!organisationId) throw new Error(`${slug} is not in the office's approval queue`);
    await post(officer, baseURL, "/office/organisations", { decision: "approve", organisationId, reason: "" }, 200);
  } finally {
    await officer.dispose();
  }
  return { recruiter, slug, nameZh };
}

/** A published position of the logged-in recruiter's only company, from a 2025 survey occupation; returns its id. */
export async function publishedPosition(page: Page, baseURL: string, position: { title: string; headcount: number; skillKeys: string[]; occupationCode?: string; extra?: Record<string, string> }): Promise<string> {
  const occupationPage = await htmlOf(page, `/occupations/precision-health-2025/${position.occupationCode ?? "070207"}`);
  const occupationId = /\/positions\/new\?occupation=([0-9a-f-]{36})/.exec(occupationPage)?.[1];
  if (!occupationId) throw new Error("no link to post a position on the occupation page");
  const newPath = `/positions/new?occupation=${occupationId}`;
  const organisationId = /name="organisationId" value="([0-9a-f-]{36})"/.exec(await htmlOf(page, newPath))?.[1];
  if (!organisationId) throw new Error("the recruiter has no company to post for");
  const created = await post(page, baseURL, newPath, {
    organisationId,
    title: position.title,
    description: "負責新藥研發與數據分析。",
    city: "台北市",
    headcount: String(position.headcount),
    minEducation: "college",
    experience: "under_2",
    workingLanguages: "zh",
    ...Object.fromEntries(position.skillKeys.map((key, i) => [`skillKeys[${i}]`, key])),
    ...position.extra,
  }, 302);
  const positionPath = created.headers()["location"] ?? "";
  const positionId = /^\/positions\/([0-9a-f-]{36})$/.exec(positionPath)?.[1];
  if (!positionId) throw new Error(`creating the position went to ${positionPath}`);
  await post(page, baseURL, positionPath, { intent: "publish" }, 200);
  return positionId;
}
