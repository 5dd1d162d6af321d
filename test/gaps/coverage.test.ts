// Skill-gap coverage against real Postgres, on a small world of its own: a survey with two occupations,
// five skills, six programmes (one a draft) and a talent, every expected number worked out by hand below.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { coverageMatrix, programmesClosingGap, talentGap } from "../../app/gaps/coverage.server";
import { makeUser, unique, useDatabase } from "../auth/support";

const db = useDatabase();
const tag = unique();
const survey = `gaps-${tag}`;
// Skill keys sort a < b < c < d < e, so ties between columns fall in this order.
const skill = (letter: string) => `gap-${tag}-${letter}`;
const [A, B, C, D, E] = ["a", "b", "c", "d", "e"].map(skill) as [string, string, string, string, string];
let O1 = "";
let O2 = "";
let O1code = "";
let talentId = "";

async function occupation(tableOrder: number, skills: string[]) {
  const code = `8${String(randomInt(0, 100_000)).padStart(5, "0")}`;
  await db().insert(t.occupationCodes).values({ code }).onConflictDoNothing();
  const [row] = await db().insert(t.occupations).values({
    surveyKey: survey, code, tableOrder, titleZh: `缺口職務 ${tableOrder}`, titleEn: `Gap occupation ${tableOrder}`, descriptionZh: "測試", descriptionEn: "Test",
    minEducation: "master", experience: "any", difficulty: "hard", overseasNeeded: false, sourceFile: "test", sourceLocation: "test",
  }).returning();
  await db().insert(t.occupationSkills).values(skills.map((skillKey, i) => ({ occupationId: row!.id, position: i + 1, skillKey, asWritten: skillKey })));
  return row!;
}

async function programme(title: string, taught: Array<[string, number]>, options: { targets?: string; status?: "draft" | "published" } = {}) {
  const [row] = await db().insert(t.programmes).values({
    key: `gap-${tag}-${title.toLowerCase()}`, type: "industry_course", providerZh: "測試", providerEn: "Test",
    titleZh: `${title} ${tag}`, titleEn: `${title} ${tag}`, summaryZh: "測試", summaryEn: "Test", status: options.status ?? "published",
  }).returning();
  await db().insert(t.programmeSkills).values(taught.map(([skillKey, level]) => ({ programmeId: row!.id, skillKey, level })));
  if (options.targets) await db().insert(t.programmeTargetOccupations).values({ programmeId: row!.id, occupationCode: options.targets });
}

const titles = (list: Array<{ titleEn: string }>) => list.map((p) => p.titleEn.replace(` ${tag}`, ""));

beforeAll(async () => {
  await db().insert(t.surveys).values({
    key: survey, titleZh: "缺口測試調查", titleEn: "Gap test survey", publisherZh: "測試", publisherEn: "Test", year: 2099,
    forecastFromYear: 2099, forecastToYear: 2099, forecastMethodZh: "無", forecastMethodEn: "None", sourceFile: "test", sourceLocation: "test",
  });
  await db().insert(t.skills).values(["a", "b", "c", "d", "e"].map((l) => ({ key: skill(l), zh: `缺口能力${l.toUpperCase()} ${tag}`, en: `Gap skill ${l.toUpperCase()} ${tag}` })));
  // O1 requires A B C D; O2 requires A E. O2 is inserted first but comes second in the table.
  const o2 = await occupation(2, [A, E]);
  const o1 = await occupation(1, [A, B, C, D]);
  [O1, O2, O1code] = [o1.id, o2.id, o1.code];
  await programme("Alpha", [[A, 3], [B, 2]], { targets: O1code });
  await programme("Beta", [[A, 4], [C, 3]]);
  await programme("Gamma", [[B, 4]], { targets: O1code });
  await programme("Delta", [[D, 5]], { targets: O1code, status: "draft" });
  await programme("Epsilon", [[C, 2]], { targets: O1code });
  await programme("Zeta", [[B, 2], [C, 3]]);

  const talent = await makeUser(db(), { label: "gap-talent", roles: ["talent"] });
  talentId = talent.id;
  await db().insert(t.talentProfiles).values({ userId: talentId });
  // A held solidly (4), B weakly (1), C not at all, D weakly (1).
  await db().insert(t.talentSkills).values([[A, 4], [B, 1], [D, 1]].map(([skillKey, level]) => ({ userId: talentId, skillKey: skillKey as string, level: level as number })));
});

