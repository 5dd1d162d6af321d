// Hand-computed match scores. Weights: skills 40, field 15, minimum education 15, experience 15,
// languages 10, location 5. Every expected number below is worked out in the comment beside it.
import { describe, expect, it } from "vitest";
import {
  MATCH_WEIGHTS,
  rankCandidates,
  rankRequirements,
  scoreMatch,
  type MatchCandidate,
  type MatchRequirement,
  type Part,
  type PartKey,
} from "~/matching/score";

const FIVE_SKILLS = ["data-analysis", "clinical-trials", "regulatory-affairs", "gmp-process", "patent-strategy"];

const position: MatchRequirement = {
  id: "position",
  skillKeys: FIVE_SKILLS,
  educationFieldCodes: ["05124"], // 生物訊息及遺傳
  minEducation: "master",
  experience: "2_to_5",
  workingLanguages: ["zh", "en"],
  city: "臺北市",
};

const perfect: MatchCandidate = {
  id: "perfect",
  skills: FIVE_SKILLS.map((skillKey) => ({ skillKey, level: 4 })),
  degrees: [{ level: "master", fieldCode: "05124" }],
  yearsExperience: 3,
  languages: [{ language: "zh-TW", proficiency: 5 }, { language: "en", proficiency: 4 }],
  city: "台北市", // 台 and 臺 are the same city
  countryOfResidence: "TW",
};

const talent = (over: Partial<MatchCandidate>): MatchCandidate => ({ ...perfect, ...over });
const requirement = (over: Partial<MatchRequirement>): MatchRequirement => ({ ...position, ...over });
function part<K extends PartKey>(parts: Part[], key: K): Extract<Part, { key: K }> {
  const found = parts.find((p) => p.key === key);
  if (!found) throw new Error(`no ${key} part`);
  return found as Extract<Part, { key: K }>;
}

