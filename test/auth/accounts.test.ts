// The account life cycle against the real database: sign-up and its confirmation mail, sign-in with
// throttling, password change and reset. Nothing is mocked; mail is read back from the outbox.
import { and, eq, min } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { changePassword, confirmEmail, requestPasswordReset, resetPassword, signIn, signUp } from "../../app/auth/accounts.server";
import { resolveSession } from "../../app/auth/session.server";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, THROTTLE_WINDOW_MS } from "../../app/auth/throttle.server";
import { auditOf, links, mailTo, makeUser, PASSWORD, signedIn, tokenIn, uniqueEmail, uniqueIp, useDatabase } from "./support";

const db = useDatabase();

const NEW_PASSWORD = "a quite different passphrase";

const userByEmail = async (email: string) => (await db().select().from(t.users).where(eq(t.users.email, email)))[0];
const failuresFor = (email: string) => db().select().from(t.loginFailures).where(eq(t.loginFailures.email, email));

/** Signs up and returns the new user and the token from the confirmation mail. */
async function signUpAndReadToken(label: string, ip = uniqueIp()) {
  const email = uniqueEmail(label);
  await signUp(db(), { email, password: PASSWORD, displayName: `Lin ${label}`, role: "talent", locale: "en" }, links, ip);
  const user = (await userByEmail(email))!;
  const [mail] = await mailTo(db(), email);
  return { email, user, token: tokenIn(mail!.textBody, "/verify-email?token=") };
}

describe("signUp", () => {
  it("creates an unconfirmed user with the chosen role, an argon2id hash and exactly one confirmation mail", async () => {
    const email = uniqueEmail("signup");
    const ip = uniqueIp();
    await signUp(db(), { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: "Lin Mei", role: "company_recruiter", locale: "en" }, links, ip);

    const user = await userByEmail(email);
    expect(user).toMatchObject({ email, displayName: "Lin Mei", locale: "en", emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
    const roles = await db().select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, user!.id));
    expect(roles).toEqual([{ role: "company_recruiter" }]);

    const mail = await mailTo(db(), email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Confirm your e-mail address");
    expect(mail[0]!.textBody).toContain(`${links.publicUrl}/verify-email?token=`);
    const tokens = await db().select().from(t.authTokens).where(eq(t.authTokens.userId, user!.id));
    expect(tokens).toMatchObject([{ purpose: "email_verification", usedAt: null }]);
    // Only the hash is stored, never the token the mail carries.
    expect(tokens[0]!.tokenHash).not.toBe(tokenIn(mail[0]!.textBody, "/verify-email?token="));
    expect(await auditOf(db(), user!.id, "sign-up")).toMatchObject([{ actorUserId: user!.id, ip }]);
  });

  it("for an address that has an account, creates nothing and mails the owner instead, answering the same", async () => {
    const owner = await makeUser(db(), { label: "owner" });
    const before = (await userByEmail(owner.email))!;
    const answer = await signUp(
      db(),
      { email: owner.email.toUpperCase(), password: "someone else's passphrase", displayName: "Intruder", role: "company_recruiter", locale: "zh-TW" },
      links,
      uniqueIp(),
    );
    expect(answer).toBeUndefined();

    const after = await db().select().from(t.users).where(eq(t.users.email, owner.email));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: owner.id, displayName: before.displayName, passwordHash: before.passwordHash });
    const roles = await db().select().from(t.userRoles).where(eq(t.userRoles.userId, owner.id));
    expect(roles).toHaveLength(0);
    expect(await db().select().from(t.authTokens).where(eq(t.authTokens.userId, owner.id))).toHaveLength(0);

    const mail = await mailTo(db(), owner.email);
    expect(mail).toHaveLength(1);
    // In the owner's language (en), not the one the sign-up form was filled in.
    expect(mail[0]!.subject).toBe("Someone tried to sign up with your e-mail address");
    expect(mail[0]!.textBody).toContain(`${links.publicUrl}/login`);
    expect(mail[0]!.textBody).toContain(`${links.publicUrl}/forgot-password`);
    expect(mail[0]!.textBody).not.toContain("verify-email");
  });
});

describe("signUp races", () => {
  it("two sign-ups for one new address at the same moment make one account and no error", async () => {
    const email = uniqueEmail("signup-race");
    const attempt = () => signUp(db(), { email, password: PASSWORD, displayName: "Race", role: "talent", locale: "zh-TW" }, links, uniqueIp());
    await Promise.all([attempt(), attempt(), attempt()]);
    expect(await db().select().from(t.users).where(eq(t.users.email, email))).toHaveLength(1);
  });
});

