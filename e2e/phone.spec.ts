// On a phone (the "phone" project runs the tests tagged @phone): no sideways scrolling, and axe passes.
import { expect, test } from "./fixtures";
import { horizontalOverflow, survey2025 } from "./helpers";

const pages = [
  { name: "home", path: "/", heading: "找出產業缺什麼人，並補上缺口" },
  { name: "occupation detail", path: `/occupations/${survey2025}/070207`, heading: "生物科技研發人員 (070207)" },
  { name: "occupation list", path: "/occupations", heading: "短缺職缺" },
  { name: "programme detail", path: "/programmes/phd-training-employment", heading: "生技高階人才培訓與就業計畫" },
];

test.describe("phone layout", () => {
  for (const { name, path, heading } of pages) {
    test(`the ${name} page fits the screen width @phone`, async ({ page, expectAccessible }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth, `page is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
      await expectAccessible(page);
    });
  }

  test("the English occupation detail page fits the screen width @phone", async ({ page, expectAccessible }) => {
    await page.goto(`/occupations/${survey2025}/090107`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quality Control / Quality Assurance Engineer (090107)");
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth, `page is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(page);
  });
});
