// Issue 9, items 1 and 3, through the pages people use: an overseas talent switches the portal to
// English, registers and confirms the address (the mail comes in English), fills in the profile with
// nationality, residence, arrival date and relocation, finds the position through search filtered to
// positions open to overseas talent, and applies. The company makes the offer and hires; the hire opens
// a work-permit case. The talent and the company each advance their own steps (a document is uploaded,
// a past due date is refused), and the programme office sees the case in its list of where cases stall.
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { logInOverHttp, newAccount, statusConsoleLine, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { latestLink, mailSubjects } from "./mail";
import { publishedPosition, recruiterWithApprovedCompany } from "./position-steps";

const occupationCode = "070207";
const surveySkills = (JSON.parse(readFileSync("seeds/data/survey-2025.json", "utf8")) as { occupations: { code: string; skills: { key: string }[] }[] })
  .occupations.find((o) => o.code === occupationCode)!.skills.map((s) => s.key);
const officer: Account = { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD };
const word = () => Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

test("issue 9: an overseas talent registers in English, is hired, and both sides advance the work-permit case", async ({ page, baseURL, playwright, expectAccessible, allowConsoleError }) => {
  test.setTimeout(120_000);
  // The refused upload and the refused arrival date answer 400.
  allowConsoleError(statusConsoleLine(400));
  const base = baseURL!;
  // The company: approved, with a position open to overseas talent that supports the work permit.
  const company = await recruiterWithApprovedCompany(page, base, () => playwright.request.newContext({ baseURL: base }));
  const title = `Overseas genomics scientist ${word()}`;
  const positionId = await publishedPosition(page, base, { title, headcount: 1, skillKeys: surveySkills, extra: { openToOverseas: "on", supportsWorkPermit: "on" } });
  await page.context().clearCookies();

  // 1. The talent chooses English and registers on the page.
  const talent = newAccount("overseas-talent");
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/signup");
  await expectAccessible(page);
  await page.getByLabel("Name (as shown to others)").fill(talent.name);
  await page.getByLabel("E-mail").fill(talent.email);
  await page.getByLabel("Password", { exact: true }).fill(talent.password);
  await page.getByRole("radio", { name: /talent/i }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await expectAccessible(page);
  await page.goto(await latestLink(page, talent.email, "/verify-email"));
  await expectAccessible(page);
  await page.getByRole("button").filter({ hasText: /confirm/i }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await page.getByLabel("E-mail").fill(talent.email);
  await page.getByLabel("Password").fill(talent.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL("/account");
  await expectAccessible(page);

  // 2. The profile, in English, with the overseas fields; an arrival date in the past is refused.
  await page.goto("/profile");
  await expectAccessible(page);
  await page.getByLabel(/^Nationality/).fill("IN");
  await page.getByLabel(/^Country of residence/).fill("IN");
  await page.getByLabel("I am willing to relocate to Taiwan").check();
  await page.getByLabel("Intended arrival date in Taiwan").fill("2020-01-01");
  await page.getByRole("button", { name: /save/i }).first().click();
  await expect(page.getByText("The intended arrival date cannot be before today.")).toBeVisible();
  await page.getByLabel("Intended arrival date in Taiwan").fill(inDays(60));
  await page.getByRole("button", { name: /save/i }).first().click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await expect(page.getByLabel("I am willing to relocate to Taiwan")).toBeChecked();

  // 3. Search, filtered to positions open to overseas talent, finds the position (once indexed).
  const q = title.split(" ").at(-1)!;
  await expect(async () => {
    await page.goto(`/search?kind=positions&q=${q}`);
    await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  await page.getByRole("group", { name: "Open to overseas talent" }).getByRole("link", { name: /Yes/ }).click();
  await expect(page).toHaveURL(/openToOverseas=true/);
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(`/positions/${positionId}`);
  await expectAccessible(page);
  await page.getByLabel("A note to the company (optional)").fill("I analyse genomic data and would like to relocate.");
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByText("Your application has been sent; the company is notified.")).toBeVisible();
  const applicationHref = await page.getByRole("link", { name: "View my application" }).getAttribute("href");

  // 4. The company offers and hires (in its own language).
  await page.context().clearCookies();
  await logInOverHttp(page, base, company.recruiter);
  await page.goto(applicationHref!);
  await expectAccessible(page);
  for (const stage of ["錄取通知", "已錄用"]) {
    await page.getByRole("radio", { name: stage, exact: true }).check();
    await page.getByRole("button", { name: "變更階段" }).click();
    await expect(page.getByTestId("current-stage")).toHaveText(stage);
  }
  await page.getByRole("link", { name: "工作許可案件", exact: true }).click();
  await expect(page).toHaveURL(/\/work-permits\/[0-9a-f-]{36}$/);
  const casePath = new URL(page.url()).pathname;
  await expectAccessible(page);
  // The company's step: the work-permit application, in progress with a due date.
  const companyStep = page.getByRole("region", { name: /工作許可申請/ });
  await companyStep.getByLabel("狀態").selectOption("in_progress");
  await companyStep.getByLabel("期限").fill(inDays(30));
  await companyStep.getByRole("button", { name: "儲存這個步驟" }).click();
  await expect(companyStep.getByText("步驟已更新。")).toBeVisible();

  // 5. The talent: the documents step, a document uploaded (a wrong type refused), done.
  // The case was mailed to the talent in the language they chose at sign-up.
  expect(await mailSubjects(page, talent.email)).toContain("Your work-permit case is open");
  await page.context().clearCookies();
  await logInOverHttp(page, base, talent);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
  await page.goto(casePath);
  await expectAccessible(page);
  const documents = page.getByRole("region", { name: "Your step: Documents" });
  await documents.getByLabel("Document file").setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is not a pdf") });
  await documents.getByRole("button", { name: "Upload a document" }).click();
  await expect(page.getByRole("region", { name: "Your step: Documents" }).getByText(/Only PDF, JPEG or PNG files are accepted/)).toBeVisible();
  await page.getByRole("region", { name: "Your step: Documents" }).getByLabel("Document file")
    .setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1") });
  await page.getByRole("region", { name: "Your step: Documents" }).getByRole("button", { name: "Upload a document" }).click();
  await expect(page.getByText("The document was uploaded.")).toBeVisible();
  await expect(page.getByRole("link", { name: "passport.pdf" })).toBeVisible();
  const step = page.getByRole("region", { name: "Your step: Documents" });
  await step.getByLabel("Status").selectOption("done");
  await step.getByRole("button", { name: "Save this step" }).click();
  await expect(page.getByText("The step was updated.")).toBeVisible();
  await expect(page.locator('tr[data-step="documents"]')).toContainText("Done");
  await expect(page.locator('tr[data-step="work_permit"]')).toContainText("In progress");
  await expectAccessible(page);

  // 6. The office sees the case waiting on the company's work-permit application.
  await page.context().clearCookies();
  await logInOverHttp(page, base, officer);
  await page.goto("/office/work-permits");
  await expectAccessible(page);
  const row = page.locator(`tr[data-case="${casePath.split("/").at(-1)}"]`);
  await expect(row).toContainText(talent.name);
  await expect(row).toContainText("工作許可申請");
  await expect(row).toContainText("0 天");
});
