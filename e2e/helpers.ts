// Small page helpers shared by the specs (no assertions of their own).
import type { Locator, Page } from "@playwright/test";

export const survey2021 = "precision-health-2021";
export const survey2025 = "precision-health-2025";

/** A regular expression that matches exactly this text (ignoring surrounding white space). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
}

/** The <dd> that follows the <dt> with this exact label. */
export function definition(scope: Page | Locator, label: string): Locator {
  return scope.locator("dt").filter({ hasText: exactly(label) }).locator("xpath=following-sibling::dd[1]");
}

/** The cards of a result list in <main> (occupations or programmes). */
export function resultCards(page: Page): Locator {
  return page.locator("main ul.grid > li");
}

/** The text of every cell of a table, row by row (header row first). Needs JavaScript. */
export async function tableCells(table: Locator): Promise<string[][]> {
  return table.locator("tr").evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => (cell.textContent ?? "").trim())),
  );
}

/** One column of a table, by its header text, as { row header: cell }. */
export async function tableColumn(table: Locator, header: string): Promise<Record<string, string>> {
  const [head = [], ...body] = await tableCells(table);
  const index = head.indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" in table with headers ${JSON.stringify(head)}`);
  return Object.fromEntries(body.map((row) => [row[0] ?? "", row[index] ?? ""]));
}

/** Whether the page can be scrolled sideways. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/**
 * Presses Tab until `target` has focus, at most `maxPresses` times; returns how many presses it
 * took, or -1 if it never got focus. Needs JavaScript.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 15): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  return -1;
}
