// Rows that only pile up: ended sessions, failed sign-ins older than the throttle window, and
// single-use links a week past their expiry (kept that long so "this link has expired" still shows).
import { lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { pruneLoginFailures } from "./throttle.server";

const EXPIRED_LINKS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export async function pruneAccountRecords(db: Database, now = new Date()): Promise<void> {
  await db.delete(t.sessions).where(or(lt(t.sessions.expiresAt, now), lt(t.sessions.absoluteExpiresAt, now)));
  await pruneLoginFailures(db, now);
  await db.delete(t.authTokens).where(lt(t.authTokens.expiresAt, new Date(now.getTime() - EXPIRED_LINKS_KEPT_MS)));
}
