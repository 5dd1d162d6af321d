// Ranking on the real database: the loaders turn rows into the score's inputs, both directions give a
// pair the same score, companies see only the candidates they may, and filters, sort and pages work.
// Weights: skills 40, field 15, minimum education 15, experience 15, languages 10, location 5. Every
// expected number is worked out beside it. The database is shared by every test file, so the rankings
// are narrowed to this file's own city (positions and talents) or looked up by id.
import { randomInt } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { applyToPosition, inviteTalent } from "../../app/applications/pipeline.server";
import type { Viewer } from "../../app/auth/session.server";
import {
  candidateOfTalent, rankCandidatesForPosition, rankOccupationsForTalent, rankPositionsForTalent,
  requirementOfPosition, requirementsOfOccupations, type RankingOptions,
} from "../../app/matching/ranking.server";
import { scoreMatch, type MatchScore } from "../../app/matching/score";
import { links, makeUser, signedIn, unique, useDatabase, type MadeUser } from "../auth/support";

const db = useDatabase();
const tag = unique();
const CITY = `臺測試${tag}市`;
const FIVE = ["data-analysis", "clinical-trials", "regulatory-affairs", "gmp-process", "patent-strategy"];
const inCity: RankingOptions = { city: CITY };

let recruiter: Viewer, outsider: Viewer, office: Viewer, talentViewer: Viewer, carolViewer: Viewer;
let alice: MadeUser, bob: MadeUser, carol: MadeUser;
const org: Record<"approved" | "pending", string> = { approved: "", pending: "" };
const pos: Record<"main" | "easy" | "draft" | "closed" | "expired", string> = { main: "", easy: "", draft: "", closed: "", expired: "" };
const occ: Record<"strict" | "anyField", string> = { strict: "", anyField: "" };
const codes: string[] = [];

async function organisation(approval: "approved" | "pending") {
  const [row] = await db().insert(t.organisations).values({
    slug: `rank-${approval}-${tag}`, kind: "company", nameZh: `排名${approval}${tag}`, nameEn: `Rank ${approval} ${tag}`,
    approval, approvedAt: approval === "approved" ? new Date() : null,
  }).returning();
  return row!.id;
}

async function recruiterOf(organisationId: string): Promise<Viewer> {
  const user = await makeUser(db(), { label: "rank-recruiter", roles: ["company_recruiter"] });
  await db().insert(t.memberships).values({ organisationId, userId: user.id });
  return (await signedIn(db(), user.id)).viewer;
}

type PositionRow = typeof t.positions.$inferInsert;
async function position(over: Partial<PositionRow> & { skills?: string[]; fields?: string[] }) {
  const [occupation] = await db().select({ id: t.occupations.id }).from(t.occupations).limit(1);
  const { skills = FIVE, fields = ["05124"], ...columns } = over;
  const [row] = await db().insert(t.positions).values({
    organisationId: org.approved, occupationId: occupation!.id, title: `排名職缺 ${tag}`, description: "測試", city: CITY,
    headcount: 2, remainingHeadcount: 2, minEducation: "master", experience: "2_to_5", workingLanguages: ["zh", "en"],
    status: "published", publishedAt: new Date(), ...columns,
  }).returning();
  if (skills.length) await db().insert(t.positionSkills).values(skills.map((skillKey, i) => ({ positionId: row!.id, skillKey, position: i + 1 })));
  if (fields.length) await db().insert(t.positionEducationFields).values(fields.map((fieldCode) => ({ positionId: row!.id, fieldCode })));
  return row!.id;
}

async function occupation(over: Partial<typeof t.occupations.$inferInsert>, fields: string[]) {
  const code = `9${String(randomInt(0, 100_000)).padStart(5, "0")}`;
  codes.push(code);
  await db().insert(t.occupationCodes).values({ code });
  const [row] = await db().insert(t.occupations).values({
    surveyKey: "precision-health-2025", code, tableOrder: 10_000 + randomInt(0, 1_000_000), titleZh: `測試職務 ${tag}`, titleEn: `Test occupation ${tag}`,
    descriptionZh: "測試", descriptionEn: "Test", minEducation: "master", experience: "over_5", difficulty: "hard", overseasNeeded: false,
    sourceFile: "test", sourceLocation: "test", ...over,
  }).returning();
  await db().insert(t.occupationSkills).values(FIVE.map((skillKey, i) => ({ occupationId: row!.id, position: i + 1, skillKey, asWritten: skillKey })));
  await db().insert(t.occupationEducationFields).values(fields.map((fieldCode, i) => ({ occupationId: row!.id, position: i + 1, fieldCode, asWritten: fieldCode })));
  return row!.id;
}

