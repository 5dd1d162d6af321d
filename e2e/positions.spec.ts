// Shortage positions: a recruiter of an approved company starts a position from an occupation page,
// finds the survey's skills filled in, saves a draft, publishes it, and sees it among the occupation's
// open positions. A salary range the wrong way round is refused beside the field, keeping what was typed.
import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, newAccount, statusConsoleLine } from "./account-steps";
import { expect, test } from "./fixtures";
import { definition, survey2025 } from "./helpers";

const occupationCode = "070207";
const occupationPath = `/occupations/${survey2025}/${occupationCode}`;
const surveySkills = (JSON.parse(readFileSync("seeds/data/survey-2025.json", "utf8")) as { occupations: { code: string; skills: { key: string }[] }[] })
  .occupations.find((o) => o.code === occupationCode)!.skills.map((s) => s.key);

/** A date some days from now, as the date input takes it. */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function post(request: APIRequestContext, baseURL: string, path: string, form: Record<string, string>) {
  return request.post(path, { form, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
}

/** A recruiter, logged in on the page, with a company of their own; approved by the demo officer when asked. */
async function recruiterWithCompany(page: Page, baseURL: string, playwright: { request: { newContext: (options: { baseURL: string }) => Promise<APIRequestContext> } }, approved: boolean) {
  const recruiter = await createConfirmedAccount(page, baseURL, "company_recruiter", "poster");
  await logInOverHttp(page, baseURL, recruiter);
  const unique = newAccount("company").email.split("-").at(-1)!.split("@")[0]!;
  const nameZh = `職缺測試生技 ${unique}`;
  const created = await post(page.request, baseURL, "/organisations/new", { kind: "company", nameZh, nameEn: `Positions Test ${unique}`, city: "台北市" });
  const slug = (created.headers()["location"] ?? "").replace(/^\/organisations\//, "");
  expect(created.status(), await created.text()).toBe(302);
  if (approved) {
    expect((await post(page.request, baseURL, `/organisations/${slug}`, { intent: "submit-for-approval" })).status()).toBe(200);
    const officer = await playwright.request.newContext({ baseURL });
    try {
      await logInOverHttp(officer, baseURL, { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD });
      const queue = await (await officer.get("/office/organisations")).text();
      const organisationId = new RegExp(`href="/organisations/${slug}"[\\s\\S]*?name="organisationId" value="([0-9a-f-]{36})"`).exec(queue)?.[1];
      expect(organisationId, "the company is in the office's approval queue").toBeTruthy();
      expect((await post(officer, baseURL, "/office/organisations", { decision: "approve", organisationId: organisationId!, reason: "" })).status()).toBe(200);
    } finally {
      await officer.dispose();
    }
  }
  return { recruiter, nameZh };
}

test.describe("positions", () => {
  test("a recruiter posts a position from an occupation, publishes it, and it is listed on the occupation page", async ({
    page, baseURL, playwright, expectAccessible,
  }) => {
    test.slow(); // a sign-up, a company, an approval, and four pages
    const { nameZh } = await recruiterWithCompany(page, baseURL!, playwright, true);
    const title = `精準醫療新藥研發工程師 ${Date.now().toString(36)}`;

    await page.goto(occupationPath);
    const openPositions = page.getByRole("region", { name: "招募中的職缺" });
    await expect(openPositions.getByRole("link", { name: title })).toHaveCount(0);
    await expectAccessible(page);
    await openPositions.getByRole("link", { name: "為這個職業刊登職缺" }).click();

    await expect(page).toHaveURL(/\/positions\/new\?occupation=[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("刊登短缺職缺");
    // The survey's skills, in its order, then empty places.
    for (const [i, key] of surveySkills.entries()) await expect(page.getByLabel(`第 ${i + 1} 項`, { exact: true })).toHaveValue(key);
    await expect(page.getByLabel(`第 ${surveySkills.length + 1} 項`, { exact: true })).toHaveValue("");
    await expect(page.getByLabel("最低學歷")).toHaveValue("college");
    await expect(page.getByLabel("工作年資", { exact: true })).toHaveValue("under_2");
    await expect(page.getByText(`刊登企業：${nameZh}`)).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("職缺名稱").fill(title);
    await page.getByLabel("工作地點（縣市）").fill("台北市");
    await page.getByLabel("月薪下限（新台幣）").fill("60,000");
    await page.getByLabel("月薪上限（新台幣）").fill("90000");
    await page.getByLabel("招募人數").fill("3");
    await page.getByLabel("應徵截止日").fill(daysFromNow(30));
    await page.getByRole("checkbox", { name: "英文" }).check();
    await page.getByLabel("開放海外人才應徵").check();
    await page.getByLabel("協助申請工作許可").check();
    await page.getByRole("button", { name: "儲存草稿" }).click();

    await expect(page).toHaveURL(/\/positions\/[0-9a-f-]{36}$/);
    const positionPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("草稿", { exact: true })).toBeVisible();
    await expect(page.getByText("NT$60,000 – NT$90,000／月")).toBeVisible();
    await expect(page.getByText("尚餘 3 名（共 3 名）")).toBeVisible();
    await expect(definition(page, "能力需求（依重要性）").getByRole("listitem")).toHaveCount(surveySkills.length);
    await expect(page.getByRole("region", { name: "修改紀錄" }).getByText(/^第 1 版/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "發布職缺" }).click();
    await expect(page.getByRole("status").filter({ hasText: "職缺已發布。" })).toBeVisible();
    await expect(page.getByText("招募中", { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "生物科技研發人員 (070207)" }).click();
    await expect(page).toHaveURL(occupationPath);
    const listed = openPositions.getByRole("link", { name: title });
    await expect(listed).toHaveAttribute("href", positionPath);
    await expect(openPositions.getByRole("listitem").filter({ hasText: title })).toContainText(`${nameZh} · 台北市 · NT$60,000 – NT$90,000／月`);
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a salary minimum above the maximum is refused beside the field, keeping what was typed", async ({ page, baseURL, playwright, expectAccessible, allowConsoleError }) => {
      allowConsoleError(statusConsoleLine(400));
      await recruiterWithCompany(page, baseURL!, playwright, false);
      await page.goto("/positions/new");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("刊登短缺職缺");
      await expectAccessible(page);
      await page.getByLabel("從哪個短缺職業開始？").selectOption({ label: "生物科技研發人員 (070207)" });
      await page.getByRole("button", { name: "下一步" }).click();
      await expect(page).toHaveURL(/\/positions\/new\?occupation=[0-9a-f-]{36}$/);
      await expectAccessible(page);

      await page.getByLabel("職缺名稱").fill("醫材法規專員");
      await page.getByLabel("工作地點（縣市）").fill("新竹市");
      await page.getByLabel("月薪下限（新台幣）").fill("90000");
      await page.getByLabel("月薪上限（新台幣）").fill("60000");
      await page.getByLabel("第 2 項", { exact: true }).selectOption("gmp-process");
      await page.getByRole("button", { name: "儲存草稿" }).click();

      const max = page.getByLabel("月薪上限（新台幣）");
      await expect(max).toHaveAttribute("aria-invalid", "true");
      const errorId = (await max.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
      await expect(page.locator(`[id="${errorId}"]`)).toHaveText("月薪上限不可低於下限。");
      await expect(page.getByLabel("職缺名稱")).toHaveValue("醫材法規專員");
      await expect(page.getByLabel("工作地點（縣市）")).toHaveValue("新竹市");
      await expect(page.getByLabel("月薪下限（新台幣）")).toHaveValue("90000");
      await expect(max).toHaveValue("60000");
      await expect(page.getByLabel("第 2 項", { exact: true })).toHaveValue("gmp-process");
      await expectAccessible(page);
    });
  });
});
