// Organisations: a company recruiter creates one and, as its admin, invites a colleague by e-mail;
// the colleague signs up, confirms, logs in from the invitation and accepts it, and both then see
// the colleague among the members. Every test makes its own people and organisation.
import { expect, test } from "./fixtures";
import { createConfirmedAccount, logInOverHttp, newAccount, statusConsoleLine } from "./account-steps";
import { latestLink, mailSubjects } from "./mail";

test.describe("organisations", () => {
  test("a recruiter creates a company and invites a colleague, who signs up, accepts and becomes a member", async ({
    page, baseURL, expectAccessible, allowConsoleError,
  }) => {
    test.slow(); // two people go through sign-up, log-in and the organisation pages
    allowConsoleError(statusConsoleLine(410));
    const recruiter = await createConfirmedAccount(page, baseURL!, "company_recruiter", "recruiter");
    const colleague = newAccount("colleague");
    const unique = colleague.email.split("-").at(-1)!.split("@")[0]!;
    const nameZh = `端對端測試生技 ${unique}`;
    const nameEn = `E2E Biotech ${unique}`;

    // The recruiter creates the company from the account page.
    await logInOverHttp(page, baseURL!, recruiter);
    await page.goto("/account");
    await expectAccessible(page);
    await page.getByRole("link", { name: "建立單位" }).click();
    await expect(page).toHaveURL("/organisations/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("建立單位");
    // A recruiter may create only a company.
    await expect(page.getByRole("radio")).toHaveCount(1);
    await expect(page.getByRole("radio", { name: "企業" })).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel("中文名稱", { exact: true }).fill(nameZh);
    await page.getByLabel("英文名稱", { exact: true }).fill(nameEn);
    await page.getByLabel("所在縣市", { exact: true }).fill("新竹縣");
    await page.getByRole("button", { name: "建立單位" }).click();

    await expect(page).toHaveURL(/\/organisations\/(?!new$)[a-z0-9-]+$/);
    const organisationPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nameZh);
    await expect(page.getByText(`${nameEn} · 企業 · 新竹縣`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "審核狀態：草稿（尚未送審）" })).toBeVisible();
    const members = page.getByRole("region", { name: "成員" }).getByRole("listitem");
    await expect(members).toHaveCount(1);
    await expect(members).toContainText([`${recruiter.name} ${recruiter.email}單位管理員`]);
    await expectAccessible(page);

    // As its admin, the recruiter invites the colleague.
    const invite = page.getByRole("region", { name: "邀請同事" });
    await invite.getByLabel("電子郵件", { exact: true }).fill(colleague.email);
    await invite.getByRole("button", { name: "寄出邀請" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`已寄出邀請給 ${colleague.email}。`);
    await expect(invite.getByRole("listitem")).toHaveCount(1);
    await expect(invite.getByRole("listitem")).toContainText(colleague.email);
    await expectAccessible(page);
    expect(await mailSubjects(page, colleague.email)).toEqual([`邀請您加入「${nameZh}」`]);
    const invitationLink = await latestLink(page, colleague.email, "/invitations/");

    await page.getByRole("navigation", { name: "我的帳號" }).getByRole("button", { name: "登出" }).click();
    await expect(page).toHaveURL("/login?notice=logged-out");
    await expectAccessible(page);

    // The colleague signs up (as talent) and confirms the address.
    await page.getByRole("banner").getByRole("link", { name: "註冊" }).click();
    await expect(page).toHaveURL("/signup");
    await expectAccessible(page);
    await page.getByLabel("姓名（顯示名稱）", { exact: true }).fill(colleague.name);
    await page.getByLabel("電子郵件", { exact: true }).fill(colleague.email);
    await page.getByLabel("密碼", { exact: true }).fill(colleague.password);
    await page.getByRole("button", { name: "建立帳號" }).click();
    await expect(page).toHaveURL(`/check-email?email=${encodeURIComponent(colleague.email)}`);
    await expectAccessible(page);
    await page.goto(await latestLink(page, colleague.email, "/verify-email"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "確認我的電子郵件" }).click();
    await expect(page).toHaveURL("/login?notice=confirmed");
    await expectAccessible(page);

    // The invitation asks a signed-out visitor to log in, and the log-in comes back to it.
    await page.goto(invitationLink);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("加入單位的邀請");
    await expect(page.getByText(`${recruiter.name} 邀請 ${colleague.email} 加入「${nameZh}」，角色為「企業招募人員」。`)).toBeVisible();
    await expect(page.getByText(`請用 ${colleague.email} 登入或註冊後接受邀請。`)).toBeVisible();
    await expect(page.getByRole("button", { name: "接受邀請" })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("main").getByRole("link", { name: "登入" }).click();
    await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(invitationLink)}`);
    await expectAccessible(page);
    await page.getByLabel("電子郵件", { exact: true }).fill(colleague.email);
    await page.getByLabel("密碼", { exact: true }).fill(colleague.password);
    await page.getByRole("button", { name: "登入" }).click();

    await expect(page).toHaveURL(invitationLink);
    await expectAccessible(page);
    await page.getByRole("button", { name: "接受邀請" }).click();

    // The colleague lands on the organisation page as a member (not an admin).
    await expect(page).toHaveURL(organisationPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nameZh);
    await expect(members).toHaveCount(2);
    await expect(members.filter({ hasText: colleague.email })).toContainText(colleague.name);
    await expect(members.filter({ hasText: colleague.email })).not.toContainText("單位管理員");
    await expect(page.getByRole("region", { name: "邀請同事" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^移除/ })).toHaveCount(0);
    await expectAccessible(page);

    // The membership brings the organisation's role, on top of the one chosen at sign-up.
    await page.goto("/account");
    await expect(page.getByRole("region", { name: "角色" }).getByRole("listitem")).toContainText(["企業招募人員"]);
    await expect(page.getByRole("region", { name: "角色" }).getByRole("listitem")).toContainText(["人才（博士級培訓學員或求職者）"]);
    await expect(page.getByRole("link", { name: nameZh })).toHaveAttribute("href", organisationPath);
    await expectAccessible(page);

    // The invitation works once.
    const again = await page.goto(invitationLink);
    expect(again?.status()).toBe(410);
    await expect(page.getByRole("alert")).toContainText("這份邀請已經被接受過了。");
    await expectAccessible(page);

    // The inviter sees the colleague among the members, and no open invitation.
    await page.getByRole("navigation", { name: "我的帳號" }).getByRole("button", { name: "登出" }).click();
    await expect(page).toHaveURL("/login?notice=logged-out");
    await logInOverHttp(page, baseURL!, recruiter);
    await page.goto(organisationPath);
    await expect(members).toHaveCount(2);
    await expect(members.filter({ hasText: colleague.email })).toContainText(colleague.name);
    await expect(page.getByRole("region", { name: "邀請同事" }).getByText("目前沒有待接受的邀請。")).toBeVisible();
    await expectAccessible(page);
  });
});