interface Profile {
  visibility: "approved_companies" | "applications_only";
  years: number;
  degrees: Array<{ level: "college" | "master" | "phd"; fieldCode: string }>;
  skills: Array<[string, number]>;
  languages: Array<[string, number]>;
}
async function talent(label: string, p: Profile) {
  const user = await makeUser(db(), { label, roles: ["talent"], displayName: `${label} ${tag}` });
  await db().insert(t.talentProfiles).values({ userId: user.id, headline: `${label} headline`, visibility: p.visibility, yearsExperience: p.years, city: CITY, countryOfResidence: "TW" });
  if (p.degrees.length) await db().insert(t.talentDegrees).values(p.degrees.map((d) => ({ userId: user.id, ...d, institution: "測試大學", year: 2020 })));
  if (p.skills.length) await db().insert(t.talentSkills).values(p.skills.map(([skillKey, level]) => ({ userId: user.id, skillKey, level })));
  if (p.languages.length) await db().insert(t.talentLanguages).values(p.languages.map(([language, proficiency]) => ({ userId: user.id, language, proficiency })));
  return user;
}

beforeAll(async () => {
  org.approved = await organisation("approved");
  org.pending = await organisation("pending");
  recruiter = await recruiterOf(org.approved);
  outsider = await recruiterOf(org.pending);
  office = (await signedIn(db(), (await makeUser(db(), { label: "rank-office", roles: ["programme_officer"] })).id)).viewer;

  const day = 86_400_000;
  pos.main = await position({ publishedAt: new Date(Date.now() - day) });
  // No skills or fields asked, any experience, Chinese only, open to overseas talent, published earlier.
  pos.easy = await position({ skills: [], fields: [], experience: "any", workingLanguages: ["zh"], openToOverseas: true, publishedAt: new Date(Date.now() - 3 * day) });
  pos.draft = await position({ organisationId: org.pending, status: "draft", publishedAt: null });
  pos.closed = await position({ status: "closed" });
  pos.expired = await position({ applicationDeadline: "2020-01-01" });
  occ.strict = await occupation({}, ["05124"]);
  occ.anyField = await occupation({ anyEducationField: true, experience: "any" }, ["05124"]);

  // Alice: 3 of 5 skills, one weak (regulatory-affairs at 2); PhD in 05124; 3 years; zh and en solid.
  alice = await talent("alice", {
    visibility: "approved_companies", years: 3, degrees: [{ level: "phd", fieldCode: "05124" }],
    skills: [["data-analysis", 4], ["clinical-trials", 3], ["regulatory-affairs", 2], ["rd", 5]], languages: [["zh", 5], ["en", 4]],
  });
  // Bob: every skill, patent-strategy weak; a master's in 09121 (no field match); 6 years; zh only.
  bob = await talent("bob", {
    visibility: "approved_companies", years: 6, degrees: [{ level: "master", fieldCode: "09121" }],
    skills: [["data-analysis", 5], ["clinical-trials", 4], ["regulatory-affairs", 4], ["gmp-process", 3], ["patent-strategy", 2]], languages: [["zh", 5]],
  });
  // Carol keeps her profile to herself: a PhD in 05124, no skills, no experience, no languages.
  carol = await talent("carol", { visibility: "applications_only", years: 0, degrees: [{ level: "phd", fieldCode: "05124" }], skills: [], languages: [] });
  talentViewer = (await signedIn(db(), alice.id)).viewer;
  carolViewer = (await signedIn(db(), carol.id)).viewer;
});

afterAll(async () => {
  await db().delete(t.organisations).where(inArray(t.organisations.id, Object.values(org)));
  await db().delete(t.users).where(inArray(t.users.id, [alice.id, bob.id, carol.id, recruiter.id, outsider.id, office.id]));
  await db().delete(t.occupations).where(inArray(t.occupations.id, Object.values(occ)));
  await db().delete(t.occupationCodes).where(inArray(t.occupationCodes.code, codes));
});

const names = (results: Array<{ talentUserId: string }>) => results.map((r) => ({ [alice.id]: "alice", [bob.id]: "bob", [carol.id]: "carol" })[r.talentUserId] ?? r.talentUserId);

