// Ranking both ways with the one transparent score: the candidates a company may see for its position,
// and the open positions and survey occupations for a talent. Filters that the database can answer
// (city, overseas, survey) narrow the rows read; the score's own filters (minimum total, every required
// skill held) and the sort run on the scored list, which is then cut into pages.
import { and, eq, gt, gte, inArray, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { todayInTaipei } from "../positions/dates";
import { isOpenForApplications } from "../positions/positions.server";
import { candidateOfTalent, candidatesOfTalents, requirementsOfOccupationRows, requirementsOfPositionRows } from "./inputs.server";
import type { SortKey } from "./ranking-params";
import { normaliseCity, rankCandidates, rankRequirements, type MatchCandidate, type MatchScore, type PartKey, type Ranked } from "./score";

export { candidateOfTalent, requirementOfPosition, requirementsOfOccupations } from "./inputs.server";

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;


export interface RankingOptions {
  /** Only results scoring at least this total. */
  minScore?: number;
  /** Only results where every required skill is held (at any level). */
  allSkills?: boolean;
  /** The talent's city (candidates) or the position's (positions). */
  city?: string;
  /** Positions open to overseas talent only. */
  openToOverseas?: boolean;
  /** Occupations of one survey only. */
  survey?: string;
  sort?: SortKey;
  page?: number;
  pageSize?: number;
}

export interface RankedPage<T> {
  results: T[];
  /** Results after filtering, over every page. */
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

const partPoints = (score: MatchScore, key: PartKey) => Math.round((score.parts.find((p) => p.key === key)?.earned ?? 0) * 1000);

/** Filters on the score, sorts (stable, so ties keep the score's order) and cuts one page. */
function pageOf<T>(ranked: Ranked<T>[], options: RankingOptions, newest?: (item: T) => number): RankedPage<Ranked<T>> {
  const { minScore, allSkills, sort = "total" } = options;
  let list = ranked.filter((r) =>
    (minScore === undefined || r.score.total >= minScore) &&
    (!allSkills || r.score.parts.some((p) => p.key === "skills" && p.missing.length === 0)));
  if (sort === "newest" && newest) list = [...list].sort((a, b) => newest(b.item) - newest(a.item));
  else if (sort !== "total" && sort !== "newest") list = [...list].sort((a, b) => partPoints(b.score, sort) - partPoints(a.score, sort));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE));
  const page = Math.max(1, options.page ?? 1);
  return {
    results: list.slice((page - 1) * pageSize, page * pageSize),
    total: list.length,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(list.length / pageSize)),
  };
}

/** The SQL twin of normaliseCity, so a city filter narrows the rows read. */
const cityIs = (column: AnyColumn, city: string | undefined): SQL | undefined => {
  const wanted = city === undefined ? null : normaliseCity(city);
  return wanted === null ? undefined : sql`replace(lower(trim(${column})), '台', '臺') = ${wanted}`;
};

export interface CandidateResult {
  talentUserId: string;
  displayName: string;
  headline: string;
  score: MatchScore;
  /** The talent's application to this position, if they applied or were invited. */
  application: { id: string; stage: (typeof t.applicationStage.enumValues)[number] } | null;
  /** The profile is open to approved companies (so the talent may be invited). */
  discoverable: boolean;
}

/**
 * The candidates a member of the position's company (or the office) may see, ranked: talents who opened
 * their profile to approved companies, when the position's company is approved, and the position's own
 * applicants whatever their visibility. Null when there is no such position or the viewer may not see it.
 */
