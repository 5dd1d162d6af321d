// Training programmes: the list, its type filter, a programme's page and its links to occupations.
import { expect, test } from "./fixtures";
import { definition, resultCards, survey2025 } from "./helpers";

// In the order the list shows them (by English title).
const industryCourses = [
  "藥品法規種子人員培訓",
  "醫療科技評估（HTA）人才培訓課程",
  "醫療器材法規種子人員培訓",
  "教育部生技人才培育產學聯盟",
  "製藥產業人才培訓",
];

test.describe("programmes", () => {
  test("the list shows the eight published programmes, each linking to its page", async ({ page, expectAccessible }) => {
    await page.goto("/programmes");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("培訓計畫");
    await expect(page.getByRole("status")).toHaveText("共 8 項計畫");
    await expect(resultCards(page)).toHaveCount(8);
    await expect(resultCards(page).getByRole("link", { name: "生技高階人才培訓與就業計畫" })).toHaveAttribute(
      "href",
      "/programmes/phd-training-employment",
    );
    await expect(resultCards(page).getByRole("link", { name: "推動生醫與醫療器材轉譯加值人才培訓計畫（SPARK模式）" })).toHaveAttribute(
      "href",
      "/programmes/spark-translational",
    );
    await expectAccessible(page);
  });

  test("the type filter narrows the list and keeps the type in the URL", async ({ page, expectAccessible }) => {
    await page.goto("/programmes");
    await expectAccessible(page);

    await page.getByLabel("類型").selectOption("industry_course");
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL("/programmes?type=industry_course");
    await expect(page.getByRole("status")).toHaveText("共 5 項計畫");
    await expect(resultCards(page).getByRole("heading")).toHaveText(industryCourses);
    await expect(resultCards(page).getByText("產學與在職訓練課程", { exact: true })).toHaveCount(5);
    await expectAccessible(page);

    await page.getByLabel("類型").selectOption("phd_placement");
    await page.getByRole("button", { name: "套用篩選" }).click();
    await expect(page).toHaveURL("/programmes?type=phd_placement");
    await expect(page.getByRole("status")).toHaveText("共 1 項計畫");
    await expect(resultCards(page).getByRole("heading")).toHaveText(["生技高階人才培訓與就業計畫"]);
    await expectAccessible(page);

    // Back: the previous list, with its type shown in the form again.
    await page.goBack();
    await expect(page).toHaveURL("/programmes?type=industry_course");
    await expect(page.getByRole("status")).toHaveText("共 5 項計畫");
    await expect(page.getByLabel("類型")).toHaveValue("industry_course");
    await expectAccessible(page);

    await page.goForward();
    await expect(page).toHaveURL("/programmes?type=phd_placement");
    await expect(page.getByLabel("類型")).toHaveValue("phd_placement");
    await page.getByRole("link", { name: "生技高階人才培訓與就業計畫" }).click();
    await expect(page).toHaveURL("/programmes/phd-training-employment");
    await expectAccessible(page);
  });

  test("an unknown type in the URL is ignored and the whole list is shown", async ({ page, expectAccessible }) => {
    await page.goto("/programmes?type=no-such-type");
    await expect(page.getByRole("status")).toHaveText("共 8 項計畫");
    await expect(page.getByLabel("類型")).toHaveValue("");
    await expectAccessible(page);
  });

  test("the PhD programme page shows its NT$56,650 stipend and 100 places a year", async ({ page, expectAccessible }) => {
    const response = await page.goto("/programmes/phd-training-employment");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生技高階人才培訓與就業計畫");
    await expect(page.getByText("博士級人才培訓就業", { exact: true })).toBeVisible();
    await expect(page.getByText("主辦單位：行政院科技會報辦公室（專案辦公室）")).toBeVisible();
    await expect(definition(page, "每月津貼")).toHaveText("NT$56,650");
    await expect(definition(page, "每年名額")).toHaveText("100");
    await expect(definition(page, "期程")).toHaveText("12 個月");

    const rules = page.getByRole("region", { name: "計畫規則" }).getByRole("listitem");
    await expect(rules).toHaveCount(19);
    await expect(rules.filter({ hasText: "新台幣56,650元" })).toHaveCount(1);

    const targets = page.getByRole("region", { name: "計畫目標" }).getByRole("table");
    await expect(targets.getByRole("row", { name: /完成業界所需高階人才培訓數（每年）/ }).getByRole("cell")).toHaveText(["每年", "100 位"]);
    await expect(targets.getByRole("row", { name: /3年培訓博士級人才總數/ }).getByRole("cell")).toHaveText(["每年", "300 位"]);
    await expectAccessible(page);
  });

  test("a programme's target occupations link to their latest survey pages", async ({ page, expectAccessible }) => {
    await page.goto("/programmes/phd-training-employment");
    await expectAccessible(page);
    const occupations = page.getByRole("region", { name: "對應短缺職缺" }).getByRole("listitem");
    await expect(occupations).toHaveCount(7);
    // Ordered by code; each code links to the most recent survey that has it (all seven are in 2025).
    await expect(occupations).toHaveText([
      "法務 / 智財主管 (030302)",
      "研發工程師 (070121)",
      "生物科技研發人員 (070207)",
      "其他工程研發主管 (070290)",
      "其他醫院從業人員 (170190)",
      "行銷企劃人員 (210103)",
      "產品企劃開發人員 (210205)",
    ]);
    await occupations.getByRole("link", { name: "生物科技研發人員" }).click();
    await expect(page).toHaveURL(`/occupations/${survey2025}/070207`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生物科技研發人員 (070207)");
    await expectAccessible(page);

    await page.goBack();
    await expect(page).toHaveURL("/programmes/phd-training-employment");
    await page.getByRole("region", { name: "對應短缺職缺" }).getByRole("link", { name: "其他醫院從業人員" }).click();
    await expect(page).toHaveURL(`/occupations/${survey2025}/170190`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("其他醫院從業人員 (170190)");
    await expectAccessible(page);
  });

  test("a programme without stipend or capacity shows its targets and no empty facts", async ({ page, expectAccessible }) => {
    await page.goto("/programmes/spark-translational");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("推動生醫與醫療器材轉譯加值人才培訓計畫（SPARK模式）");
    await expect(page.getByText("每月津貼", { exact: true })).toHaveCount(0);
    await expect(page.getByText("每年名額", { exact: true })).toHaveCount(0);
    const targets = page.getByRole("region", { name: "計畫目標" }).getByRole("table");
    await expect(targets.getByRole("row", { name: /育成團隊數（102年）/ }).getByRole("cell")).toHaveText(["2013", "10 隊"]);
    await expect(page.getByRole("region", { name: "對應短缺職缺" }).getByRole("listitem")).toHaveCount(6);
    await expectAccessible(page);
    await page.getByRole("link", { name: "回到培訓計畫列表" }).click();
    await expect(page).toHaveURL("/programmes");
    await expect(page.getByRole("status")).toHaveText("共 8 項計畫");
    await expectAccessible(page);
  });
});
