// The hourly clean-up deletes ended sessions, failed sign-ins past the throttle window and links a
// week past expiry, and leaves everything still in use.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { pruneAccountRecords } from "../../app/auth/housekeeping.server";
import { startSession } from "../../app/auth/session.server";
import { THROTTLE_WINDOW_MS } from "../../app/auth/throttle.server";
import { hashToken, newToken } from "../../app/auth/tokens.server";
import { makeUser, uniqueIp, useDatabase } from "./support";

const db = useDatabase();
const DAY = 24 * 60 * 60 * 1000;

describe("pruneAccountRecords", () => {
  it("deletes what has ended and keeps what is live", async () => {
    const user = await makeUser(db(), { label: "housekeeping" });
    const origin = { ip: "192.0.2.20", userAgent: null };
    await startSession(db(), user.id, origin);
    await startSession(db(), user.id, origin);
    await startSession(db(), user.id, origin);
    const [live, idle, absolute] = await db().select().from(t.sessions).where(eq(t.sessions.userId, user.id));
    await db().update(t.sessions).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(t.sessions.id, idle!.id));
    await db().update(t.sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1_000) }).where(eq(t.sessions.id, absolute!.id));

    const ip = uniqueIp();
    await db().insert(t.loginFailures).values([
      { email: user.email, ip, at: new Date(Date.now() - THROTTLE_WINDOW_MS - 60_000) },
      { email: user.email, ip, at: new Date() },
    ]);

    const tokens = { fresh: newToken(), recent: newToken(), old: newToken() };
    await db().insert(t.authTokens).values([
      { tokenHash: hashToken(tokens.fresh), userId: user.id, purpose: "password_reset", expiresAt: new Date(Date.now() + DAY) },
      { tokenHash: hashToken(tokens.recent), userId: user.id, purpose: "password_reset", expiresAt: new Date(Date.now() - DAY) },
      { tokenHash: hashToken(tokens.old), userId: user.id, purpose: "password_reset", expiresAt: new Date(Date.now() - 8 * DAY) },
    ]);

    await pruneAccountRecords(db());

    expect((await db().select().from(t.sessions).where(eq(t.sessions.userId, user.id))).map((s) => s.id)).toEqual([live!.id]);
    expect(await db().select().from(t.loginFailures).where(eq(t.loginFailures.ip, ip))).toHaveLength(1);
    const left = (await db().select().from(t.authTokens).where(eq(t.authTokens.userId, user.id))).map((row) => row.tokenHash).sort();
    expect(left).toEqual([hashToken(tokens.fresh), hashToken(tokens.recent)].sort());
  });
});
