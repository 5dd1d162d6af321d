// The office's list of open work-permit cases: for each, the step it waits on (the first not done),
// whose it is, and how long it has stalled: the days since the latest change to that step or any
// step before it (finishing the previous step is what made it current).
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

import type { StallSort } from "./steps";
export const PAGE_SIZE = 50;

const currentPosition = sql`(select min(s.position) from work_permit_steps s where s.case_id = ${t.workPermitCases.id} and s.status <> 'done')`;
const stalledSince = sql`(select max(s2.changed_at) from work_permit_steps s2 where s2.case_id = ${t.workPermitCases.id} and s2.position <= ${t.workPermitSteps.position})`.mapWith(t.workPermitSteps.changedAt);

export interface StallRow {
  caseId: string;
  talent: string;
  nationality: string | null;
  organisationZh: string;
  organisationEn: string;
  openedAt: Date;
  step: (typeof t.workPermitStepKind.enumValues)[number];
  position: number;
  owner: (typeof t.workPermitStepOwner.enumValues)[number];
  status: (typeof t.workPermitStepStatus.enumValues)[number];
  dueOn: string | null;
  since: Date;
  days: number;
  overdue: boolean;
}

export async function listStalledCases(db: Database, options: { sort: StallSort; dir: "asc" | "desc"; page: number }, now = new Date()): Promise<{ rows: StallRow[]; total: number }> {
  const direction = (column: SQL | typeof t.workPermitCases.createdAt) => (options.dir === "asc" ? asc(column) : desc(column));
  // "Stalled longest first" is an ascending order of the date it stalled since.
  const order: SQL[] = {
    stalled: [options.dir === "desc" ? asc(stalledSince) : desc(stalledSince)],
    opened: [direction(t.workPermitCases.createdAt)],
    step: [direction(sql`${t.workPermitSteps.position}`), asc(stalledSince)],
    due: [options.dir === "asc" ? sql`${t.workPermitSteps.dueOn} asc nulls last` : sql`${t.workPermitSteps.dueOn} desc nulls last`],
  }[options.sort];
  const where = isNull(t.workPermitCases.closedAt);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        caseId: t.workPermitCases.id,
        talent: t.users.displayName,
        nationality: t.talentProfiles.nationality,
        organisationZh: t.organisations.nameZh,
        organisationEn: t.organisations.nameEn,
        openedAt: t.workPermitCases.createdAt,
        step: t.workPermitSteps.kind,
        position: t.workPermitSteps.position,
        owner: t.workPermitSteps.owner,
        status: t.workPermitSteps.status,
        dueOn: t.workPermitSteps.dueOn,
        since: stalledSince,
      })
      .from(t.workPermitCases)
      .innerJoin(t.workPermitSteps, and(eq(t.workPermitSteps.caseId, t.workPermitCases.id), eq(t.workPermitSteps.position, currentPosition)))
      .innerJoin(t.users, eq(t.users.id, t.workPermitCases.talentUserId))
      .leftJoin(t.talentProfiles, eq(t.talentProfiles.userId, t.workPermitCases.talentUserId))
      .innerJoin(t.organisations, eq(t.organisations.id, t.workPermitCases.organisationId))
      .where(where)
      .orderBy(...order, asc(t.workPermitCases.id))
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(t.workPermitCases).where(where),
  ]);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return {
    rows: rows.map((r) => ({ ...r, days: Math.max(0, Math.floor((now.getTime() - r.since.getTime()) / 86_400_000)), overdue: r.dueOn !== null && r.dueOn < today })),
    total: total?.n ?? 0,
  };
}
