// Loads the demo set (idempotent upsert keyed by slug, e-mail and title).
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { recordRevision } from "../../app/positions/positions.server";
import { DEMO_PASSWORD, demoAccounts, demoOrganisations, demoPositions, demoTalents } from "./data";

export async function loadDemoData(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of demoOrganisations) {
      const [row] = await tx
        .insert(t.organisations)
        .values({ ...o, approval: "approved", approvedAt: new Date(), isDemo: true })
        .onConflictDoUpdate({ target: t.organisations.slug, set: { nameZh: o.nameZh, nameEn: o.nameEn, city: o.city, updatedAt: sql`now()` } })
        .returning({ id: t.organisations.id });
      if (row) orgIds.set(o.slug, row.id);
    }

    for (const p of demoTalents) {
      await tx
        .insert(t.users)
        .values({ id: p.id, email: p.email, displayName: p.displayName, isDemo: true, emailVerifiedAt: new Date() })
        .onConflictDoUpdate({ target: t.users.id, set: { displayName: p.displayName } });
      await tx.insert(t.userRoles).values({ userId: p.id, role: "talent" }).onConflictDoNothing();
      await tx
        .insert(t.talentProfiles)
        .values({ userId: p.id, nationality: p.nationality, city: p.city, yearsExperience: p.years, visibility: "approved_companies" })
        .onConflictDoUpdate({ target: t.talentProfiles.userId, set: { yearsExperience: p.years, city: p.city } });
      await tx.delete(t.talentDegrees).where(eq(t.talentDegrees.userId, p.id));
      await tx.insert(t.talentDegrees).values({ userId: p.id, ...p.degree });
      await tx.delete(t.talentSkills).where(eq(t.talentSkills.userId, p.id));
      await tx.insert(t.talentSkills).values(p.skills.map(([skillKey, level]) => ({ userId: p.id, skillKey, level })));
    }

    for (const p of demoPositions) {
      const organisationId = orgIds.get(p.org);
      const occupation = await tx.query.occupations.findFirst({
        where: and(eq(t.occupations.surveyKey, p.survey), eq(t.occupations.code, p.code)),
      });
      if (!organisationId || !occupation) throw new Error(`Demo position ${p.title}: missing organisation or occupation`);
      const existing = await tx.query.positions.findFirst({
        where: and(eq(t.positions.organisationId, organisationId), eq(t.positions.title, p.title)),
      });
      if (existing) continue;
      const [position] = await tx
        .insert(t.positions)
        .values({
          organisationId,
          occupationId: occupation.id,
          title: p.title,
          description: occupation.descriptionZh,
          city: p.city,
          salaryMinNtd: p.salary[0],
          salaryMaxNtd: p.salary[1],
          headcount: p.headcount,
          remainingHeadcount: p.headcount,
          minEducation: occupation.minEducation,
          experience: occupation.experience,
          openToOverseas: p.overseas,
          supportsWorkPermit: p.overseas,
          workingLanguages: p.overseas ? ["zh", "en"] : ["zh"],
          status: "published",
          publishedAt: new Date(),
          isDemo: true,
        })
        .returning({ id: t.positions.id });
      if (!position) throw new Error(`Demo position ${p.title} was not saved`);
      const skills = await tx.select().from(t.occupationSkills).where(eq(t.occupationSkills.occupationId, occupation.id));
      await tx.insert(t.positionSkills).values(skills.map((s) => ({ positionId: position.id, skillKey: s.skillKey, position: s.position })));
      if (!occupation.anyEducationField) {
        const fields = await tx.select().from(t.occupationEducationFields).where(eq(t.occupationEducationFields.occupationId, occupation.id));
        if (fields.length > 0) await tx.insert(t.positionEducationFields).values(fields.map((f) => ({ positionId: position.id, fieldCode: f.fieldCode })));
      }
      // Like a position posted through the portal, it starts its edit history at revision 1.
      await recordRevision(tx, position.id, null);
    }

    // Accounts: created once; a password changed since keeps its change.
    for (const a of demoAccounts) {
      await tx
        .insert(t.users)
        .values({ id: a.id, email: a.email, displayName: a.displayName, passwordHash, emailVerifiedAt: new Date(), isDemo: true })
        .onConflictDoUpdate({ target: t.users.id, set: { passwordHash: sql`coalesce(${t.users.passwordHash}, excluded.password_hash)` } });
      for (const role of a.roles) await tx.insert(t.userRoles).values({ userId: a.id, role }).onConflictDoNothing();
      const organisationId = a.org ? orgIds.get(a.org) : undefined;
      if (organisationId) await tx.insert(t.memberships).values({ organisationId, userId: a.id, isOrgAdmin: true }).onConflictDoNothing();
    }
  });
}
