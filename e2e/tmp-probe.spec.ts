import { test, expect } from "./fixtures";
test.use({ javaScriptEnabled: false });
test("probe", async ({ page, expectAccessible }) => {
  const r = await page.goto("/occupations/precision-health-2025/999999");
  console.log(r?.status());
  await expectAccessible(page);
  await page.goto("/occupations/precision-health-2025/070207");
  await expectAccessible(page);
  await expect(page.locator("h1")).toContainText("070207");
});
