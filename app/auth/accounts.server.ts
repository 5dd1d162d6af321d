// Account life cycle: sign-up, e-mail confirmation, sign-in, password change and reset. Each write and
// the e-mail it sends happen in one transaction. Sign-up, sign-in and reset answer the same way whether
// or not an account exists, so the portal cannot be used to find out who has one.
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Locale } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import type { Role } from "./permissions";
import { endAllSessions } from "./session.server";
import { clearLoginFailures, loginLockedUntil, recordLoginAttempt, withdrawLoginAttempt } from "./throttle.server";
import { consumeToken, issueToken, type TokenCheck } from "./tokens.server";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

interface Links {
  publicUrl: string;
}

export interface SignUp {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  locale: Locale;
}

/** Creates the account and mails a confirmation link; for a known address, mails its owner instead. */
export async function signUp(db: Database, input: SignUp, links: Links, ip: string): Promise<void> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(t.users).where(eq(t.users.email, email));
    if (existing) {
      await enqueueEmail(tx, {
        to: email,
        locale: existing.locale,
        template: "account-exists",
        data: { name: existing.displayName, loginUrl: `${links.publicUrl}/login`, resetUrl: `${links.publicUrl}/forgot-password` },
      });
      return;
    }
    const id = randomUUID();
    // A sign-up for the same address racing this one: theirs wins, ours changes nothing (no 500).
    const created = await tx.insert(t.users).values({ id, email, passwordHash, displayName: input.displayName, locale: input.locale }).onConflictDoNothing({ target: t.users.email }).returning({ id: t.users.id });
    if (created.length === 0) return;
    await tx.insert(t.userRoles).values({ userId: id, role: input.role });
    const token = await issueToken(tx, id, "email_verification");
    await enqueueEmail(tx, {
      to: email,
      locale: input.locale,
      template: "confirm-email",
      data: { name: input.displayName, url: `${links.publicUrl}/verify-email?token=${token}` },
    });
    await recordAudit(tx, { actorUserId: id, action: "sign-up", entity: "user", entityId: id, detail: { role: input.role }, ip });
  });
}

/** Mails a fresh confirmation link to an unconfirmed account; silent for anything else. */
export async function resendConfirmation(db: Database, rawEmail: string, links: Links): Promise<void> {
  const email = normaliseEmail(rawEmail);
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(t.users).where(eq(t.users.email, email));
    if (!user || user.emailVerifiedAt) return;
    const token = await issueToken(tx, user.id, "email_verification");
    await enqueueEmail(tx, {
      to: email,
      locale: user.locale,
      template: "confirm-email",
      data: { name: user.displayName, url: `${links.publicUrl}/verify-email?token=${token}` },
    });
  });
}

export async function confirmEmail(db: Database, token: string, ip: string): Promise<TokenCheck> {
  return db.transaction(async (tx) => {
    const check = await consumeToken(tx, token, "email_verification");
    if (!check.ok) return check;
    await tx.update(t.users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(t.users.id, check.userId));
    await recordAudit(tx, { actorUserId: check.userId, action: "email-confirmed", entity: "user", entityId: check.userId, ip });
    return check;
  });
}

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date }
  | { ok: false; reason: "unconfirmed" };

export async function signIn(db: Database, rawEmail: string, password: string, ip: string): Promise<SignInResult> {
  const email = normaliseEmail(rawEmail);
  // Counted as a failure before the check, so parallel guesses cannot all pass it (see throttle.server.ts).
  const attempt = await recordLoginAttempt(db, email, ip);
  const until = await loginLockedUntil(db, email, ip, new Date(), attempt);
  if (until) {
    await withdrawLoginAttempt(db, attempt);
    return { ok: false, reason: "locked", until };
  }
  const [user] = await db.select().from(t.users).where(eq(t.users.email, email));
  // Verify against a decoy when there is no such account, so the answer takes as long either way.
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.passwordHash || !valid) {
    await recordAudit(db, { actorUserId: user?.id ?? null, action: "sign-in-failed", entity: "user", entityId: user?.id ?? null, detail: { email }, ip });
    return { ok: false, reason: "invalid" };
  }
  if (!user.emailVerifiedAt) {
    await withdrawLoginAttempt(db, attempt);
    return { ok: false, reason: "unconfirmed" };
  }
  await clearLoginFailures(db, email);
  await recordAudit(db, { actorUserId: user.id, action: "sign-in", entity: "user", entityId: user.id, ip });
  return { ok: true, userId: user.id };
}

export type PasswordChange = { ok: true } | { ok: false; reason: "wrongPassword" };

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(db: Database, userId: string, current: string, next: string, ip: string, keepSessionId: string): Promise<PasswordChange> {
  const [user] = await db.select().from(t.users).where(eq(t.users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) return { ok: false, reason: "wrongPassword" };
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(t.users).set({ passwordHash, updatedAt: new Date() }).where(eq(t.users.id, userId));
    await tx.delete(t.sessions).where(and(eq(t.sessions.userId, userId), ne(t.sessions.id, keepSessionId)));
    await enqueueEmail(tx, { to: user.email, locale: user.locale, template: "password-changed", data: { name: user.displayName } });
    await recordAudit(tx, { actorUserId: userId, action: "password-changed", entity: "user", entityId: userId, ip });
  });
  return { ok: true };
}

/** Mails a reset link when the address has an account; the caller shows the same message either way. */
export async function requestPasswordReset(db: Database, rawEmail: string, links: Links, ip: string): Promise<void> {
  const email = normaliseEmail(rawEmail);
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(t.users).where(eq(t.users.email, email));
    if (!user) return;
    const token = await issueToken(tx, user.id, "password_reset");
    await enqueueEmail(tx, {
      to: email,
      locale: user.locale,
      template: "reset-password",
      data: { name: user.displayName, url: `${links.publicUrl}/reset-password?token=${token}` },
    });
    await recordAudit(tx, { actorUserId: user.id, action: "password-reset-requested", entity: "user", entityId: user.id, ip });
  });
}

/** Sets a new password from a reset link. The link proves the mailbox, so the address counts as confirmed. */
export async function resetPassword(db: Database, token: string, password: string, ip: string): Promise<TokenCheck> {
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx) => {
    const check = await consumeToken(tx, token, "password_reset");
    if (!check.ok) return check;
    const [user] = await tx
      .update(t.users)
      .set({ passwordHash, emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(eq(t.users.id, check.userId))
      .returning();
    if (user) await enqueueEmail(tx, { to: user.email, locale: user.locale, template: "password-changed", data: { name: user.displayName } });
    await recordAudit(tx, { actorUserId: check.userId, action: "password-reset", entity: "user", entityId: check.userId, ip });
    return check;
  });
  if (result.ok) {
    await endAllSessions(db, result.userId);
    // The reset proved the mailbox: earlier failed guesses no longer lock the owner out.
    const email = await emailOfUser(db, result.userId);
    if (email) await clearLoginFailures(db, email);
  }
  return result;
}

/** The name others see and the language the portal writes to the user in. */
export async function updateAccountDetails(db: Database, userId: string, details: { displayName: string; locale: Locale }): Promise<void> {
  await db.update(t.users).set({ ...details, updatedAt: new Date() }).where(eq(t.users.id, userId));
}

export async function emailOfUser(db: Database, userId: string): Promise<string | null> {
  const [user] = await db.select({ email: t.users.email }).from(t.users).where(eq(t.users.id, userId));
  return user?.email ?? null;
}
