// The CV on the talent profile: a talent uploads a PDF, sees it listed and downloads it; a PNG renamed
// to .pdf is refused beside the file field, with JavaScript and without it.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { createConfirmedAccount, logInOverHttp, statusConsoleLine } from "./account-steps";
import { definition } from "./helpers";
import { pngBytes, tinyPdf } from "../test/support/tiny-pdf";

const pdf = tinyPdf("E2E curriculum vitae");

test.describe("CV on the talent profile", () => {
  test("a talent uploads a PDF, sees it listed, downloads it and deletes it", async ({ page, baseURL, expectAccessible }) => {
    const talent = await createConfirmedAccount(page, baseURL!, "talent", "cv");
    await logInOverHttp(page, baseURL!, talent);
    await page.goto("/profile");
    const section = page.getByRole("region", { name: "履歷（PDF）" });
    await expect(section).toContainText("尚未上傳履歷。");
    await expectAccessible(page);

    await section.getByLabel("選擇 PDF 檔").setInputFiles({ name: "王小明 履歷.pdf", mimeType: "application/pdf", buffer: pdf });
    await section.getByRole("button", { name: "上傳履歷" }).click();
    await expect(page).toHaveURL(/\/profile\?cv=saved$/);
    await expect(section.getByRole("status")).toHaveText("履歷已上傳。");
    await expect(definition(section, "檔名")).toHaveText("王小明 履歷.pdf");
    await expect(definition(section, "大小")).toHaveText("1 kB");
    await expectAccessible(page);

    const downloading = page.waitForEvent("download");
    await section.getByRole("link", { name: "下載履歷" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("王小明 履歷.pdf");
    expect(Buffer.compare(await readFile(await download.path()), pdf)).toBe(0);

    await section.getByRole("button", { name: "刪除履歷" }).click();
    await expect(page).toHaveURL(/\/profile\?cv=removed$/);
    await expect(section.getByRole("status")).toHaveText("履歷已刪除。");
    await expect(section).toContainText("尚未上傳履歷。");
    await expectAccessible(page);
  });

  test("a PNG renamed to .pdf is refused beside the field", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
    allowConsoleError(statusConsoleLine(400));
    const talent = await createConfirmedAccount(page, baseURL!, "talent", "cv-png");
    await logInOverHttp(page, baseURL!, talent);
    await page.goto("/profile");
    await expectAccessible(page);
    const section = page.getByRole("region", { name: "履歷（PDF）" });
    const field = section.getByLabel("選擇 PDF 檔");
    await field.setInputFiles({ name: "photo.pdf", mimeType: "application/pdf", buffer: pngBytes() });
    await section.getByRole("button", { name: "上傳履歷" }).click();
    await expect(page).toHaveURL(/\/profile\/cv$/);
    await expect(page.getByRole("region", { name: "履歷（PDF）" })).toContainText("這個檔案不是 PDF（依檔案內容判斷），請上傳 PDF 格式的履歷。");
    await expect(page.getByLabel("選擇 PDF 檔")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("選擇 PDF 檔")).toHaveAccessibleDescription(/這個檔案不是 PDF/);
    await expect(page.getByRole("region", { name: "履歷（PDF）" })).toContainText("尚未上傳履歷。");
    await expectAccessible(page);
  });
});

test.describe("CV without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the upload and the refusal work as plain form posts", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
    allowConsoleError(statusConsoleLine(400));
    const talent = await createConfirmedAccount(page, baseURL!, "talent", "cv-nojs");
    await logInOverHttp(page, baseURL!, talent);
    await page.goto("/profile");
    await expectAccessible(page);
    const field = () => page.getByLabel("選擇 PDF 檔");

    await field().setInputFiles({ name: "photo.pdf", mimeType: "application/pdf", buffer: pngBytes() });
    const refused = page.waitForResponse((response) => response.url().endsWith("/profile/cv") && response.request().method() === "POST");
    await page.getByRole("button", { name: "上傳履歷" }).click();
    expect((await refused).status()).toBe(400);
    await expect(page.getByRole("region", { name: "履歷（PDF）" })).toContainText("這個檔案不是 PDF");
    await expect(field()).toHaveAccessibleDescription(/這個檔案不是 PDF/);
    await expectAccessible(page);

    await field().setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "上傳履歷" }).click();
    await expect(page).toHaveURL(/\/profile\?cv=saved$/);
    await expect(definition(page.getByRole("region", { name: "履歷（PDF）" }), "檔名")).toHaveText("cv.pdf");
    await expectAccessible(page);
  });
});
