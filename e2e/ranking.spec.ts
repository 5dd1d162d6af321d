// Ranking both ways: a talent with a filled-in profile finds recommended positions on /my with the
// parts of each score; the demo recruiter opens the ranked candidates of the demo company's position,
// finds the talent with the breakdown, filters by a minimum score (in the URL, undone by the back
// button) and invites the talent, who then finds the invitation on /my.
import { expect, test } from "./fixtures";
import { createConfirmedAccount, logInOverHttp, type Account } from "./account-steps";
import { latestLink } from "./mail";

const demoRecruiter: Account = { name: "示範招募 林經理", email: "demo.recruiter@example.test", password: "demo-portal-示範-2026" };
const demoPosition = "示範職缺：生物資訊軟體工程師";

test("a talent is recommended a position, ranked for it, invited, and sees the invitation", async ({ page, baseURL, expectAccessible }) => {
  const talent = await createConfirmedAccount(page, baseURL!, "talent", "ranking");
  await logInOverHttp(page, baseURL!, talent);
  // The profile, as the profile form posts it: a PhD in 05124, four of the position's six skills, zh and en, Taipei.
  const profile = await page.request.post("/profile", {
    headers: { Origin: new URL(baseURL!).origin },
    form: {
      headline: "生物資訊博士，熟悉資料分析與系統設計", yearsExperience: "1", city: "台北市", countryOfResidence: "TW", visibility: "approved_companies",
      "degrees[0].level": "phd", "degrees[0].fieldCode": "05124", "degrees[0].institution": "示範大學", "degrees[0].year": "2024",
      "skills[0].key": "data-analysis", "skills[0].level": "4", "skills[1].key": "rd", "skills[1].level": "4",
      "skills[2].key": "it-network-system-design", "skills[2].level": "4", "skills[3].key": "product-mechanical-design", "skills[3].level": "3",
      "languages[0].tag": "zh", "languages[0].level": "5", "languages[1].tag": "en", "languages[1].level": "4",
    },
  });
  expect(profile.status()).toBe(200);

  await page.goto("/account");
  await expectAccessible(page);
  await page.getByRole("link", { name: "我的求職" }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expectAccessible(page);
  const recommended = page.getByRole("region", { name: "推薦職缺" });
  await expect(recommended.getByRole("listitem").first()).toContainText(/\d+ 項能力需求中具備 \d+ 項/);
  await expect(page.getByRole("region", { name: "應徵與邀請" })).toContainText("您還沒有應徵任何職缺");

  // The full list, narrowed to Taipei, holds the demo company's position: 4 of its 6 skills.
  await page.goto(`/my/recommendations?${new URLSearchParams({ city: "台北市" })}`);
  await expectAccessible(page);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: demoPosition }) });
  await expect(card).toContainText("6 項能力需求中具備 4 項：缺少 GMP製程管理、臨床試驗設計/規劃/執行");
  // 40 × 4/6 + 15 + 15 + 15 + 10 + 5 = 86.7 → 87
  await expect(card).toContainText(/媒合分數\s*87\s*\/ 100/);
  const positionPath = await card.getByRole("link", { name: demoPosition }).getAttribute("href");
  expect(positionPath).toMatch(/^\/positions\/[0-9a-f-]{36}$/);

  // The demo recruiter ranks the candidates of that position.
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL!, demoRecruiter);
  await page.goto(`${positionPath}/candidates`);
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("候選人排名");
  const candidate = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: talent.name }) });
  await expect(candidate).toContainText(/媒合分數\s*87\s*\/ 100/);
  await expect(candidate).toContainText("6 項能力需求中具備 4 項：缺少 GMP製程管理、臨床試驗設計/規劃/執行");
  await expect(candidate).toContainText("完全符合（生物訊息及遺傳細學類）");
  await expect(candidate).toContainText("要求大專，具博士");
  await expect(candidate).toContainText("尚未應徵");
  // A demo talent scores 67 (no languages): shown until the filter asks for 70 or more.
  const demoTalent = page.getByRole("heading", { name: "示範學員 王小明" });
  await expect(demoTalent).toBeVisible();

  await page.getByLabel("最低分數").selectOption("70");
  await page.getByRole("button", { name: "套用" }).click();
  await expect(page).toHaveURL(/minScore=70/);
  await expect(demoTalent).toHaveCount(0);
  await expect(candidate).toBeVisible();
  await expectAccessible(page);

  await page.goBack();
  await expect(page).not.toHaveURL(/minScore/);
  await expect(demoTalent).toBeVisible();
  await expect(page.getByLabel("最低分數")).toHaveValue("");

  await candidate.getByText("邀請應徵").click();
  await candidate.getByLabel("給人才的話（選填）").fill("您的資料分析經驗很適合這個職缺，歡迎應徵。");
  await candidate.getByRole("button", { name: "送出邀請" }).click();
  await expect(candidate.getByRole("status")).toHaveText(`已邀請 ${talent.name} 應徵這個職缺。`);
  await expect(candidate).toContainText("應徵階段：已邀請");
  await expect(candidate.getByRole("button", { name: "送出邀請" })).toHaveCount(0);
  await expectAccessible(page);

  // The talent finds the invitation first on /my, linking where it is answered (as the mail does).
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL!, talent);
  await page.goto("/my");
  await expectAccessible(page);
  const row = page.getByRole("row").filter({ hasText: demoPosition });
  await expect(row).toContainText("已邀請");
  const answer = row.getByRole("link", { name: /回覆邀請/ });
  const mailed = await latestLink(page, talent.email, "/applications/");
  await expect(answer).toHaveAttribute("href", mailed);
});
