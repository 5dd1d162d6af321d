// The first line of every loader and action: who may call it. Anonymous visitors are sent to log in;
// signed-in users without the permission get a 403, thrown so no route can forget to stop.
import { redirect, type AppLoadContext } from "@remix-run/node";
import "../context";
import { can, type Permission } from "./permissions";
import type { Viewer } from "./session.server";

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireViewer(request: Request, context: AppLoadContext): Viewer {
  if (context.viewer) return context.viewer;
  const url = new URL(request.url);
  // A form post cannot be replayed after login, so come back to the page instead.
  const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

/** Pages for signed-out visitors only (login, sign-up) send signed-in users to their account. */
export function requireAnonymous(context: AppLoadContext): void {
  if (context.viewer) throw redirect("/account");
}

export function requirePermission(request: Request, context: AppLoadContext, permission: Permission): Viewer {
  const viewer = requireViewer(request, context);
  if (!can(viewer.roles, permission)) throw forbidden();
  return viewer;
}

export const forbidden = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });
export const notFound = () => new Response("Not found", { status: 404, statusText: "Not Found" });

/** The origin of the request for session records and the audit log. */
export function requestOrigin(request: Request, context: AppLoadContext) {
  return { ip: context.clientIp, userAgent: request.headers.get("User-Agent") };
}
