// The transparent match score: one pure function, used to rank candidates for a position and positions
// or survey occupations for a talent, so both sides always see the same number and the same reasons.
// No database and no server imports: the browser imports this module to explain a score.
import type { educationLevel, experienceBand } from "../../db/schema/enums";

export type EducationLevel = (typeof educationLevel.enumValues)[number];
export type ExperienceBand = (typeof experienceBand.enumValues)[number];

/** A position, or a survey occupation (no city, often no languages; `anyEducationField` → no codes). */
export interface MatchRequirement {
  id: string;
  /** In the order the position or survey lists them. */
  skillKeys: readonly string[];
  /** 5-digit detailed or 4-digit narrow field codes; empty means any field. */
  educationFieldCodes: readonly string[];
  minEducation: EducationLevel;
  experience: ExperienceBand;
  /** BCP 47 tags such as "zh", "en". */
  workingLanguages: readonly string[];
  city: string | null;
}

export interface MatchCandidate {
  id: string;
  /** Self-rated level 1–5. */
  skills: readonly { skillKey: string; level: number }[];
  degrees: readonly { level: EducationLevel; fieldCode: string }[];
  yearsExperience: number;
  /** Proficiency 1 basic … 5 native, when known. */
  languages: readonly { language: string; proficiency?: number }[];
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  countryOfResidence: string | null;
  willingToRelocate?: boolean;
}

// Skills carry the most because they are what the surveys say employers cannot find; field, degree and
// experience are the survey's other stated requirements; languages and place matter but rarely decide.
export const MATCH_WEIGHTS = {
  skills: 40,
  educationField: 15,
  minimumEducation: 15,
  experience: 15,
  languages: 10,
  location: 5,
} as const;

export type PartKey = keyof typeof MATCH_WEIGHTS;

/** A skill or language rated 1–2 earns half its share; 3 or more (or unrated language) earns all of it. */
export const SOLID_LEVEL = 3;
export const WEAK_SHARE = 0.5;
/** Share of the field weight by how close the talent's best degree is to a required field. */
export const FIELD_SHARE = { any: 1, exact: 1, narrow: 2 / 3, broad: 1 / 3, none: 0 } as const;
/** Share of the location weight; the portal's positions are in Taiwan. */
export const LOCATION_SHARE = { any: 1, same_city: 1, same_country: 0.6, overseas_relocating: 0.4, elsewhere: 0 } as const;
export const HOME_COUNTRY = "TW";

export const EDUCATION_RANK: Record<EducationLevel, number> = { high_school: 0, college: 1, master: 2, phd: 3 };
/** Years a band asks for: `min` is the bar, `max` only describes the band (more is never penalised). */
export const EXPERIENCE_RANGE: Record<ExperienceBand, { min: number; max: number | null }> = {
  none: { min: 0, max: 0 },
  under_2: { min: 0, max: 2 },
  "2_to_5": { min: 2, max: 5 },
  over_5: { min: 5, max: null },
  any: { min: 0, max: null },
};

interface PartBase<K extends PartKey> { key: K; weight: number; earned: number; met: boolean }
/** `covered` holds every required item the talent has; `weak` is the part of it rated 1–2. */
type Listed = { required: number; covered: string[]; weak: string[]; missing: string[] };
export type SkillsPart = PartBase<"skills"> & Listed;
export type LanguagesPart = PartBase<"languages"> & Listed;
export type FieldMatch = keyof typeof FIELD_SHARE;
export type EducationFieldPart = PartBase<"educationField"> & {
  match: FieldMatch;
  required: string[];
  /** The talent's degree that matched best, and the required code it matched; null when none did. */
  degree: { level: EducationLevel; fieldCode: string } | null;
  requiredCode: string | null;
};
export type MinimumEducationPart = PartBase<"minimumEducation"> & {
  highest: EducationLevel | null;
  required: EducationLevel;
};
export type ExperiencePart = PartBase<"experience"> & {
  years: number;
  band: ExperienceBand;
  min: number;
  max: number | null;
  relation: "below" | "within" | "above";
};
export type LocationMatch = keyof typeof LOCATION_SHARE;
export type LocationPart = PartBase<"location"> & { match: LocationMatch; city: string | null; country: string | null };
export type Part = SkillsPart | EducationFieldPart | MinimumEducationPart | ExperiencePart | LanguagesPart | LocationPart;