// Alice against the main position: skills 40 × (2 + 0.5)/5 = 20; field 05124 exact 15; PhD ≥ master 15;
// 3 years within 2–5: 15; zh and en solid 10; same city 5 → 20 + 15 + 15 + 15 + 10 + 5 = 80.
const aliceVsMain: MatchScore = {
  total: 80,
  parts: [
    { key: "skills", weight: 40, earned: 20, met: false, required: 5, covered: ["data-analysis", "clinical-trials", "regulatory-affairs"], weak: ["regulatory-affairs"], missing: ["gmp-process", "patent-strategy"] },
    { key: "educationField", weight: 15, earned: 15, met: true, match: "exact", required: ["05124"], degree: { level: "phd", fieldCode: "05124" }, requiredCode: "05124" },
    { key: "minimumEducation", weight: 15, earned: 15, met: true, highest: "phd", required: "master" },
    { key: "experience", weight: 15, earned: 15, met: true, years: 3, band: "2_to_5", min: 2, max: 5, relation: "within" },
    { key: "languages", weight: 10, earned: 10, met: true, required: 2, covered: ["zh", "en"], weak: [], missing: [] },
    { key: "location", weight: 5, earned: 5, met: true, match: "same_city", city: CITY, country: "TW" },
  ],
};

describe("loaders", () => {
  it("read a position, occupations and a talent into the score's inputs", async () => {
    expect(await requirementOfPosition(db(), pos.main)).toEqual({
      id: pos.main, skillKeys: FIVE, educationFieldCodes: ["05124"], minEducation: "master", experience: "2_to_5", workingLanguages: ["zh", "en"], city: CITY,
    });
    // An occupation that takes any field has no field codes, whatever rows the survey wrote; none has a city or languages.
    expect(await requirementsOfOccupations(db(), [occ.anyField, occ.strict])).toEqual([
      { id: occ.anyField, skillKeys: FIVE, educationFieldCodes: [], minEducation: "master", experience: "any", workingLanguages: [], city: null },
      { id: occ.strict, skillKeys: FIVE, educationFieldCodes: ["05124"], minEducation: "master", experience: "over_5", workingLanguages: [], city: null },
    ]);
    const candidate = await candidateOfTalent(db(), alice.id);
    expect(candidate).toMatchObject({ id: alice.id, yearsExperience: 3, city: CITY, countryOfResidence: "TW", willingToRelocate: false, degrees: [{ level: "phd", fieldCode: "05124" }] });
    expect([...candidate.skills].sort((a, b) => a.skillKey.localeCompare(b.skillKey))).toEqual([
      { skillKey: "clinical-trials", level: 3 }, { skillKey: "data-analysis", level: 4 }, { skillKey: "rd", level: 5 }, { skillKey: "regulatory-affairs", level: 2 },
    ]);
    // Someone with no profile at all is an empty candidate.
    expect(await candidateOfTalent(db(), recruiter.id)).toEqual({ id: recruiter.id, skills: [], degrees: [], yearsExperience: 0, languages: [], city: null, countryOfResidence: null });
  });
});

describe("both directions", () => {
  it("a talent and a position get the same hand-computed score from either side", async () => {
    const forPosition = await rankCandidatesForPosition(db(), recruiter, pos.main, inCity);
    const fromCompany = forPosition!.results.find((r) => r.talentUserId === alice.id)!;
    expect(fromCompany.score).toEqual(aliceVsMain);
    const forTalent = await rankPositionsForTalent(db(), alice.id, inCity);
    expect(forTalent.results.find((r) => r.position.id === pos.main)!.score).toEqual(aliceVsMain);
    expect(scoreMatch((await requirementOfPosition(db(), pos.main))!, await candidateOfTalent(db(), alice.id))).toEqual(aliceVsMain);
  });

  it("a talent against a survey occupation: no city and no languages asked earn full marks", async () => {
    // Skills 20; field exact 15; PhD ≥ master 15; 3 of over_5's 5 years: 15 × 3/5 = 9; no languages asked 10;
    // no city 5 → 20 + 15 + 15 + 9 + 10 + 5 = 74.
    const strict = await findOccupation(alice.id, occ.strict);
    expect(strict.total).toBe(74);
    expect(strict.parts.map((p) => [p.key, p.earned])).toEqual([["skills", 20], ["educationField", 15], ["minimumEducation", 15], ["experience", 9], ["languages", 10], ["location", 5]]);
    expect(strict.parts.find((p) => p.key === "location")).toMatchObject({ match: "any", met: true });
    // Any field and any experience: 20 + 15 + 15 + 15 + 10 + 5 = 80.
    expect((await findOccupation(alice.id, occ.anyField)).total).toBe(80);
    expect(strict).toEqual(scoreMatch((await requirementsOfOccupations(db(), [occ.strict]))[0]!, await candidateOfTalent(db(), alice.id)));
  });
});

