// Granting and revoking roles, and the admins' user list, against the real database.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { grantRole, listUsers, revokeRole, RoleRuleError, USERS_PAGE_SIZE } from "../../app/auth/roles.server";
import { resolveSession, type Viewer } from "../../app/auth/session.server";
import { auditOf, makeUser, signedIn, unique, useDatabase } from "./support";

const db = useDatabase();
const ip = "198.51.100.30";

const rolesOf = async (userId: string) => (await db().select().from(t.userRoles).where(eq(t.userRoles.userId, userId))).map((r) => r.role).sort();

async function anAdmin(): Promise<Viewer> {
  const admin = await makeUser(db(), { label: "admin", roles: ["admin"] });
  return (await signedIn(db(), admin.id)).viewer;
}

async function refusedWith(promise: Promise<unknown>, code: RoleRuleError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RoleRuleError);
  expect((error as RoleRuleError).code).toBe(code);
}

describe("grantRole and revokeRole", () => {
  it("granting adds the role, ends the person's sessions and is audited", async () => {
    const admin = await anAdmin();
    const user = await makeUser(db(), { label: "grantee", roles: ["talent"] });
    const { cookie } = await signedIn(db(), user.id);

    expect(await grantRole(db(), admin, user.id, "reviewer", ip)).toBe(user.email);
    expect(await rolesOf(user.id)).toEqual(["reviewer", "talent"]);
    expect((await resolveSession(db(), cookie)).viewer).toBeNull();
    const audit = await auditOf(db(), user.id, "role-granted");
    expect(audit).toMatchObject([{ actorUserId: admin.id, entity: "user", ip }]);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ role: "reviewer" });

    // The next session carries the new role.
    expect((await signedIn(db(), user.id)).viewer.roles.sort()).toEqual(["reviewer", "talent"]);
    // The admin's own session is untouched.
    expect((await resolveSession(db(), `portal_session=${admin.sessionId}`)).viewer?.id).toBe(admin.id);
  });

  it("granting a role the person has is a no-op: no second audit, sessions kept", async () => {
    const admin = await anAdmin();
    const user = await makeUser(db(), { label: "twice" });
    await grantRole(db(), admin, user.id, "mentor", ip);
    const { cookie } = await signedIn(db(), user.id);
    await grantRole(db(), admin, user.id, "mentor", ip);
    expect(await rolesOf(user.id)).toEqual(["mentor"]);
    expect(await auditOf(db(), user.id, "role-granted")).toHaveLength(1);
    expect((await resolveSession(db(), cookie)).viewer?.id).toBe(user.id);
  });

  it("revoking removes the role, ends the sessions and is audited; revoking again is a no-op", async () => {
    const admin = await anAdmin();
    const user = await makeUser(db(), { label: "revokee", roles: ["talent", "reviewer"] });
    const { cookie } = await signedIn(db(), user.id);
    await revokeRole(db(), admin, user.id, "reviewer", ip);
    expect(await rolesOf(user.id)).toEqual(["talent"]);
    expect((await resolveSession(db(), cookie)).viewer).toBeNull();
    expect(await auditOf(db(), user.id, "role-revoked")).toMatchObject([{ actorUserId: admin.id }]);
    await revokeRole(db(), admin, user.id, "reviewer", ip);
    expect(await auditOf(db(), user.id, "role-revoked")).toHaveLength(1);
  });

  it("an admin cannot revoke their own admin role, but may revoke another admin's", async () => {
    const admin = await anAdmin();
    await refusedWith(revokeRole(db(), admin, admin.id, "admin", ip), "cannotRevokeOwnAdmin");
    expect(await rolesOf(admin.id)).toEqual(["admin"]);
    expect((await resolveSession(db(), `portal_session=${admin.sessionId}`)).viewer?.id).toBe(admin.id);

    const other = await anAdmin();
    await revokeRole(db(), admin, other.id, "admin", ip);
    expect(await rolesOf(other.id)).toEqual([]);
  });

  it("refuses an unknown user", async () => {
    const admin = await anAdmin();
    await refusedWith(grantRole(db(), admin, "no-such-user", "mentor", ip), "noSuchUser");
    await refusedWith(revokeRole(db(), admin, "no-such-user", "mentor", ip), "noSuchUser");
  });
});

describe("listUsers", () => {
  it("finds people by e-mail or name, taking % and _ literally", async () => {
    const tag = unique();
    const underscore = await makeUser(db(), { email: `u${tag}_x@example.test`, displayName: "Underscore" });
    const letter = await makeUser(db(), { email: `u${tag}ax@example.test`, displayName: "Letter" });
    const percent = await makeUser(db(), { email: `p${tag}@example.test`, displayName: `Lab 100% ${tag}` });
    const plain = await makeUser(db(), { email: `q${tag}@example.test`, displayName: `Lab 1000 ${tag}` });
    const backslash = await makeUser(db(), { email: `b${tag}@example.test`, displayName: `Back\\slash ${tag}` });

    const emails = async (query: string) => (await listUsers(db(), { query, page: 1 })).rows.map((r) => r.email).sort();
    expect(await emails(`u${tag}_`)).toEqual([underscore.email]);
    expect(await emails(`U${tag}`)).toEqual([letter.email, underscore.email].sort());
    expect(await emails(`100% ${tag}`)).toEqual([percent.email]);
    expect(await emails(`Lab 100`)).toEqual(expect.arrayContaining([percent.email, plain.email]));
    expect(await emails(`% ${tag}`)).toEqual([percent.email]);
    expect(await emails(`\\slash ${tag}`)).toEqual([backslash.email]);
    expect(await emails(`lab 1000 ${tag.toUpperCase()}`)).toEqual([plain.email]);
    expect(await emails(`nobody-${tag}`)).toEqual([]);

    const { rows, total } = await listUsers(db(), { query: `u${tag}_x`, page: 1 });
    expect(total).toBe(1);
    expect(rows).toEqual([{ id: underscore.id, email: underscore.email, displayName: "Underscore", emailVerifiedAt: expect.any(Date), roles: [] }]);
  });

  it("lists roles and pages through the matches in e-mail order", async () => {
    const tag = unique();
    const count = USERS_PAGE_SIZE + 2;
    const made = [];
    for (let i = 0; i < count; i++) made.push(await makeUser(db(), { email: `page-${tag}-${String(i).padStart(2, "0")}@example.test`, roles: i === 0 ? ["talent", "mentor"] : [] }));

    const first = await listUsers(db(), { query: `page-${tag}`, page: 1 });
    expect(first.total).toBe(count);
    expect(first.rows.map((r) => r.email)).toEqual(made.slice(0, USERS_PAGE_SIZE).map((u) => u.email));
    expect(first.rows[0]!.roles).toEqual(["talent", "mentor"]);
    const second = await listUsers(db(), { query: `page-${tag}`, page: 2 });
    expect(second.total).toBe(count);
    expect(second.rows.map((r) => r.email)).toEqual(made.slice(USERS_PAGE_SIZE).map((u) => u.email));
    expect((await listUsers(db(), { query: `page-${tag}`, page: 3 })).rows).toEqual([]);
  });
});
