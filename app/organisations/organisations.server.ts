// Organisations (companies, training units, medical centres) and their approval. A new organisation is a
// draft: its people can prepare positions and plans, but nothing is published until a programme
// officer approves it (mayPublish). Every approval decision is audited and mailed to its admins.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Role } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { enqueueEmail } from "../mail/outbox.server";

export type OrganisationKind = "company" | "training_unit" | "medical_centre";
export type Organisation = typeof t.organisations.$inferSelect;

/** The role a member of each kind of organisation holds. */
export const memberRoleFor: Record<OrganisationKind, Role> = {
  company: "company_recruiter",
  training_unit: "training_unit_staff",
  medical_centre: "training_unit_staff",
};

export class OrganisationRuleError extends Error {
  constructor(readonly code: "wrongRoleForKind" | "notDraft" | "notPending" | "lastAdmin" | "alreadyMember" | "notMember") {
    super(code);
  }
}

export interface NewOrganisation {
  kind: OrganisationKind;
  nameZh: string;
  nameEn: string;
  city?: string;
  website?: string;
}

export async function createOrganisation(db: Database, viewer: Viewer, input: NewOrganisation, ip: string): Promise<Organisation> {
  if (!viewer.roles.includes(memberRoleFor[input.kind])) throw new OrganisationRuleError("wrongRoleForKind");
  // Two organisations with the same English name created at once can pick the same free slug; the
  // loser's transaction fails on the unique slug and simply tries again with the next one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertOrganisation(db, viewer, input, ip);
    } catch (error) {
      if (attempt >= 8 || !isUniqueViolation(error, "organisations_slug_unique")) throw error;
    }
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string; message?: string };
    if (pg.code === "23505" && (pg.constraint_name === constraint || pg.constraint === constraint || pg.message?.includes(constraint))) return true;
  }
  return false;
}

async function insertOrganisation(db: Database, viewer: Viewer, input: NewOrganisation, ip: string): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const slug = await freeSlug(tx, input.nameEn);
    const [organisation] = await tx
      .insert(t.organisations)
      .values({ slug, kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn, city: input.city || null, website: input.website || null })
      .returning();
    await tx.insert(t.memberships).values({ organisationId: organisation!.id, userId: viewer.id, isOrgAdmin: true });
    await recordAudit(tx, { actorUserId: viewer.id, action: "organisation-created", entity: "organisation", entityId: organisation!.id, detail: { slug, kind: input.kind }, ip });
    await recordAudit(tx, { actorUserId: viewer.id, action: "membership-added", entity: "organisation", entityId: organisation!.id, detail: { userId: viewer.id, admin: true }, ip });
    return organisation!;
  });
}

async function freeSlug(db: Pick<Database, "select">, name: string): Promise<string> {
  const base = name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "organisation";
  const taken = await db
    .select({ slug: t.organisations.slug })
    .from(t.organisations)
    .where(sql`${t.organisations.slug} = ${base} or ${t.organisations.slug} like ${`${base}-%`}`);
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function getOrganisationBySlug(db: Database, slug: string): Promise<Organisation | null> {
  const [organisation] = await db.select().from(t.organisations).where(eq(t.organisations.slug, slug));
  return organisation ?? null;
}

export const membershipOf = (viewer: Viewer | null, organisationId: string) =>
  viewer?.memberships.find((m) => m.organisationId === organisationId) ?? null;

/** Whether the organisation may publish positions, plans and programmes. */
export const mayPublish = (organisation: Pick<Organisation, "approval">) => organisation.approval === "approved";

/** An organisation's people, admins first; also whom to mail about it (in their own `locale`). */
export async function listMembers(db: Pick<Database, "select">, organisationId: string) {
  return db
    .select({ userId: t.users.id, displayName: t.users.displayName, email: t.users.email, locale: t.users.locale, isOrgAdmin: t.memberships.isOrgAdmin, joinedAt: t.memberships.joinedAt })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(eq(t.memberships.organisationId, organisationId))
    .orderBy(desc(t.memberships.isOrgAdmin), asc(t.users.displayName));
}

/** An organisation admin asks for approval (again, after a rejection). */
export async function submitForApproval(db: Database, viewer: Viewer, organisation: Organisation, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(t.organisations)
      .set({ approval: "pending", updatedAt: new Date() })
      .where(and(eq(t.organisations.id, organisation.id), inArray(t.organisations.approval, ["draft", "rejected"])))
      .returning({ id: t.organisations.id });
    if (!updated) throw new OrganisationRuleError("notDraft");
    await recordAudit(tx, { actorUserId: viewer.id, action: "approval-requested", entity: "organisation", entityId: organisation.id, ip });
  });
}