async function findOccupation(userId: string, occupationId: string): Promise<MatchScore> {
  for (let page = 1; ; page++) {
    const ranking = await rankOccupationsForTalent(db(), userId, { survey: "precision-health-2025", page, pageSize: 50 });
    const found = ranking.results.find((r) => r.occupation.id === occupationId);
    if (found) return found.score;
    if (page >= ranking.pages) throw new Error("occupation not ranked");
  }
}

describe("who is a candidate", () => {
  it("an applications-only talent is not a candidate until she applies, then is one (not invitable) with her stage", async () => {
    const before = await rankCandidatesForPosition(db(), recruiter, pos.main, inCity);
    // Bob: skills 40 × 4.5/5 = 36; field 09 vs 05124 none 0; master 15; 6 years 15; zh only 10 × 1/2 = 5;
    // same city 5 → 36 + 0 + 15 + 15 + 5 + 5 = 76.
    expect(before!.results.map((r) => [names([r])[0], r.score.total, r.discoverable, r.application])).toEqual([
      ["alice", 80, true, null], ["bob", 76, true, null],
    ]);
    await applyToPosition(db(), carolViewer, pos.main, "", links);
    const after = await rankCandidatesForPosition(db(), recruiter, pos.main, inCity);
    // Carol: skills 0; field exact 15; PhD 15; 0 of 2 years 0; no languages 0; same city 5 → 35.
    const carolRow = after!.results.find((r) => r.talentUserId === carol.id)!;
    expect(carolRow).toMatchObject({ displayName: `carol ${tag}`, headline: "carol headline", discoverable: false, application: { stage: "applied" } });
    expect(carolRow.score.total).toBe(35);
    // Her application shows on her side too.
    expect((await rankPositionsForTalent(db(), carol.id, inCity)).results.find((r) => r.position.id === pos.main)?.application).toMatchObject({ stage: "applied" });
  });

  it("a recruiter of an unapproved company sees no public talent; other companies and talents see nothing", async () => {
    const own = await rankCandidatesForPosition(db(), outsider, pos.draft);
    expect(own).toMatchObject({ total: 0, results: [], position: { companyApproved: false, invitable: false } });
    expect(await rankCandidatesForPosition(db(), outsider, pos.main)).toBeNull();
    expect(await rankCandidatesForPosition(db(), talentViewer, pos.main)).toBeNull();
    expect(await rankCandidatesForPosition(db(), recruiter, "not-a-uuid")).toBeNull();
    const byOffice = await rankCandidatesForPosition(db(), office, pos.main, inCity);
    expect(byOffice).toMatchObject({ member: false });
    expect(names(byOffice!.results)).toEqual(["alice", "bob", "carol"]);
  });

  it("an invited talent shows the invitation as her stage", async () => {
    await inviteTalent(db(), recruiter, pos.main, bob.id, "", links);
    const ranking = await rankCandidatesForPosition(db(), recruiter, pos.main, inCity);
    expect(ranking!.results.find((r) => r.talentUserId === bob.id)?.application).toMatchObject({ stage: "invited" });
    expect(ranking!.position).toMatchObject({ invitable: true, companyApproved: true });
  });
});

