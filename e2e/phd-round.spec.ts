// A whole PhD programme round end to end (issue 6): the office, two training units and four trainees.
// Everything before the match goes through the office's, units' and trainees' own pages over HTTP
// (phd-round-steps.ts: the round and its calendar, plans, allocations, eligibility, preferences and
// rankings); from the match on, the browser: the office runs the match, reads the verification report
// and publishes; an applicant reads why they were not placed; a unit sees its admitted trainee and
// waitlist; the admitted trainee declines and the seat goes down the waitlist to the next, who checks
// in; the office sees the move; the unit records an internship and is warned it is under 6 months.
// Every page visited is checked with axe.
import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { logInOverHttp, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { mailSubjects } from "./mail";
import { demoOfficer, roundReadyToMatch } from "./phd-round-steps";

async function switchTo(page: Page, baseURL: string, account: Account) {
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL, account);
}

// Units A (quota 1) and B (quota 1); trainees 1–4.
//   1: A, B   2: A, B   3: B, A   4: B          A ranks 2, 1, 3   B ranks 3, 1, 4
// The match: 2 → A, 3 → B; 1 and 4 unplaced. A's waitlist: 1. B's waitlist: 1, 4.
const plan = {
  quotas: [1, 1],
  preferences: [[0, 1], [0, 1], [1, 0], [1]],
  rankings: [[1, 0, 2], [2, 0, 3]],
};

