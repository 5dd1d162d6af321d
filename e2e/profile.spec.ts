// The talent profile: a new talent fills it in with the keyboard-friendly tables, saves, sees it kept,
// and a degree row left half-filled is refused beside the field.
import { expect, test } from "./fixtures";
import { createConfirmedAccount, logInOverHttp } from "./account-steps";

test.describe("talent profile", () => {
  test("a talent fills in the profile, saves it, and finds it kept", async ({ page, baseURL, expectAccessible }) => {
    const talent = await createConfirmedAccount(page, baseURL!, "talent", "profile");
    await logInOverHttp(page, baseURL!, talent);
    await page.goto("/account");
    await expectAccessible(page);
    await page.getByRole("link", { name: "我的人才資料" }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expectAccessible(page);

    await page.getByLabel(/一句話介紹/).fill("生物資訊博士，擅長基因體資料分析");
    await page.getByLabel("工作年資（年）").fill("3");
    await page.getByLabel(/公開給已核准的企業/).check();
    await page.getByRole("group", { name: "學歷 1" }).getByLabel("學位").selectOption("phd");
    await page.getByRole("group", { name: "學歷 1" }).getByLabel("學類").selectOption("05124");
    await page.getByRole("group", { name: "學歷 1" }).getByLabel("學校").fill("示範大學");
    await page.getByRole("group", { name: "學歷 1" }).getByLabel(/年份/).fill("2024");
    await page.getByLabel("數據/統計分析").selectOption("4");
    await page.getByRole("button", { name: "儲存資料" }).click();

    await expect(page.getByRole("status")).toContainText("已儲存");
    await page.reload();
    await expect(page.getByLabel(/一句話介紹/)).toHaveValue("生物資訊博士，擅長基因體資料分析");
    await expect(page.getByLabel("數據/統計分析")).toHaveValue("4");
    await expect(page.getByRole("group", { name: "學歷 1" }).getByLabel("學類")).toHaveValue("05124");
    await expectAccessible(page);
  });

  test("a degree without its field, institution and year is refused beside it", async ({ page, baseURL, expectAccessible }) => {
    const talent = await createConfirmedAccount(page, baseURL!, "talent", "profile-refused");
    await logInOverHttp(page, baseURL!, talent);
    await page.goto("/profile");
    await page.getByLabel("工作年資（年）").fill("1");
    await page.getByRole("group", { name: "學歷 2" }).getByLabel("學位").selectOption("master");
    await page.getByRole("button", { name: "儲存資料" }).click();
    await expect(page.getByRole("group", { name: "學歷 2" })).toContainText("有選學位的列，請填學類、學校與年份。");
    await expect(page.getByRole("status")).toHaveCount(0);
    await expectAccessible(page);
  });
});