describe("scoreMatch", () => {
  it("weights sum to 100", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("a perfect match earns every point: 40 + 15 + 15 + 15 + 10 + 5 = 100", () => {
    expect(scoreMatch(position, perfect)).toEqual({
      total: 100,
      parts: [
        { key: "skills", weight: 40, earned: 40, met: true, required: 5, covered: FIVE_SKILLS, weak: [], missing: [] },
        {
          key: "educationField", weight: 15, earned: 15, met: true, match: "exact", required: ["05124"],
          degree: { level: "master", fieldCode: "05124" }, requiredCode: "05124",
        },
        { key: "minimumEducation", weight: 15, earned: 15, met: true, highest: "master", required: "master" },
        { key: "experience", weight: 15, earned: 15, met: true, years: 3, band: "2_to_5", min: 2, max: 5, relation: "within" },
        { key: "languages", weight: 10, earned: 10, met: true, required: 2, covered: ["zh", "en"], weak: [], missing: [] },
        { key: "location", weight: 5, earned: 5, met: true, match: "same_city", city: "台北市", country: "TW" },
      ],
    });
  });

  it("no required skill covered: skills 0, total 100 - 40 = 60", () => {
    const score = scoreMatch(position, talent({ skills: [{ skillKey: "rd", level: 5 }] }));
    expect(score.total).toBe(60);
    expect(part(score.parts, "skills")).toEqual({
      key: "skills", weight: 40, earned: 0, met: false, required: 5, covered: [], weak: [], missing: FIVE_SKILLS,
    });
  });

  it("3 of 5 skills at level ≥ 3: 40 × 3/5 = 24, total 84; one of them at level 2: 40 × 2.5/5 = 20, total 80", () => {
    const three = FIVE_SKILLS.slice(0, 3).map((skillKey) => ({ skillKey, level: 3 }));
    const score = scoreMatch(position, talent({ skills: three }));
    expect(score.total).toBe(84);
    expect(part(score.parts, "skills")).toEqual({
      key: "skills", weight: 40, earned: 24, met: false, required: 5,
      covered: ["data-analysis", "clinical-trials", "regulatory-affairs"], weak: [], missing: ["gmp-process", "patent-strategy"],
    });

    const oneWeak = scoreMatch(position, talent({ skills: [...three.slice(0, 2), { skillKey: "regulatory-affairs", level: 2 }] }));
    expect(oneWeak.total).toBe(80);
    expect(part(oneWeak.parts, "skills")).toMatchObject({ earned: 20, weak: ["regulatory-affairs"], covered: FIVE_SKILLS.slice(0, 3) });
  });

  it("education field: exact 15 (100), same narrow 0512 → 10 (95), same broad 05 → 5 (90), other 09 → 0 (85)", () => {
    const withField = (fieldCode: string) => scoreMatch(position, talent({ degrees: [{ level: "master", fieldCode }] }));
    expect(withField("05124").total).toBe(100);

    const narrow = withField("05121");
    expect(narrow.total).toBe(95);
    expect(part(narrow.parts, "educationField")).toEqual({
      key: "educationField", weight: 15, earned: 10, met: false, match: "narrow", required: ["05124"],
      degree: { level: "master", fieldCode: "05121" }, requiredCode: "05124",
    });

    const broad = withField("05411");
    expect(broad.total).toBe(90);
    expect(part(broad.parts, "educationField")).toMatchObject({ earned: 5, match: "broad", met: false });

    const none = withField("09121");
    expect(none.total).toBe(85);
    expect(part(none.parts, "educationField")).toMatchObject({ earned: 0, match: "none", degree: null, requiredCode: null });
  });

  it("a 4-digit requirement covers its detailed fields; the best of several degrees counts", () => {
    const law = requirement({ educationFieldCodes: ["0421"] });
    // 04211 lies inside 0421 → exact, 15; the business degree 04131 (broad 04, 5) is ignored.
    const score = scoreMatch(law, talent({ degrees: [{ level: "college", fieldCode: "04131" }, { level: "master", fieldCode: "04211" }] }));
    expect(score.total).toBe(100);
    expect(part(score.parts, "educationField")).toMatchObject({
      earned: 15, match: "exact", degree: { level: "master", fieldCode: "04211" }, requiredCode: "0421",
    });
    // 04131 against 0421 shares only the broad field 04: 5 of 15 → total 90.
    expect(scoreMatch(law, talent({ degrees: [{ level: "master", fieldCode: "04131" }] })).total).toBe(90);
  });

  it("minimum education: a PhD meets master (100); a college degree does not, 0 of 15 (85)", () => {
    const above = scoreMatch(position, talent({ degrees: [{ level: "phd", fieldCode: "05124" }] }));
    expect(above.total).toBe(100);
    expect(part(above.parts, "minimumEducation")).toEqual({
      key: "minimumEducation", weight: 15, earned: 15, met: true, highest: "phd", required: "master",
    });
    const below = scoreMatch(position, talent({ degrees: [{ level: "college", fieldCode: "05124" }] }));
    expect(below.total).toBe(85);
    expect(part(below.parts, "minimumEducation")).toEqual({
      key: "minimumEducation", weight: 15, earned: 0, met: false, highest: "college", required: "master",
    });
  });

  it("experience at the band edges is met: 2 years for under_2 and 2_to_5, 5 years for over_5", () => {
    const at = (experience: MatchRequirement["experience"], yearsExperience: number) =>
      scoreMatch(requirement({ experience }), talent({ yearsExperience }));
    expect(part(at("under_2", 2).parts, "experience")).toEqual({
      key: "experience", weight: 15, earned: 15, met: true, years: 2, band: "under_2", min: 0, max: 2, relation: "within",
    });
    expect(part(at("2_to_5", 2).parts, "experience")).toMatchObject({ earned: 15, met: true, min: 2, max: 5, relation: "within" });
    expect(part(at("over_5", 5).parts, "experience")).toMatchObject({ earned: 15, met: true, min: 5, max: null, relation: "within" });
    // More than the band's top is not penalised.
    expect(part(at("under_2", 8).parts, "experience")).toMatchObject({ earned: 15, met: true, relation: "above" });
    // Under the minimum earns in proportion: over_5 with 3 years → 15 × 3/5 = 9, total 94.
    const short = at("over_5", 3);
    expect(short.total).toBe(94);
    expect(part(short.parts, "experience")).toMatchObject({ earned: 9, met: false, relation: "below" });
    // 2_to_5 with 1 year → 15 × 1/2 = 7.5, total 92.5, rounded to 93.
    expect(at("2_to_5", 1).total).toBe(93);
  });

  it("empty requirements are met with full credit and say so, even by an empty profile", () => {
    const occupation = requirement({
      id: "occupation", skillKeys: [], educationFieldCodes: [], minEducation: "high_school",
      experience: "any", workingLanguages: [], city: null,
    });
    const empty: MatchCandidate = {
      id: "empty", skills: [], degrees: [], yearsExperience: 0, languages: [], city: null, countryOfResidence: null,
    };
    expect(scoreMatch(occupation, empty)).toEqual({
      total: 100,
      parts: [
        { key: "skills", weight: 40, earned: 40, met: true, required: 0, covered: [], weak: [], missing: [] },
        { key: "educationField", weight: 15, earned: 15, met: true, match: "any", required: [], degree: null, requiredCode: null },
        { key: "minimumEducation", weight: 15, earned: 15, met: true, highest: null, required: "high_school" },
        { key: "experience", weight: 15, earned: 15, met: true, years: 0, band: "any", min: 0, max: null, relation: "within" },
        { key: "languages", weight: 10, earned: 10, met: true, required: 0, covered: [], weak: [], missing: [] },
        { key: "location", weight: 5, earned: 5, met: true, match: "any", city: null, country: null },
      ],
    });
  });

  it("languages partly covered: zh full, en at level 2 half, ja missing → 10 × 1.5/3 = 5, total 95", () => {
    const score = scoreMatch(
      requirement({ workingLanguages: ["zh", "en", "ja"] }),
      talent({ languages: [{ language: "zh-Hant", proficiency: 5 }, { language: "EN", proficiency: 2 }] }),
    );
    expect(score.total).toBe(95);
    expect(part(score.parts, "languages")).toEqual({
      key: "languages", weight: 10, earned: 5, met: false, required: 3, covered: ["zh", "en"], weak: ["en"], missing: ["ja"],
    });
  });

  it("location: another Taiwanese city 5 × 0.6 = 3 (98); overseas willing to relocate 5 × 0.4 = 2 (97); unwilling 0 (95)", () => {
    const hsinchu = scoreMatch(position, talent({ city: "新竹市" }));
    expect(hsinchu.total).toBe(98);
    expect(part(hsinchu.parts, "location")).toMatchObject({ earned: 3, met: false, match: "same_country" });

    const relocating = scoreMatch(position, talent({ city: "Boston", countryOfResidence: "US", willingToRelocate: true }));
    expect(relocating.total).toBe(97);
    expect(part(relocating.parts, "location")).toEqual({
      key: "location", weight: 5, earned: 2, met: false, match: "overseas_relocating", city: "Boston", country: "US",
    });

    const staying = scoreMatch(position, talent({ city: "Boston", countryOfResidence: "US" }));
    expect(staying.total).toBe(95);
    expect(part(staying.parts, "location")).toMatchObject({ earned: 0, match: "elsewhere" });
  });
});

describe("ranking in both directions", () => {
  // Everything but skills is perfect (60 points), so skills decide.
  const allWeak = talent({ id: "y-all-weak", skills: FIVE_SKILLS.map((skillKey) => ({ skillKey, level: 2 })) }); // 40 × 2.5/5 = 20 → 80, 5 covered
  const twoAndAHalf = (id: string) => talent({
    id,
    skills: [{ skillKey: "data-analysis", level: 5 }, { skillKey: "clinical-trials", level: 5 }, { skillKey: "gmp-process", level: 1 }],
  }); // 40 × 2.5/5 = 20 → 80, 3 covered
  const candidates = [twoAndAHalf("x"), twoAndAHalf("c"), allWeak, talent({ id: "z-perfect" }), twoAndAHalf("b")];

  it("rankCandidates orders by total, then more skills covered, then id", () => {
    const ranked = rankCandidates(position, candidates);
    expect(ranked.map((r) => [r.item.id, r.score.total])).toEqual([
      ["z-perfect", 100], ["y-all-weak", 80], ["b", 80], ["c", 80], ["x", 80],
    ]);
  });

  const talentSide = perfect; // holds all five skills at level 4
  const twoOfFour = requirement({ id: "a-two-of-four", skillKeys: ["data-analysis", "rd", "clinical-trials", "it-network-system-design"] }); // 40 × 2/4 = 20 → 80, 2 covered
  const oneOfTwo = requirement({ id: "0-one-of-two", skillKeys: ["data-analysis", "rd"] }); // 40 × 1/2 = 20 → 80, 1 covered
  const kaohsiung = requirement({ id: "kaohsiung", city: "高雄市" }); // location 3 → 98
  const requirements = [oneOfTwo, kaohsiung, twoOfFour, position];

  it("rankRequirements orders positions and occupations the same way", () => {
    const ranked = rankRequirements(talentSide, requirements);
    expect(ranked.map((r) => [r.item.id, r.score.total])).toEqual([
      ["position", 100], ["kaohsiung", 98], ["a-two-of-four", 80], ["0-one-of-two", 80],
    ]);
  });

  it("both directions give the pair the same score as scoreMatch", () => {
    for (const req of requirements) {
      for (const cand of candidates) {
        const direct = scoreMatch(req, cand);
        const forPosition = rankCandidates(req, candidates).find((r) => r.item.id === cand.id);
        const forTalent = rankRequirements(cand, requirements).find((r) => r.item.id === req.id);
        expect(forPosition?.score).toEqual(direct);
        expect(forTalent?.score).toEqual(direct);
      }
    }
  });
});
