// The people the access matrix calls routes as: nobody, and one user per role. The company recruiter
// is the admin of one approved company, so organisation pages and talent search have a member to compare against.
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { roles, type Role } from "../../app/auth/permissions";
import { resolveSession, startSession, type Viewer } from "../../app/auth/session.server";

export const audiences = ["anonymous", ...roles] as const;
export type Audience = (typeof audiences)[number];

export const MATRIX_ORGANISATION_SLUG = "access-matrix-company";

export interface AudienceUsers {
  /** A freshly started session for the audience, resolved the way the server resolves cookies. */
  viewerFor(audience: Audience): Promise<Viewer | null>;
  cleanup(): Promise<void>;
}

export async function createAudienceUsers(db: Database): Promise<AudienceUsers> {
  const ids = new Map<Role, string>();
  for (const role of roles) {
    const id = randomUUID();
    ids.set(role, id);
    await db.insert(t.users).values({ id, email: `matrix-${role.replace(/_/g, "-")}-${id.slice(0, 8)}@example.test`, displayName: `Matrix ${role}`, emailVerifiedAt: new Date() });
    await db.insert(t.userRoles).values({ userId: id, role });
  }
  const [organisation] = await db.insert(t.organisations).values({ slug: MATRIX_ORGANISATION_SLUG, kind: "company", nameZh: "存取矩陣公司", nameEn: "Access Matrix Co", approval: "approved", approvedAt: new Date() }).returning();
  await db.insert(t.memberships).values({ organisationId: organisation!.id, userId: ids.get("company_recruiter")!, isOrgAdmin: true });

  return {
    async viewerFor(audience) {
      if (audience === "anonymous") return null;
      // A new session per call: an action under test (log out, say) may end the one it was given.
      const cookie = await startSession(db, ids.get(audience)!, { ip: "127.0.0.1", userAgent: "access-matrix" });
      const { viewer } = await resolveSession(db, cookie.split(";")[0]);
      if (!viewer) throw new Error(`no session for ${audience}`);
      return viewer;
    },
    async cleanup() {
      await db.delete(t.organisations).where(inArray(t.organisations.slug, [MATRIX_ORGANISATION_SLUG]));
      // The audit log keeps its rows (append-only), with the ids of users who no longer exist.
      await db.delete(t.users).where(inArray(t.users.id, [...ids.values()]));
    },
  };
}
