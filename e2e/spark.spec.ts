// The SPARK team programme end to end: the office opens an intake, a talent applies with a team and
// invites a researcher and a physician, who accept from the link in their mail; the office selects the
// team, assigns the demo mentor and a budget; the team completes a milestone with a PDF as evidence,
// the mentor logs a meeting; at a demo day an approved company registers interest and books a meeting.
// Each run uses a year of its own and unique names, so other specs' counts are untouched.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { tinyPdf } from "../test/support/tiny-pdf";
import { createConfirmedAccount, logInOverHttp, statusConsoleLine, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { latestLink } from "./mail";
import { recruiterWithApprovedCompany } from "./position-steps";

const officer: Account = { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD };
const mentor: Account = { name: "mentor", email: "demo.mentor@example.test", password: DEMO_PASSWORD };

test("a team applies, is selected, completes a milestone with a mentor and meets a company at a demo day", async ({ page, baseURL, playwright, expectAccessible, allowConsoleError }) => {
  test.setTimeout(240_000);
  // The refusals this test provokes answer 400 and 409.
  allowConsoleError(statusConsoleLine(400));
  allowConsoleError(statusConsoleLine(409));
  const signOut = () => page.context().clearCookies();
  const as = async (who: Account) => {
    await signOut();
    await logInOverHttp(page, baseURL!, who);
  };
  const visit = async (p: Page, path: string) => {
    await p.goto(path);
    await expectAccessible(p);
  };
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const year = 2030 + Math.floor(Math.random() * 60);
  const project = `床邊敗血症感測器 ${unique}`;

  const lead = await createConfirmedAccount(page, baseURL!, "talent", "sparklead");
  const researcher = await createConfirmedAccount(page, baseURL!, "talent", "researcher");
  const physician = await createConfirmedAccount(page, baseURL!, "talent", "physician");

  // The office opens this year's intake of the seeded SPARK programme with a target of 10 teams.
  await as(officer);
  await visit(page, "/office/spark");
  const intakeForm = page.locator("form").filter({ has: page.getByRole("button", { name: "開放梯次" }) });
  await intakeForm.getByLabel("計畫", { exact: true }).selectOption("spark-translational");
  await intakeForm.getByLabel("年度", { exact: true }).fill(String(year));
  await intakeForm.getByLabel("年度目標團隊數").fill("10");
  await intakeForm.getByLabel("計畫開始日").fill(`${year}-01-01`);
  await intakeForm.getByLabel("計畫結束日").fill(`${year}-12-31`);
  await intakeForm.getByRole("button", { name: "開放梯次" }).click();
  await expect(page).toHaveURL(/\/office\/spark\/[0-9a-f-]{36}$/);
  const intakeUrl = new URL(page.url()).pathname;
  await expect(page.getByText("已選 0 隊／目標 10 隊")).toBeVisible();
  await expectAccessible(page);

  // A talent applies with a project and invites a researcher and a physician.
  await as(lead);
  await visit(page, "/spark");
  const intakeOption = await page.getByLabel("計畫與年度").locator("option", { hasText: `· ${year}` }).getAttribute("value");
  await page.getByLabel("計畫與年度").selectOption(intakeOption!);
  await page.getByLabel("專案名稱").fill(project);
  await page.getByLabel("臨床需求").fill("加護病房的敗血症常在數小時後才被發現。");
  await page.getByLabel("技術", { exact: true }).fill("床邊生物感測器與早期警示演算法");
  await page.getByLabel("發展階段").selectOption("preclinical");
  await page.getByLabel("您在團隊中的角色").selectOption("engineer");
  await page.getByRole("button", { name: "建立團隊" }).click();
  await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
  const teamPath = new URL(page.url()).pathname;
  await expectAccessible(page);

  // Submitting without a researcher and a physician is refused with the reason.
  await page.getByRole("button", { name: "送出團隊申請" }).click();
  await expect(page.getByRole("alert")).toContainText("至少需要一位已接受邀請的研究人員");
  await expectAccessible(page);

  for (const [who, role] of [[researcher, "researcher"], [physician, "physician"]] as const) {
    await page.goto(teamPath);
    await page.getByLabel("電子郵件", { exact: true }).fill(who.email);
    await page.getByLabel("角色", { exact: true }).selectOption(role);
    await page.getByRole("button", { name: "寄出邀請" }).click();
    await expect(page.getByText("邀請已寄出。")).toBeVisible();
  }
  await expectAccessible(page);

  // Each invitee signs in as the invited address and accepts from the link in their mail.
  for (const who of [researcher, physician]) {
    const link = await latestLink(page, who.email, "/spark/teams/");
    expect(link).toBe(teamPath);
    await as(who);
    await visit(page, link);
    await page.getByRole("button", { name: "接受邀請" }).click();
    await expect(page.getByText("您已加入團隊。")).toBeVisible();
  }
  await expectAccessible(page);

  await as(lead);
  await visit(page, teamPath);
  await page.getByRole("button", { name: "送出團隊申請" }).click();
  await expect(page.getByText("團隊申請已送出。")).toBeVisible();
  await expect(page.getByText("已送出申請", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The office selects the team, assigns the demo mentor (actively) and a matching-fund budget.
  await as(officer);
  await visit(page, intakeUrl);
  await page.getByRole("button", { name: `選取「${project}」`, exact: true }).click();
  await expect(page.getByText("已選 1 隊／目標 10 隊")).toBeVisible();
  await expectAccessible(page);
  const row = page.getByRole("row").filter({ hasText: project });
  await row.getByLabel("輔導專家").selectOption({ label: "示範業師 吳顧問 (demo.mentor@example.test)" });
  await row.getByLabel("輔導方式").selectOption("active");
  await row.getByRole("button", { name: `指派專家給「${project}」` }).click();
  await expect(page.getByRole("row").filter({ hasText: project })).toContainText("示範業師 吳顧問 · 主動式輔導");
  await expectAccessible(page);
  await page.getByRole("row").filter({ hasText: project }).getByLabel("配合款預算（新臺幣）").fill("500000");
  await page.getByRole("button", { name: `設定「${project}」的預算` }).click();
  await expect(page.getByText("目前預算 NT$500,000")).toBeVisible();
  await expectAccessible(page);
  expect(await latestLink(page, physician.email, "/spark/teams/")).toBe(teamPath);

  // The team sets a milestone within the programme period (one outside it is refused) and completes it with a PDF.
  await as(lead);
  await visit(page, teamPath);
  const milestoneForm = page.locator("form").filter({ has: page.getByRole("button", { name: "新增里程碑" }) });
  await milestoneForm.getByLabel("里程碑", { exact: true }).fill("原型機驗證");
  // The browser keeps the due date within the period; the server refuses one outside it regardless (test/spark).
  await expect(milestoneForm.getByLabel("期限")).toHaveAttribute("max", `${year}-12-31`);
  await milestoneForm.getByLabel("交付成果").fill("十位病人的前驅研究報告");
  await milestoneForm.getByLabel("期限").fill(`${year}-06-30`);
  await milestoneForm.getByRole("button", { name: "新增里程碑" }).click();
  await expect(page.getByText("已新增里程碑。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("「原型機驗證」的狀態").selectOption("done");
  await page.getByLabel("「原型機驗證」的佐證文件").setInputFiles({ name: "前驅研究報告.pdf", mimeType: "application/pdf", buffer: tinyPdf("Pilot study report") });
  await page.getByRole("button", { name: "儲存「原型機驗證」" }).click();
  await expect(page.getByText("里程碑已更新。")).toBeVisible();
  const milestones = page.getByRole("table", { name: "里程碑" });
  await expect(milestones).toContainText("已完成");
  await expect(milestones.getByRole("link", { name: "前驅研究報告.pdf" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("金額（新臺幣）").fill("120000");
  await page.getByLabel("支用日期").fill(`${year}-03-01`);
  await page.getByLabel("用途").fill("動物實驗");
  await page.getByRole("button", { name: "登錄支用" }).click();
  await expect(page.getByText("預算 NT$500,000，已支用 NT$120,000，剩餘 NT$380,000。")).toBeVisible();
  await expectAccessible(page);

  // The mentor logs a meeting with the team.
  await as(mentor);
  await visit(page, "/mentor");
  const section = page.getByRole("region", { name: project });
  await section.getByLabel("會議日期").fill(`${year}-04-15`);
  await section.getByLabel("時間（分鐘）").fill("90");
  await section.getByLabel("會議紀要").fill("檢視原型機驗證計畫，建議先取得 IRB 核准。");
  await section.getByRole("button", { name: `記錄與「${project}」的會議` }).click();
  await expect(page.getByText("已記錄輔導會議。")).toBeVisible();
  await expectAccessible(page);

  // The office creates a demo day, registers the team and marks it present.
  await as(officer);
  await visit(page, "/office/spark");
  const demoForm = page.locator("form").filter({ has: page.getByRole("button", { name: "建立成果發表會" }) });
  await demoForm.getByLabel("名稱（中文）").fill(`成果發表會 ${unique}`);
  await demoForm.getByLabel("名稱（英文）").fill(`Demo day ${unique}`);
  await demoForm.getByLabel("日期").fill(`${year}-11-20`);
  await demoForm.getByLabel("地點").fill("台北國際會議中心");
  await demoForm.getByLabel("開始時間（臺北）").fill("13:00");
  await demoForm.getByLabel("結束時間（臺北）").fill("15:00");
  await demoForm.getByLabel("每場媒合會談（分鐘）").fill("30");
  await demoForm.getByRole("button", { name: "建立成果發表會" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `成果發表會 ${unique}` })).toBeVisible();
  const demoPath = new URL(page.url()).pathname;
  await page.getByLabel("登記獲選團隊").selectOption({ label: `${project} (${year})` });
  await page.getByRole("button", { name: "登記團隊" }).click();
  await expect(page.getByRole("button", { name: `記錄「${project}」出席` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `記錄「${project}」出席` }).click();
  await expect(page.getByRole("button", { name: `記錄「${project}」缺席` })).toBeVisible();
  await expectAccessible(page);

  // An approved company registers interest in the team and books a meeting slot.
  await signOut();
  const company = await recruiterWithApprovedCompany(page, baseURL!, () => playwright.request.newContext({ baseURL }));
  await visit(page, demoPath);
  await page.getByRole("button", { name: `對「${project}」表達興趣` }).click();
  await expect(page.getByRole("row").filter({ hasText: project })).toContainText(company.nameZh);
  await expectAccessible(page);
  await page.getByLabel(`與「${project}」會談的時段`).selectOption({ index: 1 });
  await page.getByRole("button", { name: `預約與「${project}」會談` }).click();
  await expect(page.getByText("已儲存。")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: project }).getByRole("listitem")).toContainText(company.nameZh);
  await expectAccessible(page);

  // The team sees the meeting, the mentor's notes and the company on its page.
  await as(lead);
  await visit(page, teamPath);
  await expect(page.getByRole("region", { name: "成果發表會媒合會談" })).toContainText(company.nameZh);
  await expect(page.getByRole("region", { name: "專家輔導" })).toContainText("建議先取得 IRB 核准");
});