export interface MatchScore { total: number; parts: Part[] }

export function scoreMatch(requirement: MatchRequirement, candidate: MatchCandidate): MatchScore {
  const parts: Part[] = [
    scoreSkills(requirement, candidate),
    scoreEducationField(requirement, candidate),
    scoreMinimumEducation(requirement, candidate),
    scoreExperience(requirement, candidate),
    scoreLanguages(requirement, candidate),
    scoreLocation(requirement, candidate),
  ];
  const total = Math.round(parts.reduce((sum, part) => sum + part.earned, 0));
  return { total, parts };
}

/** Each required item is an equal share: held at level ≥ 3 (or unrated) earns it all, 1–2 half, absent none. */
function scoreListed(required: readonly string[], levelOf: (item: string) => number | null | undefined, weight: number): Listed & { earned: number } {
  const covered: string[] = [], weak: string[] = [], missing: string[] = [];
  for (const item of required) {
    const level = levelOf(item);
    if (level === undefined) {
      missing.push(item);
      continue;
    }
    covered.push(item);
    if (level !== null && level < SOLID_LEVEL) weak.push(item);
  }
  const shares = covered.length - weak.length * (1 - WEAK_SHARE);
  const earned = required.length === 0 ? weight : (weight * shares) / required.length;
  return { required: required.length, covered, weak, missing, earned };
}

function scoreSkills(requirement: MatchRequirement, candidate: MatchCandidate): SkillsPart {
  const levels = new Map(candidate.skills.map((s) => [s.skillKey, s.level]));
  const listed = scoreListed(requirement.skillKeys, (key) => levels.get(key), MATCH_WEIGHTS.skills);
  const met = listed.missing.length === 0 && listed.weak.length === 0;
  return { key: "skills", weight: MATCH_WEIGHTS.skills, met, ...listed };
}

function primaryTag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

function scoreLanguages(requirement: MatchRequirement, candidate: MatchCandidate): LanguagesPart {
  const levels = new Map(candidate.languages.map((l) => [primaryTag(l.language), l.proficiency ?? null]));
  const listed = scoreListed(requirement.workingLanguages, (tag) => levels.get(primaryTag(tag)), MATCH_WEIGHTS.languages);
  const met = listed.missing.length === 0 && listed.weak.length === 0;
  return { key: "languages", weight: MATCH_WEIGHTS.languages, met, ...listed };
}

/** exact: the degree is the required field or inside it (a 4-digit code covers its 5-digit fields). */
function fieldMatch(required: string, degree: string): FieldMatch {
  if (degree.startsWith(required)) return "exact";
  if (required.length === 5 && degree.slice(0, 4) === required.slice(0, 4)) return "narrow";
  if (degree.slice(0, 2) === required.slice(0, 2)) return "broad";
  return "none";
}

function scoreEducationField(requirement: MatchRequirement, candidate: MatchCandidate): EducationFieldPart {
  const weight = MATCH_WEIGHTS.educationField;
  const required = [...requirement.educationFieldCodes];
  if (required.length === 0) {
    return { key: "educationField", weight, earned: weight, met: true, match: "any", required, degree: null, requiredCode: null };
  }
  let best: { match: FieldMatch; degree: EducationFieldPart["degree"]; requiredCode: string | null } =
    { match: "none", degree: null, requiredCode: null };
  // First required code, then first degree, wins a tie: the survey lists its preferred field first.
  for (const code of required) {
    for (const degree of candidate.degrees) {
      const match = fieldMatch(code, degree.fieldCode);
      if (FIELD_SHARE[match] > FIELD_SHARE[best.match]) best = { match, degree: { ...degree }, requiredCode: code };
    }
  }
  const earned = weight * FIELD_SHARE[best.match];
  return { key: "educationField", weight, earned, met: best.match === "exact", required, ...best };
}

