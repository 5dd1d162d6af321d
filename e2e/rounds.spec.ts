// The quota stage of a PhD programme round (issue 6, items 1 and 2), through the pages people use: the
// programme officer creates a round with its calendar and opens it; the demo training unit submits its
// plan; the officer returns it with a reason; the unit fixes and resubmits it; the officer marks it
// complete and assigns the demo reviewer, who scores it; the officer allocates a quota and publishes;
// the unit is mailed and the public results page shows the quota.
//
// Only logging in goes over HTTP (account-steps.ts). Every page visited is checked with axe.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { logInOverHttp, statusConsoleLine, type Account } from "./account-steps";
import { expect, pathOf, test } from "./fixtures";
import { mailSubjects } from "./mail";

const officer: Account = { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD };
const unitStaff: Account = { name: "unit", email: "demo.unit@example.test", password: DEMO_PASSWORD };
const reviewer: Account = { name: "reviewer", email: "demo.reviewer@example.test", password: DEMO_PASSWORD };
const unitName = "示範生醫研究院";

async function switchTo(page: Page, baseURL: string, account: Account) {
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL, account);
}

/** A datetime-local value in Taipei time, `days` from now. */
const taipeiLocal = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);

test("a round's quota stage end to end: created and opened, a plan returned and resubmitted, scored, allocated and published", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
  test.setTimeout(120_000);
  // Refusals answer 400 (a return without a reason, a score out of range) and 409 (over the total quota).
  allowConsoleError(statusConsoleLine(400));
  allowConsoleError(statusConsoleLine(409));
  const base = baseURL!;
  // Other specs may make rounds of their own in this portal: a year of this test's own.
  const year = 2040 + Math.floor(Math.random() * 60);
  const title = `${year} 年度博士級人才培訓梯次`;
  const main = page.getByRole("main");

  // 1. The officer creates the round with its calendar and opens it.
  await switchTo(page, base, officer);
  await page.goto("/account");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "我的帳號" }).getByRole("link", { name: "培訓計畫梯次" }).click();
  await expect(page).toHaveURL("/office/rounds");
  await expectAccessible(page);
  await page.getByLabel("年度", { exact: true }).fill(String(year));
  await page.getByLabel("中文名稱", { exact: true }).fill(title);
  await page.getByLabel("英文名稱", { exact: true }).fill(`${year} PhD training round`);
  await page.getByLabel("總員額", { exact: true }).fill("20");
  await expect(page.getByLabel("每月工作酬金（新臺幣）")).toHaveValue("56650");
  const steps = ["培訓單位申請截止", "員額審查截止", "博士級人才開放報名", "志願選填截止", "面試截止", "培訓單位排序截止", "媒合作業", "公告錄取名單", "報到截止"];
  // A date out of order is refused beside it.
  for (const [i, label] of steps.entries()) await page.getByLabel(label, { exact: true }).fill(taipeiLocal(2 + i));
  await page.getByLabel("員額審查截止", { exact: true }).fill(taipeiLocal(1));
  await page.getByLabel("培訓開始日").fill(taipeiLocal(40).slice(0, 10));
  await page.getByRole("button", { name: "建立梯次草稿" }).click();
  await expect(main.getByText("時間不可早於上一個項目。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("員額審查截止", { exact: true }).fill(taipeiLocal(3));
  await page.getByRole("button", { name: "建立梯次草稿" }).click();
  await expect(page).toHaveURL(/\/office\/rounds\/[0-9a-f-]{36}$/);
  const roundPath = new URL(page.url()).pathname;
  const roundId = roundPath.split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("NT$56,650／月")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "開放梯次" }).click();
  await expect(main.getByRole("status")).toHaveText("梯次已開放，培訓單位現在可以申請。");
  await expectAccessible(page);

  // 2. The demo unit submits its plan.
  await switchTo(page, base, unitStaff);
  await page.goto("/unit/rounds");
  await expectAccessible(page);
  const roundCard = main.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await roundCard.getByRole("link", { name: unitName }).click();
  await expect(page).toHaveURL(new RegExp(`/unit/rounds/${roundId}\\?unit=[0-9a-f-]{36}$`));
  const unitPath = pathOf(page.url());
  await expectAccessible(page);
  await page.getByLabel("藥品").check();
  await page.getByLabel("培訓計畫內容（中文）").fill("新藥開發在職實戰訓練，結合臨床前研究與法規科學。");
  await page.getByLabel("培訓課程").fill("法規科學、臨床試驗設計、專利布局");
  await page.getByLabel("申請員額").fill("4");
  await page.getByLabel("合作夥伴 1").fill("示範生技製藥股份有限公司");
  await page.getByRole("button", { name: "送出申請" }).click();
  await expect(main.getByRole("status")).toHaveText("已送出申請，專案辦公室將進行文件審查。");
  await expect(main.getByText("已送出，待文件審查")).toBeVisible();
  await expectAccessible(page);

  // 3. The officer returns it with a reason (a return without one is refused beside the field).
  await switchTo(page, base, officer);
  await page.goto(roundPath);
  await expectAccessible(page);
  await main.getByRole("link", { name: unitName }).click();
  await expect(page).toHaveURL(/\/office\/quota-applications\/[0-9a-f-]{36}$/);
  const quotaPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  await page.getByRole("button", { name: "退回補正" }).click();
  await expect(main.getByText("退回時請說明原因，讓申請者知道要補正什麼。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("退回原因").fill("請補充醫學中心實習合作夥伴。");
  await page.getByRole("button", { name: "退回補正" }).click();
  // Two notices: that it was returned, and the reason the unit will read.
  await expect(main.getByRole("status").filter({ hasText: "已退回，並寄信通知培訓單位。" })).toBeVisible();
  await expect(main.getByRole("status").filter({ hasText: "退回原因：請補充醫學中心實習合作夥伴。" })).toBeVisible();
  await expectAccessible(page);

  // 4. The unit reads the reason, fixes the plan and resubmits.
  await switchTo(page, base, unitStaff);
  await page.goto(unitPath);
  await expect(main.getByText("退回原因：請補充醫學中心實習合作夥伴。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("合作夥伴 2").fill("示範醫學中心");
  await page.getByRole("listitem").filter({ has: page.getByLabel("合作夥伴 2") }).getByLabel("醫學中心").check();
  await page.getByRole("button", { name: "送出申請" }).click();
  await expect(main.getByRole("status")).toHaveText("已送出申請，專案辦公室將進行文件審查。");
  await expectAccessible(page);

  // 5. The officer marks it complete and assigns the demo reviewer.
  await switchTo(page, base, officer);
  await page.goto(quotaPath);
  await expectAccessible(page);
  await page.getByRole("button", { name: "文件齊全" }).click();
  await expect(main.getByRole("status")).toHaveText("已標示文件齊全。");
  await expectAccessible(page);
  await page.goto(roundPath);
  await expectAccessible(page);
  await page.getByLabel(`指派審查委員給「${unitName}」`).selectOption({ label: "示範審查 黃教授" });
  await page.getByRole("button", { name: "指派", exact: true }).click();
  await expect(main.getByText("示範審查 黃教授 · 待評分")).toBeVisible();
  await expectAccessible(page);

  // 6. The reviewer sees the assignment and scores it (a score over the maximum is refused beside it).
  await switchTo(page, base, reviewer);
  await page.goto("/review");
  await expectAccessible(page);
  await main.getByRole("row").filter({ hasText: title }).getByRole("link", { name: unitName }).click();
  await expect(page).toHaveURL(/\/review\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await page.getByLabel("培訓計畫完整性與可行性（0–10 分）").fill("11");
  await page.getByLabel("業界實習安排（合作廠商、醫學中心）（0–10 分）").fill("8");
  await page.getByLabel("就業輔導規劃（0–10 分）").fill("7");
  await page.getByLabel("培訓單位能量與過往績效（0–10 分）").fill("6");
  await page.getByLabel("審查意見").fill("實習安排完整。");
  await page.getByRole("button", { name: "送出評分" }).click();
  await expect(main.getByText("分數須是 0 到這個項目滿分之間的整數。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("培訓計畫完整性與可行性（0–10 分）").fill("9");
  await page.getByRole("button", { name: "送出評分" }).click();
  await expect(main.getByRole("status")).toHaveText("已送出評分。");
  await expectAccessible(page);

  // 7. The officer sees the weighted total, allocates a quota and publishes.
  await switchTo(page, base, officer);
  await page.goto(roundPath);
  // (9×30 + 8×30 + 7×25 + 6×15) / 10 = 77.5 out of 100.
  await expect(main.getByText("77.5（1 位委員）")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(`「${unitName}」的核配員額`).fill("21");
  await page.getByRole("button", { name: "記錄" }).click();
  await expect(main.getByText("超過本梯次的總員額：最多還能核配 20 名。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(`「${unitName}」的核配員額`).fill("3");
  await page.getByRole("button", { name: "記錄" }).click();
  await expect(main.getByText("已記錄核配員額。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "公告結果" }).click();
  await expect(main.getByRole("status")).toHaveText("已公告結果並通知培訓單位。");
  await expectAccessible(page);
  expect(await mailSubjects(page, unitStaff.email)).toContain(`「${title}」員額審查結果公告`);

  // 8. Anyone reads the published quota.
  await page.context().clearCookies();
  await page.goto(`/programmes/phd/rounds/${year}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const results = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "核配員額" }) });
  await expect(results.getByRole("row").filter({ hasText: unitName })).toContainText("藥品");
  await expect(results.getByRole("row").filter({ hasText: unitName }).getByRole("cell").last()).toHaveText("3");
  await expectAccessible(page);
});
