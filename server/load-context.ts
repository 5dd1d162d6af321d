// Builds what every loader and action receives. The session cookie is resolved here once per request;
// an extended session's cookie (or a blank one for an ended session) goes out with the response.
import type { AppLoadContext } from "@remix-run/node";
import type express from "express";
import { resolveSession } from "../app/auth/session.server";
import type { Services } from "./services";

export async function loadContextFor(services: Services, req: express.Request, res: express.Response): Promise<AppLoadContext> {
  const base = { services, cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? "unknown" };
  // The public JSON API is anonymous: no session lookup on its hot path.
  if (req.path.startsWith("/api/")) return { ...base, viewer: null };
  const { viewer, setCookie } = await resolveSession(services.db, req.headers.cookie);
  if (setCookie) res.append("Set-Cookie", setCookie);
  return { ...base, viewer };
}
