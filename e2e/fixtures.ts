// The shared test fixture. Every spec imports `test` and `expect` from here, so every page a test
// opens is watched for browser errors, and each test can check a page with axe.
//
// - Any console message of type "error" or any uncaught page error fails the test (at teardown,
//   with every message listed). A test that expects one (e.g. the browser's "Failed to load
//   resource … 404" on a not-found page) declares it with `allowConsoleError(/pattern/)`.
// - `expectAccessible(page)` runs axe with the WCAG 2.0/2.1 A and AA rules and fails on any
//   serious or critical violation, listing each rule id, the elements and the help text.
// - Every URL a page navigates to must have been checked with expectAccessible before the test
//   ends, so a new step in a test cannot silently skip the accessibility check.
import axe, { type AxeResults } from "axe-core";
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const blockingImpacts = new Set(["serious", "critical"]);

interface PageProblems {
  errors: string[];
  visited: Set<string>;
  checked: Set<string>;
  allowed: RegExp[];
}

interface Fixtures {
  /** Runs axe on the page as it is now and fails on serious or critical violations. */
  expectAccessible: (page: Page) => Promise<void>;
  /** Declares a console error this test expects, so it does not fail the test. */
  allowConsoleError: (pattern: RegExp) => void;
  pageProblems: PageProblems;
}

/** A readable path + query for a URL on the portal (or the whole URL for anything else). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

function watch(page: Page, problems: PageProblems) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location();
    const where = location.url ? ` (${location.url}:${location.lineNumber})` : "";
    problems.errors.push(`console error on ${pathOf(page.url())}: ${message.text()}${where}`);
  });
  page.on("pageerror", (error) => {
    problems.errors.push(`page error on ${pathOf(page.url())}: ${error.name}: ${error.message}`);
  });
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = frame.url();
    if (url.startsWith("http")) problems.visited.add(pathOf(url));
  });
}

function watchContext(context: BrowserContext, problems: PageProblems) {
  for (const page of context.pages()) watch(page, problems);
  context.on("page", (page) => watch(page, problems));
}

/**
 * axe.run in the page itself, injected once per document (a client-side navigation keeps it).
 * @axe-core/playwright's default mode runs axe.runPartial in every frame and then opens a blank page
 * for axe.finishRun, which only matters for cross-origin frames (the portal has none); with its legacy
 * mode it still injects axe's 500 kB twice a check. Measured on /, /occupations and an occupation
 * page: 1.0–1.6 s a check by default, 0.4–0.7 s in legacy mode, and 0.15–0.3 s for axe.run itself;
 * over the suite's few hundred checks that is minutes of CI.
 */
export async function runAxe(page: Page): Promise<AxeResults> {
  const present = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
  if (!present) await page.evaluate(axe.source);
  return page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    wcagTags,
  );
}

/**
 * axe is a script, so it cannot run in a page whose context has JavaScript disabled. For such a
 * page, the DOM exactly as it stands (with the portal's own scripts removed, as they never ran)
 * is served at the same URL to a scripted page that loads the same stylesheets, and axe runs there.
 */
async function analyzeWithoutScripts(browser: Browser, page: Page) {
  const url = page.url();
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url);
    return await runAxe(copy);
  } finally {
    await context.close();
  }
}

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ context }, use, testInfo) => {
      const problems: PageProblems = { errors: [], visited: new Set(), checked: new Set(), allowed: [] };
      watchContext(context, problems);
      await use(problems);
      const unexpected = problems.errors.filter((e) => !problems.allowed.some((pattern) => pattern.test(e)));
      expect(unexpected.length, `browser console errors or page errors:\n${unexpected.join("\n")}\n`).toBe(0);
      // Only worth saying when the test itself passed: a failed step usually stops before its check.
      if (testInfo.status !== "passed") return;
      const unchecked = [...problems.visited].filter((url) => !problems.checked.has(url));
      expect(unchecked.length, `pages visited but never checked with expectAccessible: ${unchecked.join(", ")}`).toBe(0);
    },
    { auto: true },
  ],

  allowConsoleError: async ({ pageProblems }, use) => {
    await use((pattern) => {
      pageProblems.allowed.push(pattern);
    });
  },

  expectAccessible: async ({ pageProblems, browser, javaScriptEnabled }, use) => {
    await use(async (page) => {
      await page.waitForLoadState("load");
      const results = javaScriptEnabled === false
        ? await analyzeWithoutScripts(browser, page)
        : await runAxe(page);
      const blocking = results.violations.filter((v) => blockingImpacts.has(v.impact ?? ""));
      const report = blocking
        .map((v) => {
          const targets = v.nodes.map(
            (n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`,
          );
          return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets.join("\n")}`;
        })
        .join("\n");
      pageProblems.checked.add(pathOf(page.url()));
      expect(
        blocking.map((v) => v.id),
        `axe found serious or critical WCAG 2.1 AA violations on ${pathOf(page.url())}:\n${report}`,
      ).toEqual([]);
    });
  },
});
