// Database rows → the match score's inputs. Every loader here takes a set of ids (or a subquery that
// yields them) and reads each table once for the whole set, so ranking thousands of talents or every
// open position costs the same handful of queries as ranking one. Only the columns the score reads are
// loaded; names and headlines are read afterwards, for the one page shown.
import { and, asc, eq, inArray, type SQLWrapper } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { MatchCandidate, MatchRequirement } from "./score";

/** A set of ids: a list, or a subquery selecting one column of them. */
export type Ids = readonly string[] | SQLWrapper;

const isEmpty = (ids: Ids) => Array.isArray(ids) && ids.length === 0;
const within = (column: Parameters<typeof inArray>[0], ids: Ids) => inArray(column, ids as string[] | SQLWrapper);

function groupBy<R extends Record<K, string>, K extends keyof R, V>(rows: readonly R[], key: K, value: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const list = groups.get(row[key]);
    if (list) list.push(value(row));
    else groups.set(row[key], [value(row)]);
  }
  return groups;
}

type PositionColumns = Pick<typeof t.positions.$inferSelect, "id" | "minEducation" | "experience" | "workingLanguages" | "city">;

/** Requirements of positions already read (only the columns above), with their skills and fields in two queries. */
export async function requirementsOfPositionRows<P extends PositionColumns>(db: Database, rows: readonly P[], ids: Ids = rows.map((r) => r.id)) {
  if (rows.length === 0) return [];
  const [skills, fields] = await Promise.all([
    db.select({ positionId: t.positionSkills.positionId, key: t.positionSkills.skillKey }).from(t.positionSkills)
      .where(within(t.positionSkills.positionId, ids)).orderBy(asc(t.positionSkills.positionId), asc(t.positionSkills.position)),
    db.select({ positionId: t.positionEducationFields.positionId, code: t.positionEducationFields.fieldCode }).from(t.positionEducationFields)
      .where(within(t.positionEducationFields.positionId, ids)).orderBy(asc(t.positionEducationFields.fieldCode)),
  ]);
  const skillsOf = groupBy(skills, "positionId", (s) => s.key);
  const fieldsOf = groupBy(fields, "positionId", (f) => f.code);
  return rows.map((row) => ({
    row,
    requirement: {
      id: row.id,
      skillKeys: skillsOf.get(row.id) ?? [],
      educationFieldCodes: fieldsOf.get(row.id) ?? [],
      minEducation: row.minEducation,
      experience: row.experience,
      workingLanguages: row.workingLanguages,
      city: row.city,
    } satisfies MatchRequirement,
  }));
}

/** One position's requirement, or null when there is no such position. */
export async function requirementOfPosition(db: Database, positionId: string): Promise<MatchRequirement | null> {
  const [row] = await db
    .select({ id: t.positions.id, minEducation: t.positions.minEducation, experience: t.positions.experience, workingLanguages: t.positions.workingLanguages, city: t.positions.city })
    .from(t.positions)
    .where(eq(t.positions.id, positionId));
  if (!row) return null;
  const [loaded] = await requirementsOfPositionRows(db, [row]);
  return loaded!.requirement;
}

type OccupationColumns = Pick<typeof t.occupations.$inferSelect, "id" | "minEducation" | "experience" | "anyEducationField">;

/**
 * Survey occupations as requirements: the survey's skills, its fields (none when it takes any field),
 * no city (a survey row is not a place) and no working languages (the surveys do not name any).
 */
export async function requirementsOfOccupationRows<O extends OccupationColumns>(db: Database, rows: readonly O[], ids: Ids = rows.map((r) => r.id)) {
  if (rows.length === 0) return [];
  const [skills, fields] = await Promise.all([
    db.select({ occupationId: t.occupationSkills.occupationId, key: t.occupationSkills.skillKey }).from(t.occupationSkills)
      .where(within(t.occupationSkills.occupationId, ids)).orderBy(asc(t.occupationSkills.occupationId), asc(t.occupationSkills.position)),
    db.select({ occupationId: t.occupationEducationFields.occupationId, code: t.occupationEducationFields.fieldCode }).from(t.occupationEducationFields)
      .where(within(t.occupationEducationFields.occupationId, ids)).orderBy(asc(t.occupationEducationFields.occupationId), asc(t.occupationEducationFields.position)),
  ]);
  const skillsOf = groupBy(skills, "occupationId", (s) => s.key);
  const fieldsOf = groupBy(fields, "occupationId", (f) => f.code);
  return rows.map((row) => ({
    row,
    requirement: {
      id: row.id,
      skillKeys: skillsOf.get(row.id) ?? [],
      educationFieldCodes: row.anyEducationField ? [] : fieldsOf.get(row.id) ?? [],
      minEducation: row.minEducation,
      experience: row.experience,
      workingLanguages: [],
      city: null,
    } satisfies MatchRequirement,
  }));
}

