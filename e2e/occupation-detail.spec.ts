// An occupation's page: the survey's requirements, shortage reasons, forecast and links onward.
import { expect, test } from "./fixtures";
import { definition, survey2021, survey2025, tableColumn } from "./helpers";

test.describe("occupation detail", () => {
  test("070207 in the 2025 survey shows 生物科技研發人員 with its skills, fields, reasons and forecast", async ({ page, expectAccessible }) => {
    const response = await page.goto(`/occupations/${survey2025}/070207`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生物科技研發人員 (070207)");
    await expect(page.getByText("Biotechnology R&D Specialist", { exact: true })).toHaveAttribute("lang", "en");
    await expect(page.getByText("113年「臺灣精準健康戰略人才調查研究」", { exact: true })).toBeVisible();
    await expect(page.locator("header .badge")).toHaveText(["招募普通"]);

    await expect(definition(page, "工作內容")).toHaveText("主要從事生技、醫材、醫藥產品研發");
    await expect(definition(page, "最低學歷")).toHaveText("大專");
    await expect(definition(page, "工作年資")).toHaveText("2 年以下");
    await expect(definition(page, "招募難易")).toHaveText("普通");
    await expect(definition(page, "需海外攬才")).toHaveText("不需海外攬才");

    const skills = definition(page, "能力需求").getByRole("listitem");
    await expect(skills).toHaveCount(10);
    await expect(skills.first()).toHaveText("產品機構設計");
    await expect(skills.nth(1)).toHaveText("技術/產品/配方研究與開發");
    await expect(skills.last()).toHaveText("GMP 製程管理");

    const fields = definition(page, "學類（代碼）").getByRole("listitem");
    await expect(fields).toHaveCount(17);
    await expect(fields.first()).toHaveText("醫療管理細學類 (04133)");
    await expect(fields.filter({ hasText: "(05121)" })).toHaveText("生物科技細學類 (05121)");
    await expect(fields.last()).toHaveText("藥學細學類 (09161)");

    await expect(definition(page, "人才欠缺主要原因").getByRole("listitem")).toHaveText([
      "新興職務需求",
      "在職人員技能或素質不符",
      "在職人員易被挖角",
      "缺乏具相關學、經歷或技能之人才供給",
      "薪資不具誘因",
    ]);

    const forecast = page.getByRole("table", { name: "新增專業人才需求推估（人）" });
    expect(await tableColumn(forecast, "持平")).toEqual({ "2025": "676", "2026": "737", "2027": "803" });
    expect(await tableColumn(forecast, "樂觀")).toEqual({ "2025": "710", "2026": "774", "2027": "844" });
    expect(await tableColumn(forecast, "保守")).toEqual({ "2025": "642", "2026": "700", "2027": "763" });
    expect(await tableColumn(forecast, "占總就業人數比（%）")).toEqual({ "2025": "4.1 / 3.9 / 3.7", "2026": "4.1 / 3.9 / 3.7", "2027": "4.1 / 3.9 / 3.7" });
    await expectAccessible(page);
  });

  test("070207 in the 2021 survey shows 生技醫藥 with that survey's own requirements and forecast", async ({ page, expectAccessible }) => {
    const response = await page.goto(`/occupations/${survey2021}/070207`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生技醫藥 (070207)");
    await expect(page.getByText("Biotechnology and pharmaceuticals", { exact: true })).toBeVisible();
    await expect(page.getByText("110 年「精準健康產業專業人才需求調查」", { exact: true })).toBeVisible();
    await expect(page.locator("header .badge")).toHaveText(["招募困難"]);
    await expect(definition(page, "最低學歷")).toHaveText("碩士");
    await expect(definition(page, "工作年資")).toHaveText("2–5 年");

    await expect(definition(page, "能力需求").getByRole("listitem")).toHaveText([
      "技術/產品/配方研究與開發",
      "數據/統計分析",
      "臨床試驗設計/規劃/執行",
      "GMP製程管理",
      "專案規劃與申請",
      "產品/服務的行銷與開發",
    ]);
    await expect(definition(page, "學類（代碼）").getByRole("listitem")).toHaveText([
      "生物科技細學類 (05121)",
      "其他生命科學細學類 (05199)",
      "醫學技術及檢驗細學類 (09141)",
      "生醫工程細學類 (07193)",
      "生物化學細學類 (05123)",
      "生物訊息及遺傳細學類 (05124)",
    ]);
    await expect(definition(page, "人才欠缺主要原因").getByRole("listitem")).toHaveText([
      "人才供給不足，所需人才不易覓得",
      "在職人員易被挖角、流動率過高",
      "在職人員技能不符或素質不足",
    ]);

    const forecast = page.getByRole("table", { name: "新增專業人才需求推估（人）" });
    expect(await tableColumn(forecast, "持平")).toEqual({ "2022": "662", "2023": "741", "2024": "836" });
    expect(await tableColumn(forecast, "從業人員人數")).toEqual({ "2022": "14,995", "2023": "16,360", "2024": "17,900" });
    await expectAccessible(page);
  });

  test("programmes that close this gap link to the programme page", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations/${survey2025}/070207`);
    await expectAccessible(page);
    const section = page.getByRole("region", { name: "相關培訓計畫" });
    // Six published programmes target 070207.
    await expect(section.getByRole("link")).toHaveCount(6);
    await section.getByRole("link", { name: "生技高階人才培訓與就業計畫" }).click();
    await expect(page).toHaveURL("/programmes/phd-training-employment");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生技高階人才培訓與就業計畫");
    await expectAccessible(page);
  });

  test("the same code in the other survey is one link away, both ways", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations/${survey2025}/070207`);
    await expectAccessible(page);
    const other = page.getByRole("region", { name: "同一職業代碼在另一次調查" });
    await other.getByRole("link", { name: /生技醫藥/ }).click();
    await expect(page).toHaveURL(`/occupations/${survey2021}/070207`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生技醫藥 (070207)");
    await expect(definition(page, "最低學歷")).toHaveText("碩士");
    await expectAccessible(page);

    await page.getByRole("region", { name: "同一職業代碼在另一次調查" }).getByRole("link", { name: /生物科技研發人員/ }).click();
    await expect(page).toHaveURL(`/occupations/${survey2025}/070207`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生物科技研發人員 (070207)");
    await expect(definition(page, "最低學歷")).toHaveText("大專");
    await expectAccessible(page);
  });

  test("an occupation found in one survey only has no other-survey link", async ({ page, expectAccessible }) => {
    // 080309 (網路管理工程師) is only in the 2025 survey.
    await page.goto(`/occupations/${survey2025}/080309`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("網路管理工程師 (080309)");
    await expect(page.getByRole("region", { name: "同一職業代碼在另一次調查" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("the list links to each occupation's page", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations?survey=${survey2025}&overseas=1`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "品管/品保工程師" }).click();
    await expect(page).toHaveURL(`/occupations/${survey2025}/090107`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("品管/品保工程師 (090107)");
    await expect(definition(page, "需海外攬才")).toHaveText("需要海外攬才");
    await expectAccessible(page);
    await page.getByRole("link", { name: "回到短缺職缺列表" }).click();
    await expect(page).toHaveURL("/occupations");
    await expect(page.getByRole("status")).toHaveText("共 28 項職缺");
    await expectAccessible(page);
  });
});
