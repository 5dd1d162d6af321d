import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";
import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";

export async function action({ context }: ActionFunctionArgs) {
  // Anyone: logging out without a session just lands on the login page.
  if (!context.viewer) return redirect("/login");
  const db = context.services.db;
  const cookie = await endSession(db, context.viewer.sessionId);
  await recordAudit(db, { actorUserId: context.viewer.id, action: "sign-out", entity: "user", entityId: context.viewer.id, ip: context.clientIp });
  return redirect("/login?notice=logged-out", { headers: { "Set-Cookie": cookie } });
}

export function loader() {
  // Logging out changes state, so it is a POST (a link or prefetch cannot log anyone out).
  throw notFound();
}