/** Survey occupations by id, as requirements, in the order asked. */
export async function requirementsOfOccupations(db: Database, occupationIds: readonly string[]): Promise<MatchRequirement[]> {
  if (occupationIds.length === 0) return [];
  const rows = await db
    .select({ id: t.occupations.id, minEducation: t.occupations.minEducation, experience: t.occupations.experience, anyEducationField: t.occupations.anyEducationField })
    .from(t.occupations)
    .where(inArray(t.occupations.id, [...occupationIds]));
  const loaded = new Map((await requirementsOfOccupationRows(db, rows)).map((r) => [r.row.id, r.requirement]));
  return occupationIds.flatMap((id) => loaded.get(id) ?? []);
}

const emptyCandidate = (id: string): MatchCandidate => ({
  id, skills: [], degrees: [], yearsExperience: 0, languages: [], city: null, countryOfResidence: null,
});

export interface CandidateLoad {
  /** Whose profiles: a list of user ids, or a subquery yielding talent_profiles user ids. */
  ids: Ids;
  /** Only these skills are read when given (the score looks at nothing else); all when omitted. */
  skillKeys?: readonly string[];
}

/**
 * Talents as candidates, with their profile's visibility. A user without a profile (an applicant who
 * never filled one in) is an empty candidate when asked for by id, and absent when asked by subquery.
 */
export async function candidatesOfTalents(db: Database, { ids, skillKeys }: CandidateLoad) {
  if (isEmpty(ids)) return [];
  const readSkills = skillKeys === undefined || skillKeys.length > 0;
  const [profiles, degrees, skills, languages] = await Promise.all([
    db
      .select({
        userId: t.talentProfiles.userId, yearsExperience: t.talentProfiles.yearsExperience, city: t.talentProfiles.city,
        countryOfResidence: t.talentProfiles.countryOfResidence, intendedArrivalOn: t.talentProfiles.intendedArrivalOn, willingToRelocate: t.talentProfiles.willingToRelocate, visibility: t.talentProfiles.visibility,
      })
      .from(t.talentProfiles)
      .where(within(t.talentProfiles.userId, ids)),
    db.select({ userId: t.talentDegrees.userId, level: t.talentDegrees.level, fieldCode: t.talentDegrees.fieldCode }).from(t.talentDegrees)
      .where(within(t.talentDegrees.userId, ids)).orderBy(asc(t.talentDegrees.userId), asc(t.talentDegrees.year), asc(t.talentDegrees.id)),
    readSkills
      ? db.select({ userId: t.talentSkills.userId, skillKey: t.talentSkills.skillKey, level: t.talentSkills.level }).from(t.talentSkills)
          .where(and(within(t.talentSkills.userId, ids), skillKeys ? inArray(t.talentSkills.skillKey, [...skillKeys]) : undefined))
      : Promise.resolve([]),
    db.select({ userId: t.talentLanguages.userId, language: t.talentLanguages.language, proficiency: t.talentLanguages.proficiency }).from(t.talentLanguages)
      .where(within(t.talentLanguages.userId, ids)),
  ]);
  const degreesOf = groupBy(degrees, "userId", (d) => ({ level: d.level, fieldCode: d.fieldCode }));
  const skillsOf = groupBy(skills, "userId", (s) => ({ skillKey: s.skillKey, level: s.level }));
  const languagesOf = groupBy(languages, "userId", (l) => ({ language: l.language, proficiency: l.proficiency }));
  const found = profiles.map((p) => ({
    visibility: p.visibility,
    candidate: {
      id: p.userId,
      skills: skillsOf.get(p.userId) ?? [],
      degrees: degreesOf.get(p.userId) ?? [],
      yearsExperience: p.yearsExperience,
      languages: languagesOf.get(p.userId) ?? [],
      city: p.city,
      countryOfResidence: p.countryOfResidence,
      // The profile has no "willing to relocate" box; a talent abroad who gives an arrival date is coming.
      willingToRelocate: p.willingToRelocate || p.intendedArrivalOn !== null,
    } satisfies MatchCandidate,
  }));
  if (!Array.isArray(ids)) return found;
  const withProfile = new Set(found.map((f) => f.candidate.id));
  const missing = (ids as readonly string[]).filter((id) => !withProfile.has(id));
  return [...found, ...missing.map((id) => ({ visibility: "applications_only" as const, candidate: emptyCandidate(id) }))];
}

/** One talent as a candidate; an empty one when they have no profile yet. */
export async function candidateOfTalent(db: Database, userId: string): Promise<MatchCandidate> {
  const [loaded] = await candidatesOfTalents(db, { ids: [userId] });
  return loaded?.candidate ?? emptyCandidate(userId);
}
