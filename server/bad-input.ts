// Input the app cannot take is the sender's mistake, answered with a 4xx instead of a 500 in every
// loader and action of the build (a route need not know):
// - a POST body that is not the form it claims to be (JSON, text, a multipart body without its boundary
//   or with a broken one) makes request.formData() throw a TypeError: 415 when it is not a form at all,
//   400 when the form cannot be read;
// - text Postgres cannot store or compare (a NUL character, SQLSTATE 22021) fails the query, and with it
//   the transaction, so nothing is half-written: 400.
// The error page explains the refusal.
import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/** undici's messages for a body that request.formData() cannot read. */
const NOT_A_FORM = /Content-Type was not one of/;
const UNREADABLE_FORM = /Failed to parse body as FormData|Unexpected end of multipart data|boundary/i;

function refusal(error: unknown): { status: number; text: string } | null {
  if (error instanceof TypeError) {
    if (NOT_A_FORM.test(error.message)) return { status: 415, text: "The request body is not a form." };
    if (UNREADABLE_FORM.test(error.message)) return { status: 400, text: "The form could not be read." };
    return null;
  }
  // drizzle wraps the driver's error (postgres.js or PGlite) as its cause.
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "22021") return { status: 400, text: "The text contains a character that cannot be stored (NUL)." };
  }
  return null;
}

export function withBadInputRefused(build: ServerBuild): ServerBuild {
  const guard = (run: RouteFunction): RouteFunction => async (args) => {
    try {
      return await run(args);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      throw new Response(refused.text, { status: refused.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
  };
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (route.module.loader) module.loader = guard(route.module.loader as RouteFunction) as typeof module.loader;
    if (route.module.action) module.action = guard(route.module.action as RouteFunction) as typeof module.action;
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
