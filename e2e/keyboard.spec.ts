// Keyboard use: the skip link, and the occupation filters filled in and sent without a mouse.
import { expect, test } from "./fixtures";
import { resultCards, survey2025, tabTo } from "./helpers";

test.describe("keyboard", () => {
  test("the skip link is the first Tab stop, shows itself, and moves focus to the main content", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到主要內容" });
    await expect(skip).toBeFocused();
    // Visually hidden until focused: when focused it must be readable, not a 1px clip.
    const box = await skip.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(20);
    expect(box?.height ?? 0).toBeGreaterThan(10);

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("main")).toBeFocused();
    // The next Tab goes to the first control in the main content, not back into the header.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("main").getByRole("link", { name: "瀏覽短缺職缺" })).toBeFocused();
    await expectAccessible(page);
  });

  test("the occupation filters can be filled in and sent with the keyboard alone", async ({ page, expectAccessible }) => {
    await page.goto("/occupations");
    await expectAccessible(page);

    const surveySelect = page.getByLabel("調查", { exact: true });
    expect(await tabTo(page, surveySelect), "Tab never reached the survey filter").toBeGreaterThan(0);
    await page.keyboard.press("ArrowDown"); // 110 年 (2021)
    await page.keyboard.press("ArrowDown"); // 113 年 (2025)
    await expect(surveySelect).toHaveValue(survey2025);

    await page.keyboard.press("Tab");
    const difficulty = page.getByLabel("招募難易");
    await expect(difficulty).toBeFocused();
    await page.keyboard.press("ArrowDown"); // 困難 (hard)
    await expect(difficulty).toHaveValue("hard");

    await page.keyboard.press("Tab");
    const overseas = page.getByLabel("需海外攬才", { exact: true });
    await expect(overseas).toBeFocused();
    await page.keyboard.press("Space");
    await expect(overseas).toBeChecked();

    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "套用篩選" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(`/occupations?survey=${survey2025}&difficulty=hard&overseas=1`);
    await expect(page.getByRole("status")).toHaveText("共 1 項職缺");
    await expect(resultCards(page).getByRole("heading")).toHaveText(["品管/品保工程師"]);
    await expectAccessible(page);

    // The result is reachable by keyboard too.
    const result = resultCards(page).getByRole("link", { name: "品管/品保工程師" });
    expect(await tabTo(page, result, 20), "Tab never reached the result").toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/occupations/${survey2025}/090107`);
    await expectAccessible(page);
  });
});