export async function listPendingOrganisations(db: Database) {
  return db.select().from(t.organisations).where(eq(t.organisations.approval, "pending")).orderBy(asc(t.organisations.updatedAt));
}

export interface ApprovalDecision {
  approved: boolean;
  reason?: string;
}

/** A programme officer approves or returns a pending organisation; its admins are told by e-mail. */
export async function decideApproval(db: Database, officer: Viewer, organisationId: string, decision: ApprovalDecision, links: { publicUrl: string }, ip: string): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .update(t.organisations)
      .set(
        decision.approved
          ? { approval: "approved", approvedBy: officer.id, approvedAt: new Date(), updatedAt: new Date() }
          : { approval: "rejected", approvedBy: null, approvedAt: null, updatedAt: new Date() },
      )
      .where(and(eq(t.organisations.id, organisationId), eq(t.organisations.approval, "pending")))
      .returning();
    if (!organisation) throw new OrganisationRuleError("notPending");
    await recordAudit(tx, {
      actorUserId: officer.id,
      action: decision.approved ? "organisation-approved" : "organisation-rejected",
      entity: "organisation",
      entityId: organisation.id,
      detail: decision.reason ? { reason: decision.reason } : null,
      ip,
    });
    const admins = await tx
      .select({ email: t.users.email, locale: t.users.locale })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .where(and(eq(t.memberships.organisationId, organisation.id), eq(t.memberships.isOrgAdmin, true)));
    for (const admin of admins) {
      await enqueueEmail(tx, {
        to: admin.email,
        locale: admin.locale,
        template: "organisation-decision",
        data: {
          organisation: admin.locale === "en" ? organisation.nameEn : organisation.nameZh,
          approved: decision.approved,
          reason: decision.reason,
          url: `${links.publicUrl}/organisations/${organisation.slug}`,
        },
      });
    }
    return organisation;
  });
}

/** Removes a colleague. The last admin cannot be removed, so an organisation is never left unmanaged. */
export async function removeMember(db: Database, viewer: Viewer, organisationId: string, userId: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Lock the organisation's memberships so two admins removing each other cannot both succeed.
    const members = await tx.select().from(t.memberships).where(eq(t.memberships.organisationId, organisationId)).for("update");
    const target = members.find((m) => m.userId === userId);
    if (!target) throw new OrganisationRuleError("notMember");
    if (target.isOrgAdmin && members.filter((m) => m.isOrgAdmin).length === 1) throw new OrganisationRuleError("lastAdmin");
    await tx.delete(t.memberships).where(and(eq(t.memberships.organisationId, organisationId), eq(t.memberships.userId, userId)));
    await recordAudit(tx, { actorUserId: viewer.id, action: "membership-removed", entity: "organisation", entityId: organisationId, detail: { userId }, ip });
  });
}

export async function pendingInvitations(db: Database, organisationId: string) {
  return db
    .select({ id: t.invitations.id, email: t.invitations.email, role: t.invitations.role, expiresAt: t.invitations.expiresAt, createdAt: t.invitations.createdAt })
    .from(t.invitations)
    .where(and(eq(t.invitations.organisationId, organisationId), isNull(t.invitations.acceptedAt), isNull(t.invitations.revokedAt), sql`${t.invitations.expiresAt} > now()`))
    .orderBy(desc(t.invitations.createdAt));
}
