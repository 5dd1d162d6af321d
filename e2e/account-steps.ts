// Accounts for the end-to-end tests. Each test makes its own people with unique addresses, so tests
// are independent of each other and of the order they run in.
//
// `createConfirmedAccount` and `logInOverHttp` are set-up steps for tests whose subject is something
// else: they post the same forms a browser would (with this site's Origin, as the CSRF check wants)
// and read the confirmation link from the development inbox, without visiting any page.
import type { APIRequestContext, Page } from "@playwright/test";
import { latestLink } from "./mail";

export type SignUpRole = "talent" | "company_recruiter" | "training_unit_staff";

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A person with a unique address and a password the rules accept. */
export function newAccount(label: string): Account {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: `測試${label} ${unique}`,
    email: `e2e-${label}-${unique}@example.com`,
    password: `Tidal lantern orchard ${unique}`,
  };
}

/** A second password the rules accept, different from the first. */
export function anotherPassword(): string {
  return `Quiet harbour violet ${Math.random().toString(36).slice(2, 10)}`;
}

function requestOf(from: Page | APIRequestContext): APIRequestContext {
  return "request" in from ? from.request : from;
}

async function postForm(from: Page | APIRequestContext, baseURL: string, path: string, form: Record<string, string>, expectedLocation: RegExp) {
  const response = await requestOf(from).post(path, { form, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  if (response.status() !== 302 || !expectedLocation.test(location)) {
    throw new Error(`POST ${path} answered ${response.status()} ${location}, expected a redirect to ${expectedLocation}: ${(await response.text()).slice(0, 300)}`);
  }
}

/** Signs up over HTTP; the address is not confirmed yet. */
export async function signUpOverHttp(from: Page | APIRequestContext, baseURL: string, role: SignUpRole, label: string = role): Promise<Account> {
  const account = newAccount(label);
  await postForm(from, baseURL, "/signup", { displayName: account.name, email: account.email, password: account.password, role }, /^\/check-email\?/);
  return account;
}

/** Confirms the address with the newest link mailed to it, over HTTP. */
export async function confirmOverHttp(from: Page | APIRequestContext, baseURL: string, account: Account): Promise<void> {
  const verifyLink = await latestLink(from, account.email, "/verify-email");
  const token = new URL(verifyLink, baseURL).searchParams.get("token") ?? "";
  await postForm(from, baseURL, verifyLink, { token }, /^\/login\?notice=confirmed$/);
}

/** Signs up and confirms the address over HTTP. */
export async function createConfirmedAccount(from: Page | APIRequestContext, baseURL: string, role: SignUpRole, label: string = role): Promise<Account> {
  const account = await signUpOverHttp(from, baseURL, role, label);
  await confirmOverHttp(from, baseURL, account);
  return account;
}

/** Logs in over HTTP; with a page, its browser context then holds the session cookie. */
export async function logInOverHttp(from: Page | APIRequestContext, baseURL: string, account: Account): Promise<void> {
  await postForm(from, baseURL, "/login", { email: account.email, password: account.password, redirectTo: "" }, /^\/account$/);
}

/**
 * Signs the account in from a browser set to Traditional Chinese, which makes Chinese its language
 * again (signing in with a language cookie saves that language on the account). Specs that use a
 * shared demo account in English call it when they finish, so later specs meet the account as seeded.
 */
export async function restoreChinese(page: Page, baseURL: string, account: Account): Promise<void> {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: encodeURIComponent(Buffer.from(JSON.stringify("zh-TW")).toString("base64")), url: baseURL }]);
  await logInOverHttp(page, baseURL, account);
  await page.context().clearCookies();
}

/** The browser's console line for a response with this HTTP status (expected in some tests). */
export function statusConsoleLine(status: number): RegExp {
  return new RegExp(`Failed to load resource: the server responded with a status of ${status}\\b`);
}

/**
 * Collects console and page errors of a page the shared fixture does not watch (one in a second
 * browser context), so a test can assert there were none.
 */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
  return errors;
}