export async function rankCandidatesForPosition(db: Database, viewer: Viewer, positionId: string, options: RankingOptions = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(positionId)) return null;
  const [row] = await db
    .select({
      id: t.positions.id, title: t.positions.title, status: t.positions.status, organisationId: t.positions.organisationId,
      remainingHeadcount: t.positions.remainingHeadcount, applicationDeadline: t.positions.applicationDeadline,
      minEducation: t.positions.minEducation, experience: t.positions.experience, workingLanguages: t.positions.workingLanguages, city: t.positions.city,
      approval: t.organisations.approval,
    })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .where(eq(t.positions.id, positionId));
  if (!row) return null;
  const member = viewer.memberships.some((m) => m.organisationId === row.organisationId && m.kind === "company") && can(viewer.roles, "read:application:organisation");
  if (!member && !can(viewer.roles, "read:application:any")) return null;

  const companyApproved = row.approval === "approved";
  const applicantIds = db.select({ id: t.applications.talentUserId }).from(t.applications).where(eq(t.applications.positionId, positionId));
  const pool = and(
    companyApproved ? or(eq(t.talentProfiles.visibility, "approved_companies"), inArray(t.talentProfiles.userId, applicantIds)) : inArray(t.talentProfiles.userId, applicantIds),
    cityIs(t.talentProfiles.city, options.city),
  );
  const [[loaded], applications] = await Promise.all([
    requirementsOfPositionRows(db, [row]),
    db.select({ id: t.applications.id, talentUserId: t.applications.talentUserId, stage: t.applications.stage }).from(t.applications).where(eq(t.applications.positionId, positionId)),
  ]);
  const requirement = loaded!.requirement;
  const applicationOf = new Map(applications.map((a) => [a.talentUserId, { id: a.id, stage: a.stage }]));
  const profiled = await candidatesOfTalents(db, {
    ids: db.select({ id: t.talentProfiles.userId }).from(t.talentProfiles).where(pool),
    skillKeys: requirement.skillKeys,
  });
  // Applicants who never filled in a profile are still candidates (with nothing to score); not in a city.
  const seen = new Set(profiled.map((p) => p.candidate.id));
  const bare = options.city ? [] : await candidatesOfTalents(db, { ids: applications.map((a) => a.talentUserId).filter((id) => !seen.has(id)) });
  const all = [...profiled, ...bare];
  const discoverable = new Set(all.filter((c) => companyApproved && c.visibility === "approved_companies").map((c) => c.candidate.id));

  const page = pageOf(rankCandidates(requirement, all.map((c) => c.candidate)), options);
  const ids = page.results.map((r) => r.item.id);
  const people = ids.length === 0 ? [] : await db
    .select({ id: t.users.id, displayName: t.users.displayName, headline: t.talentProfiles.headline })
    .from(t.users)
    .leftJoin(t.talentProfiles, eq(t.talentProfiles.userId, t.users.id))
    .where(inArray(t.users.id, ids));
  const personOf = new Map(people.map((p) => [p.id, p]));
  return {
    position: {
      id: row.id,
      title: row.title,
      status: row.status,
      /** Whether invitations can be sent now. */
      invitable: companyApproved && isOpenForApplications(row),
      companyApproved,
    },
    requirement,
    member,
    ...page,
    results: page.results.map((r): CandidateResult => ({
      talentUserId: r.item.id,
      displayName: personOf.get(r.item.id)?.displayName ?? "",
      headline: personOf.get(r.item.id)?.headline ?? "",
      score: r.score,
      application: applicationOf.get(r.item.id) ?? null,
      discoverable: discoverable.has(r.item.id),
    })),
  };
}

/** Nothing to rank on: no skills and no degrees (a score would reflect only what is not asked). */
const isEmptyProfile = (candidate: MatchCandidate) => candidate.skills.length === 0 && candidate.degrees.length === 0;

/** Published positions of approved companies still taking applications (Taiwan date), as SQL. */
function openPositions(options: RankingOptions): SQL {
  return and(
    eq(t.positions.status, "published"),
    gt(t.positions.remainingHeadcount, 0),
    or(isNull(t.positions.applicationDeadline), gte(t.positions.applicationDeadline, todayInTaipei())),
    eq(t.organisations.approval, "approved"),
    options.openToOverseas ? eq(t.positions.openToOverseas, true) : undefined,
    cityIs(t.positions.city, options.city),
  )!;
}