test("a whole round: the office runs, verifies and publishes the match; applicants see why; a decline moves the waitlist; check-in and training", async ({ page, baseURL, playwright, expectAccessible }) => {
  test.setTimeout(300_000);
  const base = baseURL!;
  const round = await roundReadyToMatch(() => playwright.request.newContext({ baseURL: base }), base, plan);
  const [unitA, unitB] = round.units as [(typeof round.units)[number], (typeof round.units)[number]];
  const [t1, t2] = round.trainees as [Account, Account, ...Account[]];
  const main = page.getByRole("main");

  // 1. The office runs the match once the unit-ranking deadline has passed.
  await switchTo(page, base, demoOfficer);
  await page.goto(`/office/rounds/${round.id}/match`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("媒合作業");
  await expect(main.getByText("尚未執行媒合。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "執行媒合" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已完成第 1 次媒合。" })).toBeVisible();

  // 2. The verification report: every check passed, seats per unit, the stored run with its hash.
  await expect(main.getByRole("heading", { name: "第 1 次媒合的檢核報告" })).toBeVisible();
  await expect(main.getByText("2 位申請人獲配，共 4 位申請人。")).toBeVisible();
  const checks = main.getByRole("table").filter({ hasText: "檢核項目" });
  await expect(checks.getByRole("row")).toHaveCount(3);
  for (const row of await checks.getByRole("row").all()) await expect(row.getByRole("cell")).toHaveText("通過");
  const seats = main.getByRole("table").filter({ hasText: "各單位名額" });
  await expect(seats.getByRole("row").filter({ hasText: unitA.name })).toHaveText(`${unitA.name}1101`);
  await expect(seats.getByRole("row").filter({ hasText: unitB.name })).toHaveText(`${unitB.name}1102`);
  const runs = main.getByRole("table").filter({ hasText: "輸入雜湊（SHA-256）" });
  const hash = (await runs.locator("code").first().textContent())!.trim();
  const input = await page.request.get(await runs.getByRole("link", { name: "第 1 次的輸入 JSON" }).getAttribute("href") ?? "");
  expect(createHash("sha256").update(await input.body()).digest("hex")).toBe(hash);
  await expectAccessible(page);

  // 3. The office publishes: the run can no longer change, and every applicant is mailed.
  await page.getByRole("button", { name: "公告第 1 次媒合結果" }).click();
  await expect(main.getByRole("status").filter({ hasText: "結果已公告。" })).toBeVisible();
  await expect(main.getByText(/第 1 次媒合已於 .+ 公告，不可再更改。/)).toBeVisible();
  await expect(page.getByRole("button", { name: "重新執行媒合" })).toHaveCount(0);
  await expectAccessible(page);
  for (const trainee of round.trainees) expect(await mailSubjects(page, trainee.email)).toContain(`「${round.title}」媒合結果公告`);

  // 4. An applicant without a seat reads why, unit by unit, and their waitlist places.
  await switchTo(page, base, t1);
  await page.goto("/phd/result");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的媒合結果");
  await expect(main.getByText("您未獲任何志願正取。").first()).toBeVisible();
  for (const unit of [unitA, unitB]) {
    await expect(main.getByText(`「${unit.name}」的 1 個名額給了該單位排序在您之前的申請人：您排第 2 位，最後一位錄取者排第 1 位。`)).toBeVisible();
    await expect(main.getByText(`您目前是「${unit.name}」備取第 1 位；名額釋出時會依序通知。`)).toBeVisible();
  }
  await expectAccessible(page);

  // 5. Unit A sees its admitted trainee and its waitlist.
  await switchTo(page, base, unitA.staff);
  await page.goto(`/unit/rounds/${round.id}/match?unit=${unitA.organisationId}`);
  await expect(main.getByText("核配 1 名：錄取 1 名，待回覆的補額邀請 0 件，空缺 0 名。")).toBeVisible();
  await expect(main.getByRole("table").getByRole("row").filter({ hasText: t2.name })).toContainText("正取，待報到媒合正取");
  await expect(main.getByRole("region", { name: "備取名單（依貴單位的排序）" }).getByRole("listitem")).toHaveText([t1.name]);
  await expectAccessible(page);

  // 6. The admitted trainee declines; the seat goes down A's waitlist to trainee 1, who is mailed.
  await switchTo(page, base, t2);
  await page.goto("/phd/result");
  await expect(main.getByText(`您正取「${unitA.name}」（您的第 1 志願）。`)).toBeVisible();
  await expect(main.getByText("您獲配第 1 志願。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "放棄錄取" }).click();
  await expect(main.getByRole("status").filter({ hasText: "您已放棄錄取。" })).toBeVisible();
  await expect(main.getByText(`已放棄：「${unitA.name}」`)).toBeVisible();
  await expectAccessible(page);
  expect(await mailSubjects(page, t1.email)).toContain(`「${round.title}」備取遞補：「${unitA.name}」`);

  // 7. Trainee 1 now holds A's seat and checks in.
  await switchTo(page, base, t1);
  await page.goto("/phd/result");
  await expect(main.getByText(`正取，待報到：「${unitA.name}」`)).toBeVisible();
  await expect(main.getByText("有人放棄名額後，您已依備取順序遞補。")).toBeVisible();
  await expect(main.getByText(`您目前是「${unitB.name}」`)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "報到" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已完成報到。" })).toBeVisible();
  await expect(main.getByText(`已報到：「${unitA.name}」`)).toBeVisible();
  // The stipend for the year from the round's training start: 12 × NT$56,650.
  const stipend = main.getByRole("table").filter({ hasText: "培訓津貼（每月 NT$56,650）" });
  await expect(stipend.getByRole("row")).toHaveCount(14);
  await expect(stipend.getByRole("row").last()).toHaveText("合計NT$679,800");
  await expectAccessible(page);

  // 8. The office sees the seat given up and the move down the waitlist.
  await switchTo(page, base, demoOfficer);
  await page.goto(`/office/rounds/${round.id}/match`);
  const releases = main.getByRole("region", { name: "名額釋出與備取遞補" });
  await expect(releases).toContainText(`${t2.name}放棄錄取`);
  await expect(releases.getByRole("listitem").filter({ hasText: t1.name }).last()).toHaveText(`${t1.name}：原無名額 → ${unitA.name}`);
  await expectAccessible(page);
  await main.getByRole("link", { name: "培訓進度總覽" }).click();
  await expect(page).toHaveURL(`/office/rounds/${round.id}/placements`);
  await expect(main.getByRole("definition").first()).toBeVisible();
  await expectAccessible(page);

  // 9. Unit A records an internship of 3 months and is warned it is under 6.
  await switchTo(page, base, unitA.staff);
  await page.goto(`/unit/rounds/${round.id}/placements?unit=${unitA.organisationId}`);
  const card = main.getByRole("region", { name: t1.name });
  await expect(card).toContainText("已報到");
  await expectAccessible(page);
  const start = await card.getByLabel("開始日").first().inputValue();
  const threeMonths = new Date(`${start}T00:00:00Z`);
  threeMonths.setUTCMonth(threeMonths.getUTCMonth() + 3);
  threeMonths.setUTCDate(threeMonths.getUTCDate() - 1);
  await card.getByLabel("合作廠商或醫學中心").fill("示範醫學中心");
  await card.getByLabel("醫學中心", { exact: true }).check();
  await card.getByLabel("開始日").nth(1).fill(start);
  await card.getByLabel("結束日").nth(1).fill(threeMonths.toISOString().slice(0, 10));
  await card.getByRole("button", { name: "登錄實習" }).click();
  await expect(main.getByRole("status").filter({ hasText: "已登錄實習。" })).toBeVisible();
  await expect(main.getByRole("region", { name: t1.name }).getByText("實習合計 3 個月，未達計畫要求的 6 個月。")).toBeVisible();
  await expectAccessible(page);
});
