// Stage 3 of the quota review: in the review meeting the office records each complete plan's allocated
// quota (核配員額). The allocations of a round never add up to more than its total quota: each is
// written in a transaction that holds the round row's lock, so two officers allocating at once are
// counted one after the other. Publishing the results (before trainee registration opens) settles every
// complete plan as allocated or not allocated, mails the units, and opens the public results page;
// published allocations never change.
import { and, asc, desc, eq, inArray, ne, sum } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { enqueueEmail } from "../mail/outbox.server";
import { assertBefore } from "./calendar";
import { lockApplication, QuotaRuleError, requireOfficeRole, resultsPublished, unitMembers, type Links, type QuotaApplication } from "./quota-applications.server";
import { lockRound, type Reader } from "./rounds.server";
import { isUuid } from "../ids";

/** Quota already allocated in the round, leaving out one application (the one being changed). */
async function allocatedElsewhere(db: Reader, roundId: string, exceptApplicationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sum(t.unitQuotaApplications.allocatedQuota).mapWith(Number) })
    .from(t.unitQuotaApplications)
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), ne(t.unitQuotaApplications.id, exceptApplicationId)));
  return row?.n ?? 0;
}

/** Records (or changes, until publication) a complete plan's allocated quota; 0 means none. */
export async function allocateQuota(db: Database, officer: Viewer, applicationId: string, quota: number, ip: string, now: Date = new Date()): Promise<QuotaApplication> {
  requireOfficeRole(officer);
  if (!Number.isInteger(quota) || quota < 0) throw new QuotaRuleError("invalidQuota");
  return db.transaction(async (tx) => {
    if (!isUuid(applicationId)) throw new QuotaRuleError("notFound");
    const [found] = await tx.select({ roundId: t.unitQuotaApplications.roundId }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, applicationId));
    if (!found) throw new QuotaRuleError("notFound");
    // The round's lock serialises every allocation of the round, so the sum below is the final word.
    const round = await lockRound(tx, found.roundId, "update");
    const application = await lockApplication(tx, applicationId);
    if (application.status === "allocated" || application.status === "not_allocated") throw new QuotaRuleError("resultsPublished");
    assertBefore(round, "registrationOpens", now);
    if (application.status !== "documents_complete") throw new QuotaRuleError("notDocumentsComplete");
    const elsewhere = await allocatedElsewhere(tx, round.id, applicationId);
    if (elsewhere + quota > round.totalQuota) throw new QuotaRuleError("overTotalQuota", String(Math.max(0, round.totalQuota - elsewhere)));
    const [saved] = await tx
      .update(t.unitQuotaApplications)
      .set({ allocatedQuota: quota, version: application.version + 1, updatedAt: now })
      .where(eq(t.unitQuotaApplications.id, applicationId))
      .returning();
    await recordAudit(tx, { actorUserId: officer.id, action: "quota-allocated", entity: "unit-quota-application", entityId: applicationId, detail: { quota }, ip });
    return saved!;
  });
}

/**
 * Publishes the round's allocations: every complete plan becomes allocated (quota > 0) or not
 * allocated (0), and each unit's members are mailed. Refused while a plan awaits its document check or
 * a complete plan has no allocation recorded, and after trainee registration has opened.
 */
export async function publishAllocations(db: Database, officer: Viewer, roundId: string, links: Links, ip: string, now: Date = new Date()) {
  requireOfficeRole(officer);
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId, "update");
    if (await resultsPublished(tx, round.id)) throw new QuotaRuleError("resultsPublished");
    assertBefore(round, "registrationOpens", now);
    const applications = await tx.select().from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.roundId, round.id)).for("update");
    if (applications.some((a) => a.status === "submitted")) throw new QuotaRuleError("pendingDocumentCheck");
    const complete = applications.filter((a) => a.status === "documents_complete");
    if (complete.length === 0) throw new QuotaRuleError("nothingToPublish");
    if (complete.some((a) => a.allocatedQuota === null)) throw new QuotaRuleError("allocationMissing");
    for (const a of complete) {
      await tx
        .update(t.unitQuotaApplications)
        .set({ status: a.allocatedQuota! > 0 ? "allocated" : "not_allocated", version: a.version + 1, updatedAt: now })
        .where(eq(t.unitQuotaApplications.id, a.id));
    }
    await recordAudit(tx, {
      actorUserId: officer.id,
      action: "quota-results-published",
      entity: "placement-round",
      entityId: round.id,
      detail: { allocations: Object.fromEntries(complete.map((a) => [a.unitOrganisationId, a.allocatedQuota])) },
      ip,
    });
    const units = await tx
      .select({ id: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn })
      .from(t.organisations)
      .where(inArray(t.organisations.id, complete.map((a) => a.unitOrganisationId)));
    for (const a of complete) {
      const unit = units.find((u) => u.id === a.unitOrganisationId)!;
      for (const member of await unitMembers(tx, a.unitOrganisationId)) {
        const en = member.locale === "en";
        await enqueueEmail(tx, {
          to: member.email,
          locale: member.locale,
          template: "quota-results",
          data: { unit: en ? unit.nameEn : unit.nameZh, round: en ? round.titleEn : round.titleZh, quota: a.allocatedQuota!, url: `${links.publicUrl}/programmes/phd/rounds/${round.year}` },
        });
      }
    }
    return { published: complete.length };
  });
}

/** The published allocations of a round (units with a quota), largest first; empty before publication. */
export async function listPublishedAllocations(db: Reader, roundId: string) {
  return db
    .select({
      applicationId: t.unitQuotaApplications.id,
      unitOrganisationId: t.organisations.id,
      slug: t.organisations.slug,
      nameZh: t.organisations.nameZh,
      nameEn: t.organisations.nameEn,
      focus: t.unitQuotaApplications.focus,
      allocatedQuota: t.unitQuotaApplications.allocatedQuota,
    })
    .from(t.unitQuotaApplications)
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), eq(t.unitQuotaApplications.status, "allocated")))
    .orderBy(desc(t.unitQuotaApplications.allocatedQuota), asc(t.organisations.nameZh));
}

/** Every application of a round for the office's table, with the unit's name, in unit order. */
export async function listRoundApplications(db: Reader, roundId: string, { limit, offset }: { limit: number; offset: number }) {
  const where = eq(t.unitQuotaApplications.roundId, roundId);
  const [rows, all] = await Promise.all([
    db
      .select({ application: t.unitQuotaApplications, unit: { id: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn } })
      .from(t.unitQuotaApplications)
      .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
      .where(where)
      .orderBy(asc(t.organisations.nameZh), asc(t.unitQuotaApplications.id))
      .limit(limit)
      .offset(offset),
    db.select({ status: t.unitQuotaApplications.status, allocatedQuota: t.unitQuotaApplications.allocatedQuota }).from(t.unitQuotaApplications).where(where),
  ]);
  return {
    rows,
    total: all.length,
    allocated: all.reduce((n, a) => n + (a.allocatedQuota ?? 0), 0),
    awaitingCheck: all.filter((a) => a.status === "submitted").length,
    published: all.some((a) => a.status === "allocated" || a.status === "not_allocated"),
  };
}