/** Open positions ranked for a talent, each with the talent's own application to it, if any. */
export async function rankPositionsForTalent(db: Database, userId: string, options: RankingOptions = {}) {
  const open = openPositions(options);
  const [candidate, rows, applications] = await Promise.all([
    candidateOfTalent(db, userId),
    db
      .select({
        id: t.positions.id, title: t.positions.title, city: t.positions.city, status: t.positions.status,
        remainingHeadcount: t.positions.remainingHeadcount, applicationDeadline: t.positions.applicationDeadline,
        minEducation: t.positions.minEducation, experience: t.positions.experience, workingLanguages: t.positions.workingLanguages,
        openToOverseas: t.positions.openToOverseas, salaryMinNtd: t.positions.salaryMinNtd, salaryMaxNtd: t.positions.salaryMaxNtd,
        publishedAt: t.positions.publishedAt, organisationZh: t.organisations.nameZh, organisationEn: t.organisations.nameEn,
      })
      .from(t.positions)
      .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
      .where(open),
    db.select({ id: t.applications.id, positionId: t.applications.positionId, stage: t.applications.stage }).from(t.applications).where(eq(t.applications.talentUserId, userId)),
  ]);
  const openIds = db.select({ id: t.positions.id }).from(t.positions).innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId)).where(open);
  const loaded = await requirementsOfPositionRows(db, rows.filter(isOpenForApplications), openIds);
  const rowOf = new Map(loaded.map((l) => [l.row.id, l.row]));
  const applicationOf = new Map(applications.map((a) => [a.positionId, { id: a.id, stage: a.stage }]));
  const page = pageOf(rankRequirements(candidate, loaded.map((l) => l.requirement)), options, (r) => rowOf.get(r.id)?.publishedAt?.getTime() ?? 0);
  return {
    profileEmpty: isEmptyProfile(candidate),
    ...page,
    results: page.results.map((r) => {
      const row = rowOf.get(r.item.id)!;
      const position = {
        id: row.id, title: row.title, city: row.city, openToOverseas: row.openToOverseas, salaryMinNtd: row.salaryMinNtd, salaryMaxNtd: row.salaryMaxNtd,
        applicationDeadline: row.applicationDeadline, publishedAt: row.publishedAt, organisationZh: row.organisationZh, organisationEn: row.organisationEn,
      };
      return { position, score: r.score, application: applicationOf.get(r.item.id) ?? null };
    }),
  };
}

/** Survey occupations ranked for a talent (optionally one survey's), with the survey they come from. */
export async function rankOccupationsForTalent(db: Database, userId: string, options: RankingOptions = {}) {
  const where = options.survey ? eq(t.occupations.surveyKey, options.survey) : undefined;
  const [candidate, rows] = await Promise.all([
    candidateOfTalent(db, userId),
    db
      .select({
        id: t.occupations.id, code: t.occupations.code, surveyKey: t.occupations.surveyKey, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn,
        minEducation: t.occupations.minEducation, experience: t.occupations.experience, anyEducationField: t.occupations.anyEducationField,
        surveyYear: t.surveys.year,
      })
      .from(t.occupations)
      .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
      .where(where),
  ]);
  const loaded = await requirementsOfOccupationRows(db, rows, db.select({ id: t.occupations.id }).from(t.occupations).where(where));
  const rowOf = new Map(loaded.map((l) => [l.row.id, l.row]));
  const page = pageOf(rankRequirements(candidate, loaded.map((l) => l.requirement)), { ...options, sort: options.sort === "newest" ? "total" : options.sort });
  return {
    profileEmpty: isEmptyProfile(candidate),
    ...page,
    results: page.results.map((r) => {
      const row = rowOf.get(r.item.id)!;
      const occupation = { id: row.id, code: row.code, surveyKey: row.surveyKey, surveyYear: row.surveyYear, titleZh: row.titleZh, titleEn: row.titleEn };
      return { occupation, score: r.score };
    }),
  };
}
