// The role → permission table: what each role may do, and "any" covering every narrower scope.
import { describe, expect, it } from "vitest";
import { can, isRole, permissionsFor, rolePermissions, roles, type Permission, type Role } from "../../app/auth/permissions";

describe("can", () => {
  it("everyone, even with no role, may read and update their own account and start an organisation", () => {
    for (const userRoles of [[], ...roles.map((role) => [role])] as Role[][]) {
      expect(can(userRoles, "read:account:own"), userRoles.join()).toBe(true);
      expect(can(userRoles, "update:account:own"), userRoles.join()).toBe(true);
      expect(can(userRoles, "create:organisation:own"), userRoles.join()).toBe(true);
    }
    expect(can([], "read:application:own")).toBe(false);
    expect(can([], "read:account:any")).toBe(false);
  });

  it("talent works on their own records only", () => {
    expect(can(["talent"], "create:application:own")).toBe(true);
    expect(can(["talent"], "update:talent-profile:own")).toBe(true);
    expect(can(["talent"], "read:application:organisation")).toBe(false);
    expect(can(["talent"], "read:talent-profile:any")).toBe(false);
    expect(can(["talent"], "create:position:organisation")).toBe(false);
    expect(can(["talent"], "approve:organisation:any")).toBe(false);
  });

  it("company recruiters and training-unit staff act for their organisation", () => {
    expect(can(["company_recruiter"], "create:position:organisation")).toBe(true);
    expect(can(["company_recruiter"], "read:application:organisation")).toBe(true);
    expect(can(["company_recruiter"], "read:application:any")).toBe(false);
    expect(can(["company_recruiter"], "create:unit-application:organisation")).toBe(false);
    expect(can(["training_unit_staff"], "create:unit-application:organisation")).toBe(true);
    expect(can(["training_unit_staff"], "read:trainee-application:ranked")).toBe(true);
    expect(can(["training_unit_staff"], "read:trainee-application:any")).toBe(false);
    expect(can(["training_unit_staff"], "create:position:organisation")).toBe(false);
  });

  it("reviewers and mentors see what is assigned to them", () => {
    expect(can(["reviewer"], "read:unit-application:assigned")).toBe(true);
    expect(can(["reviewer"], "read:unit-application:any")).toBe(false);
    expect(can(["mentor"], "read:spark-team:assigned")).toBe(true);
    expect(can(["mentor"], "read:unit-application:assigned")).toBe(false);
  });

  it("programme officers read everything and approve organisations, but do not manage roles", () => {
    expect(can(["programme_officer"], "approve:organisation:any")).toBe(true);
    expect(can(["programme_officer"], "read:audit-log:any")).toBe(true);
    expect(can(["programme_officer"], "manage:user-role:any")).toBe(false);
    expect(can(["programme_officer"], "manage:membership:any")).toBe(false);
    expect(can(["programme_officer"], "create:position:organisation")).toBe(false);
  });

  it("admins manage roles and memberships on top of the office's permissions", () => {
    for (const permission of rolePermissions.programme_officer) expect(can(["admin"], permission), permission).toBe(true);
    expect(can(["admin"], "manage:user-role:any")).toBe(true);
    expect(can(["admin"], "manage:membership:any")).toBe(true);
    expect(can(["admin"], "update:talent-profile:own")).toBe(false);
  });

  it('an "any" scope implies every narrower scope of the same action and entity, never another action', () => {
    for (const scope of ["own", "organisation", "assigned", "ranked", "any"] as const) {
      expect(can(["programme_officer"], `read:application:${scope}`), scope).toBe(true);
      expect(can(["programme_officer"], `read:unit-application:${scope}`), scope).toBe(true);
      expect(can(["admin"], `manage:user-role:${scope}`), scope).toBe(true);
    }
    expect(can(["programme_officer"], "update:application:organisation")).toBe(false);
    expect(can(["programme_officer"], "delete:organisation:own")).toBe(false);
    // Narrower scopes never imply broader ones.
    expect(can(["company_recruiter"], "update:application:any")).toBe(false);
    expect(can(["talent"], "read:application:organisation")).toBe(false);
  });

  it("several roles add up", () => {
    const both: Role[] = ["talent", "reviewer"];
    expect(can(both, "create:application:own")).toBe(true);
    expect(can(both, "read:unit-application:assigned")).toBe(true);
    expect(can(both, "approve:organisation:any")).toBe(false);
    const granted = permissionsFor(both);
    const expected = new Set<Permission>(["read:account:own", "update:account:own", "create:organisation:own", ...rolePermissions.talent, ...rolePermissions.reviewer]);
    expect([...granted].sort()).toEqual([...expected].sort());
  });
});

describe("the PhD programme's rounds and quota applications", () => {
  it("the office manages rounds, checks documents, assigns reviewers and allocates; nobody else does", () => {
    for (const role of ["programme_officer", "admin"] as const) {
      expect(can([role], "manage:placement-round:any")).toBe(true);
      expect(can([role], "approve:unit-application:any")).toBe(true);
      // The office reads units' plans but never writes or scores them.
      expect(can([role], "update:unit-application:organisation")).toBe(false);
      expect(can([role], "create:unit-review:assigned")).toBe(false);
    }
    for (const role of ["talent", "company_recruiter", "training_unit_staff", "reviewer", "mentor"] as const) {
      expect(can([role], "manage:placement-round:any"), role).toBe(false);
      expect(can([role], "approve:unit-application:any"), role).toBe(false);
    }
  });

  it("unit staff write their own unit's plan; reviewers score what is assigned to them", () => {
    expect(can(["training_unit_staff"], "update:unit-application:organisation")).toBe(true);
    expect(can(["training_unit_staff"], "update:unit-application:any")).toBe(false);
    expect(can(["training_unit_staff"], "create:unit-review:assigned")).toBe(false);
    expect(can(["reviewer"], "create:unit-review:assigned")).toBe(true);
    expect(can(["reviewer"], "update:unit-application:organisation")).toBe(false);
    for (const role of ["talent", "company_recruiter", "mentor"] as const) {
      expect(can([role], "update:unit-application:organisation"), role).toBe(false);
      expect(can([role], "create:unit-review:assigned"), role).toBe(false);
    }
  });
});

describe("isRole", () => {
  it("knows the roles and nothing else", () => {
    for (const role of roles) expect(isRole(role)).toBe(true);
    for (const value of ["Admin", "superuser", "", null, undefined, 1, ["admin"]]) expect(isRole(value)).toBe(false);
  });
});