describe("confirmEmail", () => {
  it("confirms the address once; the link is then used", async () => {
    const { user, token } = await signUpAndReadToken("confirm");
    expect(await confirmEmail(db(), token, uniqueIp())).toEqual({ ok: true, userId: user.id });
    expect((await userByEmail(user.email))!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await auditOf(db(), user.id, "email-confirmed")).toHaveLength(1);
    expect(await confirmEmail(db(), token, uniqueIp())).toEqual({ ok: false, reason: "used" });
    expect(await auditOf(db(), user.id, "email-confirmed")).toHaveLength(1);
  });

  it("a link used twice at the same moment works once", async () => {
    const { user, token } = await signUpAndReadToken("race");
    const results = await Promise.all([confirmEmail(db(), token, uniqueIp()), confirmEmail(db(), token, uniqueIp()), confirmEmail(db(), token, uniqueIp())]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, userId: user.id }]);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: "used" },
      { ok: false, reason: "used" },
    ]);
    expect(await auditOf(db(), user.id, "email-confirmed")).toHaveLength(1);
  });

  it("refuses an expired link and leaves the address unconfirmed", async () => {
    const { user, token } = await signUpAndReadToken("expired");
    await db().update(t.authTokens).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(t.authTokens.userId, user.id));
    expect(await confirmEmail(db(), token, uniqueIp())).toEqual({ ok: false, reason: "expired" });
    expect((await userByEmail(user.email))!.emailVerifiedAt).toBeNull();
  });

  it("calls anything else invalid, including a reset token used as a confirmation", async () => {
    expect(await confirmEmail(db(), "not-a-token", uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmail(db(), "", uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    const user = await makeUser(db(), { label: "wrong-purpose", confirmed: false });
    await requestPasswordReset(db(), user.email, links, uniqueIp());
    const [mail] = await mailTo(db(), user.email);
    const resetToken = tokenIn(mail!.textBody, "/reset-password?token=");
    expect(await confirmEmail(db(), resetToken, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    expect((await userByEmail(user.email))!.emailVerifiedAt).toBeNull();
  });
});

describe("signIn", () => {
  it("works once the address is confirmed, and not before", async () => {
    const ip = uniqueIp();
    const { email, user, token } = await signUpAndReadToken("signin", ip);
    expect(await signIn(db(), email, PASSWORD, ip)).toEqual({ ok: false, reason: "unconfirmed" });
    await confirmEmail(db(), token, ip);
    expect(await signIn(db(), ` ${email.toUpperCase()}`, PASSWORD, ip)).toEqual({ ok: true, userId: user.id });
    expect(await auditOf(db(), user.id, "sign-in")).toHaveLength(1);
  });

  it("a wrong password is invalid, recorded as a failure and audited", async () => {
    const user = await makeUser(db(), { label: "wrong" });
    const ip = uniqueIp();
    expect(await signIn(db(), user.email, "not the password at all", ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await failuresFor(user.email)).toMatchObject([{ email: user.email, ip }]);
    const audit = await auditOf(db(), user.id, "sign-in-failed");
    expect(audit).toMatchObject([{ actorUserId: user.id, entity: "user", ip }]);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ email: user.email });
  });

  it("an unknown address gets the same answer, and the failure still counts", async () => {
    const email = uniqueEmail("nobody");
    const ip = uniqueIp();
    expect(await signIn(db(), email, PASSWORD, ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await failuresFor(email)).toMatchObject([{ email, ip }]);
  });

  it(`locks an address after ${MAX_FAILURES_PER_ACCOUNT} failures until the oldest leaves the window, even for the right password`, async () => {
    const user = await makeUser(db(), { label: "locked" });
    const ip = uniqueIp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn(db(), user.email, `wrong guess number ${i}`, ip)).toEqual({ ok: false, reason: "invalid" });
    }
    const [row] = await db().select({ oldest: min(t.loginFailures.at) }).from(t.loginFailures).where(eq(t.loginFailures.email, user.email));
    const oldest = new Date(row!.oldest!).getTime();

    const locked = await signIn(db(), user.email, PASSWORD, ip);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    const until = (locked as { until: Date }).until;
    expect(until).toBeInstanceOf(Date);
    expect(Math.abs(until.getTime() - (oldest + THROTTLE_WINDOW_MS))).toBeLessThanOrEqual(1);
    expect(until.getTime()).toBeGreaterThan(Date.now() + THROTTLE_WINDOW_MS - 60_000);
    // From another IP too: the lock is on the address.
    expect(await signIn(db(), user.email, PASSWORD, uniqueIp())).toMatchObject({ ok: false, reason: "locked" });
    // A lock refuses without checking the password, so it adds no failures.
    expect(await failuresFor(user.email)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);

    // Once the failures have left the window the right password works again.
    await db()
      .update(t.loginFailures)
      .set({ at: new Date(Date.now() - THROTTLE_WINDOW_MS - 1_000) })
      .where(eq(t.loginFailures.email, user.email));
    expect(await signIn(db(), user.email, PASSWORD, ip)).toEqual({ ok: true, userId: user.id });
  });

  it("parallel guesses cannot get past the lock", async () => {
    const user = await makeUser(db(), { label: "parallel" });
    const ip = uniqueIp();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn(db(), user.email, `parallel guess ${i}`, ip)));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(25 - checked.length);
    expect(await failuresFor(user.email)).toHaveLength(checked.length);
    expect(await auditOf(db(), user.id, "sign-in-failed")).toHaveLength(checked.length);
  });

  it(`locks every address from an IP with ${MAX_FAILURES_PER_IP} failures, but not the same address from elsewhere`, async () => {
    const user = await makeUser(db(), { label: "ip-victim" });
    const busyIp = uniqueIp();
    for (let i = 0; i < MAX_FAILURES_PER_IP - 1; i++) await signIn(db(), uniqueEmail(`spray-${i}`), "guess", busyIp);
    // One short of the limit: still open.
    expect(await signIn(db(), user.email, PASSWORD, busyIp)).toEqual({ ok: true, userId: user.id });
    await signIn(db(), uniqueEmail("spray-last"), "guess", busyIp);

    expect(await signIn(db(), user.email, PASSWORD, busyIp)).toMatchObject({ ok: false, reason: "locked" });
    expect(await signIn(db(), user.email, PASSWORD, uniqueIp())).toEqual({ ok: true, userId: user.id });
  });

  it("a success forgives the address's earlier failures but not the IP's", async () => {
    const user = await makeUser(db(), { label: "forgiven" });
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) await signIn(db(), user.email, "wrong", ip);
    await signIn(db(), uniqueEmail("other"), "wrong", ip);
    expect(await failuresFor(user.email)).toHaveLength(3);
    expect(await signIn(db(), user.email, PASSWORD, ip)).toMatchObject({ ok: true });
    expect(await failuresFor(user.email)).toHaveLength(0);
    expect(await db().select().from(t.loginFailures).where(eq(t.loginFailures.ip, ip))).toHaveLength(1);
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const user = await makeUser(db(), { label: "change-wrong" });
    const { viewer, cookie } = await signedIn(db(), user.id);
    const before = (await userByEmail(user.email))!.passwordHash;
    expect(await changePassword(db(), user.id, "not my password", NEW_PASSWORD, uniqueIp(), viewer.sessionId)).toEqual({ ok: false, reason: "wrongPassword" });
    expect((await userByEmail(user.email))!.passwordHash).toBe(before);
    expect((await resolveSession(db(), cookie)).viewer).not.toBeNull();
    expect(await mailTo(db(), user.email)).toHaveLength(0);
    expect(await auditOf(db(), user.id, "password-changed")).toHaveLength(0);
  });

  it("changes it, ends the other sessions but keeps this one, mails the owner and audits", async () => {
    const user = await makeUser(db(), { label: "change" });
    const current = await signedIn(db(), user.id);
    const other = await signedIn(db(), user.id);
    const ip = uniqueIp();
    expect(await changePassword(db(), user.id, PASSWORD, NEW_PASSWORD, ip, current.viewer.sessionId)).toEqual({ ok: true });

    expect((await resolveSession(db(), current.cookie)).viewer?.id).toBe(user.id);
    expect((await resolveSession(db(), other.cookie)).viewer).toBeNull();
    const mail = await mailTo(db(), user.email);
    expect(mail.map((m) => m.subject)).toEqual(["Your password was changed"]);
    expect(await auditOf(db(), user.id, "password-changed")).toMatchObject([{ actorUserId: user.id, ip }]);
    expect((await userByEmail(user.email))!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signIn(db(), user.email, NEW_PASSWORD, ip)).toMatchObject({ ok: true });
    expect(await signIn(db(), user.email, PASSWORD, ip)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("password reset", () => {
  it("mails nobody for an unknown address and one link for a known one", async () => {
    const unknown = uniqueEmail("reset-unknown");
    expect(await requestPasswordReset(db(), unknown, links, uniqueIp())).toBeUndefined();
    expect(await mailTo(db(), unknown)).toHaveLength(0);

    const user = await makeUser(db(), { label: "reset-known" });
    expect(await requestPasswordReset(db(), user.email.toUpperCase(), links, uniqueIp())).toBeUndefined();
    const mail = await mailTo(db(), user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Reset your password");
    expect(mail[0]!.textBody).toContain(`${links.publicUrl}/reset-password?token=`);
  });

  it("a second request retires the first link: only the newest works", async () => {
    const user = await makeUser(db(), { label: "reset-twice" });
    await requestPasswordReset(db(), user.email, links, uniqueIp());
    await requestPasswordReset(db(), user.email, links, uniqueIp());
    const mail = await mailTo(db(), user.email);
    expect(mail).toHaveLength(2);
    const [first, second] = mail.map((m) => tokenIn(m.textBody, "/reset-password?token="));
    expect(first).not.toBe(second);
    expect(await resetPassword(db(), first!, NEW_PASSWORD, uniqueIp())).toMatchObject({ ok: false });
    expect(await signIn(db(), user.email, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
    expect(await resetPassword(db(), second!, NEW_PASSWORD, uniqueIp())).toEqual({ ok: true, userId: user.id });
  });

  it("sets the password, confirms the address, ends every session, and the link works once", async () => {
    const user = await makeUser(db(), { label: "reset", confirmed: false });
    const session = await signedIn(db(), user.id);
    const ip = uniqueIp();
    await requestPasswordReset(db(), user.email, links, ip);
    const token = tokenIn((await mailTo(db(), user.email))[0]!.textBody, "/reset-password?token=");

    expect(await resetPassword(db(), token, NEW_PASSWORD, ip)).toEqual({ ok: true, userId: user.id });
    expect((await userByEmail(user.email))!.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await resolveSession(db(), session.cookie)).viewer).toBeNull();
    expect(await db().select().from(t.sessions).where(eq(t.sessions.userId, user.id))).toHaveLength(0);
    expect((await mailTo(db(), user.email)).map((m) => m.subject)).toContain("Your password was changed");
    expect(await auditOf(db(), user.id, "password-reset")).toHaveLength(1);

    expect(await signIn(db(), user.email, NEW_PASSWORD, ip)).toEqual({ ok: true, userId: user.id });
    expect(await signIn(db(), user.email, PASSWORD, ip)).toEqual({ ok: false, reason: "invalid" });

    // The reset forgives earlier failed guesses: an owner locked out by someone else gets back in.
    const lockedOut = await makeUser(db(), { label: "reset-locked" });
    const guesser = uniqueIp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn(db(), lockedOut.email, "wrong guess number one", guesser);
    expect(await signIn(db(), lockedOut.email, PASSWORD, uniqueIp())).toMatchObject({ ok: false, reason: "locked" });
    await requestPasswordReset(db(), lockedOut.email, links, uniqueIp());
    const unlock = tokenIn((await mailTo(db(), lockedOut.email)).find((m) => m.textBody.includes("/reset-password?token="))!.textBody, "/reset-password?token=");
    expect(await resetPassword(db(), unlock, NEW_PASSWORD, uniqueIp())).toMatchObject({ ok: true });
    expect(await signIn(db(), lockedOut.email, NEW_PASSWORD, uniqueIp())).toMatchObject({ ok: true });

    expect(await resetPassword(db(), token, "yet another passphrase here", ip)).toEqual({ ok: false, reason: "used" });
    expect(await signIn(db(), user.email, NEW_PASSWORD, ip)).toMatchObject({ ok: true });
    const open = await db()
      .select()
      .from(t.authTokens)
      .where(and(eq(t.authTokens.userId, user.id), eq(t.authTokens.purpose, "password_reset")));
    expect(open.every((row) => row.usedAt !== null)).toBe(true);
  });

  it("refuses an expired or made-up link without changing the password", async () => {
    const user = await makeUser(db(), { label: "reset-expired" });
    await requestPasswordReset(db(), user.email, links, uniqueIp());
    const token = tokenIn((await mailTo(db(), user.email))[0]!.textBody, "/reset-password?token=");
    await db().update(t.authTokens).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(t.authTokens.userId, user.id));
    expect(await resetPassword(db(), token, NEW_PASSWORD, uniqueIp())).toEqual({ ok: false, reason: "expired" });
    expect(await resetPassword(db(), "made-up", NEW_PASSWORD, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db(), user.email, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
  });
});
