// Steps shared by the specs that follow a course completer's employment outcome: the demo unit's
// course with a completer (set up over HTTP), the office sending the due survey links, and the
// completer answering the mailed link without logging in. Used by outcome-survey.spec.ts and
// kpi-survey.spec.ts; every name is made unique by the caller's tag, since specs share one portal.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { logInOverHttp, type Account } from "./account-steps";
import { expect } from "./fixtures";
import { latestLink } from "./mail";

export const demoUnitStaff: Account = { name: "示範培訓 張助理", email: "demo.unit@example.test", password: DEMO_PASSWORD };
export const demoOfficer: Account = { name: "示範計畫辦公室 周專員", email: "demo.officer@example.test", password: DEMO_PASSWORD };

/** Signs out (clears cookies) and, unless account is null, signs in as account. */
export async function switchTo(page: Page, baseURL: string, account: Account | null) {
  await page.context().clearCookies();
  if (account) await logInOverHttp(page, baseURL, account);
}

/** Posts a form as the current user and expects a redirect; returns its Location. */
export async function postForm(page: Page, baseURL: string, path: string, form: Record<string, string>): Promise<string> {
  const response = await page.request.post(path, { form, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  expect(response.status(), `${path} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`).toBe(302);
  return response.headers()["location"] ?? "";
}

/** The tag that makes a test's names unique: the random part of the talent's e-mail address. */
export const tagOf = (account: Account) => account.email.split("-").at(-1)!.split("@")[0]!;

/**
 * The demo unit publishes a course with a cohort, the talent enrols, and the unit marks the enrolment
 * completed. Leaves the page signed in as the unit's staff; returns the course's titles and key.
 */
export async function completeDemoCourse(page: Page, baseURL: string, talent: Account, tag: string) {
  const titleZh = `就業追蹤課程 ${tag}`;
  await switchTo(page, baseURL, demoUnitStaff);
  const form = await (await page.request.get("/catalogue/new")).text();
  const unitId = /name="organisationId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(form)![1]!;
  const skill = /<option value="([a-z0-9-]+:3)"/.exec(form)![1]!;
  const saved = await postForm(page, baseURL, "/catalogue/new", {
    organisationId: unitId, type: "industry_course", providerZh: "示範生醫研究院", providerEn: "Demo Institute", titleZh, titleEn: `Outcome course ${tag}`,
    summaryZh: "結訓後追蹤就業情形的課程。", summaryEn: "A course whose completers are followed up.", language: "zh", feeNtd: "1000", "skills[0]": skill,
  });
  const key = /\/catalogue\/([a-z0-9-]+)\/edit/.exec(saved)![1]!;
  await postForm(page, baseURL, `/catalogue/${key}/edit`, { intent: "publish" });
  const cohortPath = await postForm(page, baseURL, `/catalogue/${key}/edit`, { intent: "cohort", name: `追蹤班 ${tag}`, startsOn: "2026-01-05", endsOn: "2026-03-31", capacity: "5" });
  const cohortId = /cohorts\/([0-9a-f-]{36})/.exec(cohortPath)![1]!;
  await switchTo(page, baseURL, talent);
  await postForm(page, baseURL, `/programmes/${key}`, { intent: "enrol", cohortId });
  await switchTo(page, baseURL, demoUnitStaff);
  const roster = await (await page.request.get(new URL(cohortPath, baseURL).pathname)).text();
  const enrolmentId = /name="enrolmentId" value="([0-9a-f-]{36})"/.exec(roster)![1]!;
  await postForm(page, baseURL, new URL(cohortPath, baseURL).pathname, { intent: "complete", enrolmentId });
  return { key, titleZh };
}

/**
 * The demo unit archives the course: the specs share one portal and others count the seeded
 * programmes (an archived course leaves the public list; its completers' outcomes stay).
 */
export async function archiveCourse(page: Page, baseURL: string, key: string) {
  await switchTo(page, baseURL, demoUnitStaff);
  await postForm(page, baseURL, `/catalogue/${key}/edit`, { intent: "archive" });
}

/** On /office/outcomes (signed in as the office), sends the due survey links now. */
export async function sendDueSurveyLinks(page: Page) {
  await page.getByRole("button", { name: "立即寄出到期的調查連結" }).click();
  await expect(page.getByRole("status")).toContainText("已寄出");
}

/** Signed out, opens the survey link mailed to the talent and returns it. */
export async function openMailedSurvey(page: Page, baseURL: string, talent: Account): Promise<string> {
  await switchTo(page, baseURL, null);
  const link = await latestLink(page, talent.email, "/outcome-survey/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("就業情形調查");
  return link;
}

/** Fills the open survey with an industry job at employer and sends it. */
export async function answerIndustryJob(page: Page, employer: string) {
  await page.getByLabel("就業狀態").selectOption({ label: "產業界就業" });
  await page.getByLabel("任職單位").fill(employer);
  await page.getByLabel("職務類別").selectOption({ index: 1 });
  await page.getByLabel("月薪級距").selectOption({ label: "6–8 萬元" });
  await page.getByRole("button", { name: "送出" }).click();
  await expect(page).toHaveURL(/\?answered=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("感謝您的填答");
}
