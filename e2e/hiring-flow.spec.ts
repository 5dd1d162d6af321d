// The whole hiring flow of issue 5, through the pages people use: a recruiter creates a company (the
// programme officer approves it) and invites a colleague as a second interviewer, posts a position from
// a shortage occupation and publishes it; a talent with a profile finds it through the header search
// box, applies, and finds it on the results page too; the recruiter moves the application through
// screening and interview, both interviewers fill in scorecards, and the recruiter makes an offer and
// hires; the position shows as filled, the talent's dashboard shows the hire, and search drops it.
//
// Only set-up goes over HTTP: signing up and confirming the accounts, and logging in as each person
// (account-steps.ts). Everything else is done on the pages, each checked with axe.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { definition, survey2025, tableColumn } from "./helpers";
import { latestLink } from "./mail";

const occupationCode = "070207";
const surveySkills = (JSON.parse(readFileSync("seeds/data/survey-2025.json", "utf8")) as { occupations: { code: string; skills: { key: string }[] }[] })
  .occupations.find((o) => o.code === occupationCode)!.skills.map((s) => s.key);
const officer: Account = { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD };

/** A word no survey, programme or other position has: ten random lower-case letters. */
const distinctiveWord = () => Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** Another person takes the browser: the old session cookie goes, the new one comes. */
async function switchTo(page: Page, baseURL: string, account: Account) {
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL, account);
}

