// The development inbox at /dev/mail: the e2e portal runs without SMTP_URL and the browser is on
// the same machine, so the page is there, in both languages, and passes axe.
import { expect, test } from "./fixtures";

test.describe("development inbox", () => {
  test("/dev/mail lists the outbox (empty here) and passes axe in Chinese and in English", async ({ page, expectAccessible }) => {
    const response = await page.goto("/dev/mail");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("開發用收件匣");
    await expectAccessible(page);

    await page.getByLabel("收件人").fill("nobody@example.test");
    await page.getByRole("button", { name: "篩選" }).click();
    await expect(page).toHaveURL(/\/dev\/mail\?to=nobody%40example\.test$/);
    await expect(page.getByText("沒有寄給 nobody@example.test 的信件。")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Development inbox");
    await expectAccessible(page);
  });
});