describe("coverageMatrix", () => {
  it("gives each occupation's skills the published programmes teaching them, and the skills nobody teaches", async () => {
    const matrix = await coverageMatrix(db(), { survey });
    // Rows in table order: O1 (order 1) then O2 (order 2).
    expect(matrix.rows.map((r) => r.occupation.id)).toEqual([O1, O2]);
    // Columns: A is required by 2 occupations, the rest by 1 each (then by key).
    expect(matrix.skills.map((s) => s.key)).toEqual([A, B, C, D, E]);
    const [o1, o2] = matrix.rows;
    // O1: A ← Alpha, Beta (2); B ← Alpha, Gamma, Zeta (3); C ← Beta, Epsilon, Zeta (3); D ← only the draft Delta → 0.
    expect(o1!.cells.map((c) => [c.skillKey, titles(c.programmes)])).toEqual([
      [A, ["Alpha", "Beta"]],
      [B, ["Alpha", "Gamma", "Zeta"]],
      [C, ["Beta", "Epsilon", "Zeta"]],
      [D, []],
    ]);
    expect(o1!.cells[1]!.programmes.map((p) => p.level)).toEqual([2, 4, 2]);
    // 3 of 4 covered = 0.75; O2: A covered, E not = 1 of 2 = 0.5.
    expect([o1!.covered, o1!.required, o1!.coveredShare]).toEqual([3, 4, 0.75]);
    expect([o2!.covered, o2!.required, o2!.coveredShare]).toEqual([1, 2, 0.5]);
    expect(matrix.uncovered.map((u) => [u.skill.key, u.occupations.map((o) => o.id)])).toEqual([[D, [O1]], [E, [O2]]]);
    expect(titles(matrix.teaching[D]!)).toEqual([]);
  });

  it("is empty for a survey that does not exist", async () => {
    expect(await coverageMatrix(db(), { survey: `no-such-${tag}` })).toEqual({ skills: [], rows: [], uncovered: [], teaching: {} });
  });
});

describe("programmesClosingGap", () => {
  it("orders published programmes by how many of the occupation's skills they teach, targeting ones first on ties", async () => {
    const found = await programmesClosingGap(db(), O1);
    // Alpha A,B = 2 (targets O1); Beta A,C = 2; Zeta B,C = 2; Epsilon C = 1 (targets); Gamma B = 1 (targets); Delta is a draft.
    // 2 targeting beats 2 not; Beta and Zeta tie (by title); Epsilon and Gamma tie, both targeting (by title).
    expect(titles(found!.programmes)).toEqual(["Alpha", "Beta", "Zeta", "Epsilon", "Gamma"]);
    expect(found!.programmes[0]!.targetsOccupation).toBe(true);
    expect(found!.programmes[0]!.skills.map((s) => [s.key, s.level])).toEqual([[A, 3], [B, 2]]);
    expect(found!.skills.map((s) => s.key)).toEqual([A, B, C, D]);
  });

  it("is null for an unknown occupation", async () => {
    expect(await programmesClosingGap(db(), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("talentGap", () => {
  it("lists the missing skills and orders programmes by how much of the gap they close", async () => {
    const gap = await talentGap(db(), talentId, O1);
    // A at 4 ≥ 3 is held; B at 1 and D at 1 are partial gaps; C is absent.
    expect(gap!.missing.map((s) => [s.key, s.talentLevel])).toEqual([[B, 1], [C, null], [D, 1]]);
    // closes = missing skills taught at ≥ 3; raises = taught below 3 but above the talent's level.
    //   Zeta:    C@3 closes, B@2 raises (2 > 1)     → closes 1, total 2
    //   Gamma:   B@4 closes                          → closes 1, total 1, targets O1
    //   Beta:    C@3 closes (A is not missing)       → closes 1, total 1
    //   Alpha:   B@2 raises (A is not missing)       → closes 0, total 1, targets O1
    //   Epsilon: C@2 raises (2 > 0)                  → closes 0, total 1, targets O1
    //   Delta (draft, D@5) is ignored, so nothing closes D.
    expect(titles(gap!.programmes)).toEqual(["Zeta", "Gamma", "Beta", "Alpha", "Epsilon"]);
    expect(gap!.programmes.map((p) => [p.closes.map((s) => s.key), p.raises.map((s) => s.key)])).toEqual([
      [[C], [B]], [[B], []], [[C], []], [[], [B]], [[], [C]],
    ]);
    expect(gap!.unclosed.map((s) => s.key)).toEqual([D]);
  });

  it("counts every required skill as missing for a talent with no skills", async () => {
    const empty = await makeUser(db(), { label: "gap-empty", roles: ["talent"] });
    const gap = await talentGap(db(), empty.id, O2);
    expect(gap!.missing.map((s) => s.key)).toEqual([A, E]);
    // A: Alpha@3 and Beta@4 both close it (1 each, neither targets O2) → by title; E: nobody.
    expect(titles(gap!.programmes)).toEqual(["Alpha", "Beta"]);
    expect(gap!.unclosed.map((s) => s.key)).toEqual([E]);
  });

  it("is null for an unknown occupation", async () => {
    expect(await talentGap(db(), talentId, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
