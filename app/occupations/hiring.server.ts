// Which companies are hiring for an occupation right now: approved companies with published positions
// of that occupation code whose deadline has not passed (the same rule as the occupation page's list of
// open positions). Shown beside the occupations the surveys say need overseas recruitment.
import { and, asc, count, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { todayInTaipei } from "../positions/dates";

export interface HiringCompany {
  organisationId: string;
  nameZh: string;
  nameEn: string;
  positions: number;
  openToOverseas: number;
}

export async function companiesHiringFor(db: Database, occupationCodes: string[]): Promise<Map<string, HiringCompany[]>> {
  const byCode = new Map<string, HiringCompany[]>();
  if (occupationCodes.length === 0) return byCode;
  const rows = await db
    .select({
      code: t.occupations.code,
      organisationId: t.organisations.id,
      nameZh: t.organisations.nameZh,
      nameEn: t.organisations.nameEn,
      positions: count(),
      openToOverseas: sql<number>`count(*) filter (where ${t.positions.openToOverseas})`.mapWith(Number),
    })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(and(
      inArray(t.occupations.code, [...new Set(occupationCodes)]),
      eq(t.positions.status, "published"),
      eq(t.organisations.approval, "approved"),
      or(isNull(t.positions.applicationDeadline), gte(t.positions.applicationDeadline, todayInTaipei())),
    ))
    .groupBy(t.occupations.code, t.organisations.id, t.organisations.nameZh, t.organisations.nameEn)
    .orderBy(asc(t.occupations.code), sql`count(*) desc`, asc(t.organisations.nameEn));
  for (const { code, ...company } of rows) byCode.set(code, [...(byCode.get(code) ?? []), company]);
  return byCode;
}
