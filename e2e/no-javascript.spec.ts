// Without JavaScript: the filters are plain GET forms and the language switch a plain POST form.
import { expect, test } from "./fixtures";
import { resultCards, survey2021, survey2025 } from "./helpers";

test.use({ javaScriptEnabled: false });

test.describe("without JavaScript", () => {
  test("the occupation filters work as a GET form, and Back returns to the previous list", async ({ page, expectAccessible }) => {
    await page.goto("/occupations");
    await expect(page.getByRole("status")).toHaveText("共 28 項職缺");
    await expectAccessible(page);

    await page.getByLabel("調查", { exact: true }).selectOption(survey2025);
    await page.getByLabel("招募難易").selectOption("normal");
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=normal`);
    await expect(page.getByRole("status")).toHaveText("共 3 項職缺");
    await expect(resultCards(page)).toHaveCount(3);
    await expect(page.getByLabel("調查", { exact: true })).toHaveValue(survey2025);
    await expect(page.getByLabel("招募難易")).toHaveValue("normal");
    await expectAccessible(page);

    await page.getByLabel("招募難易").selectOption("");
    await page.getByLabel("需海外攬才", { exact: true }).check();
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=&overseas=1`);
    await expect(page.getByRole("status")).toHaveText("共 1 項職缺");
    await expect(resultCards(page).getByRole("heading")).toHaveText(["品管/品保工程師"]);
    await expectAccessible(page);

    await page.goBack();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=normal`);
    await expect(page.getByRole("status")).toHaveText("共 3 項職缺");
    await expectAccessible(page);

    await page.getByLabel("招募難易").selectOption("easy");
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page.getByRole("status")).toHaveText("共 0 項職缺");
    await expect(page.getByText("沒有符合條件的職缺。請放寬篩選條件。")).toBeVisible();
    await expectAccessible(page);
  });

  test("the programme type filter works as a GET form", async ({ page, expectAccessible }) => {
    await page.goto("/programmes");
    await expectAccessible(page);
    await page.getByLabel("類型").selectOption("device_fellowship");
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL("/programmes?type=device_fellowship");
    await expect(page.getByRole("status")).toHaveText("共 1 項計畫");
    await expect(resultCards(page).getByRole("heading")).toHaveText(["醫療器材跨領域人才培訓計畫（STB，Stanford Biodesign）"]);
    await expectAccessible(page);
  });

  test("the language switch works as a POST form and the choice persists", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2021}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2021}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shortage occupations");
    await expect(page.getByRole("status")).toHaveText("15 occupations");
    await expect(resultCards(page).first().getByRole("heading")).toHaveText("Electrical engineering");
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Programmes" }).click();
    await expect(page).toHaveURL("/programmes");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Training programmes");
    await expectAccessible(page);

    await page.getByRole("button", { name: "切換至中文" }).click();
    await expect(page).toHaveURL("/programmes");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("培訓計畫");
    await expectAccessible(page);
  });
});
