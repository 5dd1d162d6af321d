// Login throttling: too many failed sign-ins for one address, or from one IP, within the window lock
// further attempts until the oldest failure leaves the window. The lock message says when to retry.
// An attempt is recorded as a failure before its password is checked (and withdrawn or forgiven when it
// was not a wrong guess), so guesses sent in parallel count against each other instead of all passing
// the check before any is recorded.
import { and, count, eq, gt, lt, min, ne, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
// Higher per IP: a whole office or campus can share one address.
export const MAX_FAILURES_PER_IP = 30;

/** When sign-in is locked for this address or IP, the time it unlocks; otherwise null. `exceptAttempt` is the caller's own attempt. */
export async function loginLockedUntil(db: Database, email: string, ip: string, now = new Date(), exceptAttempt?: number): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const others = exceptAttempt === undefined ? undefined : ne(t.loginFailures.id, exceptAttempt);
  const [byEmail, byIp] = await Promise.all([
    failuresSince(db, and(eq(t.loginFailures.email, email), others), since),
    failuresSince(db, and(eq(t.loginFailures.ip, ip), others), since),
  ]);
  const locks = [
    byEmail.count >= MAX_FAILURES_PER_ACCOUNT ? byEmail.oldest : null,
    byIp.count >= MAX_FAILURES_PER_IP ? byIp.oldest : null,
  ].filter((oldest): oldest is Date => oldest !== null);
  if (locks.length === 0) return null;
  return new Date(Math.max(...locks.map((oldest) => oldest.getTime())) + THROTTLE_WINDOW_MS);
}

async function failuresSince(db: Database, who: SQL | undefined, since: Date) {
  const [row] = await db
    .select({ count: count(), oldest: min(t.loginFailures.at) })
    .from(t.loginFailures)
    .where(and(who, gt(t.loginFailures.at, since)));
  return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Records a sign-in attempt as a failure until it proves otherwise; returns its id. */
export async function recordLoginAttempt(db: Database, email: string, ip: string): Promise<number> {
  const [row] = await db.insert(t.loginFailures).values({ email, ip }).returning({ id: t.loginFailures.id });
  return row!.id;
}

/** Takes back an attempt that was refused unchecked or had the right password. */
export async function withdrawLoginAttempt(db: Database, attempt: number): Promise<void> {
  await db.delete(t.loginFailures).where(eq(t.loginFailures.id, attempt));
}

/** A successful sign-in forgives the address's earlier failures (not the IP's). */
export async function clearLoginFailures(db: Database, email: string): Promise<void> {
  await db.delete(t.loginFailures).where(eq(t.loginFailures.email, email));
}

/** Drops failures older than the window; called now and then so the table stays small. */
export async function pruneLoginFailures(db: Database, now = new Date()): Promise<void> {
  await db.delete(t.loginFailures).where(lt(t.loginFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}
