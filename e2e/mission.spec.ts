// A recruitment mission from registration to scheduled meetings, entirely in English: the office
// creates a mission in Berlin (times typed in the venue's zone, a start in the past refused), the demo
// company registers its published position, a new talent registers and marks interest in it, the
// company marks interest in the talent, the office schedules by match score, and both sides see the
// meeting in their own time zone with a downloadable calendar file; the company records attendance.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, restoreChinese, statusConsoleLine, type Account } from "./account-steps";
import { mailSubjects } from "./mail";
import { expect, test } from "./fixtures";

const officer: Account = { name: "示範計畫辦公室 周專員", email: "demo.officer@example.test", password: DEMO_PASSWORD };
const recruiter: Account = { name: "示範招募 林經理", email: "demo.recruiter@example.test", password: DEMO_PASSWORD };

/** Signs in as the account with the English cookie the language switch sets ("en", as Remix encodes it). */
async function asInEnglish(page: Page, base: string, account: Account) {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", url: base }]);
  await logInOverHttp(page, base, account);
}

/** A datetime-local value in Berlin, `days` from now at 10:00. */
function berlinAt(days: number, hour: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  return `${ymd}T${String(hour).padStart(2, "0")}:00`;
}

// The demo accounts were used in English: give them back their seeded language for the specs after this one.
test.afterEach(async ({ page, baseURL }) => {
  for (const account of [officer, recruiter]) await restoreChinese(page, baseURL!, account);
});

test("a mission in English: registration, mutual interest, scheduled meetings in each viewer's zone", async ({ page, baseURL, expectAccessible, allowConsoleError }) => {
  test.setTimeout(150_000);
  // The refused start in the past answers 400.
  allowConsoleError(statusConsoleLine(400));
  const base = baseURL!;
  const talent = await createConfirmedAccount(page, base, "talent", "mission-talent");
  const tag = talent.email.split("-").at(-1)!.split("@")[0]!;
  const title = `Berlin recruitment mission ${tag}`;

  // The office creates the mission; a start in the past is refused beside the field.
  await asInEnglish(page, base, officer);
  await page.goto("/office/missions");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage missions and fairs");
  await expectAccessible(page);
  await page.getByLabel("Name in Chinese").fill(`柏林招募團 ${tag}`);
  await page.getByLabel("Name in English").fill(title);
  await page.getByLabel("Venue's time zone (IANA, e.g. Europe/Berlin)").fill("Europe/Berlin");
  await page.getByLabel("Starts (venue's time zone)").fill(berlinAt(-2, 10));
  await page.getByLabel("Ends (venue's time zone)").fill(berlinAt(-2, 12));
  await page.getByLabel("Venue (required on site; online: how to join)").fill("Taipei Representative Office");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Country code (two letters, e.g. DE)").fill("DE");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("This time has already passed; choose a time in the future.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Starts (venue's time zone)").fill(berlinAt(10, 10));
  await page.getByLabel("Ends (venue's time zone)").fill(berlinAt(10, 12));
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/office\/missions\/[0-9a-f-]{36}$/);
  const missionId = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);

  // The demo company registers its published position.
  await asInEnglish(page, base, recruiter);
  await page.goto(`/missions/${missionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.getByRole("button", { name: "Register position" }).click();
  await expect(page.getByText("No talent has registered yet.")).toBeVisible();
  await expectAccessible(page);

  // The talent registers and marks interest in the position.
  await asInEnglish(page, base, talent);
  await page.goto(`/missions/${missionId}`);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("table", { name: /Positions at this event/ })).toBeVisible();
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Save interest" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expectAccessible(page);

  // The company marks interest in the talent (the match score is shown beside the box).
  await asInEnglish(page, base, recruiter);
  await page.goto(`/missions/${missionId}`);
  const row = page.getByRole("row", { name: new RegExp(talent.name) });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Save interest" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(talent.name) })).toContainText("✓");
  await expectAccessible(page);

  // The office schedules: one mutual pair, one meeting at the mission's first slot.
  await asInEnglish(page, base, officer);
  await page.goto(`/office/missions/${missionId}`);
  await expect(page.getByText("Pairs with mutual interest: 1")).toBeVisible();
  await page.getByRole("button", { name: "Schedule meetings by match score" }).click();
  await expect(page.getByText("1 meetings added; 0 pairs had no slot free for both.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Meeting schedule/ }).getByRole("row", { name: new RegExp(talent.name) })).toBeVisible();
  await expectAccessible(page);

  // The talent sees it in the zone they choose (New York: 10:00 in Berlin is 04:00 or 05:00 there),
  // and downloads the calendar file; the invitation was mailed to them.
  await asInEnglish(page, base, talent);
  await page.goto(`/missions/${missionId}`);
  await page.getByLabel("Show times in this time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Apply" }).click();
  const schedule = page.getByRole("table", { name: "Meeting schedule (times in America/New_York)" });
  await expect(schedule).toBeVisible();
  await expect(schedule.getByRole("row").nth(1)).toContainText(/0[45]:00 \(America\/New_York/);
  await expect(schedule).toContainText("Confirmed");
  const icsHref = await schedule.getByRole("link", { name: "Download .ics" }).getAttribute("href");
  const ics = await page.request.get(icsHref!);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const text = await ics.text();
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  expect(text).toMatch(/\r\nUID:meeting-[0-9a-f-]{36}@/);
  expect((await mailSubjects(page, talent.email))[0]).toContain(`${title}: meeting scheduled`);
  await expectAccessible(page);

  // The company records attendance and a follow-up.
  await asInEnglish(page, base, recruiter);
  await page.goto(`/missions/${missionId}`);
  const meeting = page.getByRole("table", { name: /Meeting schedule/ }).getByRole("row", { name: new RegExp(talent.name) });
  await meeting.getByLabel("Status").selectOption("held");
  await meeting.getByLabel("Follow-up").fill("Second interview in Taipei");
  await meeting.getByRole("button", { name: "Record" }).click();
  await expect(page.getByText("Recorded.")).toBeVisible();
  await expectAccessible(page);
});
