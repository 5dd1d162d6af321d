// Organisations, their approval and their invitations against the real database.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import type { Viewer } from "../../app/auth/session.server";
import { acceptInvitation, findInvitation, inviteColleague, revokeInvitation } from "../../app/organisations/invitations.server";
import {
  createOrganisation,
  decideApproval,
  mayPublish,
  OrganisationRuleError,
  removeMember,
  submitForApproval,
  type NewOrganisation,
  type Organisation,
} from "../../app/organisations/organisations.server";
import { auditOf, links, mailTo, makeUser, signedIn, tokenIn, unique, uniqueEmail, useDatabase } from "./support";

const db = useDatabase();
const ip = "198.51.100.20";

async function viewerWith(label: string, roles: Role[]): Promise<Viewer> {
  const user = await makeUser(db(), { label, roles });
  return (await signedIn(db(), user.id)).viewer;
}

const company = (tag = unique()): NewOrganisation => ({ kind: "company", nameZh: `精準生技 ${tag}`, nameEn: `Precise Bio ${tag}` });

async function companyWithAdmin(label = "org-admin") {
  const admin = await viewerWith(label, ["company_recruiter"]);
  const organisation = await createOrganisation(db(), admin, company(), ip);
  return { admin, organisation };
}

const reload = async (id: string) => (await db().select().from(t.organisations).where(eq(t.organisations.id, id)))[0]!;
const membersOf = (organisationId: string) => db().select().from(t.memberships).where(eq(t.memberships.organisationId, organisationId));
const rolesOf = async (userId: string) => (await db().select().from(t.userRoles).where(eq(t.userRoles.userId, userId))).map((r) => r.role).sort();

/** Expects the promise to reject with an OrganisationRuleError of this code. */
async function refusedWith(promise: Promise<unknown>, code: OrganisationRuleError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OrganisationRuleError);
  expect((error as OrganisationRuleError).code).toBe(code);
}

describe("createOrganisation", () => {
  it("needs the role that matches the kind", async () => {
    const talent = await viewerWith("talent", ["talent"]);
    const tag = unique();
    await refusedWith(createOrganisation(db(), talent, company(tag), ip), "wrongRoleForKind");
    const staff = await viewerWith("staff", ["training_unit_staff"]);
    await refusedWith(createOrganisation(db(), staff, company(tag), ip), "wrongRoleForKind");
    expect(await db().select().from(t.organisations).where(eq(t.organisations.nameEn, `Precise Bio ${tag}`))).toHaveLength(0);

    const unit = await createOrganisation(db(), staff, { kind: "training_unit", nameZh: `訓練中心 ${tag}`, nameEn: `Training Centre ${tag}` }, ip);
    expect(unit.kind).toBe("training_unit");
    const centre = await createOrganisation(db(), staff, { kind: "medical_centre", nameZh: `醫學中心 ${tag}`, nameEn: `Medical Centre ${tag}` }, ip);
    expect(centre.kind).toBe("medical_centre");
  });

  it("makes the creator its admin, starts as a draft and audits", async () => {
    const { admin, organisation } = await companyWithAdmin();
    expect(organisation).toMatchObject({ approval: "draft", approvedBy: null, approvedAt: null, city: null, website: null });
    expect(await membersOf(organisation.id)).toMatchObject([{ userId: admin.id, isOrgAdmin: true }]);
    expect((await auditOf(db(), organisation.id)).map((a) => a.action)).toEqual(["organisation-created", "membership-added"]);
    expect(mayPublish(organisation)).toBe(false);
  });

  it("gives each organisation its own slug from the English name", async () => {
    const tag = unique();
    const admin = await viewerWith("slugs", ["company_recruiter"]);
    const first = await createOrganisation(db(), admin, company(tag), ip);
    const second = await createOrganisation(db(), admin, company(tag), ip);
    const third = await createOrganisation(db(), admin, { ...company(tag), nameEn: `PRECISE  bio ${tag}!` }, ip);
    expect(first.slug).toBe(`precise-bio-${tag}`);
    expect(second.slug).toBe(`precise-bio-${tag}-2`);
    expect(third.slug).toBe(`precise-bio-${tag}-3`);
  });

  it("organisations with the same name created at the same moment both get a slug", async () => {
    const tag = unique();
    const admin = await viewerWith("slug-race", ["company_recruiter"]);
    const made = await Promise.all(Array.from({ length: 4 }, () => createOrganisation(db(), admin, company(tag), ip)));
    expect(new Set(made.map((o) => o.slug)).size).toBe(4);
  });
});

