// Not-found answers: a real 404 status and a helpful page, for unknown records and paths.
import { expect, test } from "./fixtures";
import { survey2025 } from "./helpers";

/** The browser's own console line for a document answered with 404 (expected here). */
function notFoundConsoleLine(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^console error on ${escaped}: Failed to load resource: the server responded with a status of 404`);
}

const unknownPages = [
  { name: "an unknown occupation code", path: `/occupations/${survey2025}/999999` },
  { name: "an unknown survey", path: "/occupations/precision-health-2030/070207" },
  { name: "a malformed occupation code", path: `/occupations/${survey2025}/07-207` },
  { name: "an unknown programme", path: "/programmes/no-such-programme" },
  { name: "an unknown path", path: "/no-such-page" },
];

test.describe("not found", () => {
  for (const { name, path } of unknownPages) {
    test(`${name} answers 404 with the not-found page`, async ({ page, expectAccessible, allowConsoleError }) => {
      allowConsoleError(notFoundConsoleLine(path));
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到這個頁面");
      await expect(page.getByRole("alert")).toContainText("網址可能有誤，或資料已移除。");
      // The site header and footer are still there, so the visitor can go on.
      await expect(page.getByRole("navigation", { name: "主選單" })).toBeVisible();
      await expectAccessible(page);

      await page.getByRole("alert").getByRole("link", { name: "回首頁" }).click();
      await expect(page).toHaveURL("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("找出產業缺什麼人，並補上缺口");
      await expectAccessible(page);
    });
  }

  test("the not-found page follows the chosen language", async ({ page, expectAccessible, allowConsoleError }) => {
    const path = `/occupations/${survey2025}/999999`;
    allowConsoleError(notFoundConsoleLine(path));
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);

    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("alert")).toContainText("The address may be wrong, or the record was removed.");
    await expectAccessible(page);
  });

  test("the language endpoint is not a page", async ({ page }) => {
    const response = await page.request.get("/locale");
    expect(response.status()).toBe(404);
  });
});
