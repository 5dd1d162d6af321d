// Who is making the request. The web server resolves the session cookie once per request
// (server/load-context.ts) and hands the result to every loader and action as context.viewer.
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { isLocale, type Locale } from "../i18n/resources";
import { luciaFor, SESSION_ABSOLUTE_MS } from "./lucia.server";
import type { Role } from "./permissions";

export interface Membership {
  organisationId: string;
  slug: string;
  kind: (typeof t.organisationKind.enumValues)[number];
  nameZh: string;
  nameEn: string;
  approval: (typeof t.approvalState.enumValues)[number];
  isOrgAdmin: boolean;
}

export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Role[];
  memberships: Membership[];
  sessionId: string;
}

export interface ResolvedSession {
  viewer: Viewer | null;
  /** A Set-Cookie value to send: the extended session, or a blank cookie for an ended one. */
  setCookie?: string;
}

export function readSessionId(db: Database, cookieHeader: string | null | undefined): string | null {
  return luciaFor(db).readSessionCookie(cookieHeader ?? "");
}

export async function resolveSession(db: Database, cookieHeader: string | null | undefined): Promise<ResolvedSession> {
  const lucia = luciaFor(db);
  const sessionId = readSessionId(db, cookieHeader);
  if (!sessionId) return { viewer: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return { viewer: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  if (session.absoluteExpiresAt.getTime() <= Date.now()) {
    await lucia.invalidateSession(session.id);
    return { viewer: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const viewer: Viewer = {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: isLocale(user.locale) ? user.locale : "zh-TW",
    ...(await loadPrivileges(db, user.id)),
    sessionId: session.id,
  };
  return { viewer, setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined };
}

export async function loadPrivileges(db: Database, userId: string): Promise<Pick<Viewer, "roles" | "memberships">> {
  const [roleRows, memberships] = await Promise.all([
    db.select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, userId)),
    db
      .select({
        organisationId: t.organisations.id,
        slug: t.organisations.slug,
        kind: t.organisations.kind,
        nameZh: t.organisations.nameZh,
        nameEn: t.organisations.nameEn,
        approval: t.organisations.approval,
        isOrgAdmin: t.memberships.isOrgAdmin,
      })
      .from(t.memberships)
      .innerJoin(t.organisations, eq(t.organisations.id, t.memberships.organisationId))
      .where(eq(t.memberships.userId, userId))
      .orderBy(t.organisations.nameZh),
  ]);
  return { roles: roleRows.map((row) => row.role), memberships };
}

export interface SessionOrigin {
  ip: string;
  userAgent: string | null;
}

/** Starts a new session (new id) and returns its Set-Cookie value. */
export async function startSession(db: Database, userId: string, origin: SessionOrigin): Promise<string> {
  const lucia = luciaFor(db);
  const session = await lucia.createSession(userId, {
    absoluteExpiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
    ipAddress: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
    createdAt: new Date(),
  });
  return lucia.createSessionCookie(session.id).serialize();
}

/** Replaces the current session with a new one, e.g. after a change of privileges. */
export async function rotateSession(db: Database, viewer: Viewer, origin: SessionOrigin): Promise<string> {
  await luciaFor(db).invalidateSession(viewer.sessionId);
  return startSession(db, viewer.id, origin);
}

export async function endSession(db: Database, sessionId: string): Promise<string> {
  const lucia = luciaFor(db);
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(db: Database, userId: string): Promise<void> {
  await luciaFor(db).invalidateUserSessions(userId);
}

/** Ends the user's other sessions, keeping the one in use. */
export async function endOtherSessions(db: Database, viewer: Viewer): Promise<number> {
  const others = await listSessions(db, viewer.id);
  const ids = others.filter((s) => s.id !== viewer.sessionId).map((s) => s.id);
  if (ids.length > 0) await db.delete(t.sessions).where(and(eq(t.sessions.userId, viewer.id), inArray(t.sessions.id, ids)));
  return ids.length;
}

/** The user's sessions that are still valid, oldest first. */
export async function listSessions(db: Database, userId: string) {
  return db
    .select({
      id: t.sessions.id,
      createdAt: t.sessions.createdAt,
      expiresAt: t.sessions.expiresAt,
      absoluteExpiresAt: t.sessions.absoluteExpiresAt,
      ipAddress: t.sessions.ipAddress,
      userAgent: t.sessions.userAgent,
    })
    .from(t.sessions)
    .where(and(eq(t.sessions.userId, userId), gt(t.sessions.expiresAt, new Date()), gt(t.sessions.absoluteExpiresAt, new Date())))
    .orderBy(t.sessions.createdAt);
}

export const blankSessionCookie = (db: Database) => luciaFor(db).createBlankSessionCookie().serialize();
