// The programme office's KPI pages: the office opens the KPIs, switches the grouping (the filter is
// in the URL), switches the demand-supply scenario, downloads a table as CSV (UTF-8 with a BOM) and
// opens the forecasting tool and the printable annual report. Reads only: no counts change.
import { readFile } from "node:fs/promises";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { logInOverHttp, type Account } from "./account-steps";
import { expect, test } from "./fixtures";

const officer: Account = { name: "示範計畫辦公室 周專員", email: "demo.officer@example.test", password: DEMO_PASSWORD };

test("the office reads the KPIs, switches filters and downloads a table as CSV", async ({ page, baseURL, expectAccessible }) => {
  test.setTimeout(90_000);
  await logInOverHttp(page, baseURL!, officer);

  await page.goto("/office/kpis");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("計畫成果指標（KPI）");
  await expectAccessible(page);
  await page.getByLabel("分組方式").selectOption({ label: "依培訓單位" });
  await page.getByRole("button", { name: "套用篩選" }).click();
  await expect(page).toHaveURL(/groupBy=unit/);
  await expect(page.getByLabel("分組方式")).toHaveValue("unit");
  await expect(page.getByRole("heading", { name: "指標定義" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/office/demand-supply");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("短缺職缺供需比較");
  const yearly = page.getByRole("table", { name: /每年新增需求/ });
  await expect(yearly).toContainText("持平");
  await expectAccessible(page);
  await page.getByLabel("調查").selectOption("precision-health-2021");
  await page.getByRole("radio", { name: "保守" }).check();
  await page.getByRole("button", { name: "切換" }).click();
  await expect(page).toHaveURL(/scenario=conservative/);
  await expect(page.getByRole("table", { name: /保守/ })).toContainText("629");
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下載 CSV (每年供需)" }).click()]);
  expect(download.suggestedFilename()).toBe("demand-supply-yearly.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toContain("推估新增需求（人）");
  expect(lines[1]).toMatch(/^2022,629,/);

  await page.goto("/office/forecast-tool");
  await expect(page.getByRole("table", { name: "推估結果" })).toContainText("14,995");
  await expectAccessible(page);

  await page.goto("/office/report/2026");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026 年度成果報告");
  await expectAccessible(page);
});
