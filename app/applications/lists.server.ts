// The lists the pipeline pages show: a position's applicants, a company's positions with applicants per
// stage and its median time to hire, and a talent's own applications.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Stage } from "./stages";

/** A position's applicants (invitations included), oldest first so first come is first seen. */
export async function listApplicants(db: Database, positionId: string) {
  return db
    .select({
      id: t.applications.id,
      talentUserId: t.applications.talentUserId,
      displayName: t.users.displayName,
      stage: t.applications.stage,
      origin: t.applications.origin,
      createdAt: t.applications.createdAt,
      updatedAt: t.applications.updatedAt,
    })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.talentUserId))
    .where(eq(t.applications.positionId, positionId))
    // The id breaks ties, so pages of the list never repeat or skip anyone.
    .orderBy(asc(t.applications.createdAt), asc(t.applications.id));
}

export type StageCounts = Partial<Record<Stage, number>>;

/** The companies' positions, newest first, each with its applicants counted per stage. */
export async function listCompanyPositions(db: Database, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const positions = await db
    .select({
      id: t.positions.id,
      title: t.positions.title,
      status: t.positions.status,
      city: t.positions.city,
      headcount: t.positions.headcount,
      remainingHeadcount: t.positions.remainingHeadcount,
      applicationDeadline: t.positions.applicationDeadline,
      updatedAt: t.positions.updatedAt,
      organisationId: t.positions.organisationId,
      occupationCode: t.occupations.code,
      occupationZh: t.occupations.titleZh,
      occupationEn: t.occupations.titleEn,
    })
    .from(t.positions)
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(inArray(t.positions.organisationId, organisationIds))
    .orderBy(desc(t.positions.updatedAt));
  if (positions.length === 0) return [];
  const counts = await db
    .select({ positionId: t.applications.positionId, stage: t.applications.stage, n: sql<number>`count(*)::int` })
    .from(t.applications)
    .where(inArray(t.applications.positionId, positions.map((p) => p.id)))
    .groupBy(t.applications.positionId, t.applications.stage);
  return positions.map((position) => ({
    ...position,
    stages: Object.fromEntries(counts.filter((c) => c.positionId === position.id).map((c) => [c.stage, c.n])) as StageCounts,
  }));
}

/**
 * Median days from application to hire over the companies' hires, or null with none. Invitations count
 * from the talent's acceptance (their first move to "applied"), since before that nobody had applied.
 */
export async function medianDaysToHire(db: Database, organisationIds: string[]): Promise<{ days: number | null; hires: number }> {
  if (organisationIds.length === 0) return { days: null, hires: 0 };
  const appliedAt = sql<Date | null>`(select min(e.at) from ${t.applicationStageEvents} e where e.application_id = ${t.applications.id} and e.to_stage = 'applied')`;
  const hiredAt = sql<Date | null>`(select max(e.at) from ${t.applicationStageEvents} e where e.application_id = ${t.applications.id} and e.to_stage = 'hired')`;
  const rows = await db
    .select({ days: sql<string | null>`extract(epoch from ${hiredAt} - ${appliedAt}) / 86400` })
    .from(t.applications)
    .innerJoin(t.positions, eq(t.positions.id, t.applications.positionId))
    .where(and(eq(t.applications.stage, "hired"), inArray(t.positions.organisationId, organisationIds)));
  const days = rows.map((r) => (r.days === null ? null : Number(r.days))).filter((d): d is number => d !== null).sort((a, b) => a - b);
  return { days: days.length === 0 ? null : Math.round(median(days) * 10) / 10, hires: days.length };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A talent's applications and invitations, newest activity first. */
export async function listTalentApplications(db: Database, userId: string) {
  return db
    .select({
      id: t.applications.id,
      stage: t.applications.stage,
      origin: t.applications.origin,
      createdAt: t.applications.createdAt,
      updatedAt: t.applications.updatedAt,
      positionId: t.positions.id,
      positionTitle: t.positions.title,
      positionStatus: t.positions.status,
      organisationZh: t.organisations.nameZh,
      organisationEn: t.organisations.nameEn,
    })
    .from(t.applications)
    .innerJoin(t.positions, eq(t.positions.id, t.applications.positionId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .where(and(eq(t.applications.talentUserId, userId)))
    .orderBy(desc(t.applications.updatedAt));
}
