// Passwords: resetting a forgotten one from the e-mailed link (single use), and changing it on the
// account page. Every test makes its own people (unique addresses).
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { anotherPassword, createConfirmedAccount, logInOverHttp, newAccount, statusConsoleLine } from "./account-steps";
import { latestLink, mailSubjects } from "./mail";

/** Clicks a form's submit button and waits for the server's answer to the post (to `path` or its `.data` URL). */
async function submitAndWait(page: Page, button: Locator, path: string) {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith(path)),
    button.click(),
  ]);
}

test.describe("password reset", () => {
  test("a forgotten password is reset from the e-mailed link; the old one then fails, the new one works, and the link is used up", async ({
    page, baseURL, expectAccessible, allowConsoleError,
  }) => {
    test.slow(); // a whole journey: many pages, each checked with axe, and argon2 hashing on each password
    allowConsoleError(statusConsoleLine(401));
    allowConsoleError(statusConsoleLine(410));
    const person = await createConfirmedAccount(page, baseURL!, "talent");
    const newPassword = anotherPassword();

    await page.goto("/login");
    await expectAccessible(page);
    await page.getByRole("link", { name: "忘記密碼？" }).click();
    await expect(page).toHaveURL("/forgot-password");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("忘記密碼");
    await expectAccessible(page);

    // An address without an account gets the same answer, and no mail.
    const sent = page.getByRole("main").getByRole("status");
    const nobody = newAccount("nobody").email;
    await page.getByLabel("電子郵件", { exact: true }).fill(nobody);
    await submitAndWait(page, page.getByRole("button", { name: "寄送重設連結" }), "/forgot-password");
    await expect(sent).toHaveText("如果這個地址有帳號，我們已寄出重設密碼的連結。請檢查收件匣。");
    expect(await mailSubjects(page, nobody)).toEqual([]);

    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    await submitAndWait(page, page.getByRole("button", { name: "寄送重設連結" }), "/forgot-password");
    await expect(sent).toHaveText("如果這個地址有帳號，我們已寄出重設密碼的連結。請檢查收件匣。");
    await expectAccessible(page);
    expect((await mailSubjects(page, person.email))[0]).toBe("重設您的密碼");
    const resetLink = await latestLink(page, person.email, "/reset-password");

    await page.goto(resetLink);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("設定新密碼");
    await expectAccessible(page);
    const password = page.getByLabel("新密碼", { exact: true });
    const confirm = page.getByLabel("再次輸入新密碼", { exact: true });
    const submit = page.getByRole("button", { name: "設定新密碼" });

    // The form's own refusals, beside the field concerned.
    await password.fill(newPassword);
    await confirm.fill(`${newPassword}x`);
    await submit.click();
    await expect(confirm).toHaveAccessibleDescription(/兩次輸入的密碼不一致。/);
    await password.fill("password1234");
    await confirm.fill("password1234");
    await submit.click();
    await expect(password).toHaveAccessibleDescription(/這是常見密碼，很容易被猜到，請換一個。/);
    await expectAccessible(page);

    await password.fill(newPassword);
    await confirm.fill(newPassword);
    await submit.click();
    await expect(page).toHaveURL("/login?notice=reset");
    await expect(page.getByRole("main").getByRole("status")).toHaveText("密碼已重設，所有裝置都已登出。請用新密碼登入。");
    await expectAccessible(page);
    expect((await mailSubjects(page, person.email))[0]).toBe("您的密碼已變更");

    const email = page.getByLabel("電子郵件", { exact: true });
    const loginPassword = page.getByLabel("密碼", { exact: true });
    await email.fill(person.email);
    await loginPassword.fill(person.password);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("電子郵件或密碼不正確。");

    await loginPassword.fill(newPassword);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(page).toHaveURL("/account");
    await expectAccessible(page);

    // The link works once: opened again it says so, and offers a new one.
    const again = await page.goto(resetLink);
    expect(again?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("連結無效");
    await expect(page.getByRole("alert")).toContainText("這個連結已經使用過了。每個連結只能使用一次。");
    await expect(page.getByRole("alert").getByRole("link", { name: "重新取得連結" })).toHaveAttribute("href", "/forgot-password");
    await expect(page.getByLabel("新密碼", { exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("password change", () => {
  test("a signed-in user changes the password on the account page; a wrong current password is refused beside its field", async ({
    page, baseURL, expectAccessible, allowConsoleError,
  }) => {
    allowConsoleError(statusConsoleLine(400));
    const person = await createConfirmedAccount(page, baseURL!, "talent");
    const newPassword = anotherPassword();
    await logInOverHttp(page, baseURL!, person);
    await page.goto("/account");
    await expectAccessible(page);
    await page.getByRole("link", { name: "變更密碼" }).click();
    await expect(page).toHaveURL("/account/password");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("變更密碼");
    await expectAccessible(page);

    const current = page.getByLabel("目前的密碼", { exact: true });
    const password = page.getByLabel("新密碼", { exact: true });
    const confirm = page.getByLabel("再次輸入新密碼", { exact: true });
    const submit = page.getByRole("main").getByRole("button", { name: "變更密碼" });

    await current.fill(`${person.password} wrong`);
    await password.fill(newPassword);
    await confirm.fill(newPassword);
    await submit.click();
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(current).toHaveAccessibleDescription(/目前的密碼不正確。/);
    await expectAccessible(page);

    await current.fill(person.password);
    await password.fill(newPassword);
    await confirm.fill(newPassword);
    await submit.click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("密碼已變更，其他裝置都已登出。");
    expect((await mailSubjects(page, person.email))[0]).toBe("您的密碼已變更");

    // This session stays; after logging out, the new password is the one that works.
    await page.getByRole("navigation", { name: "我的帳號" }).getByRole("button", { name: "登出" }).click();
    await expect(page).toHaveURL("/login?notice=logged-out");
    await expectAccessible(page);
    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    await page.getByLabel("密碼", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(page).toHaveURL("/account");
  });
});
