// Accounts: sign up, confirm the address from the e-mail, log in and out, and the refusals on the
// way (weak passwords, wrong password, unconfirmed account, a used link). Sessions: the account
// page lists them, and "log out everywhere" ends a session held by another browser.
// Every test makes its own people (unique addresses), so the tests run in any order.
import { expect, test } from "./fixtures";
import {
  createConfirmedAccount, logInOverHttp, newAccount, signUpOverHttp, statusConsoleLine, watchForErrors,
} from "./account-steps";
import { latestLink, mailSubjects } from "./mail";

const talentRole = "人才（博士級培訓學員或求職者）";

test.describe("sign-up and log-in", () => {
  test("a visitor signs up, confirms the address from the e-mail, logs in and logs out", async ({ page, expectAccessible }) => {
    test.slow(); // a whole journey: many pages, each checked with axe, and argon2 hashing on each password
    const person = newAccount("signup");
    await page.goto("/login");
    await expectAccessible(page);
    await page.getByRole("main").getByRole("link", { name: "註冊" }).click();
    await expect(page).toHaveURL("/signup");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("註冊帳號");
    await expectAccessible(page);

    await page.getByLabel("姓名（顯示名稱）", { exact: true }).fill(person.name);
    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    await page.getByLabel("密碼", { exact: true }).fill(person.password);
    await expect(page.getByRole("radio", { name: talentRole })).toBeChecked();
    await page.getByRole("button", { name: "建立帳號" }).click();

    await expect(page).toHaveURL(`/check-email?email=${encodeURIComponent(person.email)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("請收信");
    await expect(page.getByRole("main").getByRole("status")).toContainText(`我們已寄信到 ${person.email}。`);
    await expectAccessible(page);

    expect(await mailSubjects(page, person.email)).toEqual(["請確認您的電子郵件地址"]);
    await page.goto(await latestLink(page, person.email, "/verify-email"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("驗證電子郵件");
    await expect(page.getByText(`按下按鈕完成 ${person.email} 的驗證。`)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "確認我的電子郵件" }).click();

    await expect(page).toHaveURL("/login?notice=confirmed");
    await expect(page.getByRole("main").getByRole("status")).toHaveText("電子郵件已驗證，請登入。");
    await expectAccessible(page);
    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    await page.getByLabel("密碼", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "登入" }).click();

    await expect(page).toHaveURL("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的帳號");
    const accountMenu = page.getByRole("navigation", { name: "我的帳號" });
    await expect(accountMenu.getByRole("link", { name: person.name })).toBeVisible();
    await expect(page.getByText(`電子郵件：${person.email}`)).toBeVisible();
    await expect(page.getByLabel("姓名（顯示名稱）", { exact: true })).toHaveValue(person.name);
    await expect(page.getByRole("region", { name: "角色" }).getByRole("listitem")).toHaveText([talentRole]);
    await expect(page.getByText("您尚未加入任何單位。")).toBeVisible();
    // Talent cannot create organisations.
    await expect(page.getByRole("link", { name: "建立單位" })).toHaveCount(0);
    const sessionRows = page.getByRole("region", { name: "登入中的裝置" }).getByRole("row");
    await expect(sessionRows).toHaveCount(2); // the header row and this session
    await expect(sessionRows.nth(1)).toContainText("目前這個裝置");
    await expectAccessible(page);

    await accountMenu.getByRole("button", { name: "登出" }).click();
    await expect(page).toHaveURL("/login?notice=logged-out");
    await expect(page.getByRole("main").getByRole("status")).toHaveText("您已登出。");
    await expect(page.getByRole("navigation", { name: "我的帳號" })).toHaveCount(0);
    await expectAccessible(page);

    // The session is really over: the account page asks to log in again.
    await page.goto("/account");
    await expect(page).toHaveURL("/login?redirectTo=%2Faccount");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登入");
    await expectAccessible(page);
  });

  test("in English: a company recruiter signs up, gets the e-mail in English, confirms and logs in", async ({ page, expectAccessible }) => {
    test.slow(); // a whole journey: many pages, each checked with axe, and argon2 hashing on each password
    const person = newAccount("english");
    await page.goto("/signup");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
    await expectAccessible(page);

    await page.getByLabel("Name (as shown to others)", { exact: true }).fill(person.name);
    await page.getByLabel("E-mail", { exact: true }).fill(person.email);
    await page.getByLabel("Password", { exact: true }).fill(person.password);
    await page.getByRole("radio", { name: "Company recruiter" }).check();
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(`/check-email?email=${encodeURIComponent(person.email)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
    await expectAccessible(page);
    // The account's language is the one used at sign-up, so its mail is in English.
    expect(await mailSubjects(page, person.email)).toEqual(["Confirm your e-mail address"]);

    await page.goto(await latestLink(page, person.email, "/verify-email"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your e-mail");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my e-mail" }).click();
    await expect(page).toHaveURL("/login?notice=confirmed");
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your e-mail address is confirmed. Please log in.");
    await expectAccessible(page);

    await page.getByLabel("E-mail", { exact: true }).fill(person.email);
    await page.getByLabel("Password", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
    await expect(page.getByRole("region", { name: "Roles" }).getByRole("listitem")).toHaveText(["Company recruiter"]);
    await expect(page.getByRole("link", { name: "Create an organisation" })).toBeVisible();
    await expect(page.getByLabel("Preferred language (also for e-mail)")).toHaveValue("en");
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "My account" }).getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL("/login?notice=logged-out");
    await expect(page.getByRole("main").getByRole("status")).toHaveText("You have logged out.");
    await expectAccessible(page);
  });

  test("a weak or common password is refused beside the field until a good one is chosen", async ({ page, expectAccessible }) => {
    const person = newAccount("weak");
    const localPart = person.email.split("@")[0]!;
    await page.goto("/signup");
    await expectAccessible(page);
    await page.getByLabel("姓名（顯示名稱）", { exact: true }).fill(person.name);
    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    const password = page.getByLabel("密碼", { exact: true });
    const refusals = [
      { password: "password1234", message: "這是常見密碼，很容易被猜到，請換一個。" },
      { password: "aaaaaaaaaaaa", message: "密碼重複字元太多，請混用不同的字元。" },
      { password: "short pass", message: "密碼至少需要 12 個字元。" },
      { password: `${localPart}!2025`, message: "密碼不可包含您的電子郵件帳號名稱。" },
    ];
    for (const refusal of refusals) {
      await password.fill(refusal.password);
      await page.getByRole("button", { name: "建立帳號" }).click();
      await expect(password).toHaveAttribute("aria-invalid", "true");
      await expect(password).toHaveAccessibleDescription(new RegExp(refusal.message));
      await expect(page).toHaveURL("/signup");
    }
    await expectAccessible(page);
    expect(await mailSubjects(page, person.email)).toEqual([]);

    // Corrected, the same form goes through at the first click.
    await password.fill(person.password);
    await expect(password).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "建立帳號" }).click();
    await expect(page).toHaveURL(`/check-email?email=${encodeURIComponent(person.email)}`);
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the server refuses a repetitive password beside the field and keeps the other answers", async ({ page, expectAccessible, allowConsoleError }) => {
      allowConsoleError(statusConsoleLine(400));
      const person = newAccount("nojs");
      await page.goto("/signup");
      await expectAccessible(page);
      await page.getByLabel("姓名（顯示名稱）", { exact: true }).fill(person.name);
      await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
      await page.getByLabel("密碼", { exact: true }).fill("aaaaaaaaaaaa");
      await page.getByRole("radio", { name: "培訓單位人員" }).check();
      await page.getByRole("button", { name: "建立帳號" }).click();

      await expect(page).toHaveURL("/signup");
      const password = page.getByLabel("密碼", { exact: true });
      await expect(password).toHaveAttribute("aria-invalid", "true");
      await expect(password).toHaveAccessibleDescription(/密碼重複字元太多，請混用不同的字元。/);
      // The password is never sent back; the other answers are kept.
      await expect(password).toHaveValue("");
      await expect(page.getByLabel("電子郵件", { exact: true })).toHaveValue(person.email);
      await expect(page.getByRole("radio", { name: "培訓單位人員" })).toBeChecked();
      await expectAccessible(page);
      expect(await mailSubjects(page, person.email)).toEqual([]);
    });
  });

  test("a wrong password or an unknown address gets the same refusal; the right password logs in", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
    allowConsoleError(statusConsoleLine(401));
    const person = await createConfirmedAccount(page, baseURL!, "talent");
    await page.goto("/login");
    await expectAccessible(page);
    const email = page.getByLabel("電子郵件", { exact: true });
    const password = page.getByLabel("密碼", { exact: true });
    const refusal = page.getByRole("main").getByRole("alert");

    await email.fill(person.email);
    await password.fill(`${person.password} wrong`);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(refusal).toHaveText("電子郵件或密碼不正確。");
    await expect(page).toHaveURL("/login");
    await expectAccessible(page);

    await email.fill(newAccount("nobody").email);
    await password.fill(person.password);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(refusal).toHaveText("電子郵件或密碼不正確。");
    await expect(page).toHaveURL("/login");

    await email.fill(person.email);
    await password.fill(person.password);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(page).toHaveURL("/account");
    await expect(page.getByRole("navigation", { name: "我的帳號" }).getByRole("link", { name: person.name })).toBeVisible();
    await expectAccessible(page);
  });

  test("an unconfirmed account is asked to confirm first and can have the e-mail sent again", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
    allowConsoleError(statusConsoleLine(403));
    const person = await signUpOverHttp(page, baseURL!, "talent");
    await page.goto("/login");
    await expectAccessible(page);
    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    await page.getByLabel("密碼", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "登入" }).click();

    const notice = page.getByRole("main").getByRole("status").filter({ hasText: "請先完成電子郵件驗證。" });
    await expect(notice).toBeVisible();
    await expect(page).toHaveURL("/login");
    await expectAccessible(page);
    await notice.getByRole("button", { name: "重新寄送驗證信" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("如果這個地址有尚未驗證的帳號，我們已寄出新的驗證信。");
    expect(await mailSubjects(page, person.email)).toEqual(["請確認您的電子郵件地址", "請確認您的電子郵件地址"]);

    // The new link confirms the account, and then logging in works.
    await page.goto(await latestLink(page, person.email, "/verify-email"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "確認我的電子郵件" }).click();
    await expect(page).toHaveURL("/login?notice=confirmed");
    await expectAccessible(page);
    await page.getByLabel("電子郵件", { exact: true }).fill(person.email);
    await page.getByLabel("密碼", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "登入" }).click();
    await expect(page).toHaveURL("/account");
    await expectAccessible(page);
  });

  test("a confirmation link already used, or mangled, gives a clear page with a way on", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
    allowConsoleError(statusConsoleLine(410));
    allowConsoleError(statusConsoleLine(400));
    const person = await createConfirmedAccount(page, baseURL!, "talent");
    const response = await page.goto(await latestLink(page, person.email, "/verify-email"));
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("連結無效");
    await expect(page.getByRole("alert")).toContainText("這個連結已經使用過了。每個連結只能使用一次。");
    await expect(page.getByRole("alert").getByRole("link", { name: "回到登入" })).toHaveAttribute("href", "/login");
    await expect(page.getByRole("button", { name: "確認我的電子郵件" })).toHaveCount(0);
    await expectAccessible(page);

    const mangled = await page.goto("/verify-email?token=not-a-token");
    expect(mangled?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("這個連結無效，請確認網址是否完整複製。");
    await expectAccessible(page);
  });
});

