// The home page: the two surveys with their headline numbers, and the way into the lists.
import { expect, test } from "./fixtures";
import { definition, survey2021, survey2025 } from "./helpers";

test.describe("home", () => {
  test("each survey shows its occupation, hard-to-recruit and overseas counts and its forecast", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const surveys = page.getByRole("region", { name: "人才調查" }).getByRole("listitem");
    await expect(surveys).toHaveCount(2);

    const s2021 = surveys.filter({ has: page.getByRole("link", { name: /^110 年/ }) });
    await expect(definition(s2021, "短缺職缺")).toHaveText("15");
    await expect(definition(s2021, "招募困難")).toHaveText("9");
    await expect(definition(s2021, "需海外攬才")).toHaveText("2");
    await expect(s2021).toContainText("2022–2024 年每年新增專業人才需求（持平） 662 → 741 → 836");

    const s2025 = surveys.filter({ has: page.getByRole("link", { name: /^113年/ }) });
    await expect(definition(s2025, "短缺職缺")).toHaveText("13");
    await expect(definition(s2025, "招募困難")).toHaveText("10");
    await expect(definition(s2025, "需海外攬才")).toHaveText("1");
    await expect(s2025).toContainText("2025–2027 年每年新增專業人才需求（持平） 676 → 737 → 803");
    await expectAccessible(page);
  });

  test("a survey's title opens the list filtered to that survey", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("link", { name: /^113年/ }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2025}`);
    await expect(page.getByRole("status")).toHaveText("共 13 項職缺");
    await expect(page.getByLabel("調查", { exact: true })).toHaveValue(survey2025);
    await expectAccessible(page);

    await page.goto("/");
    await page.getByRole("link", { name: /^110 年/ }).click();
    await expect(page).toHaveURL(`/occupations?survey=${survey2021}`);
    await expect(page.getByRole("status")).toHaveText("共 15 項職缺");
    await expectAccessible(page);
  });

  test("the hardest-to-recruit list shows hard occupations of the latest survey", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const hardest = page.getByRole("region", { name: "最難招募的職缺" }).getByRole("listitem");
    await expect(hardest).toHaveCount(6);
    await expect(hardest.getByText("招募困難")).toHaveCount(6);
    await expect(hardest.first().getByRole("link")).toHaveText("研發工程師");
    await expectAccessible(page);
    await hardest.first().getByRole("link").click();
    await expect(page).toHaveURL(`/occupations/${survey2025}/070121`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("研發工程師 (070121)");
    await expectAccessible(page);
  });
});
