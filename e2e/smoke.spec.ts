import { expect, test } from "./fixtures";

test("the home page shows both surveys from the database", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /110 年/ })).toBeVisible();
  await expectAccessible(page);
});
