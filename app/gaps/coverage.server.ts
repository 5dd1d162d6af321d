// Skill-gap coverage: which of a shortage occupation's required skills the published programmes teach,
// which no programme teaches, and for a talent which programmes close most of their gap to an occupation.
// Read straight from the tables (a handful of queries per call, never one per occupation or programme).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { SOLID_LEVEL } from "../matching/score";

export interface SkillName { key: string; zh: string; en: string }
export interface ProgrammeName { id: string; key: string; titleZh: string; titleEn: string }
export interface TaughtSkill extends SkillName { level: number }

/** Published programmes teaching any of these skills, each skill with its programmes and levels. */
async function teachingOf(db: Database, skillKeys: readonly string[]) {
  const bySkill = new Map<string, (ProgrammeName & { level: number })[]>();
  if (skillKeys.length === 0) return bySkill;
  const rows = await db
    .select({ skillKey: t.programmeSkills.skillKey, level: t.programmeSkills.level, id: t.programmes.id, key: t.programmes.key, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn })
    .from(t.programmeSkills)
    .innerJoin(t.programmes, eq(t.programmes.id, t.programmeSkills.programmeId))
    .where(and(inArray(t.programmeSkills.skillKey, [...skillKeys]), eq(t.programmes.status, "published")))
    .orderBy(asc(t.programmes.titleEn), asc(t.programmes.key));
  for (const { skillKey, ...programme } of rows) bySkill.set(skillKey, [...(bySkill.get(skillKey) ?? []), programme]);
  return bySkill;
}

/** Every occupation's required skills, in the survey's order. */
async function requiredSkillsOf(db: Database, occupationIds: readonly string[]) {
  const byOccupation = new Map<string, SkillName[]>();
  if (occupationIds.length === 0) return byOccupation;
  const rows = await db
    .select({ occupationId: t.occupationSkills.occupationId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en })
    .from(t.occupationSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.occupationSkills.skillKey))
    .where(inArray(t.occupationSkills.occupationId, [...occupationIds]))
    .orderBy(asc(t.occupationSkills.position));
  for (const { occupationId, ...skill } of rows) byOccupation.set(occupationId, [...(byOccupation.get(occupationId) ?? []), skill]);
  return byOccupation;
}

export interface CoverageCell { skillKey: string; programmes: (ProgrammeName & { level: number })[] }
export interface CoverageRow {
  occupation: { id: string; code: string; titleZh: string; titleEn: string };
  /** One per required skill, in the survey's order; a cell with no programmes is an uncovered skill. */
  cells: CoverageCell[];
  covered: number;
  required: number;
  /** covered / required (0 when the survey lists no skills for the occupation). */
  coveredShare: number;
}

/** A survey's occupations × the skills any of them requires, with the published programmes teaching each. */
export async function coverageMatrix(db: Database, { survey }: { survey: string }) {
  const occupations = await db
    .select({ id: t.occupations.id, code: t.occupations.code, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn })
    .from(t.occupations)
    .where(eq(t.occupations.surveyKey, survey))
    .orderBy(asc(t.occupations.tableOrder));
  const required = await requiredSkillsOf(db, occupations.map((o) => o.id));
  const skillsByKey = new Map<string, SkillName & { requiredBy: number }>();
  for (const skills of required.values()) {
    for (const s of skills) skillsByKey.set(s.key, { ...s, requiredBy: (skillsByKey.get(s.key)?.requiredBy ?? 0) + 1 });
  }
  const teaching = await teachingOf(db, [...skillsByKey.keys()]);
  const rows: CoverageRow[] = occupations.map((occupation) => {
    const cells = (required.get(occupation.id) ?? []).map((s) => ({ skillKey: s.key, programmes: teaching.get(s.key) ?? [] }));
    const covered = cells.filter((c) => c.programmes.length > 0).length;
    return { occupation, cells, covered, required: cells.length, coveredShare: cells.length ? covered / cells.length : 0 };
  });
  // Columns: the skills most occupations need first, so the widest gaps sit on the left.
  const skills = [...skillsByKey.values()].sort((a, b) => b.requiredBy - a.requiredBy || a.key.localeCompare(b.key));
  const uncovered = skills
    .filter((s) => !teaching.has(s.key))
    .map((s) => ({ skill: s, occupations: rows.filter((r) => r.cells.some((c) => c.skillKey === s.key)).map((r) => r.occupation) }));
  return { skills, rows, uncovered, teaching: Object.fromEntries(skills.map((s) => [s.key, teaching.get(s.key) ?? []])) };
}