describe("filters, sort and pages", () => {
  it("candidates: minimum total, every required skill, sort by a part, pages", async () => {
    const ranked = (options: RankingOptions) => rankCandidatesForPosition(db(), recruiter, pos.main, { ...inCity, ...options }).then((r) => names(r!.results));
    expect(await ranked({})).toEqual(["alice", "bob", "carol"]); // 80, 76, 35
    expect(await ranked({ minScore: 76 })).toEqual(["alice", "bob"]);
    expect(await ranked({ minScore: 81 })).toEqual([]);
    // Bob holds all five (one weak); Alice misses two; Carol holds none.
    expect(await ranked({ allSkills: true })).toEqual(["bob"]);
    expect(await ranked({ sort: "skills" })).toEqual(["bob", "alice", "carol"]); // 36, 20, 0
    expect(await ranked({ sort: "educationField" })).toEqual(["alice", "carol", "bob"]); // 15, 15 (total breaks the tie), 0
    expect(await ranked({ city: "台北市-nowhere" })).toEqual([]);
    // 台 and 臺 are one city, whatever the case.
    expect(await ranked({ city: `  台測試${tag.toUpperCase()}市 ` })).toEqual(["alice", "bob", "carol"]);

    const second = await rankCandidatesForPosition(db(), recruiter, pos.main, { ...inCity, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2, pages: 2 });
    expect(names(second!.results)).toEqual(["carol"]);
    const capped = await rankCandidatesForPosition(db(), recruiter, pos.main, { ...inCity, pageSize: 500 });
    expect(capped!.pageSize).toBe(50);
  });

  it("positions: only open ones of approved companies, with overseas, skills, newest and pages", async () => {
    const ranked = (options: RankingOptions) => rankPositionsForTalent(db(), alice.id, { ...inCity, ...options }).then((r) => r.results.map((x) => x.position.id));
    // The easy position asks nothing Alice lacks: 40 + 15 + 15 + 15 + 10 + 5 = 100; the main one 80.
    // Drafts, closed positions, passed deadlines and unapproved companies are never recommended.
    expect(await ranked({})).toEqual([pos.easy, pos.main]);
    expect(await ranked({ sort: "newest" })).toEqual([pos.main, pos.easy]);
    expect(await ranked({ openToOverseas: true })).toEqual([pos.easy]);
    expect(await ranked({ allSkills: true })).toEqual([pos.easy]);
    expect(await ranked({ minScore: 90 })).toEqual([pos.easy]);
    const page = await rankPositionsForTalent(db(), alice.id, { ...inCity, page: 2, pageSize: 1 });
    expect(page).toMatchObject({ total: 2, pages: 2, profileEmpty: false });
    expect(page.results.map((r) => r.position.id)).toEqual([pos.main]);
    expect((await rankPositionsForTalent(db(), recruiter.id, inCity)).profileEmpty).toBe(true);
  });

  it("occupations: one survey's, filtered by score", async () => {
    const all = await rankOccupationsForTalent(db(), alice.id, { survey: "precision-health-2025", pageSize: 50 });
    const others = await rankOccupationsForTalent(db(), alice.id, { survey: "precision-health-2021", pageSize: 50 });
    expect(all.total).toBeGreaterThan(2);
    expect(others.results.every((r) => r.occupation.surveyKey === "precision-health-2021")).toBe(true);
    const high = await rankOccupationsForTalent(db(), alice.id, { survey: "precision-health-2025", minScore: 80, pageSize: 50 });
    expect(high.results.every((r) => r.score.total >= 80)).toBe(true);
    expect(high.results.map((r) => r.occupation.id)).toContain(occ.anyField);
    expect(high.results.map((r) => r.occupation.id)).not.toContain(occ.strict);
  });
});

describe("scale", () => {
  it("ranks three thousand public talents for a position, paging the ranked whole", async () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `rank-bulk-${tag}-${i}`);
    try {
      await db().insert(t.users).values(ids.map((id) => ({ id, email: `${id}@example.test`, displayName: id })));
      await db().insert(t.talentProfiles).values(ids.map((userId, i) => ({ userId, visibility: "approved_companies" as const, yearsExperience: i % 8, city: "臺北市" })));
      await db().insert(t.talentSkills).values(ids.flatMap((userId, i) => FIVE.slice(0, i % 6).map((skillKey) => ({ userId, skillKey, level: 1 + (i % 5) }))));
      await db().insert(t.talentDegrees).values(ids.map((userId, i) => ({ userId, level: (["college", "master", "phd"] as const)[i % 3]!, fieldCode: "05124", institution: "大學", year: 2020 })));
      // Speed is measured by benchmarks, not asserted here: this checks that the whole set is ranked and paged.
      const ranking = await rankCandidatesForPosition(db(), recruiter, pos.main, { minScore: 0, pageSize: 20 });
      expect(ranking!.total).toBeGreaterThanOrEqual(3000);
      expect(ranking!.results).toHaveLength(20);
      const totals = ranking!.results.map((r) => r.score.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    } finally {
      await db().delete(t.users).where(inArray(t.users.id, ids));
    }
  });
});