test.describe("sessions", () => {
  test("the account page lists each session, and 'log out everywhere' ends the one in another browser too", async ({ page, browser, baseURL, expectAccessible }) => {
    const person = await createConfirmedAccount(page, baseURL!, "talent");
    const otherContext = await browser.newContext({ baseURL });
    try {
      const other = await otherContext.newPage();
      const otherErrors = watchForErrors(other);
      await logInOverHttp(other, baseURL!, person);
      await logInOverHttp(page, baseURL!, person);

      await page.goto("/account");
      const sessionRows = page.getByRole("region", { name: "登入中的裝置" }).getByRole("row");
      await expect(sessionRows).toHaveCount(3); // the header row and two sessions
      await expect(sessionRows.filter({ hasText: "目前這個裝置" })).toHaveCount(1);
      await expectAccessible(page);
      await other.goto("/account");
      await expect(other.getByRole("heading", { level: 1 })).toHaveText("我的帳號");

      await page.getByRole("button", { name: "登出所有裝置（包含這一台）" }).click();
      await expect(page).toHaveURL("/login?notice=logged-out");
      await expect(page.getByRole("main").getByRole("status")).toHaveText("您已登出。");
      await expectAccessible(page);

      await other.reload();
      await expect(other).toHaveURL("/login?redirectTo=%2Faccount");
      await expect(other.getByRole("heading", { level: 1 })).toHaveText("登入");
      await expect(other.getByRole("navigation", { name: "我的帳號" })).toHaveCount(0);
      expect(otherErrors).toEqual([]);
    } finally {
      await otherContext.close();
    }
  });

  test("'log out other devices' ends the other browser's session and keeps this one", async ({ page, browser, baseURL, expectAccessible }) => {
    const person = await createConfirmedAccount(page, baseURL!, "talent");
    const otherContext = await browser.newContext({ baseURL });
    try {
      const other = await otherContext.newPage();
      const otherErrors = watchForErrors(other);
      await logInOverHttp(other, baseURL!, person);
      await logInOverHttp(page, baseURL!, person);

      await page.goto("/account");
      await expectAccessible(page);
      await page.getByRole("button", { name: "登出其他所有裝置" }).click();
      await expect(page.getByRole("main").getByRole("status")).toHaveText("已登出 1 個其他裝置。");
      // A form posted to an index route leaves "?index" in the address.
      await expect(page).toHaveURL(/\/account(\?index)?$/);
      const sessionRows = page.getByRole("region", { name: "登入中的裝置" }).getByRole("row");
      await expect(sessionRows).toHaveCount(2);
      await expect(sessionRows.nth(1)).toContainText("目前這個裝置");
      await expectAccessible(page);

      await other.goto("/account");
      await expect(other).toHaveURL("/login?redirectTo=%2Faccount");
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的帳號");
      expect(otherErrors).toEqual([]);
    } finally {
      await otherContext.close();
    }
  });
});
