// Calling the built app the way the server does (as test/access does), and the checks every answer to
// hostile input must pass: never a 5xx; a 4xx that says why; a redirect only to this site; and HTML in
// which nothing that was sent appears unescaped and every script carries the request's CSP nonce.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { expect } from "vitest";
import type { Viewer } from "../../app/auth/session.server";
import { withBadInputRefused } from "../../server/bad-input";
import type { ApiServices } from "../api/support";
import { IP } from "./world";

export const NONCE = "aG9zdGlsZS1ub25jZS0xMjM0";

let build: Promise<ServerBuild> | undefined;
/** The built app as server/main.ts serves it (with bad input refused: server/bad-input.ts). */
export const loadBuild = () =>
  (build ??= (import(pathToFileURL(path.resolve("build/index.js")).href) as Promise<ServerBuild>).then(withBadInputRefused));

export interface Sent {
  method: "GET" | "POST";
  url: string;
  /** A urlencoded or raw string body, or multipart FormData. */
  body?: string | FormData | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Errors the app logged while answering (handleError's console.error). */
  logged: string[];
}

// Errors the app logs while answering a request (handleError's console.error) are collected for that
// request, also when several are in flight at once.
const logs = new AsyncLocalStorage<string[]>();
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  const logged = logs.getStore();
  if (!logged) return consoleError(...args);
  logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
};

let handler: Promise<ReturnType<typeof createRequestHandler>> | undefined;

/** Sends one request through the built app with the viewer already resolved, as server/load-context does. */
export async function send(services: ApiServices, viewer: Viewer | null, sent: Sent): Promise<Answer> {
  const handle = await (handler ??= loadBuild().then((build) => createRequestHandler(build, "production")));
  const headers: Record<string, string> = { Host: "portal.test", ...sent.headers };
  if (sent.method === "POST") headers.Origin ??= "http://portal.test";
  if (sent.contentType) headers["Content-Type"] = sent.contentType;
  const request = new Request(`http://portal.test${sent.url}`, { method: sent.method, headers, body: sent.body as BodyInit | undefined, redirect: "manual" });
  const context = {
    services: { ...services, env: { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" }, mail: { wake: () => {}, devInbox: true }, searchSync: { wake: () => {} } },
    cspNonce: NONCE,
    clientIp: IP,
    viewer,
  };
  const logged: string[] = [];
  return logs.run(logged, async () => {
    const response = await handle(request, context as never);
    return { status: response.status, headers: response.headers, text: await response.text(), logged };
  });
}

/** A urlencoded body from pairs, encoded as a browser does (lone surrogates become U+FFFD here). */
export const urlencoded = (entries: Array<[string, string]>) => new URLSearchParams(entries).toString();

const short = (value: string) => (value.length > 80 ? `${JSON.stringify(value.slice(0, 60))}… (${value.length} chars)` : JSON.stringify(value));

export interface Expectation {
  /** The strings that were sent: none may come back unescaped. */
  values: string[];
  /**
   * Only fields a person types into were changed, so a refusal must say why. A forged request (a hidden
   * field, an intent, a choice the form does not offer, a malformed body) may be refused without an
   * explanation, as long as it is refused with a 4xx.
   */
  typed?: boolean;
  /** The page before: a value it already contains (a lone "</script>", say) proves nothing. */
  baseline?: string;
}

/** The checks for any answer; a description of the problem, or null when the answer is acceptable. */
export function problemWith(answer: Answer, { values, typed = true, baseline = "" }: Expectation): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.logged[0]?.slice(0, 600) ?? answer.text.slice(0, 300)}`;
  if (answer.status >= 400 && typed && !saysWhy(answer)) return `answered ${answer.status} without a message: ${answer.text.slice(0, 200) || "(empty body)"}`;
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.get("Location") ?? "";
    if (!/^\/(?![/\\])/.test(location)) return `redirected off the site to ${short(location)}`;
  }
  const type = answer.headers.get("Content-Type") ?? "";
  if (type.startsWith("text/html")) {
    // A value that could open a tag (<x, </x, <!) must not come back as sent anywhere, scripts included
    // (a "</script>" there ends the script). One that could close an attribute ("> or "x=) must not
    // come back as sent outside scripts: inside them, data is JSON, where a quote comes back as \"
    // (which contains the value as sent without being able to end anything).
    const outsideScripts = answer.text.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2");
    for (const value of values) {
      if (value.length < 4 || baseline.includes(value)) continue;
      const opensTag = /<[a-z!/]/i.test(value);
      const closesAttribute = /"[^"]*[>=]/.test(value);
      if ((opensTag && answer.text.includes(value)) || (closesAttribute && outsideScripts.includes(value))) return `the page contains ${short(value)} unescaped`;
    }
    for (const [tag] of answer.text.matchAll(/<script\b[^>]*>/gi)) {
      if (!tag.includes(`nonce="${NONCE}"`)) return `a script without the request's nonce: ${tag.slice(0, 120)}`;
    }
    const dangerous = /\b(?:href|src|action|formaction)="\s*(?:javascript|vbscript|data:text\/html)/i.exec(answer.text);
    if (dangerous) return `a dangerous URL in the page: ${answer.text.slice(dangerous.index, dangerous.index + 80)}`;
    if (/<(?:img|svg|iframe)\b[^>]*\bon[a-z]+=/i.test(answer.text)) return "an element with an event-handler attribute in the page";
  }
  return null;
}

/** A refusal the user can read: an alert or a field's error list on a page, an error message in JSON, or text. */
function saysWhy(answer: Answer): boolean {
  const type = answer.headers.get("Content-Type") ?? "";
  if (type.startsWith("text/html")) return /role="alert"/.test(answer.text) || /<ul id="[^"]*-error"[^>]*><li/.test(answer.text);
  if (type.includes("json")) {
    try {
      const body = JSON.parse(answer.text) as { error?: { message?: unknown } };
      return typeof body.error?.message === "string" && body.error.message.length > 0;
    } catch {
      return false;
    }
  }
  return answer.text.trim().length > 0;
}

/** Asserts the answer is acceptable, naming what was sent when it is not. */
export function expectSafe(answer: Answer, sent: Sent, expectation: Expectation, label: string) {
  const problem = problemWith(answer, expectation);
  expect(problem, `${label}: ${sent.method} ${sent.url.slice(0, 200)} → ${problem}`).toBeNull();
}
