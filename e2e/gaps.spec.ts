// Skill-gap coverage: the public matrix of a survey's occupations × required skills (each cell naming how
// many published programmes teach the skill), the survey switch and filter, and a talent's own gap to a
// target occupation with the programmes ordered by how much of it they close. Expected numbers come from
// the seeded programmes (seeds/data/programmes.json) and the surveys' skill rows.
import { expect, test } from "./fixtures";
import { createConfirmedAccount, logInOverHttp } from "./account-steps";
import { survey2021, survey2025 } from "./helpers";

const title2021 = "110 年「精準健康產業專業人才需求調查」";
const title2025 = "113年「臺灣精準健康戰略人才調查研究」";
const SPARK = "推動生醫與醫療器材轉譯加值人才培訓計畫（SPARK模式）";
const PHD = "生技高階人才培訓與就業計畫";
const STB = "醫療器材跨領域人才培訓計畫（STB，Stanford Biodesign）";

test("the coverage matrix shows each survey's occupations × skills, and no programme teaches two of them", async ({ page, expectAccessible }) => {
  await page.goto("/gaps");
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("能力缺口涵蓋");
  // The newest survey first: 13 occupations as row headers.
  const table = page.getByRole("table");
  await expect(table.locator("caption")).toContainText(title2025);
  await expect(table.locator("tbody th[scope=row]")).toHaveCount(13);
  // 法務 / 智財主管 needs patent strategy, taught by SPARK, STB and the PhD programme: symbol, count and name.
  const legal = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "法務 / 智財主管" }) });
  await expect(legal.getByRole("cell", { name: "專利布局/專利分析：3 個計畫" })).toContainText("✓ 3");
  await expect(legal.getByRole("cell", { name: "財務管理" })).toHaveCount(0);
  await expect(legal.getByRole("cell", { name: "活動企劃、客戶管理：非此職缺所需" })).toBeVisible();
  const planner = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "產品企劃開發人員" }) });
  await expect(planner.getByRole("cell", { name: "活動企劃、客戶管理：沒有計畫教授" })).toContainText("✕ 0");
  // Nobody teaches event planning and client management (7 occupations need it) or information/network
  // system design (4): the skill more occupations need comes first.
  const uncovered = page.getByRole("region", { name: "沒有任何計畫教授的能力" });
  await expect(uncovered).toContainText("共 2 項能力沒有計畫教授");
  await expect(uncovered.locator("strong")).toHaveText(["活動企劃、客戶管理", "資訊網路系統設計"]);

  // The survey switch.
  await page.getByRole("navigation", { name: "調查" }).getByRole("link", { name: title2021 }).click();
  await expect(page).toHaveURL(new RegExp(`/gaps\\?survey=${survey2021}$`));
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: title2021 })).toHaveAttribute("aria-current", "page");
  await expect(table.locator("caption")).toContainText(title2021);
  await expect(table.locator("tbody th[scope=row]")).toHaveCount(15);

  // Narrowed to one skill: only the occupations that require it, one skill column.
  await page.getByLabel("能力", { exact: true }).selectOption({ label: "財務管理" });
  await page.getByRole("button", { name: "套用篩選" }).click();
  await expect(page).toHaveURL(/skill=financial-management/);
  await expectAccessible(page);
  await expect(table.locator("tbody th[scope=row]")).toHaveText(["經營幕僚"]);
  await expect(table.getByRole("cell", { name: "財務管理：1 個計畫" })).toContainText("◐ 1");
});

test("a talent sees their gap to an occupation and the programmes that close most of it first", async ({ page, baseURL, expectAccessible }) => {
  const talent = await createConfirmedAccount(page, baseURL!, "talent", "gaps");
  await logInOverHttp(page, baseURL!, talent);
  // Data analysis held solidly (4), project planning weakly (2); patent strategy and regulatory affairs absent.
  const profile = await page.request.post("/profile", {
    headers: { Origin: new URL(baseURL!).origin },
    form: {
      headline: "法務新人", yearsExperience: "1", city: "台北市", countryOfResidence: "TW", visibility: "applications_only",
      "degrees[0].level": "master", "degrees[0].fieldCode": "05124", "degrees[0].institution": "示範大學", "degrees[0].year": "2024",
      "skills[0].key": "data-analysis", "skills[0].level": "4", "skills[1].key": "project-planning", "skills[1].level": "2",
      "languages[0].tag": "zh", "languages[0].level": "5",
    },
  });
  expect(profile.status()).toBe(200);

  await page.goto("/my");
  await expectAccessible(page);
  await page.getByRole("link", { name: /^我的能力缺口/ }).click();
  await expect(page).toHaveURL(/\/my\/gaps$/);
  await expectAccessible(page);
  await expect(page.getByText("請先選擇一個目標職缺。")).toBeVisible();
  await page.getByLabel("目標職缺").selectOption({ label: "法務 / 智財主管 (030302)" });
  await page.getByRole("button", { name: "查看缺口" }).click();
  await expect(page).toHaveURL(/\/my\/gaps\?occupation=[0-9a-f-]{36}$/);
  await expectAccessible(page);

  const required = page.getByRole("region", { name: "法務 / 智財主管的能力需求" });
  await expect(required.getByRole("row", { name: /數據\/統計分析/ })).toContainText("已具備");
  await expect(required.getByRole("row", { name: /專案規劃與申請/ })).toContainText("部分具備");
  await expect(required.getByRole("row", { name: /專利布局\/專利分析/ })).toContainText("未具備");
  // Missing: patent strategy, project planning (2), regulatory affairs. Closed (taught at ≥ 3) by
  // SPARK 3; PhD 2 (+ raises regulatory at 2, total 3); STB 2 (total 2); the two regulatory seed trainings 1
  // each (by title); HTA and pharma training only raise regulatory affairs to 2 (0 closed, by title).
  const closing = page.getByRole("region", { name: "能補上缺口的計畫" });
  await expect(closing.getByRole("listitem").getByRole("heading")).toHaveText([
    SPARK, PHD, STB, "藥品法規種子人員培訓", "醫療器材法規種子人員培訓", "醫療科技評估（HTA）人才培訓課程", "製藥產業人才培訓",
  ]);
  const phd = closing.getByRole("listitem").filter({ has: page.getByRole("heading", { name: PHD }) });
  await expect(phd).toContainText("補足： 專利布局/專利分析 · 專案規劃與申請");
  await expect(phd).toContainText("提升但未達程度 3： 法規撰寫/申請/查驗");

  // The occupation page lists the programmes that close its gap, and links the talent to their own.
  await page.goto(`/occupations/${survey2025}/030302`);
  await expectAccessible(page);
  const section = page.getByRole("region", { name: "能補上這個缺口的計畫" });
  await expect(section.getByRole("listitem").getByRole("link").first()).toHaveText(SPARK);
  await expect(section).toContainText("教授 3/4 項能力需求：");
  await section.getByRole("link", { name: "看看我離這個職缺還缺哪些能力" }).click();
  await expect(page).toHaveURL(/\/my\/gaps\?occupation=/);
  await expectAccessible(page);
  await expect(page.getByLabel("目標職缺")).toHaveValue(/[0-9a-f-]{36}/);
});
