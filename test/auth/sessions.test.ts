// Sessions against the real database: the cookie resolves to the viewer with roles and memberships,
// idle and absolute expiry end it, activity near idle expiry extends it, rotation replaces it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE } from "../../app/auth/lucia.server";
import { endOtherSessions, listSessions, readSessionId, resolveSession, rotateSession, startSession } from "../../app/auth/session.server";
import { makeUser, signedIn, unique, useDatabase } from "./support";

const db = useDatabase();

const IDLE_MS = SESSION_IDLE.milliseconds();
const origin = { ip: "192.0.2.10", userAgent: "Mozilla/5.0 (vitest)" };
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const sessionRow = async (id: string) => (await db().select().from(t.sessions).where(eq(t.sessions.id, id)))[0];
const isBlank = (setCookie: string | undefined) => new RegExp(`^${SESSION_COOKIE}=;`).test(setCookie ?? "") && /Max-Age=0/i.test(setCookie ?? "");

describe("startSession and resolveSession", () => {
  it("resolves the cookie to the viewer with roles and memberships", async () => {
    const user = await makeUser(db(), { label: "viewer", roles: ["company_recruiter", "mentor"] });
    const tag = unique();
    const [organisation] = await db()
      .insert(t.organisations)
      .values({ slug: `viewer-org-${tag}`, kind: "company", nameZh: `測試公司 ${tag}`, nameEn: `Test Co ${tag}` })
      .returning();
    await db().insert(t.memberships).values({ organisationId: organisation!.id, userId: user.id, isOrgAdmin: true });

    const setCookie = await startSession(db(), user.id, origin);
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+;`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const { viewer, setCookie: refreshed } = await resolveSession(db(), `other=1; ${cookieOf(setCookie)}`);
    expect(refreshed).toBeUndefined();
    expect(viewer).toMatchObject({ id: user.id, email: user.email, displayName: user.displayName, locale: "en" });
    expect([...viewer!.roles].sort()).toEqual(["company_recruiter", "mentor"]);
    expect(viewer!.memberships).toEqual([
      { organisationId: organisation!.id, slug: `viewer-org-${tag}`, kind: "company", nameZh: `測試公司 ${tag}`, nameEn: `Test Co ${tag}`, approval: "draft", isOrgAdmin: true },
    ]);
    expect(viewer!.sessionId).toBe(readSessionId(db(), cookieOf(setCookie)));

    const row = await sessionRow(viewer!.sessionId);
    expect(row).toMatchObject({ userId: user.id, ipAddress: origin.ip, userAgent: origin.userAgent });
    expect(Math.abs(row!.absoluteExpiresAt.getTime() - (Date.now() + SESSION_ABSOLUTE_MS))).toBeLessThan(60_000);
    expect(Math.abs(row!.expiresAt.getTime() - (Date.now() + IDLE_MS))).toBeLessThan(60_000);
  });

  it("no cookie is no viewer; an unknown cookie is no viewer and a blank cookie", async () => {
    expect(await resolveSession(db(), null)).toEqual({ viewer: null });
    expect(await resolveSession(db(), "theme=dark")).toEqual({ viewer: null });
    const unknown = await resolveSession(db(), `${SESSION_COOKIE}=nosuchsession${unique()}`);
    expect(unknown.viewer).toBeNull();
    expect(isBlank(unknown.setCookie)).toBe(true);
  });

  it("a session idle past its expiry no longer resolves", async () => {
    const user = await makeUser(db(), { label: "idle" });
    const { viewer, cookie } = await signedIn(db(), user.id);
    await db().update(t.sessions).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(t.sessions.id, viewer.sessionId));
    const resolved = await resolveSession(db(), cookie);
    expect(resolved.viewer).toBeNull();
    expect(isBlank(resolved.setCookie)).toBe(true);
  });

  it("a session past its absolute expiry no longer resolves and is deleted, however active", async () => {
    const user = await makeUser(db(), { label: "absolute" });
    const { viewer, cookie } = await signedIn(db(), user.id);
    await db().update(t.sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1_000) }).where(eq(t.sessions.id, viewer.sessionId));
    const resolved = await resolveSession(db(), cookie);
    expect(resolved.viewer).toBeNull();
    expect(isBlank(resolved.setCookie)).toBe(true);
    expect(await sessionRow(viewer.sessionId)).toBeUndefined();
  });

  it("activity in the second half of the idle window extends the session with a fresh cookie", async () => {
    const user = await makeUser(db(), { label: "extend" });
    const { viewer, cookie } = await signedIn(db(), user.id);

    // Still in the first half: nothing to send.
    await db().update(t.sessions).set({ expiresAt: new Date(Date.now() + IDLE_MS / 2 + 60_000) }).where(eq(t.sessions.id, viewer.sessionId));
    expect((await resolveSession(db(), cookie)).setCookie).toBeUndefined();

    await db().update(t.sessions).set({ expiresAt: new Date(Date.now() + IDLE_MS / 2 - 60_000) }).where(eq(t.sessions.id, viewer.sessionId));
    const resolved = await resolveSession(db(), cookie);
    expect(resolved.viewer?.id).toBe(user.id);
    expect(resolved.setCookie).toBeDefined();
    expect(cookieOf(resolved.setCookie!)).toBe(cookie);
    expect(resolved.setCookie).not.toMatch(/Max-Age=0/i);
    const row = await sessionRow(viewer.sessionId);
    expect(Math.abs(row!.expiresAt.getTime() - (Date.now() + IDLE_MS))).toBeLessThan(60_000);
  });
});

describe("rotateSession, endOtherSessions, listSessions", () => {
  it("rotation issues a new id and the old cookie stops working", async () => {
    const user = await makeUser(db(), { label: "rotate" });
    const { viewer, cookie } = await signedIn(db(), user.id);
    const rotated = cookieOf(await rotateSession(db(), viewer, origin));
    expect(rotated).not.toBe(cookie);
    expect((await resolveSession(db(), cookie)).viewer).toBeNull();
    expect(await sessionRow(viewer.sessionId)).toBeUndefined();
    expect((await resolveSession(db(), rotated)).viewer?.id).toBe(user.id);
  });

  it("ending the other sessions keeps the current one and leaves other users alone", async () => {
    const user = await makeUser(db(), { label: "others" });
    const bystander = await makeUser(db(), { label: "bystander" });
    const current = await signedIn(db(), user.id);
    const second = await signedIn(db(), user.id);
    const third = await signedIn(db(), user.id);
    const theirs = await signedIn(db(), bystander.id);

    expect(await endOtherSessions(db(), current.viewer)).toBe(2);
    expect((await resolveSession(db(), current.cookie)).viewer?.id).toBe(user.id);
    expect((await resolveSession(db(), second.cookie)).viewer).toBeNull();
    expect((await resolveSession(db(), third.cookie)).viewer).toBeNull();
    expect((await resolveSession(db(), theirs.cookie)).viewer?.id).toBe(bystander.id);
    expect(await endOtherSessions(db(), current.viewer)).toBe(0);
  });

  it("lists only the sessions still valid, oldest first", async () => {
    const user = await makeUser(db(), { label: "list" });
    const first = await signedIn(db(), user.id);
    const idle = await signedIn(db(), user.id);
    const old = await signedIn(db(), user.id);
    const last = await signedIn(db(), user.id);
    await db().update(t.sessions).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(t.sessions.id, idle.viewer.sessionId));
    await db().update(t.sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1_000) }).where(eq(t.sessions.id, old.viewer.sessionId));
    await db().update(t.sessions).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(t.sessions.id, first.viewer.sessionId));

    const listed = await listSessions(db(), user.id);
    expect(listed.map((s) => s.id)).toEqual([first.viewer.sessionId, last.viewer.sessionId]);
    expect(listed[0]).toMatchObject({ ipAddress: "127.0.0.1", userAgent: "vitest" });
  });
});