test("issue 5 end to end: posted from an occupation, found through search, applied to, scored by two interviewers, hired; the position fills", async ({
  page, baseURL, expectAccessible,
}) => {
  test.setTimeout(120_000); // four people and some thirty pages; it usually takes well under a minute
  const base = baseURL!;
  const [recruiter, colleague, talent] = [
    await createConfirmedAccount(page, base, "company_recruiter", "hiring-recruiter"),
    await createConfirmedAccount(page, base, "company_recruiter", "hiring-interviewer"),
    await createConfirmedAccount(page, base, "talent", "hiring-talent"),
  ];
  const unique = recruiter.email.split("-").at(-1)!.split("@")[0]!;
  const companyName = `招募流程生技 ${unique}`;
  const word = distinctiveWord();
  const title = `精準醫療研發工程師 ${word}`;
  const header = page.getByRole("banner");
  const accountMenu = page.getByRole("navigation", { name: "我的帳號" });
  const searchBox = header.getByRole("combobox", { name: "搜尋" });

  // 1. The recruiter creates the company, sends it for approval and invites a colleague.
  await logInOverHttp(page, base, recruiter);
  await page.goto("/account");
  await expectAccessible(page);
  await page.getByRole("link", { name: "建立單位" }).click();
  await expect(page).toHaveURL("/organisations/new");
  await expectAccessible(page);
  await page.getByLabel("中文名稱", { exact: true }).fill(companyName);
  await page.getByLabel("英文名稱", { exact: true }).fill(`Hiring Flow Biotech ${unique}`);
  await page.getByLabel("所在縣市", { exact: true }).fill("台北市");
  await page.getByRole("button", { name: "建立單位" }).click();
  await expect(page).toHaveURL(/\/organisations\/(?!new$)[a-z0-9-]+$/);
  const organisationPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "審核狀態：草稿（尚未送審）" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "送交審核" }).click();
  await expect(page.getByRole("heading", { name: "審核狀態：審核中" })).toBeVisible();
  const invite = page.getByRole("region", { name: "邀請同事" });
  await invite.getByLabel("電子郵件", { exact: true }).fill(colleague.email);
  await invite.getByRole("button", { name: "寄出邀請" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`已寄出邀請給 ${colleague.email}。`);
  await expectAccessible(page);

  // The programme officer approves it from the approval queue.
  await switchTo(page, base, officer);
  await page.goto("/account");
  await expectAccessible(page);
  await accountMenu.getByRole("link", { name: "計畫辦公室", exact: true }).click();
  await expect(page).toHaveURL("/office/organisations");
  await expectAccessible(page);
  const request = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: companyName }) });
  await request.getByRole("button", { name: "核准" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`已核准「${companyName}」。`);
  await expect(request).toHaveCount(0);
  await expectAccessible(page);

  // The colleague accepts the invitation from the mail and becomes a member.
  await switchTo(page, base, colleague);
  await page.goto(await latestLink(page, colleague.email, "/invitations/"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "接受邀請" }).click();
  await expect(page).toHaveURL(organisationPath);
  await expect(page.getByRole("heading", { name: "審核狀態：已核准" })).toBeVisible();
  await expect(page.getByRole("region", { name: "成員" }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);

  // 2. The recruiter posts a position from the shortage occupation's page, keeping the survey's skills, and publishes it.
  await switchTo(page, base, recruiter);
  const occupationPath = `/occupations/${survey2025}/${occupationCode}`;
  await page.goto(occupationPath);
  await expectAccessible(page);
  await page.getByRole("region", { name: "招募中的職缺" }).getByRole("link", { name: "為這個職業刊登職缺" }).click();
  await expect(page).toHaveURL(/\/positions\/new\?occupation=[0-9a-f-]{36}$/);
  await expect(page.getByText(`刊登企業：${companyName}`)).toBeVisible();
  for (const [i, key] of surveySkills.entries()) await expect(page.getByLabel(`第 ${i + 1} 項`, { exact: true })).toHaveValue(key);
  await expectAccessible(page);
  await page.getByLabel("職缺名稱").fill(title);
  await page.getByLabel("工作地點（縣市）").fill("台北市");
  await page.getByLabel("招募人數").fill("1");
  await page.getByRole("button", { name: "儲存草稿" }).click();
  await expect(page).toHaveURL(/\/positions\/[0-9a-f-]{36}$/);
  const positionPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(definition(page, "能力需求（依重要性）").getByRole("listitem")).toHaveCount(surveySkills.length);
  await expectAccessible(page);
  await page.getByRole("button", { name: "發布職缺" }).click();
  await expect(page.getByRole("status").filter({ hasText: "職缺已發布。" })).toBeVisible();
  await expect(page.getByText("招募中", { exact: true })).toBeVisible();
  await expect(definition(page, "名額")).toHaveText("尚餘 1 名（共 1 名）");
  await expectAccessible(page);

  // 3. The talent fills in a profile, finds the position through the header search box and applies.
  await switchTo(page, base, talent);
  await page.goto("/account");
  await expectAccessible(page);
  await accountMenu.getByRole("link", { name: "我的人才資料", exact: true }).click();
  await expect(page).toHaveURL("/profile");
  await expectAccessible(page);
  await page.getByLabel(/一句話介紹/).fill("生技研發博士，擅長數據分析與新藥研發");
  await page.getByLabel("工作年資（年）").fill("2");
  await page.getByLabel(/公開給已核准的企業/).check();
  const degree = page.getByRole("group", { name: "學歷 1" });
  await degree.getByLabel("學位").selectOption("phd");
  await degree.getByLabel("學類").selectOption("05124");
  await degree.getByLabel("學校").fill("示範大學");
  await degree.getByLabel(/年份/).fill("2024");
  await page.getByLabel("數據/統計分析").selectOption("4");
  await page.getByRole("button", { name: "儲存資料" }).click();
  await expect(page.getByRole("status")).toContainText("已儲存");
  await expectAccessible(page);

  // Publishing queues the position for the search index, which a worker applies soon after: type the
  // word again until the instant results show it (bounded).
  const suggestions = header.getByRole("listbox", { name: "搜尋" });
  const suggestion = suggestions.getByRole("option").filter({ hasText: title });
  await expect(async () => {
    await searchBox.fill("");
    await searchBox.fill(word);
    await expect(suggestion).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(suggestions.getByRole("group", { name: "職缺 · 1", exact: true })).toContainText(`${title} · ${companyName}`);
  await expectAccessible(page);
  await suggestion.click();
  await expect(page).toHaveURL(positionPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);
  await page.getByLabel("給企業的話（選填）").fill("我在新藥研發的數據分析有兩年經驗，期待加入。");
  await page.getByRole("button", { name: "送出應徵" }).click();
  await expect(page.getByText("已送出應徵，企業會收到通知。")).toBeVisible();
  await expectAccessible(page);

  // Enter without choosing a suggestion opens the results page, which lists the position under positions.
  await searchBox.fill(word);
  await expect(suggestion).toBeVisible();
  await searchBox.press("Enter");
  await expect(page).toHaveURL(`/search?q=${word}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`「${word}」的搜尋結果`);
  const positionResults = page.getByRole("region", { name: "職缺 (1)" });
  await expect(positionResults.getByRole("link", { name: title })).toHaveAttribute("href", positionPath);
  await expect(positionResults).toContainText(`${companyName} · 台北市`);
  await expectAccessible(page);

  // 4. The recruiter opens the applicants from the company dashboard, then the application.
  await switchTo(page, base, recruiter);
  await page.goto("/account");
  await expectAccessible(page);
  await accountMenu.getByRole("link", { name: "企業儀表板", exact: true }).click();
  await expect(page).toHaveURL("/company");
  const dashboard = page.getByRole("table");
  expect(await tableColumn(dashboard, "已應徵")).toEqual({ [title]: "1" });
  await expectAccessible(page);
  await page.getByRole("link", { name: `${title} 的應徵者` }).click();
  await expect(page).toHaveURL(`${positionPath}/applicants`);
  expect(await tableColumn(page.getByRole("table"), "階段")).toEqual({ [talent.name]: "已應徵" });
  await expectAccessible(page);
  await page.getByRole("link", { name: talent.name }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationPath = new URL(page.url()).pathname;
  await expect(page.getByText("我在新藥研發的數據分析有兩年經驗，期待加入。")).toBeVisible();
  await expect(page.getByTestId("current-stage")).toHaveText("已應徵");
  await expectAccessible(page);

  const move = page.getByRole("region", { name: "變更階段" });
  const moveTo = async (stage: string) => {
    await move.getByRole("radio", { name: stage, exact: true }).check();
    await move.getByRole("button", { name: "變更階段" }).click();
    await expect(move.getByRole("status")).toHaveText(`已將應徵移到「${stage}」。`);
    await expect(page.getByTestId("current-stage")).toHaveText(stage);
  };
  await moveTo("資格審查");
  await expectAccessible(page);
  await moveTo("面試");
  await expectAccessible(page);

  // Each interviewer's scorecard: a score for every criterion (the position's skills) and a recommendation.
  const scorecards = page.getByRole("region", { name: "面試評分表" });
  const fillScorecard = async (score: string, recommendation: string, notes: string) => {
    const criteria = scorecards.getByRole("group").filter({ has: page.getByRole("radio", { name: score }) });
    await expect(criteria).toHaveCount(surveySkills.length);
    for (const criterion of await criteria.all()) await criterion.getByRole("radio", { name: score }).check();
    await scorecards.getByRole("group", { name: "整體建議" }).getByRole("radio", { name: recommendation, exact: true }).check();
    await scorecards.getByLabel("備註").fill(notes);
    await scorecards.getByRole("button", { name: "儲存評分表" }).click();
    await expect(scorecards.getByRole("status")).toHaveText("已儲存您的評分表。");
  };
  await fillScorecard("4 良好", "推薦", "研發經驗扎實。");
  await expect(scorecards.getByRole("heading", { name: `面試官：${recruiter.name}` })).toBeVisible();
  expect(Object.values(await tableColumn(scorecards.getByRole("table"), "平均"))).toEqual(surveySkills.map(() => "4.0"));
  await expectAccessible(page);

  // The second interviewer got the company's "new applicant" mail as a member; its link leads to the applicants.
  await switchTo(page, base, colleague);
  await page.goto(await latestLink(page, colleague.email, `${positionPath}/applicants`));
  await expectAccessible(page);
  await page.getByRole("link", { name: talent.name }).click();
  await expect(page).toHaveURL(applicationPath);
  await expect(page.getByTestId("current-stage")).toHaveText("面試");
  await expectAccessible(page);
  await fillScorecard("5 優秀", "強烈推薦", "數據分析能力出色。");
  await expect(scorecards.getByRole("heading", { name: /^面試官：/ })).toHaveCount(2);
  await expect(scorecards.getByRole("heading", { name: `面試官：${recruiter.name}` })).toBeVisible();
  await expect(scorecards.getByRole("heading", { name: `面試官：${colleague.name}` })).toBeVisible();
  expect(Object.values(await tableColumn(scorecards.getByRole("table"), "平均"))).toEqual(surveySkills.map(() => "4.5"));
  await expectAccessible(page);

  // The recruiter makes the offer and hires.
  await switchTo(page, base, recruiter);
  await page.goto(applicationPath);
  await expectAccessible(page);
  await moveTo("錄取通知");
  await expectAccessible(page);
  await moveTo("已錄用");
  await expect(move.getByText("這份應徵已結束，不能再變更階段。")).toBeVisible();
  await expectAccessible(page);

  // 5. The position is filled.
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(positionPath);
  await expect(page.getByText("已額滿", { exact: true })).toBeVisible();
  await expect(page.getByText("這個職缺的名額已全部補滿。")).toBeVisible();
  await expect(definition(page, "名額")).toHaveText("尚餘 0 名（共 1 名）");
  await expect(page.getByRole("button", { name: "關閉職缺" })).toHaveCount(0);
  await expectAccessible(page);

  // The talent's dashboard shows the hire.
  await switchTo(page, base, talent);
  await page.goto("/account");
  await expectAccessible(page);
  await accountMenu.getByRole("link", { name: "我的求職", exact: true }).click();
  await expect(page).toHaveURL("/my");
  const row = page.getByRole("region", { name: "應徵與邀請" }).getByRole("row").filter({ hasText: title });
  await expect(row.getByRole("cell").nth(1)).toHaveText("已錄用");
  await expect(row).toContainText(companyName);
  await expectAccessible(page);

  // And search no longer offers it, once the worker has applied the hire (bounded).
  await searchBox.fill(word);
  await searchBox.press("Enter");
  await expect(page).toHaveURL(`/search?q=${word}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("main").getByRole("link", { name: title })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: /^職缺 \(/ })).toHaveCount(0);
  await expectAccessible(page);
});