export type CoverageMatrix = Awaited<ReturnType<typeof coverageMatrix>>;

async function occupationWithSkills(db: Database, occupationId: string) {
  const [occupation] = await db
    .select({ id: t.occupations.id, code: t.occupations.code, surveyKey: t.occupations.surveyKey, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn })
    .from(t.occupations)
    .where(eq(t.occupations.id, occupationId));
  if (!occupation) return null;
  const skills = (await requiredSkillsOf(db, [occupation.id])).get(occupation.id) ?? [];
  return { occupation, skills };
}

/** Published programmes each with the skills they teach among `skills`, and whether they target the code. */
async function programmesTeaching(db: Database, skills: readonly SkillName[], occupationCode: string) {
  const teaching = await teachingOf(db, skills.map((s) => s.key));
  const targeting = new Set(
    (await db.select({ id: t.programmeTargetOccupations.programmeId }).from(t.programmeTargetOccupations).where(eq(t.programmeTargetOccupations.occupationCode, occupationCode))).map((r) => r.id),
  );
  const programmes = new Map<string, ProgrammeName & { targetsOccupation: boolean; skills: TaughtSkill[] }>();
  for (const skill of skills) {
    for (const { level, ...p } of teaching.get(skill.key) ?? []) {
      const entry = programmes.get(p.id) ?? { ...p, targetsOccupation: targeting.has(p.id), skills: [] };
      entry.skills.push({ ...skill, level });
      programmes.set(p.id, entry);
    }
  }
  return [...programmes.values()];
}

const byTitle = (a: ProgrammeName, b: ProgrammeName) => a.titleEn.localeCompare(b.titleEn) || a.key.localeCompare(b.key);

/** Published programmes teaching any of the occupation's required skills, most of them first; ties: those targeting its code. */
export async function programmesClosingGap(db: Database, occupationId: string) {
  const found = await occupationWithSkills(db, occupationId);
  if (!found) return null;
  const programmes = (await programmesTeaching(db, found.skills, found.occupation.code)).sort(
    (a, b) => b.skills.length - a.skills.length || Number(b.targetsOccupation) - Number(a.targetsOccupation) || byTitle(a, b),
  );
  return { ...found, programmes };
}

export interface GapSkill extends SkillName {
  /** The talent's self-rated level, null when their profile does not list the skill. */
  talentLevel: number | null;
}

/**
 * What stands between a talent and an occupation: its required skills they lack or hold below SOLID_LEVEL,
 * and the published programmes that close them. A programme closes a missing skill when it teaches it at
 * SOLID_LEVEL or above (which is always above the talent's level); one teaching it lower only raises it.
 * Order: most skills closed, then most skills raised in all (closed + raised), then those targeting the
 * occupation's code, then title.
 */
export async function talentGap(db: Database, userId: string, occupationId: string) {
  const found = await occupationWithSkills(db, occupationId);
  if (!found) return null;
  const held = new Map(
    (await db.select({ skillKey: t.talentSkills.skillKey, level: t.talentSkills.level }).from(t.talentSkills).where(eq(t.talentSkills.userId, userId))).map((r) => [r.skillKey, r.level]),
  );
  const required: GapSkill[] = found.skills.map((s) => ({ ...s, talentLevel: held.get(s.key) ?? null }));
  const missing = required.filter((s) => (s.talentLevel ?? 0) < SOLID_LEVEL);
  const levelOf = new Map(missing.map((s) => [s.key, s.talentLevel ?? 0]));
  const programmes = (await programmesTeaching(db, missing, found.occupation.code))
    .map(({ skills, ...p }) => ({
      ...p,
      closes: skills.filter((s) => s.level >= SOLID_LEVEL),
      raises: skills.filter((s) => s.level < SOLID_LEVEL && s.level > (levelOf.get(s.key) ?? 0)),
    }))
    .filter((p) => p.closes.length + p.raises.length > 0)
    .sort((a, b) =>
      b.closes.length - a.closes.length ||
      b.closes.length + b.raises.length - (a.closes.length + a.raises.length) ||
      Number(b.targetsOccupation) - Number(a.targetsOccupation) ||
      byTitle(a, b));
  const closable = new Set(programmes.flatMap((p) => p.closes.map((s) => s.key)));
  return { ...found, listsSkills: held.size > 0, required, missing, programmes, unclosed: missing.filter((s) => !closable.has(s.key)) };
}

export type TalentGap = NonNullable<Awaited<ReturnType<typeof talentGap>>>;
