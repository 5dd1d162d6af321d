import { expect, test } from "./fixtures";

test.describe("search", () => {
  test("the header box shows instant results grouped by kind and opens one with the keyboard", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expectAccessible(page);
    const box = page.getByRole("combobox", { name: "搜尋" });
    await box.click();
    await box.pressSequentially("臨床試驗", { delay: 30 });
    const list = page.getByRole("listbox", { name: "搜尋" });
    await expect(list).toBeVisible();
    await expect(list.getByRole("group").first()).toContainText("短缺職缺");
    await expect(list.getByRole("option").first()).toContainText("170190");
    await expect(page.locator("[aria-live=polite]").filter({ hasText: /筆建議結果/ })).toBeVisible();
    await expectAccessible(page);
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/occupations\/precision-health-20(21|25)\/170190$/);
    await expectAccessible(page);
  });

  test("Enter without choosing a suggestion opens the results page, with the query in the URL", async ({ page, expectAccessible }) => {
    await page.goto("/programmes");
    await expectAccessible(page);
    const box = page.getByRole("combobox", { name: "搜尋" });
    await box.fill("生技");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%E7%94%9F%E6%8A%80$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("「生技」的搜尋結果");
    // 生技 reaches 生物科技 through the synonym list.
    await expect(page.getByRole("link", { name: "生物科技研發人員" })).toBeVisible();
    await expectAccessible(page);
  });

  test("facets narrow the results, live in the URL, and Back undoes them", async ({ page, expectAccessible }) => {
    await page.goto("/search?kind=occupations&q=" + encodeURIComponent("臨床"));
    await expectAccessible(page);
    const status = page.getByRole("status");
    const before = Number((await status.innerText()).match(/\d+/)?.[0]);
    expect(before).toBeGreaterThan(2);
    await page.getByRole("link", { name: /困難/ }).first().click();
    await expect(page).toHaveURL(/difficulty=hard/);
    // The URL can change a moment before the new count renders: wait for the count, do not read it once.
    await expect.poll(async () => Number((await status.innerText()).match(/\d+/)?.[0])).toBeLessThan(before);
    for (const badge of await page.locator("main article .badge").allInnerTexts()) expect(badge).not.toContain("普通");
    await expectAccessible(page);
    await page.goBack();
    await expect(status).toHaveText(new RegExp(`^${before} 筆$`));
    await expectAccessible(page);
  });

  test("pages through results with links that keep the query", async ({ page, expectAccessible }) => {
    await page.goto("/search?kind=occupations");
    await expectAccessible(page);
    await expect(page.getByRole("status")).toHaveText("28 筆");
    await expect(page.getByText("第 1 頁，共 3 頁")).toBeVisible();
    await page.getByRole("link", { name: "下一頁" }).click();
    await expect(page).toHaveURL(/kind=occupations&page=2/);
    await expect(page.getByText("第 2 頁，共 3 頁")).toBeVisible();
    await expect(page.locator("main article")).toHaveCount(10);
    await expectAccessible(page);
  });

  test("an absurd or hostile query gives a normal page, never an error", async ({ page, expectAccessible }) => {
    const response = await page.goto("/search?kind=occupations&q=" + encodeURIComponent('" OR 1=1 <script>alert(1)</script>') + "&difficulty=" + encodeURIComponent('a"b'));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>alert(1)</script>");
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the header box submits to a server-rendered results page", async ({ page, expectAccessible }) => {
      await page.goto("/");
      await expectAccessible(page);
      await page.getByRole("combobox", { name: "搜尋" }).fill("GMP");
      await page.getByRole("combobox", { name: "搜尋" }).press("Enter");
      await expect(page).toHaveURL(/\/search\?q=GMP/);
      await expect(page.getByRole("heading", { name: "能力" })).toBeVisible();
      await expect(page.getByRole("link", { name: "GMP製程管理" })).toBeVisible();
      await expectAccessible(page);
    });
  });
});
