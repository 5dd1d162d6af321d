// An axe sweep (WCAG 2.0/2.1 A and AA) of every kind of page, in both languages.
import { expect, runAxe, test } from "./fixtures";
import { survey2021, survey2025 } from "./helpers";

const pages = [
  "/",
  "/occupations",
  `/occupations?survey=${survey2025}&difficulty=easy`,
  `/occupations/${survey2021}/070207`,
  `/occupations/${survey2025}/070207`,
  `/occupations/${survey2025}/090107`,
  "/programmes",
  "/programmes/phd-training-employment",
  "/programmes/spark-translational",
  "/programmes/device-fellowship",
];

test.describe("accessibility", () => {
  for (const path of pages) {
    test(`${path} passes axe in Chinese and in English`, async ({ page, expectAccessible }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await expectAccessible(page);

      await page.getByRole("button", { name: "Switch to English" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await expectAccessible(page);
    });
  }
});

test("the check itself finds serious violations, on a new document and after one is already checked", async ({ page }) => {
  // A page made to fail: an image without a text alternative and a button without a name.
  await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>');
  const serious = async () => (await runAxe(page)).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id).sort();
  expect(await serious()).toEqual(["button-name", "image-alt"]);
  // axe stays in the document between checks; a change made since is still seen.
  await page.evaluate(() => document.querySelector("img")!.setAttribute("alt", "a dot"));
  expect(await serious()).toEqual(["button-name"]);
});
