// Employment outcomes end to end: a talent completes a course the demo unit runs (set up over HTTP, as
// the subject is what follows), the programme office sends the due survey links, the completer finds the
// survey in /dev/mail, answers it without logging in, the link is then used up, and the office's
// follow-up list shows the answer.
import { createConfirmedAccount, statusConsoleLine } from "./account-steps";
import { expect, test } from "./fixtures";
import { answerIndustryJob, archiveCourse, completeDemoCourse, demoOfficer as officer, openMailedSurvey, sendDueSurveyLinks, switchTo, tagOf } from "./outcome-survey-steps";

test("a completer answers the mailed survey once and the office sees the answer", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const talent = await createConfirmedAccount(page, base, "talent", "outcome-talent");
  const tag = tagOf(talent);
  const employer = `就業追蹤生技 ${tag}`;

  // The demo unit's course, published with a cohort; the talent enrols and the unit marks completion.
  const { key } = await completeDemoCourse(page, base, talent, tag);

  // The office sends the due survey links now (the server also does it hourly).
  await switchTo(page, base, officer);
  await page.goto("/office/outcomes?state=due");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("結訓學員就業追蹤");
  await expect(page.getByRole("row").filter({ hasText: talent.email })).toContainText("未寄出");
  await expectAccessible(page);
  await sendDueSurveyLinks(page);
  await expect(page.getByRole("row").filter({ hasText: talent.email })).toContainText("已寄出");
  await expectAccessible(page);

  // The completer answers without logging in.
  const link = await openMailedSurvey(page, base, talent);
  await expectAccessible(page);
  // A job without its employer is refused beside the field.
  await page.getByLabel("就業狀態").selectOption({ label: "產業界就業" });
  await page.getByRole("button", { name: "送出" }).click();
  await expect(page.getByText("就業者請填寫任職單位")).toBeVisible();
  await answerIndustryJob(page, employer);
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
  await archiveCourse(page, base, key);
});
