// The language switch: Traditional Chinese by default, English on request, remembered by a cookie.
import { expect, test } from "./fixtures";
import { resultCards, survey2025, tabTo, tableColumn } from "./helpers";

test.describe("language", () => {
  test("the portal is in Traditional Chinese by default", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找出產業缺什麼人，並補上缺口");
    await expect(page.getByRole("navigation", { name: "主選單" }).getByRole("link")).toHaveText(["短缺職缺", "培訓計畫", "單一窗口"]);
    const toggle = page.getByRole("button", { name: "Switch to English" });
    await expect(toggle).toHaveText("English");
    await expect(toggle).toHaveAttribute("lang", "en");
    await expectAccessible(page);
  });

  test("the switch shows the same page in English, English stays on navigation, and switching back works", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2025}`);
    await expect(page.getByRole("status")).toHaveText("共 13 項職缺");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shortage occupations");
    await expect(page.getByRole("status")).toHaveText("13 occupations");
    await expect(resultCards(page).first().getByRole("heading")).toHaveText("R&D Engineer");
    await expect(page.getByLabel("Recruitment difficulty")).toBeVisible();
    await expectAccessible(page);

    // Client-side navigation keeps English.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Programmes" }).click();
    await expect(page).toHaveURL("/programmes");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Training programmes");
    await expect(page.getByRole("status")).toHaveText("8 programmes");
    await expectAccessible(page);

    // So does a full page load (the choice is remembered).
    await page.goto(`/occupations/${survey2025}/070207`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Biotechnology R&D Specialist (070207)");
    await expect(page.getByRole("heading", { level: 2, name: "Programmes that close this gap" })).toBeVisible();
    await expect(page.getByText("生物科技研發人員", { exact: true })).toHaveAttribute("lang", "zh-Hant-TW");
    const forecast = page.getByRole("table", { name: "Forecast new professional demand (people)" });
    expect(await tableColumn(forecast, "Flat")).toEqual({ "2025": "676", "2026": "737", "2027": "803" });
    await expectAccessible(page);

    const back = page.getByRole("button", { name: "切換至中文" });
    await expect(back).toHaveText("中文");
    await back.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
    await expect(page).toHaveURL(`/occupations/${survey2025}/070207`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生物科技研發人員 (070207)");
    await expect(page.getByRole("heading", { level: 2, name: "相關培訓計畫" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "回到短缺職缺列表" }).click();
    await expect(page).toHaveURL("/occupations");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("短缺職缺");
    await expectAccessible(page);
  });

  test("the switch works with the keyboard alone", async ({ page, expectAccessible }) => {
    await page.goto("/programmes");
    await expectAccessible(page);
    const toEnglish = page.getByRole("button", { name: "Switch to English" });
    expect(await tabTo(page, toEnglish), "Tab never reached the language switch").toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL("/programmes");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Training programmes");
    await expectAccessible(page);

    const toChinese = page.getByRole("button", { name: "切換至中文" });
    expect(await tabTo(page, toChinese), "Tab never reached the language switch").toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("培訓計畫");
    await expectAccessible(page);
  });

  test("English result counts use the singular for one result", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2025}&overseas=1`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("status")).toHaveText("1 occupation");
    await expectAccessible(page);

    await page.goto("/programmes?type=phd_placement");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(resultCards(page)).toHaveCount(1);
    await expect(page.getByRole("status")).toHaveText("1 programme");
    await expectAccessible(page);
  });

  test("the switch only redirects within the portal", async ({ page, baseURL }) => {
    // Writes must name this site as their origin (server/csrf.ts), as a browser's form post does.
    const headers = { Origin: baseURL! };
    for (const redirectTo of ["//evil.example/", "https://evil.example/", "javascript:alert(1)"]) {
      const response = await page.request.post("/locale", { form: { locale: "en", redirectTo }, headers, maxRedirects: 0 });
      expect(response.status(), `redirectTo ${redirectTo}`).toBe(302);
      expect(response.headers()["location"], `redirectTo ${redirectTo}`).toBe("/");
    }
    const unknown = await page.request.post("/locale", { form: { locale: "fr", redirectTo: "/" }, headers, maxRedirects: 0 });
    expect(unknown.status()).toBe(400);
  });
});
