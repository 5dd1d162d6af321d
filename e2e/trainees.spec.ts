// PhD trainees' applications and units' rankings (issue 6, items 3 and 4), through the pages people
// use: a talent confirms eligibility with a PDF, lists three units, puts them in order with the keyboard
// (Move up / Move down), submits and reads the receipt; the demo unit sees the applicant, schedules an
// interview and submits its ranking; the officer enters the innovation score by a CSV import (a file with
// a bad row is refused whole, with a report). The round and its published quotas are set up over HTTP through
// the office's and units' pages (trainee-steps.ts). Every page visited is checked with axe.
import type { Locator, Page } from "@playwright/test";
import { tinyPdf } from "../test/support/tiny-pdf";
import { createConfirmedAccount, logInOverHttp, statusConsoleLine, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { demoOfficer, demoUnitStaff, roundOpenForTrainees } from "./trainee-steps";

async function switchTo(page: Page, baseURL: string, account: Account) {
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL, account);
}

/** The names of the units on the list, in order. */
async function listed(list: Locator): Promise<string[]> {
  return list.locator("li").locator("span.font-medium").allTextContents();
}

test("a talent ranks three units with the keyboard and gets a receipt; the unit interviews and ranks the applicant; the office imports scores", async ({ page, baseURL, playwright, expectAccessible, allowConsoleError }) => {
  test.setTimeout(240_000);
  // The interview that ends before it starts and the CSV file with a bad row are refused with a 400.
  allowConsoleError(statusConsoleLine(400));
  const base = baseURL!;
  const round = await roundOpenForTrainees(() => playwright.request.newContext({ baseURL: base }), base);
  const [first, second, third] = round.units.map((u) => u.name);
  const main = page.getByRole("main");

  // 1. A talent finds the programme from the account menu and confirms eligibility with a PDF.
  const talent = await createConfirmedAccount(page, base, "talent", "phd");
  await logInOverHttp(page, base, talent);
  await page.goto("/account");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "我的帳號" }).getByRole("link", { name: "博士級人才申請" }).click();
  await expect(page).toHaveURL("/phd");
  await expectAccessible(page);
  await page.goto(`/phd?round=${round.id}`);
  await expect(main.getByRole("heading", { name: round.title })).toBeVisible();
  await expect(main.getByText("請先儲存申請資格，再排序志願。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("已取得博士學位").check();
  await page.getByLabel("日期", { exact: true }).fill("2024-06-30");
  await page.getByLabel("證明文件（PDF）").setInputFiles({ name: "diploma.pdf", mimeType: "application/pdf", buffer: tinyPdf("PhD diploma") });
  await page.getByRole("button", { name: "開始申請" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已儲存資格與證明文件。" })).toBeVisible();
  await expect(main.getByRole("link", { name: /diploma\.pdf/ })).toBeVisible();
  await expectAccessible(page);

  // 2. Three units added in the order third, second, first, then put in order with the keyboard.
  const list = main.getByRole("group", { name: "您的志願（依序）" }).getByRole("list");
  for (const name of [third, second, first]) {
    await page.getByLabel("加入培訓單位").selectOption({ label: name! });
    await page.getByRole("button", { name: "加入", exact: true }).click();
  }
  await expect.poll(() => listed(list)).toEqual([third, second, first]);
  await expect(main.getByText("已達 3 個志願的上限。")).toBeVisible();
  // first: place 3 → 1 with two presses of Move up; focus stays on its button as it moves.
  await page.getByRole("button", { name: `上移「${first}」` }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => listed(list)).toEqual([third, first, second]);
  await expect(page.getByRole("button", { name: `上移「${first}」` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => listed(list)).toEqual([first, third, second]);
  // At the top Move up is disabled, so focus moved to its Move down.
  await expect(page.getByRole("button", { name: `下移「${first}」` })).toBeFocused();
  // third: place 2 → 3 with Move down (Space works as well as Enter).
  await page.getByRole("button", { name: `下移「${third}」` }).focus();
  await page.keyboard.press("Space");
  await expect.poll(() => listed(list)).toEqual([first, second, third]);
  await expect(main.getByText(`「${third}」移到第 3 位。`)).toBeAttached();
  await expectAccessible(page);
  await page.getByRole("button", { name: "送出志願" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已送出志願，收據編號為第 2 版。" })).toBeVisible();
  await expect.poll(() => listed(main.getByRole("group", { name: "您的志願（依序）" }).getByRole("list"))).toEqual([first, second, third]);
  await expectAccessible(page);

  // 3. The receipt shows exactly what was submitted.
  await main.getByRole("link", { name: "查看收據" }).click();
  await expect(page).toHaveURL(/\/phd\/receipts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("志願選填收據");
  await expect(main.getByText(talent.email)).toBeVisible();
  await expect(main.getByText("第 2 版")).toBeVisible();
  const receiptRows = main.getByRole("table").getByRole("row");
  await expect(receiptRows).toHaveCount(4);
  for (const [i, name] of [first, second, third].entries()) await expect(receiptRows.nth(i + 1)).toHaveText(`第 ${i + 1} 志願${name}`);
  await expectAccessible(page);

  // 4. The demo unit (listed first) sees the applicant from its round page, schedules an interview and ranks them.
  await switchTo(page, base, demoUnitStaff);
  const unitId = round.units[0]!.organisationId;
  await page.goto(`/unit/rounds/${round.id}?unit=${unitId}`);
  await expectAccessible(page);
  await main.getByRole("link", { name: "查看申請者、安排面試與排序" }).click();
  await expect(page).toHaveURL(`/unit/rounds/${round.id}/applicants?unit=${unitId}`);
  const card = main.getByRole("listitem").filter({ has: page.getByRole("heading", { name: talent.name }) });
  await expect(card).toContainText("已取得博士學位");
  await expect(card).toContainText("尚未安排");
  await expectAccessible(page);
  const slot = new Date(round.opensAt.getTime() + 26 * 3_600_000);
  const local = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  await card.getByLabel("開始時間").fill(local(slot));
  await card.getByLabel("結束時間").fill(local(new Date(slot.getTime() - 3_600_000)));
  await card.getByLabel("地點").fill("示範生醫研究院 3 樓會議室");
  await card.getByRole("button", { name: "安排面試" }).click();
  await expect(card.getByText("結束時間須晚於開始時間。")).toBeVisible();
  await expectAccessible(page);
  await card.getByLabel("結束時間").fill(local(new Date(slot.getTime() + 3_600_000)));
  await card.getByRole("button", { name: "安排面試" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已安排面試。" })).toBeVisible();
  await expect(card).toContainText("示範生醫研究院 3 樓會議室");
  await expect(card).toContainText("已安排");
  await expectAccessible(page);
  await page.getByLabel("加入申請者").selectOption({ label: talent.name });
  await page.getByRole("button", { name: "加入", exact: true }).click();
  await page.getByRole("button", { name: "送出排序" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已送出排序（第 1 版）。" })).toBeVisible();
  await expect(main.getByRole("group", { name: "貴單位的排序" })).toContainText(`第 1 位${talent.name}`);
  await expectAccessible(page);

  // 5. The officer imports innovation scores: a file with a bad row imports nothing and reports it.
  await switchTo(page, base, demoOfficer);
  await page.goto(`/office/rounds/${round.id}`);
  await expectAccessible(page);
  await main.getByRole("link", { name: "博士級人才申請與創新測評" }).click();
  await expect(page).toHaveURL(`/office/rounds/${round.id}/trainees`);
  const row = main.getByRole("row").filter({ hasText: talent.email });
  await expect(row).toContainText("已送出");
  await expectAccessible(page);
  const csv = (text: string) => ({ name: "scores.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await page.getByLabel("CSV 檔").setInputFiles(csv(`email,score\n${talent.email},88.5\nnobody@example.com,70\n`));
  await page.getByRole("button", { name: "匯入" }).click();
  await expect(main.getByRole("alert").getByText("未匯入：1 列有問題")).toBeVisible();
  await expect(main.getByRole("cell", { name: "本梯次沒有這份申請。" })).toBeVisible();
  await expect(main.getByRole("link", { name: "下載問題列報告（CSV）" })).toHaveAttribute("download", "innovation-scores-rejected.csv");
  await expect(page.getByLabel(`${talent.name} 的創新測評分數`)).toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("CSV 檔").setInputFiles(csv(`${talent.email},88.5\n`));
  await page.getByRole("button", { name: "匯入" }).click();
  await expect(main.getByText("已匯入 1 筆分數。")).toBeVisible();
  await expect(page.getByLabel(`${talent.name} 的創新測評分數`)).toHaveValue("88.5");
  await expectAccessible(page);
});
