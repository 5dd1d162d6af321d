// A database that cannot be reached (Postgres restarting, shutting down, refusing connections) is a
// 503 "temporarily unavailable", never a 500: in every loader and action (the build is wrapped so a
// route need not know), and in the Express error handler for what fails before Remix runs (the
// session lookup). postgres.js reconnects on the next query, so requests succeed again by themselves.
import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import type { ErrorRequestHandler, Request } from "express";
import { CORS_HEADERS, JSON_CONTENT_TYPE, errorBody } from "../app/api/http";
import { i18nFor, defaultLocale, htmlLang, isLocale, type Locale } from "../app/i18n/resources";
import { isDatabaseUnavailable } from "../db/unavailable";
import type { Logger } from "./logger";

export const RETRY_AFTER_SECONDS = "5";

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/** The same build with every loader and action answering 503 (a thrown response) when the database is unreachable. */
export function withDatabaseUnavailable(build: ServerBuild, log: Logger): ServerBuild {
  const guard = (routeId: string, run: RouteFunction): RouteFunction => async (args) => {
    try {
      return await run(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      log.warn({ route: routeId, err: summary(error) }, "database unavailable: answered 503");
      throw new Response("Service temporarily unavailable", {
        status: 503,
        statusText: "Service Unavailable",
        headers: { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" },
      });
    }
  };
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (route.module.loader) module.loader = guard(id, route.module.loader as RouteFunction) as typeof module.loader;
    if (route.module.action) module.action = guard(id, route.module.action as RouteFunction) as typeof module.action;
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

/** Express error handler: 503 for an unreachable database (JSON under /api/, a page in the visitor's language elsewhere). */
export function databaseUnavailableHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!isDatabaseUnavailable(error) || res.headersSent) return next(error);
    log.warn({ path: req.path, err: summary(error) }, "database unavailable: answered 503");
    res.status(503).setHeader("Retry-After", RETRY_AFTER_SECONDS).setHeader("Cache-Control", "no-store");
    if (req.path.startsWith("/api/")) {
      res.set({ ...CORS_HEADERS, "Content-Type": JSON_CONTENT_TYPE });
      res.send(JSON.stringify(errorBody("database_unavailable", "The database is temporarily unavailable; try again in a moment.")));
      return;
    }
    res.type("text/html; charset=utf-8").send(unavailablePage(localeOf(req)));
  };
}

/** A page without scripts or styles (it must work when nothing else does), in the visitor's language. */
export function unavailablePage(locale: Locale): string {
  const { t } = i18nFor(locale);
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const title = escape(t("errors.unavailableTitle"));
  return `<!DOCTYPE html>
<html lang="${htmlLang(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1><p>${escape(t("errors.unavailableBody"))}</p><p><a href="/">${escape(t("errors.backHome"))}</a></p></main></body></html>
`;
}

/** The language switch's cookie or ?lang=, as app/i18n/locale.server.ts reads them. */
function localeOf(req: Request): Locale {
  const fromQuery = req.query.lang;
  if (isLocale(fromQuery)) return fromQuery;
  const match = /(?:^|;\s*)lang=([^;]*)/.exec(req.headers.cookie ?? "");
  let fromCookie: unknown = null;
  try {
    // Remix's createCookie stores the value as base64-encoded JSON.
    fromCookie = match?.[1] ? JSON.parse(Buffer.from(decodeURIComponent(match[1]), "base64").toString("utf8")) : null;
  } catch {
    fromCookie = null;
  }
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

function summary(error: unknown): { message: string; code?: string } {
  let current: unknown = error;
  // The driver's error, not drizzle's wrapper with the whole query text.
  while (current && typeof current === "object" && "cause" in current && (current as { cause?: unknown }).cause) current = (current as { cause: unknown }).cause;
  const e = current as { message?: string; code?: string };
  return { message: e?.message ?? String(current), code: e?.code };
}
