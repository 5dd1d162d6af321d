// Industry courses end to end: a training unit's staff member (the demo unit's) adds a course to the
// catalogue, publishes it and opens a cohort; a talent enrols from the programme's page; the staff member
// records attendance, marks completion and issues the certificate; the talent downloads the bilingual
// PDF from /my/programmes and opens its public verification page, which says it is valid; the staff
// member then revokes it with a reason, and the page says so.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, type Account } from "./account-steps";
import { expect, test } from "./fixtures";

const staff: Account = { name: "示範培訓 張助理", email: "demo.unit@example.test", password: DEMO_PASSWORD };

async function switchTo(page: Page, baseURL: string, account: Account) {
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL, account);
}

test("a talent enrols in a course, attends, completes it, downloads the certificate and verifies it", async ({ page, baseURL, expectAccessible }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const talent = await createConfirmedAccount(page, base, "talent", "course-talent");
  const tag = talent.email.split("-").at(-1)!.split("@")[0]!;
  const titleZh = `GMP 實務課程 ${tag}`;

  // The unit's staff member adds the course to the catalogue.
  await switchTo(page, base, staff);
  await page.goto("/catalogue");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("課程目錄管理");
  await expectAccessible(page);
  await page.getByRole("link", { name: "新增課程" }).click();
  await expect(page).toHaveURL("/catalogue/new");
  await expectAccessible(page);
  // Saving with nothing taught is refused beside the skills.
  await page.getByLabel("課程名稱（中文）").fill(titleZh);
  await page.getByLabel("課程名稱（英文）").fill(`GMP in practice ${tag}`);
  await page.getByLabel("簡介（中文）").fill("三天的 GMP 製程管理實作課程。");
  await page.getByLabel("簡介（英文）").fill("A three-day hands-on GMP course.");
  await page.getByLabel("費用（新臺幣）").fill("12,000");
  await page.getByRole("button", { name: "儲存草稿" }).click();
  await expect(page.getByText("請至少選擇一項教授的能力")).toBeVisible();
  await expectAccessible(page);
  await page.locator("select[id^=skill-]").first().selectOption({ index: 3 });
  await page.getByRole("button", { name: "儲存草稿" }).click();
  await expect(page).toHaveURL(/\/catalogue\/[a-z0-9-]+\/edit\?saved=1$/);
  const key = /\/catalogue\/([a-z0-9-]+)\/edit/.exec(page.url())![1]!;
  await expect(page.getByText("已儲存。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "發布" }).click();
  await expect(page).toHaveURL(`/catalogue/${key}/edit`);
  await expect(page.getByText("狀態：已發布")).toBeVisible();
  await expectAccessible(page);

  // … and opens a cohort of 10 with an iCAP level.
  await page.getByLabel("梯次名稱").fill("2027 春季班");
  await page.getByLabel("開始日期").fill("2027-03-01");
  await page.getByLabel("結束日期").fill("2027-03-31");
  await page.getByLabel("名額", { exact: true }).fill("10");
  await page.getByLabel("iCAP 職能級別").fill("3");
  await page.getByRole("button", { name: "開設梯次" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalogue/${key}/cohorts/[0-9a-f-]{36}$`));
  const cohortPath = new URL(page.url()).pathname;
  await expect(page.getByText("尚無學員報名。")).toBeVisible();
  await expectAccessible(page);

  // The talent enrols from the programme's public page.
  await switchTo(page, base, talent);
  await page.goto(`/programmes/${key}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleZh);
  await expect(page.getByText("剩餘 10/10 名額")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "報名 2027 春季班" }).click();
  await expect(page.getByText("已報名", { exact: true })).toBeVisible();
  await expect(page.getByText("剩餘 9/10 名額")).toBeVisible();
  await expectAccessible(page);

  // The staff member records a session's attendance, marks completion and issues the certificate.
  await switchTo(page, base, staff);
  await page.goto(cohortPath);
  await expect(page.getByRole("table", { name: "出席紀錄" })).toContainText(talent.name);
  await expectAccessible(page);
  await page.getByLabel("上課日期").fill("2027-03-02");
  await page.getByRole("button", { name: "登錄出席" }).click();
  await expect(page.getByRole("columnheader", { name: "2027-03-02" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(talent.name) }).getByRole("cell", { name: "出席", exact: true })).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("button", { name: `標記 ${talent.name} 結訓` }).click();
  await expect(page.getByRole("row", { name: new RegExp(talent.name) })).toContainText("已結訓");
  await expectAccessible(page);
  await page.getByRole("button", { name: `發給 ${talent.name} 證書` }).click();
  await expect(page.getByRole("link", { name: /證書 PDF（PHT-\d{4}-[0-9A-F]{8}）/ })).toBeVisible();
  await expectAccessible(page);

  // The talent downloads the PDF from their programmes and opens the verification page.
  await switchTo(page, base, talent);
  await page.goto("/my/programmes");
  await expect(page.getByText("已結訓")).toBeVisible();
  await expectAccessible(page);
  const download = page.getByRole("link", { name: /下載結訓證書/ });
  const serial = /（(PHT-[^）]+)）/.exec((await download.textContent()) ?? "")![1]!;
  const pdf = await page.request.get((await download.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await page.getByRole("link", { name: "公開查驗頁面" }).click();
  await expect(page).toHaveURL(/\/certificates\/[A-Za-z0-9_-]+$/);
  const verificationUrl = page.url();
  await expect(page.getByRole("status")).toHaveText("這張證書有效。");
  await expect(page.getByRole("main").getByText(serial)).toBeVisible();
  await expect(page.getByRole("main").getByText(talent.name)).toBeVisible();
  // Nothing personal beyond the display name.
  await expect(page.getByRole("main")).not.toContainText(talent.email);
  await expectAccessible(page);

  // The staff member revokes it with a reason (required): the verification page then says so.
  await switchTo(page, base, staff);
  await page.goto(cohortPath);
  await page.getByText("撤銷證書…").click();
  await page.getByLabel("撤銷原因").fill("出席紀錄登錄錯誤，經查未達結訓標準。");
  await page.getByRole("button", { name: "撤銷這張證書" }).click();
  await expect(page.getByText("證書已撤銷，已通知持有人。")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(talent.name) })).toContainText("已於");
  await expectAccessible(page);
  await page.goto(new URL(verificationUrl).pathname);
  await expect(page.getByRole("status")).toHaveText("這張證書已被撤銷。");

  // The staff member archives the course: the other specs share this portal and count the seeded
  // programmes, and an archived course leaves the public list and search.
  await switchTo(page, base, staff);
  await page.goto(`/catalogue/${key}/edit`);
  await page.getByRole("button", { name: "封存" }).click();
  await expect(page.getByText("狀態：已封存")).toBeVisible();
  await expectAccessible(page);
});
