// Steps over HTTP for set-ups that make records through the portal's own forms (the posts a browser
// makes, visiting no page): a form post that must answer a given status, a page's HTML, a value read
// out of it, and a training unit of a new staff member's own approved by the demo officer.
import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../seeds/demo/data";
import { createConfirmedAccount, logInOverHttp, newAccount, type Account } from "./account-steps";

export const demoOfficer: Account = { name: "officer", email: "demo.officer@example.test", password: DEMO_PASSWORD };
export const demoUnitStaff: Account = { name: "unit", email: "demo.unit@example.test", password: DEMO_PASSWORD };
export const demoUnitName = "示範生醫研究院";

export async function post(from: APIRequestContext, baseURL: string, path: string, form: Record<string, string>, expected: number) {
  const response = await from.post(path, { form, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  if (response.status() !== expected) throw new Error(`POST ${path} answered ${response.status()}, expected ${expected}: ${(await response.text()).slice(0, 400)}`);
  return response;
}

export async function htmlOf(from: APIRequestContext, path: string): Promise<string> {
  const response = await from.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}`);
  return response.text();
}

/** The first group of `pattern` in the page, or an error naming what was missing. */
export function match(html: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`no ${what} in the page`);
  return found;
}

/** A datetime-local value in Taipei time. */
export const taipeiLocal = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

export interface ApprovedUnit {
  name: string;
  staff: Account;
  organisationId: string;
}

/** A training unit of a new staff member's own, approved by the officer's context. */
export async function approvedUnit(newContext: () => Promise<APIRequestContext>, officer: APIRequestContext, baseURL: string, label: string): Promise<ApprovedUnit> {
  const staffContext = await newContext();
  try {
    const staff = await createConfirmedAccount(staffContext, baseURL, "training_unit_staff", label);
    await logInOverHttp(staffContext, baseURL, staff);
    const unique = newAccount("unit").email.split("-").at(-1)!.split("@")[0]!;
    const name = `測試培訓單位 ${label} ${unique}`;
    const created = await post(staffContext, baseURL, "/organisations/new", { kind: "training_unit", nameZh: name, nameEn: `Test unit ${label} ${unique}`, city: "台北市" }, 302);
    const slug = (created.headers()["location"] ?? "").replace(/^\/organisations\//, "");
    await post(staffContext, baseURL, `/organisations/${slug}`, { intent: "submit-for-approval" }, 200);
    const queue = await htmlOf(officer, "/office/organisations");
    const organisationId = match(queue, new RegExp(`href="/organisations/${slug}"[\\s\\S]*?name="organisationId" value="([0-9a-f-]{36})"`), `approval of ${slug}`);
    await post(officer, baseURL, "/office/organisations", { decision: "approve", organisationId, reason: "" }, 200);
    return { name, staff, organisationId };
  } finally {
    await staffContext.dispose();
  }
}
