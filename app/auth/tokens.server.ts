// Single-use links (e-mail confirmation, password reset): the e-mail carries a random token, the
// database keeps only its SHA-256, and using it is one atomic UPDATE so a link works exactly once.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

type Purpose = (typeof t.authTokenPurpose.enumValues)[number];
type Writer = Pick<Database, "insert" | "update">;

export const TOKEN_LIFETIME_MS: Record<Purpose, number> = {
  email_verification: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};

export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a token, retiring any earlier unused one for the same purpose so only the newest link works. */
export async function issueToken(db: Writer, userId: string, purpose: Purpose): Promise<string> {
  await db
    .update(t.authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(t.authTokens.userId, userId), eq(t.authTokens.purpose, purpose), isNull(t.authTokens.usedAt)));
  const token = newToken();
  await db.insert(t.authTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: "invalid" | "used" | "expired" };

/** Marks the token used and returns its user, or says why it cannot be used. */
export async function consumeToken(db: Writer & Pick<Database, "select">, token: string, purpose: Purpose): Promise<TokenCheck> {
  const tokenHash = hashToken(token);
  const [used] = await db
    .update(t.authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(t.authTokens.tokenHash, tokenHash), eq(t.authTokens.purpose, purpose), isNull(t.authTokens.usedAt), gt(t.authTokens.expiresAt, new Date())))
    .returning({ userId: t.authTokens.userId });
  if (used) return { ok: true, userId: used.userId };
  return { ok: false, reason: await whyUnusable(db, tokenHash, purpose) };
}

/** Says whether a token could be used, without using it (for the page that shows the link's form). */
export async function checkToken(db: Pick<Database, "select">, token: string, purpose: Purpose): Promise<TokenCheck> {
  const [row] = await db.select().from(t.authTokens).where(and(eq(t.authTokens.tokenHash, hashToken(token)), eq(t.authTokens.purpose, purpose)));
  if (!row) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  return { ok: true, userId: row.userId };
}

async function whyUnusable(db: Pick<Database, "select">, tokenHash: string, purpose: Purpose) {
  const [row] = await db.select().from(t.authTokens).where(and(eq(t.authTokens.tokenHash, tokenHash), eq(t.authTokens.purpose, purpose)));
  if (!row) return "invalid" as const;
  return row.usedAt ? ("used" as const) : ("expired" as const);
}
