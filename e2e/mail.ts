// Reading the portal's mail in the end-to-end tests. The e2e portal runs without SMTP_URL, so every
// message is in the outbox (written in the same transaction as the action that sends it) and listed
// at /dev/mail, newest first, with its links as <a href>. These helpers fetch that page over HTTP,
// so reading mail is not a page the browser visits.
import type { APIRequestContext, Page } from "@playwright/test";

type Requester = Page | APIRequestContext;

const requestOf = (from: Requester): APIRequestContext => ("request" in from ? from.request : from);

/** The development inbox filtered to one address, as HTML. */
async function inboxHtml(from: Requester, address: string): Promise<string> {
  const response = await requestOf(from).get(`/dev/mail?${new URLSearchParams({ to: address })}`);
  if (!response.ok()) throw new Error(`/dev/mail answered ${response.status()} for ${address}`);
  return response.text();
}

const decodeEntities = (value: string) =>
  value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/**
 * The path and query (e.g. `/verify-email?token=…`) of the newest link to `pathPrefix` mailed to
 * `address`. The inbox lists the newest message first, so the first matching link is the latest.
 */
export async function latestLink(from: Requester, address: string, pathPrefix: string): Promise<string> {
  const html = await inboxHtml(from, address);
  const links = [...html.matchAll(/<a [^>]*href="(https?:\/\/[^"]+)"/g)].map((match) => new URL(decodeEntities(match[1]!)));
  const link = links.find((url) => url.pathname.startsWith(pathPrefix));
  if (!link) {
    const found = links.map((url) => url.pathname).join(", ") || "none";
    throw new Error(`no link to ${pathPrefix} in the mail to ${address} (links found: ${found})`);
  }
  return link.pathname + link.search;
}

/** The subjects of the mail sent to `address`, newest first. */
export async function mailSubjects(from: Requester, address: string): Promise<string[]> {
  const html = await inboxHtml(from, address);
  // Each message is a list item in the messages section, headed by its subject.
  const section = html.match(/<section aria-label="[^"]*">([\s\S]*?)<\/section>/)?.[1] ?? "";
  return [...section.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((match) => decodeEntities(match[1]!));
}
