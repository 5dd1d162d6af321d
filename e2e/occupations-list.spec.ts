// The shortage-occupation list and its GET filters (with JavaScript: Remix client-side navigation).
import { expect, test } from "./fixtures";
import { exactly, resultCards, survey2021, survey2025 } from "./helpers";

const titles2025Normal = ["通訊系統工程師", "生物科技研發人員", "產品企劃開發人員"];

test.describe("occupation list", () => {
  test("lists the 28 occupations of both surveys and announces the count", async ({ page, expectAccessible }) => {
    await page.goto("/occupations");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("短缺職缺");
    await expect(page.getByRole("status")).toHaveText("共 28 項職缺");
    await expect(resultCards(page)).toHaveCount(28);
    const surveysShown = await resultCards(page).locator("p.text-xs").allInnerTexts();
    expect(surveysShown.filter((s) => s.startsWith("110 年"))).toHaveLength(15);
    expect(surveysShown.filter((s) => s.startsWith("113年"))).toHaveLength(13);
    await expectAccessible(page);
  });

  test("filtering by survey shows 15 occupations for 2021 and 13 for 2025, and the status line follows", async ({ page, expectAccessible }) => {
    await page.goto("/occupations");
    await expectAccessible(page);

    await page.getByLabel("調查", { exact: true }).selectOption(survey2021);
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2021}&difficulty=`);
    await expect(page.getByRole("status")).toHaveText("共 15 項職缺");
    await expect(resultCards(page)).toHaveCount(15);
    await expect(resultCards(page).first().getByRole("heading")).toHaveText("電機工程");
    await expect(resultCards(page).getByRole("link", { name: "生技醫藥", exact: true })).toHaveAttribute(
      "href",
      `/occupations/${survey2021}/070207`,
    );
    await expectAccessible(page);

    await page.getByLabel("調查", { exact: true }).selectOption(survey2025);
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=`);
    await expect(page.getByRole("status")).toHaveText("共 13 項職缺");
    await expect(resultCards(page)).toHaveCount(13);
    await expect(resultCards(page).getByRole("link", { name: "生物科技研發人員", exact: true })).toHaveAttribute(
      "href",
      `/occupations/${survey2025}/070207`,
    );
    await expectAccessible(page);
  });

  test("difficulty and overseas filters combine, the URL holds them, and Back restores the previous list", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2025}`);
    await expect(page.getByRole("status")).toHaveText("共 13 項職缺");
    await expectAccessible(page);

    const difficulty = page.getByLabel("招募難易");
    const overseas = page.getByLabel("需海外攬才", { exact: true });
    const apply = page.getByRole("button", { name: "套用篩選" });

    // 2025 survey, normal difficulty: exactly three occupations.
    await difficulty.selectOption("normal");
    await apply.click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=normal`);
    await expect(page.getByRole("status")).toHaveText("共 3 項職缺");
    await expect(resultCards(page).getByRole("heading")).toHaveText(titles2025Normal);
    await expect(resultCards(page).getByText("招募普通")).toHaveCount(3);
    await expectAccessible(page);

    // Hard and needing overseas recruitment: only 090107 品管/品保工程師.
    await difficulty.selectOption("hard");
    await overseas.check();
    await apply.click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=hard&overseas=1`);
    await expect(page.getByRole("status")).toHaveText("共 1 項職缺");
    await expect(resultCards(page)).toHaveCount(1);
    await expect(resultCards(page).getByRole("heading")).toHaveText("品管/品保工程師");
    await expect(resultCards(page)).toContainText("090107");
    await expect(resultCards(page).getByText("需要海外攬才")).toBeVisible();
    await expectAccessible(page);

    // Back: the previous list, and the form shows the filters of that list again.
    await page.goBack();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=normal`);
    await expect(page.getByRole("status")).toHaveText("共 3 項職缺");
    await expect(resultCards(page).getByRole("heading")).toHaveText(titles2025Normal);
    await expect(page.getByLabel("調查", { exact: true })).toHaveValue(survey2025);
    await expect(difficulty).toHaveValue("normal");
    await expect(overseas).not.toBeChecked();
    await expectAccessible(page);
  });

  test("a filtered URL opened directly shows that list with the form filled in", async ({ page, expectAccessible }) => {
    await page.goto("/occupations?difficulty=hard&overseas=1");
    await expect(page.getByRole("status")).toHaveText("共 3 項職缺");
    // 2021: 電機工程 and 行銷推廣; 2025: 品管/品保工程師 (survey order, then table order).
    await expect(resultCards(page).getByRole("heading")).toHaveText(["電機工程", "行銷推廣", "品管/品保工程師"]);
    await expect(page.getByLabel("調查", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("招募難易")).toHaveValue("hard");
    await expect(page.getByLabel("需海外攬才", { exact: true })).toBeChecked();
    await expectAccessible(page);
  });

  test("the clear link shows every occupation again and resets the form", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2021}&difficulty=normal`);
    await expect(page.getByRole("status")).toHaveText("共 6 項職缺");
    await expectAccessible(page);
    await page.getByRole("link", { name: "清除篩選" }).click();
    await expect(page).toHaveURL("/occupations");
    await expect(page.getByRole("status")).toHaveText("共 28 項職缺");
    await expect(page.getByLabel("調查", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("招募難易")).toHaveValue("");
    await expectAccessible(page);
  });

  test("a filter with no match shows the empty-state message", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2025}`);
    await expectAccessible(page);
    await page.getByLabel("招募難易").selectOption("easy");
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=easy`);
    await expect(page.getByRole("status")).toHaveText("共 0 項職缺");
    await expect(page.getByText(exactly("沒有符合條件的職缺。請放寬篩選條件。"))).toBeVisible();
    await expect(resultCards(page)).toHaveCount(0);
    await expectAccessible(page);
  });
});
