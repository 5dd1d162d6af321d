// Reads and validates the transcribed data files. Nothing is written until every file parses.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  educationFieldSeed, programmeSeed, shortageReasonSeed, skillSeed, surveySeed,
  type EducationFieldSeed, type ProgrammeSeed, type ShortageReasonSeed, type SkillSeed, type SurveySeed,
} from "./format";

const dataDir = new URL("./data/", import.meta.url);

export interface SurveyData {
  skills: SkillSeed[];
  educationFields: EducationFieldSeed[];
  shortageReasons: ShortageReasonSeed[];
  surveys: SurveySeed[];
  programmes: ProgrammeSeed[];
  /** Hash of the files' contents: the same data always gives the same hash. */
  hash: string;
}

export const SURVEY_FILES = ["survey-2021.json", "survey-2025.json"] as const;

export function readSurveyData(): SurveyData {
  const hash = createHash("sha256");
  const read = <T extends z.ZodTypeAny>(file: string, schema: T): z.infer<T> => {
    const text = readFileSync(new URL(file, dataDir), "utf8");
    hash.update(file).update(text);
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(`seeds/data/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  };
  const data = {
    skills: read("skills.json", z.array(skillSeed)),
    educationFields: read("education-fields.json", z.array(educationFieldSeed)),
    shortageReasons: read("shortage-reasons.json", z.array(shortageReasonSeed)),
    surveys: SURVEY_FILES.map((file) => read(file, surveySeed)),
    programmes: read("programmes.json", z.array(programmeSeed)),
  };
  checkReferences(data);
  return { ...data, hash: hash.digest("hex") };
}

/** Every key an occupation or programme names must exist in the vocabularies. */
function checkReferences(data: Omit<SurveyData, "hash">): void {
  const skills = new Set(data.skills.map((s) => s.key));
  const fields = new Set(data.educationFields.map((f) => f.code));
  const reasons = new Set(data.shortageReasons.map((r) => r.key));
  const codes = new Set(data.surveys.flatMap((s) => s.occupations.map((o) => o.code)));
  const problems: string[] = [];
  for (const survey of data.surveys) {
    for (const o of survey.occupations) {
      for (const s of o.skills) if (!skills.has(s.key)) problems.push(`${survey.key} ${o.code}: unknown skill ${s.key}`);
      for (const f of o.educationFields) if (!fields.has(f.code)) problems.push(`${survey.key} ${o.code}: unknown field ${f.code}`);
      for (const r of o.shortageReasons) if (!reasons.has(r.key)) problems.push(`${survey.key} ${o.code}: unknown reason ${r.key}`);
    }
  }
  for (const p of data.programmes) {
    for (const s of p.skillsTaught) if (!skills.has(s.key)) problems.push(`programme ${p.key}: unknown skill ${s.key}`);
    for (const c of p.targetOccupationCodes) if (!codes.has(c)) problems.push(`programme ${p.key}: unknown occupation ${c}`);
  }
  if (problems.length > 0) throw new Error(`Seed data refers to missing records:\n  ${problems.join("\n  ")}`);
}
