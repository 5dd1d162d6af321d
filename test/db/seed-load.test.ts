// The database holds exactly what the transcribed files say, and loading them again changes nothing.
import { and, asc, count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import { loadSurveyData } from "../../seeds/load";
import { readSurveyData, type SurveyData } from "../../seeds/read";
import { openTestDatabase } from "../support/services";

let handle: DatabaseHandle;
let data: SurveyData;

beforeAll(async () => {
  handle = await openTestDatabase();
  data = readSurveyData();
});
afterAll(() => handle.close());

const countOf = async (table: PgTable) =>
  (await handle.db.select({ n: count() }).from(table))[0]?.n;

async function occupationRow(surveyKey: string, code: string) {
  const db = handle.db;
  const o = await db.query.occupations.findFirst({ where: and(eq(t.occupations.surveyKey, surveyKey), eq(t.occupations.code, code)) });
  if (!o) throw new Error(`${surveyKey} ${code} not in the database`);
  const skills = await db.select().from(t.occupationSkills).where(eq(t.occupationSkills.occupationId, o.id)).orderBy(asc(t.occupationSkills.position));
  const fields = await db.select().from(t.occupationEducationFields).where(eq(t.occupationEducationFields.occupationId, o.id)).orderBy(asc(t.occupationEducationFields.position));
  const reasons = await db.select().from(t.occupationShortageReasons).where(eq(t.occupationShortageReasons.occupationId, o.id)).orderBy(asc(t.occupationShortageReasons.position));
  return {
    code: o.code,
    titleZh: o.titleZh,
    titleEn: o.titleEn,
    descriptionZh: o.descriptionZh,
    descriptionEn: o.descriptionEn,
    minEducation: o.minEducation,
    educationFields: fields.map((f) => ({ code: f.fieldCode, asWritten: f.asWritten })),
    anyEducationField: o.anyEducationField,
    skills: skills.map((s) => ({ key: s.skillKey, asWritten: s.asWritten })),
    experience: o.experience,
    difficulty: o.difficulty,
    overseasNeeded: o.overseasNeeded,
    shortageReasons: reasons.map((r) => ({ key: r.reasonKey, asWritten: r.asWritten })),
    icapLevel: o.icapLevel,
    source: { file: o.sourceFile, location: o.sourceLocation },
  };
}

describe("survey data in the database", () => {
  it("has every occupation, forecast row and difficulty row of both surveys", async () => {
    expect(await countOf(t.surveys)).toBe(2);
    expect(await countOf(t.occupations)).toBe(15 + 13);
    expect(await countOf(t.forecasts)).toBe(9 + 9);
    expect(await countOf(t.recruitmentDifficultyRows)).toBe(15);
    expect(await countOf(t.programmes)).toBe(data.programmes.length);
    expect(await countOf(t.skills)).toBe(data.skills.length);
    expect(await countOf(t.educationFields)).toBe(data.educationFields.length);
  });

  it("stores every occupation row of both surveys field by field as transcribed", async () => {
    for (const survey of data.surveys) {
      for (const seed of survey.occupations) {
        expect(await occupationRow(survey.key, seed.code)).toEqual(seed);
      }
    }
  });

  it("keeps 070207 from both surveys, each with its own requirements", async () => {
    const old = await occupationRow("precision-health-2021", "070207");
    const recent = await occupationRow("precision-health-2025", "070207");
    expect(old.titleZh).toBe("生技醫藥");
    expect(old.minEducation).toBe("master");
    expect(old.experience).toBe("2_to_5");
    expect(old.difficulty).toBe("hard");
    expect(recent.titleZh).toBe("生物科技研發人員");
    expect(recent.minEducation).toBe("college");
    expect(recent.experience).toBe("under_2");
    expect(recent.difficulty).toBe("normal");
    expect(recent.educationFields).toHaveLength(17);
    expect(recent.skills.map((s) => s.key)).toContain("patent-strategy");
  });

  it("stores the published forecasts exactly", async () => {
    const rows = await handle.db.select().from(t.forecasts).orderBy(asc(t.forecasts.surveyKey), asc(t.forecasts.year));
    const flat = (key: string) => rows.filter((r) => r.surveyKey === key && r.scenario === "flat").map((r) => r.newDemand);
    expect(flat("precision-health-2021")).toEqual([662, 741, 836]);
    expect(flat("precision-health-2025")).toEqual([676, 737, 803]);
    const employment2021 = rows.filter((r) => r.surveyKey === "precision-health-2021" && r.scenario === "flat").map((r) => r.employment);
    expect(employment2021).toEqual([14995, 16360, 17900]);
  });
});

describe("loading again", () => {
  it("is an idempotent upsert: same rows, same ids", async () => {
    const before = await handle.db.select({ id: t.occupations.id, code: t.occupations.code, survey: t.occupations.surveyKey }).from(t.occupations).orderBy(asc(t.occupations.id));
    await loadSurveyData(handle.db, data);
    await loadSurveyData(handle.db, data);
    const after = await handle.db.select({ id: t.occupations.id, code: t.occupations.code, survey: t.occupations.surveyKey }).from(t.occupations).orderBy(asc(t.occupations.id));
    expect(after).toEqual(before);
    expect(await countOf(t.occupationSkills)).toBe(data.surveys.flatMap((s) => s.occupations.flatMap((o) => o.skills)).length);
  });

  it("rolls back entirely when a record is refused half-way", async () => {
    const broken: SurveyData = structuredClone(data);
    const survey = broken.surveys[1]!;
    survey.occupations[0]!.titleZh = "改過的標題";
    // The last occupation names a skill that does not exist: the foreign key refuses it.
    survey.occupations[survey.occupations.length - 1]!.skills[0]!.key = "no-such-skill";
    await expect(loadSurveyData(handle.db, broken)).rejects.toThrow();
    const first = await occupationRow(survey.key, survey.occupations[0]!.code);
    expect(first.titleZh).toBe(data.surveys[1]!.occupations[0]!.titleZh);
    expect(await countOf(t.occupations)).toBe(28);
  });
});
