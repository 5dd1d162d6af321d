// Shared by the account tests: the run's database, people made with unique addresses (the database is
// shared by every test file), viewers resolved through a real session, and reads of the outbox and audit log.
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Database, DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import type { Role } from "../../app/auth/permissions";
import { resolveSession, startSession, type Viewer } from "../../app/auth/session.server";
import { openTestDatabase } from "../support/services";

/** Opens the run's database for the file's tests and closes it afterwards. */
export function useDatabase(): () => Database {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("the database is not open (beforeAll has not run)");
    return handle.db;
  };
}

/** A short lower-case tag unique to this call, for addresses, names and slugs. */
export const unique = () => randomBytes(5).toString("hex");

export const uniqueEmail = (label: string) => `${label}-${unique()}@example.test`;

/** An address from the documentation range no other test uses, so IP throttling never spills over. */
export const uniqueIp = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

export const PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export interface MadeUser {
  id: string;
  email: string;
  displayName: string;
}

/** Inserts a confirmed (unless told otherwise) user with PASSWORD and the given roles. */
export async function makeUser(db: Database, options: { label?: string; roles?: Role[]; confirmed?: boolean; displayName?: string; email?: string } = {}): Promise<MadeUser> {
  const id = randomUUID();
  const email = options.email ?? uniqueEmail(options.label ?? "user");
  const displayName = options.displayName ?? `Test ${email.split("@")[0]}`;
  await db.insert(t.users).values({
    id,
    email,
    displayName,
    locale: "en",
    passwordHash: await (passwordHash ??= hashPassword(PASSWORD)),
    emailVerifiedAt: options.confirmed === false ? null : new Date(),
  });
  for (const role of options.roles ?? []) await db.insert(t.userRoles).values({ userId: id, role });
  return { id, email, displayName };
}

/** Starts a real session for the user and resolves it, as the web server does for each request. */
export async function signedIn(db: Database, userId: string, ip = "127.0.0.1"): Promise<{ viewer: Viewer; cookie: string }> {
  const setCookie = await startSession(db, userId, { ip, userAgent: "vitest" });
  const cookie = setCookie.split(";")[0]!;
  const { viewer } = await resolveSession(db, cookie);
  if (!viewer) throw new Error("a session just started did not resolve");
  return { viewer, cookie };
}

/** The mail queued for an address, oldest first. */
export async function mailTo(db: Database, address: string) {
  return db.select().from(t.emailOutbox).where(eq(t.emailOutbox.toAddress, address)).orderBy(asc(t.emailOutbox.createdAt), asc(t.emailOutbox.id));
}

/** The token in the first link of a mail whose path matches, e.g. `/verify-email?token=` or `/invitations/`. */
export function tokenIn(textBody: string, before: string): string {
  const at = textBody.indexOf(before);
  if (at < 0) throw new Error(`no link with ${before} in the mail:\n${textBody}`);
  const match = /^[A-Za-z0-9_-]+/.exec(textBody.slice(at + before.length));
  if (!match) throw new Error(`no token after ${before}`);
  return match[0];
}

/** Audit rows about one record, optionally of one action, oldest first. */
export async function auditOf(db: Database, entityId: string, action?: string) {
  const where = action ? and(eq(t.auditLog.entityId, entityId), eq(t.auditLog.action, action)) : eq(t.auditLog.entityId, entityId);
  return db.select().from(t.auditLog).where(where).orderBy(asc(t.auditLog.id));
}

export const links = { publicUrl: "http://portal.test" };