function scoreMinimumEducation(requirement: MatchRequirement, candidate: MatchCandidate): MinimumEducationPart {
  const weight = MATCH_WEIGHTS.minimumEducation;
  const highest = candidate.degrees.reduce<EducationLevel | null>(
    (top, d) => (top === null || EDUCATION_RANK[d.level] > EDUCATION_RANK[top] ? d.level : top), null);
  // "High school or below" is met by anyone, even a profile that lists no degree.
  const rank = highest === null ? 0 : EDUCATION_RANK[highest];
  const met = rank >= EDUCATION_RANK[requirement.minEducation];
  return { key: "minimumEducation", weight, earned: met ? weight : 0, met, highest, required: requirement.minEducation };
}

/** Short of the band's minimum earns in proportion to the years held; more than its maximum is not penalised. */
function scoreExperience(requirement: MatchRequirement, candidate: MatchCandidate): ExperiencePart {
  const weight = MATCH_WEIGHTS.experience;
  const { min, max } = EXPERIENCE_RANGE[requirement.experience];
  const years = Math.max(0, candidate.yearsExperience);
  const met = years >= min;
  const earned = met ? weight : (weight * years) / min;
  const relation = !met ? "below" : max !== null && years > max ? "above" : "within";
  return { key: "experience", weight, earned, met, years, band: requirement.experience, min, max, relation };
}

/** 台 and 臺 are the same city, whatever the case and spacing. */
export function normaliseCity(city: string | null): string | null {
  const trimmed = city?.trim().toLowerCase().replaceAll("台", "臺");
  return trimmed ? trimmed : null;
}

function scoreLocation(requirement: MatchRequirement, candidate: MatchCandidate): LocationPart {
  const weight = MATCH_WEIGHTS.location;
  const city = candidate.city, country = candidate.countryOfResidence;
  const wanted = normaliseCity(requirement.city);
  const inHome = country?.toUpperCase() === HOME_COUNTRY;
  let match: LocationMatch;
  if (wanted === null) match = "any";
  else if (normaliseCity(city) === wanted && (country === null || inHome)) match = "same_city";
  else if (inHome) match = "same_country";
  else if (country !== null && candidate.willingToRelocate === true) match = "overseas_relocating";
  else match = "elsewhere";
  const share = LOCATION_SHARE[match];
  return { key: "location", weight, earned: weight * share, met: share === 1, match, city, country };
}

export interface Ranked<T> { item: T; score: MatchScore }

function byScore<T extends { id: string }>(a: Ranked<T>, b: Ranked<T>): number {
  const skillsOf = (r: Ranked<T>) => {
    const part = r.score.parts.find((p): p is SkillsPart => p.key === "skills");
    return part ? part.covered.length : 0;
  };
  if (b.score.total !== a.score.total) return b.score.total - a.score.total;
  if (skillsOf(b) !== skillsOf(a)) return skillsOf(b) - skillsOf(a);
  return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
}

/** Candidates for one position or occupation: total desc, then more required skills held, then id. */
export function rankCandidates<C extends MatchCandidate>(requirement: MatchRequirement, candidates: readonly C[]): Ranked<C>[] {
  return candidates.map((item) => ({ item, score: scoreMatch(requirement, item) })).sort(byScore);
}

/** Positions or occupations for one talent, scored by the very same function, ordered the same way. */
export function rankRequirements<R extends MatchRequirement>(candidate: MatchCandidate, requirements: readonly R[]): Ranked<R>[] {
  return requirements.map((item) => ({ item, score: scoreMatch(item, candidate) })).sort(byScore);
}
