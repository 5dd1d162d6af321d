// Page tests call the built app (build/index.js, made by `npx remix build`) the way the server does:
// a Request for a path, GET or a form POST from the portal's own origin, with a language cookie, and
// the load context the Express server would give (services, CSP nonce, client IP, viewer).
// Mail and search sync are not woken: the tests read the outbox and the queues themselves.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll } from "vitest";
import type { Database } from "../../db/client";
import type { SearchContext } from "../../search/reindex";
import type { Viewer } from "../../app/auth/session.server";
import { unreachableSearch } from "../api/support";

/** The language cookie as the portal sets it (localeCookie: the JSON string, base64). */
const LANG_COOKIE = { en: "lang=ImVuIg%3D%3D", "zh-TW": "lang=InpoLVRXIg%3D%3D" } as const;

export interface AppRequest {
  /** A form POST (URL-encoded) or a multipart one; without it, a GET. */
  form?: Record<string, string> | FormData;
  locale?: keyof typeof LANG_COOKIE;
}

export interface AppServices {
  db: Database;
  /** Defaults to a search nothing listens at (pages then fall back to the database). */
  search?: SearchContext;
}

/** Loads the build before the file's tests; returns a function that sends one request to it. */
export function useBuiltApp(services: () => AppServices, options: { ip?: string } = {}) {
  let build: ServerBuild | undefined;
  beforeAll(async () => {
    build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  });
  return async (viewer: Viewer | null, url: string, request: AppRequest = {}): Promise<Response> => {
    if (!build) throw new Error("the build is not loaded yet (beforeAll has not run)");
    const { form, locale = "en" } = request;
    const urlencoded = form !== undefined && !(form instanceof FormData);
    const { db, search = unreachableSearch() } = services();
    return createRequestHandler(build, "production")(
      new Request(`http://portal.test${url}`, {
        method: form ? "POST" : "GET",
        headers: {
          Host: "portal.test",
          Cookie: LANG_COOKIE[locale],
          ...(form ? { Origin: "http://portal.test" } : {}),
          ...(urlencoded ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        body: urlencoded ? new URLSearchParams(form).toString() : form,
        redirect: "manual",
      }),
      {
        services: { db, search, env: { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" }, mail: { wake: () => {}, devInbox: true }, searchSync: { wake: () => {} } },
        cspNonce: "",
        clientIp: options.ip ?? "127.0.0.1",
        viewer,
      } as never,
    );
  };
}

/** React separates interpolated text with empty comments; assertions read the text as shown. */
export const shownText = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
