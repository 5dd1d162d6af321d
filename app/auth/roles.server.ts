// Granting and removing roles (admins only). A change of privileges ends the user's sessions, so the
// next request runs under a freshly issued session with the new roles.
import { and, eq, ilike, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Role } from "./permissions";
import type { Viewer } from "./session.server";

export class RoleRuleError extends Error {
  constructor(readonly code: "cannotRevokeOwnAdmin" | "noSuchUser") {
    super(code);
  }
}

export const USERS_PAGE_SIZE = 25;

export async function listUsers(db: Database, options: { query?: string; page: number }) {
  const pattern = options.query ? `%${options.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = pattern ? or(ilike(t.users.email, pattern), ilike(t.users.displayName, pattern)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: t.users.id,
        email: t.users.email,
        displayName: t.users.displayName,
        emailVerifiedAt: t.users.emailVerifiedAt,
        roles: sql<Role[]>`coalesce(json_agg(${t.userRoles.role} order by ${t.userRoles.role}) filter (where ${t.userRoles.role} is not null), '[]'::json)`,
      })
      .from(t.users)
      .leftJoin(t.userRoles, eq(t.userRoles.userId, t.users.id))
      .where(where)
      .groupBy(t.users.id)
      .orderBy(t.users.email)
      .limit(USERS_PAGE_SIZE)
      .offset((options.page - 1) * USERS_PAGE_SIZE),
    db.select({ count: sql<number>`count(*)::int` }).from(t.users).where(where),
  ]);
  return { rows, total: total?.count ?? 0 };
}

export async function grantRole(db: Database, admin: Viewer, userId: string, role: Role, ip: string): Promise<string> {
  return changeRole(db, admin, userId, role, "grant", ip);
}

export async function revokeRole(db: Database, admin: Viewer, userId: string, role: Role, ip: string): Promise<string> {
  if (userId === admin.id && role === "admin") throw new RoleRuleError("cannotRevokeOwnAdmin");
  return changeRole(db, admin, userId, role, "revoke", ip);
}

async function changeRole(db: Database, admin: Viewer, userId: string, role: Role, change: "grant" | "revoke", ip: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: t.users.email }).from(t.users).where(eq(t.users.id, userId));
    if (!user) throw new RoleRuleError("noSuchUser");
    const changed =
      change === "grant"
        ? await tx.insert(t.userRoles).values({ userId, role }).onConflictDoNothing().returning()
        : await tx.delete(t.userRoles).where(and(eq(t.userRoles.userId, userId), eq(t.userRoles.role, role))).returning();
    if (changed.length > 0) {
      await tx.delete(t.sessions).where(eq(t.sessions.userId, userId));
      await recordAudit(tx, { actorUserId: admin.id, action: change === "grant" ? "role-granted" : "role-revoked", entity: "user", entityId: userId, detail: { role }, ip });
    }
    return user.email;
  });
}