describe("approval", () => {
  it("a draft is submitted, then pending; submitting again is refused", async () => {
    const { admin, organisation } = await companyWithAdmin();
    await submitForApproval(db(), admin, organisation, ip);
    expect((await reload(organisation.id)).approval).toBe("pending");
    expect(await auditOf(db(), organisation.id, "approval-requested")).toHaveLength(1);
    await refusedWith(submitForApproval(db(), admin, organisation, ip), "notDraft");
    expect(await auditOf(db(), organisation.id, "approval-requested")).toHaveLength(1);
  });

  it("approval records who and when, mails every organisation admin, audits, and allows publishing", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const secondAdmin = await makeUser(db(), { label: "second-admin", roles: ["company_recruiter"] });
    const member = await makeUser(db(), { label: "plain-member", roles: ["company_recruiter"] });
    await db().insert(t.memberships).values([
      { organisationId: organisation.id, userId: secondAdmin.id, isOrgAdmin: true },
      { organisationId: organisation.id, userId: member.id, isOrgAdmin: false },
    ]);
    const officer = await viewerWith("officer", ["programme_officer"]);
    await submitForApproval(db(), admin, organisation, ip);

    const approved = await decideApproval(db(), officer, organisation.id, { approved: true }, links, ip);
    expect(approved).toMatchObject({ approval: "approved", approvedBy: officer.id });
    expect(approved.approvedAt).toBeInstanceOf(Date);
    expect(await reload(organisation.id)).toMatchObject({ approval: "approved", approvedBy: officer.id });
    expect(mayPublish(approved)).toBe(true);

    for (const to of [admin.email, secondAdmin.email]) {
      const mail = await mailTo(db(), to);
      expect(mail.map((m) => m.subject)).toEqual([`${organisation.nameEn} has been approved`]);
      expect(mail[0]!.textBody).toContain(`${links.publicUrl}/organisations/${organisation.slug}`);
    }
    expect(await mailTo(db(), member.email)).toHaveLength(0);
    expect(await auditOf(db(), organisation.id, "organisation-approved")).toMatchObject([{ actorUserId: officer.id }]);

    await refusedWith(decideApproval(db(), officer, organisation.id, { approved: false, reason: "late" }, links, ip), "notPending");
    expect((await reload(organisation.id)).approval).toBe("approved");
  });

  it("a rejection gives the reason; the organisation may resubmit and then be approved", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const officer = await viewerWith("officer", ["programme_officer"]);
    await refusedWith(decideApproval(db(), officer, organisation.id, { approved: true }, links, ip), "notPending");
    expect((await reload(organisation.id)).approval).toBe("draft");

    await submitForApproval(db(), admin, organisation, ip);
    const rejected = await decideApproval(db(), officer, organisation.id, { approved: false, reason: "Please add the company registration number" }, links, ip);
    expect(rejected).toMatchObject({ approval: "rejected", approvedBy: null, approvedAt: null });
    expect(mayPublish(rejected)).toBe(false);
    const [mail] = await mailTo(db(), admin.email);
    expect(mail!.subject).toBe(`${organisation.nameEn}: your application needs changes`);
    expect(mail!.textBody).toContain("Please add the company registration number");
    const [audit] = await auditOf(db(), organisation.id, "organisation-rejected");
    expect(JSON.parse(audit!.detail!)).toEqual({ reason: "Please add the company registration number" });

    await submitForApproval(db(), admin, rejected, ip);
    expect((await reload(organisation.id)).approval).toBe("pending");
    expect(mayPublish(await reload(organisation.id))).toBe(false);
    await decideApproval(db(), officer, organisation.id, { approved: true }, links, ip);
    expect(mayPublish(await reload(organisation.id))).toBe(true);
    expect(await mailTo(db(), admin.email)).toHaveLength(2);
  });
});

