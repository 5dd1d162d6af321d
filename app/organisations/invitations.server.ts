// E-mail invitations to join an organisation. The link carries a random token (only its hash is kept);
// it works once, for seven days, and only for the invited address. Accepting grants the organisation's
// role, so the caller starts a new session for the accepting user.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { hashToken, newToken } from "../auth/tokens.server";
import type { Viewer } from "../auth/session.server";
import { i18nFor } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { memberRoleFor, OrganisationRuleError, type Organisation } from "./organisations.server";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function inviteColleague(db: Database, viewer: Viewer, organisation: Organisation, rawEmail: string, links: { publicUrl: string }, ip: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  const role = memberRoleFor[organisation.kind as keyof typeof memberRoleFor];
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: t.memberships.userId })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .where(and(eq(t.memberships.organisationId, organisation.id), eq(t.users.email, email)));
    if (member) throw new OrganisationRuleError("alreadyMember");
    // A new invitation replaces an open one to the same address, so only the newest link works.
    await tx
      .update(t.invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(t.invitations.organisationId, organisation.id), eq(t.invitations.email, email), isNull(t.invitations.acceptedAt), isNull(t.invitations.revokedAt)));
    const token = newToken();
    const [invitation] = await tx
      .insert(t.invitations)
      .values({ organisationId: organisation.id, email, role, tokenHash: hashToken(token), invitedBy: viewer.id, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) })
      .returning({ id: t.invitations.id });
    const [recipient] = await tx.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.email, email));
    const locale = recipient?.locale ?? viewer.locale;
    await enqueueEmail(tx, {
      to: email,
      locale,
      template: "invitation",
      data: {
        organisation: locale === "en" ? organisation.nameEn : organisation.nameZh,
        inviter: viewer.displayName,
        role: i18nFor(locale).t(`roles.${role}`),
        url: `${links.publicUrl}/invitations/${token}`,
      },
    });
    await recordAudit(tx, { actorUserId: viewer.id, action: "invitation-sent", entity: "organisation", entityId: organisation.id, detail: { invitationId: invitation!.id, email, role }, ip });
  });
}

export async function revokeInvitation(db: Database, viewer: Viewer, organisationId: string, invitationId: string, ip: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(t.invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(t.invitations.id, invitationId), eq(t.invitations.organisationId, organisationId), isNull(t.invitations.acceptedAt), isNull(t.invitations.revokedAt)))
      .returning({ id: t.invitations.id });
    if (revoked) await recordAudit(tx, { actorUserId: viewer.id, action: "invitation-revoked", entity: "organisation", entityId: organisationId, detail: { invitationId }, ip });
    return Boolean(revoked);
  });
}

export type InvitationState = "open" | "invalid" | "expired" | "used" | "revoked";

/** The invitation behind a link and whether it can still be accepted. */
export async function findInvitation(db: Pick<Database, "select">, token: string) {
  const [row] = await db
    .select({ invitation: t.invitations, organisation: t.organisations, inviterName: t.users.displayName })
    .from(t.invitations)
    .innerJoin(t.organisations, eq(t.organisations.id, t.invitations.organisationId))
    .innerJoin(t.users, eq(t.users.id, t.invitations.invitedBy))
    .where(eq(t.invitations.tokenHash, hashToken(token)));
  if (!row) return { state: "invalid" as const, invitation: null, organisation: null, inviterName: null };
  const { invitation } = row;
  const state: InvitationState = invitation.acceptedAt ? "used" : invitation.revokedAt ? "revoked" : invitation.expiresAt.getTime() <= Date.now() ? "expired" : "open";
  return { state, ...row };
}

export type AcceptResult = { ok: true; organisation: Organisation } | { ok: false; reason: Exclude<InvitationState, "open"> | "wrongAccount" };

export async function acceptInvitation(db: Database, viewer: Viewer, token: string, ip: string): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(t.invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(t.invitations.tokenHash, hashToken(token)),
          eq(t.invitations.email, viewer.email),
          isNull(t.invitations.acceptedAt),
          isNull(t.invitations.revokedAt),
          gt(t.invitations.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!claimed) {
      const found = await findInvitation(tx, token);
      return { ok: false, reason: found.state === "open" ? "wrongAccount" : found.state };
    }
    await tx.insert(t.memberships).values({ organisationId: claimed.organisationId, userId: viewer.id }).onConflictDoNothing();
    const granted = await tx.insert(t.userRoles).values({ userId: viewer.id, role: claimed.role }).onConflictDoNothing().returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "membership-added", entity: "organisation", entityId: claimed.organisationId, detail: { userId: viewer.id, invitationId: claimed.id }, ip });
    if (granted.length > 0) await recordAudit(tx, { actorUserId: viewer.id, action: "role-granted", entity: "user", entityId: viewer.id, detail: { role: claimed.role, via: "invitation" }, ip });
    const [organisation] = await tx.select().from(t.organisations).where(eq(t.organisations.id, claimed.organisationId));
    return { ok: true, organisation: organisation! };
  });
}
