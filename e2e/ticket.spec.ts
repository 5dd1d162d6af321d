// The single window from question to answer: a visitor without an account asks in English (an empty
// form is refused beside each field), the programme office finds it in its queue with the first-reply
// clock, assigns it and replies, and the visitor reads the reply through the link mailed to them.
import type { Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { logInOverHttp, restoreChinese, type Account } from "./account-steps";
import { latestLink, mailSubjects } from "./mail";
import { expect, test } from "./fixtures";

const officer: Account = { name: "示範計畫辦公室 周專員", email: "demo.officer@example.test", password: DEMO_PASSWORD };

async function inEnglish(page: Page, base: string) {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", url: base }]);
}

// The demo accounts were used in English: give them back their seeded language for the specs after this one.
test.afterEach(async ({ page, baseURL }) => {
  for (const account of [officer]) await restoreChinese(page, baseURL!, account);
});

test("a ticket from question to answer", async ({ page, baseURL, expectAccessible }) => {
  test.setTimeout(90_000);
  const base = baseURL!;
  const tag = randomBytes(4).toString("hex");
  const email = `ticket-visitor-${tag}@example.test`;
  const subject = `Work permit for a postdoc ${tag}`;

  await inEnglish(page, base);
  await page.goto("/tickets/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact the single window");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Choose a category.")).toBeVisible();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Category").selectOption("overseas");
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("How long does a work permit take for a postdoctoral researcher?");
  await page.getByLabel("E-mail (replies go here)").fill(email);
  await page.getByLabel("Name (optional)").fill("Ana Souza");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}\?token=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.getByText(/We received your message, reference [0-9A-F]{8}/)).toBeVisible();
  const ticketPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  expect((await mailSubjects(page, email))[0]).toContain("We received your message");

  // The office: the queue shows it awaiting a reply with time left; assign and reply.
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", url: base }]);
  await logInOverHttp(page, base, officer);
  await page.goto("/office/tickets?status=open");
  const row = page.getByRole("row", { name: new RegExp(subject) });
  await expect(row).toContainText(/left/);
  await expectAccessible(page);
  await row.getByRole("link", { name: subject }).click();
  await expect(page).toHaveURL(ticketPath);
  await page.getByLabel("Assignee").selectOption({ label: officer.name });
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assigned.")).toBeVisible();
  await page.getByLabel("Reply to the requester (sent by e-mail)").fill("About four weeks once the documents are complete.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Your reply was sent.")).toBeVisible();
  await expect(page.getByText("Replied in time")).toBeVisible();
  await expectAccessible(page);

  // The visitor opens the link in the reply mail, signed out, and reads the answer.
  expect((await mailSubjects(page, email))[0]).toContain("The programme office replied");
  const link = await latestLink(page, email, "/tickets/");
  await inEnglish(page, base);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.getByText("About four weeks once the documents are complete.")).toBeVisible();
  await expect(page.getByText("Status: Answered")).toBeVisible();
  await expectAccessible(page);
  // Without the link, the thread asks for a login.
  await page.goto(ticketPath);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await expectAccessible(page);
});
