// Issue #8's flow: a survey link is answered and the KPI page changes. A talent completes the demo
// unit's course (a catalogue programme of its own, named by the test's tag), the office sends the due
// survey links and reads the course's row on its KPI page (industry employment 0 %, response 0 %,
// internship share —), the completer answers the mailed link with an industry job, and the office's
// KPI page now shows 100 % for both and the 2/3 target met.
import type { Page } from "@playwright/test";
import { createConfirmedAccount } from "./account-steps";
import { expect, test } from "./fixtures";
import { answerIndustryJob, archiveCourse, completeDemoCourse, demoOfficer, openMailedSurvey, sendDueSurveyLinks, switchTo, tagOf } from "./outcome-survey-steps";

/**
 * From any office page, the KPI page by the header's link, grouped by programme and filtered to one
 * programme in the filter form.
 */
async function openProgrammeKpis(page: Page, programmeTitle: string, expectAccessible: (page: Page) => Promise<void>) {
  await page.getByRole("navigation", { name: "我的帳號" }).getByRole("link", { name: "成果指標", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("計畫成果指標（KPI）");
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "分組方式" }).selectOption({ label: "依計畫" });
  await page.getByRole("combobox", { name: "計畫", exact: true }).selectOption({ label: programmeTitle });
  await page.getByRole("button", { name: "套用篩選" }).click();
  await expect(page).toHaveURL(/groupBy=programme&.*programme=[0-9a-f-]{36}/);
}

/** The text of the cell in the KPI table's row for rowLabel under the column headed header. */
async function figure(page: Page, rowLabel: string, header: string): Promise<string> {
  const table = page.getByRole("table", { name: "各組成果指標" });
  const headers = await table.locator("thead th").allInnerTexts();
  const column = headers.findIndex((h) => h.trim() === header);
  expect(column, `no column ${header} in ${headers.join(" | ")}`).toBeGreaterThan(0);
  const row = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: rowLabel, exact: true }) });
  await expect(row).toHaveCount(1);
  return (await row.locator("th, td").nth(column).innerText()).trim();
}

test("a survey link is answered and the office's KPI page changes", async ({ page, baseURL, expectAccessible }) => {
  test.setTimeout(150_000);
  const base = baseURL!;
  const talent = await createConfirmedAccount(page, base, "talent", "kpi-survey-talent");
  const tag = tagOf(talent);
  const { key, titleZh } = await completeDemoCourse(page, base, talent, tag);

  // The office sends the due links, then reads the course's KPIs: one completer, no answer yet.
  await switchTo(page, base, demoOfficer);
  await page.goto("/office/outcomes?state=due");
  await expect(page.getByRole("row").filter({ hasText: talent.email })).toContainText("未寄出");
  await expectAccessible(page);
  await sendDueSurveyLinks(page);
  await expectAccessible(page);
  await openProgrammeKpis(page, titleZh, expectAccessible);
  expect(await figure(page, titleZh, "結訓人數")).toBe("1");
  expect(await figure(page, titleZh, "產業就業率（%）")).toBe("0");
  expect(await figure(page, titleZh, "問卷回覆率（%）")).toBe("0");
  expect(await figure(page, titleZh, "達 2/3 目標")).toBe("否");
  expect(await figure(page, titleZh, "實習滿 6 個月（%）")).toBe("—");
  await expectAccessible(page);

  // The completer answers the mailed link without logging in: an industry job.
  await openMailedSurvey(page, base, talent);
  await expectAccessible(page);
  await answerIndustryJob(page, `KPI 追蹤生技 ${tag}`);
  await expectAccessible(page);

  // The office's KPI page now counts the answer.
  await switchTo(page, base, demoOfficer);
  await page.goto("/office/outcomes?state=recorded");
  await expect(page.getByRole("row").filter({ hasText: talent.email })).toContainText(`KPI 追蹤生技 ${tag}`);
  await expectAccessible(page);
  await openProgrammeKpis(page, titleZh, expectAccessible);
  expect(await figure(page, titleZh, "產業就業率（%）")).toBe("100");
  expect(await figure(page, titleZh, "問卷回覆率（%）")).toBe("100");
  expect(await figure(page, titleZh, "達 2/3 目標")).toBe("是");
  await expectAccessible(page);
  await archiveCourse(page, base, key);
});
