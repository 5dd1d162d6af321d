// Employment outcomes end to end: a talent completes a course the demo unit runs (set up over HTTP, as
// the subject is what follows), the programme office sends the due survey links, the completer finds the
// survey in /dev/mail, answers it without logging in, the link is then used up, and the office's
// follow-up list shows the answer.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, statusConsoleLine, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { latestLink } from "./mail";

const staff: Account = { name: "示範培訓 張助理", email: "demo.unit@example.test", password: DEMO_PASSWORD };
const officer: Account = { name: "示範計畫辦公室 周專員", email: "demo.officer@example.test", password: DEMO_PASSWORD };

async function switchTo(page: Page, baseURL: string, account: Account | null) {
  await page.context().clearCookies();
  if (account) await logInOverHttp(page, baseURL, account);
}

async function post(page: Page, baseURL: string, path: string, form: Record<string, string>): Promise<string> {
  const response = await page.request.post(path, { form, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  expect(response.status(), `${path} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`).toBe(302);
  return response.headers()["location"] ?? "";
}

test("a completer answers the mailed survey once and the office sees the answer", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const talent = await createConfirmedAccount(page, base, "talent", "outcome-talent");
  const tag = talent.email.split("-").at(-1)!.split("@")[0]!;
  const employer = `就業追蹤生技 ${tag}`;

  // The demo unit's course, published with a cohort; the talent enrols and the unit marks completion.
  await switchTo(page, base, staff);
  const form = await (await page.request.get("/catalogue/new")).text();
  const unitId = /name="organisationId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(form)![1]!;
  const skill = /<option value="([a-z0-9-]+:3)"/.exec(form)![1]!;
  const saved = await post(page, base, "/catalogue/new", {
    organisationId: unitId, type: "industry_course", providerZh: "示範生醫研究院", providerEn: "Demo Institute", titleZh: `就業追蹤課程 ${tag}`, titleEn: `Outcome course ${tag}`,
    summaryZh: "結訓後追蹤就業情形的課程。", summaryEn: "A course whose completers are followed up.", language: "zh", feeNtd: "1000", "skills[0]": skill,
  });
  const key = /\/catalogue\/([a-z0-9-]+)\/edit/.exec(saved)![1]!;
  await post(page, base, `/catalogue/${key}/edit`, { intent: "publish" });
  const cohortPath = await post(page, base, `/catalogue/${key}/edit`, { intent: "cohort", name: `追蹤班 ${tag}`, startsOn: "2026-01-05", endsOn: "2026-03-31", capacity: "5" });
  const cohortId = /cohorts\/([0-9a-f-]{36})/.exec(cohortPath)![1]!;
  await switchTo(page, base, talent);
  await post(page, base, `/programmes/${key}`, { intent: "enrol", cohortId });
  await switchTo(page, base, staff);
  const roster = await (await page.request.get(new URL(cohortPath, base).pathname)).text();
  const enrolmentId = /name="enrolmentId" value="([0-9a-f-]{36})"/.exec(roster)![1]!;
  await post(page, base, new URL(cohortPath, base).pathname, { intent: "complete", enrolmentId });

  // The office sends the due survey links now (the server also does it hourly).
  await switchTo(page, base, officer);
  await page.goto("/office/outcomes?state=due");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("結訓學員就業追蹤");
  await expect(page.getByRole("row").filter({ hasText: talent.email })).toContainText("未寄出");
  await expectAccessible(page);
  await page.getByRole("button", { name: "立即寄出到期的調查連結" }).click();
  await expect(page.getByRole("status")).toContainText("已寄出");
  await expect(page.getByRole("row").filter({ hasText: talent.email })).toContainText("已寄出");
  await expectAccessible(page);

  // The completer answers without logging in.
  await switchTo(page, base, null);
  const link = await latestLink(page, talent.email, "/outcome-survey/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("就業情形調查");
  await expectAccessible(page);
  // A job without its employer is refused beside the field.
  await page.getByLabel("就業狀態").selectOption({ label: "產業界就業" });
  await page.getByRole("button", { name: "送出" }).click();
  await expect(page.getByText("就業者請填寫任職單位")).toBeVisible();
  await page.getByLabel("任職單位").fill(employer);
  await page.getByLabel("職務類別").selectOption({ index: 1 });
  await page.getByLabel("月薪級距").selectOption({ label: "6–8 萬元" });
  await page.getByRole("button", { name: "送出" }).click();
  await expect(page).toHaveURL(/\?answered=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("感謝您的填答");
  await expectAccessible(page);

  // The link is used up.
  allowConsoleError(statusConsoleLine(410));
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("此連結已使用過");
  await expectAccessible(page);

  // The office's list shows the answer.
  await switchTo(page, base, officer);
  await page.goto("/office/outcomes?state=recorded");
  const row = page.getByRole("row").filter({ hasText: talent.email });
  await expect(row).toContainText(employer);
  await expect(row).toContainText("本人填答");
  await expect(row).toContainText("已填答");
  await expectAccessible(page);
});