describe("invitations", () => {
  async function invite(admin: Viewer, organisation: Organisation, email: string) {
    await inviteColleague(db(), admin, organisation, email, links, ip);
    const mail = await mailTo(db(), email.trim().toLowerCase());
    const last = mail[mail.length - 1]!;
    expect(last.subject).toMatch(/^(You are invited to join|邀請您加入)/);
    expect(last.textBody).toContain(`${links.publicUrl}/invitations/`);
    return tokenIn(last.textBody, "/invitations/");
  }

  it("mails a link that the invited account accepts once: membership and role granted", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const invitee = await makeUser(db(), { label: "invitee", roles: ["talent"] });
    const token = await invite(admin, organisation, invitee.email.toUpperCase());
    const [mail] = await mailTo(db(), invitee.email);
    // The invitee has an English account, so the mail is in English with the English name.
    expect(mail!.subject).toBe(`You are invited to join ${organisation.nameEn}`);
    expect(mail!.textBody).toContain(admin.displayName);
    expect((await findInvitation(db(), token)).state).toBe("open");

    const viewer = (await signedIn(db(), invitee.id)).viewer;
    const accepted = await acceptInvitation(db(), viewer, token, ip);
    expect(accepted).toMatchObject({ ok: true, organisation: { id: organisation.id } });
    expect((await membersOf(organisation.id)).find((m) => m.userId === invitee.id)).toMatchObject({ isOrgAdmin: false });
    expect(await rolesOf(invitee.id)).toEqual(["company_recruiter", "talent"]);
    const granted = await auditOf(db(), invitee.id, "role-granted");
    expect(granted).toHaveLength(1);
    expect(JSON.parse(granted[0]!.detail!)).toMatchObject({ role: "company_recruiter", via: "invitation" });

    expect(await acceptInvitation(db(), viewer, token, ip)).toEqual({ ok: false, reason: "used" });
    expect(await auditOf(db(), invitee.id, "role-granted")).toHaveLength(1);
  });

  it("accepted twice at the same moment, it works once", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const invitee = await makeUser(db(), { label: "double-click" });
    const token = await invite(admin, organisation, invitee.email);
    const viewer = (await signedIn(db(), invitee.id)).viewer;
    const results = await Promise.all([acceptInvitation(db(), viewer, token, ip), acceptInvitation(db(), viewer, token, ip)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    expect(await auditOf(db(), invitee.id, "role-granted")).toHaveLength(1);
    expect(await auditOf(db(), organisation.id, "membership-added")).toHaveLength(2);
  });

  it("another account cannot accept it, and nothing changes", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const invitedEmail = uniqueEmail("invited");
    const token = await invite(admin, organisation, invitedEmail);
    const stranger = await makeUser(db(), { label: "stranger", roles: ["talent"] });
    const viewer = (await signedIn(db(), stranger.id)).viewer;

    expect(await acceptInvitation(db(), viewer, token, ip)).toEqual({ ok: false, reason: "wrongAccount" });
    expect((await membersOf(organisation.id)).map((m) => m.userId)).toEqual([admin.id]);
    expect(await rolesOf(stranger.id)).toEqual(["talent"]);
    expect((await findInvitation(db(), token)).state).toBe("open");

    // The invited address can still sign up and accept it.
    const invited = await makeUser(db(), { email: invitedEmail });
    expect(await acceptInvitation(db(), (await signedIn(db(), invited.id)).viewer, token, ip)).toMatchObject({ ok: true });
  });

  it("a new invitation to the same address revokes the earlier link", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const invitee = await makeUser(db(), { label: "reinvited" });
    const first = await invite(admin, organisation, invitee.email);
    const second = await invite(admin, organisation, invitee.email);
    expect(first).not.toBe(second);
    const viewer = (await signedIn(db(), invitee.id)).viewer;
    expect(await acceptInvitation(db(), viewer, first, ip)).toEqual({ ok: false, reason: "revoked" });
    expect(await acceptInvitation(db(), viewer, second, ip)).toMatchObject({ ok: true });
  });

  it("refuses to invite someone who is already a member", async () => {
    const { admin, organisation } = await companyWithAdmin();
    await refusedWith(inviteColleague(db(), admin, organisation, admin.email, links, ip), "alreadyMember");
    await refusedWith(inviteColleague(db(), admin, organisation, ` ${admin.email.toUpperCase()} `, links, ip), "alreadyMember");
    expect(await db().select().from(t.invitations).where(eq(t.invitations.organisationId, organisation.id))).toHaveLength(0);
    expect(await mailTo(db(), admin.email)).toHaveLength(0);
  });

  it("an expired invitation cannot be accepted", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const invitee = await makeUser(db(), { label: "late" });
    const token = await invite(admin, organisation, invitee.email);
    await db()
      .update(t.invitations)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(and(eq(t.invitations.organisationId, organisation.id), eq(t.invitations.email, invitee.email)));
    expect(await acceptInvitation(db(), (await signedIn(db(), invitee.id)).viewer, token, ip)).toEqual({ ok: false, reason: "expired" });
    expect((await membersOf(organisation.id)).map((m) => m.userId)).toEqual([admin.id]);
  });

  it("a revoked invitation cannot be accepted, and revoking twice does nothing", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const invitee = await makeUser(db(), { label: "revoked" });
    const token = await invite(admin, organisation, invitee.email);
    const invitation = (await findInvitation(db(), token)).invitation!;
    expect(await revokeInvitation(db(), admin, organisation.id, invitation.id, ip)).toBe(true);
    expect(await revokeInvitation(db(), admin, organisation.id, invitation.id, ip)).toBe(false);
    expect(await auditOf(db(), organisation.id, "invitation-revoked")).toHaveLength(1);
    expect(await acceptInvitation(db(), (await signedIn(db(), invitee.id)).viewer, token, ip)).toEqual({ ok: false, reason: "revoked" });
  });

  it("an invitation of another organisation cannot be revoked through this one", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const other = await companyWithAdmin();
    const token = await invite(admin, organisation, uniqueEmail("cross"));
    const invitation = (await findInvitation(db(), token)).invitation!;
    expect(await revokeInvitation(db(), other.admin, other.organisation.id, invitation.id, ip)).toBe(false);
    expect((await findInvitation(db(), token)).state).toBe("open");
  });

  it("a made-up link is invalid", async () => {
    const viewer = await viewerWith("guesser", ["talent"]);
    expect(await acceptInvitation(db(), viewer, "made-up-token", ip)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("removeMember", () => {
  it("removes a member but never the last admin", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const member = await makeUser(db(), { label: "removable" });
    await db().insert(t.memberships).values({ organisationId: organisation.id, userId: member.id });

    await refusedWith(removeMember(db(), admin, organisation.id, admin.id, ip), "lastAdmin");
    await removeMember(db(), admin, organisation.id, member.id, ip);
    expect((await membersOf(organisation.id)).map((m) => m.userId)).toEqual([admin.id]);
    expect(await auditOf(db(), organisation.id, "membership-removed")).toHaveLength(1);
    await refusedWith(removeMember(db(), admin, organisation.id, member.id, ip), "notMember");

    // With a second admin, either may go.
    const deputy = await makeUser(db(), { label: "deputy" });
    await db().insert(t.memberships).values({ organisationId: organisation.id, userId: deputy.id, isOrgAdmin: true });
    await removeMember(db(), admin, organisation.id, admin.id, ip);
    expect((await membersOf(organisation.id)).map((m) => m.userId)).toEqual([deputy.id]);
  });

  it("two admins removing each other at the same moment cannot both succeed", async () => {
    const { admin, organisation } = await companyWithAdmin();
    const other = await viewerWith("other-admin", ["company_recruiter"]);
    await db().insert(t.memberships).values({ organisationId: organisation.id, userId: other.id, isOrgAdmin: true });
    const results = await Promise.allSettled([
      removeMember(db(), admin, organisation.id, other.id, ip),
      removeMember(db(), other, organisation.id, admin.id, ip),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(OrganisationRuleError);
    expect((refused.reason as OrganisationRuleError).code).toBe("lastAdmin");
    expect(await membersOf(organisation.id)).toMatchObject([{ isOrgAdmin: true }]);
  });
});
