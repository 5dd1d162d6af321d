// The sentences a score breakdown shows for each part, in both languages, from hand-built scores.
import { describe, expect, it } from "vitest";
import { describePart, type MatchNames } from "~/components/score-breakdown";
import { i18nFor } from "~/i18n/resources";
import { scoreMatch, type MatchCandidate, type MatchRequirement, type Part } from "~/matching/score";

const names: MatchNames = {
  skills: { "data-analysis": "Data analysis", "clinical-trials": "Clinical trials", "regulatory-affairs": "Regulatory affairs", "gmp-process": "GMP", "patent-strategy": "Patents" },
  fields: { "05121": "Biotechnology", "05124": "Bioinformatics and genetics", "0421": "Law", "0411": "Accounting", "0412": "Finance", "0413": "Management" },
  languages: { zh: "Chinese", en: "English", ja: "Japanese" },
  countries: { US: "United States" },
};

const requirement: MatchRequirement = {
  id: "r", skillKeys: ["data-analysis", "clinical-trials", "regulatory-affairs", "gmp-process", "patent-strategy"], educationFieldCodes: ["05124"],
  minEducation: "master", experience: "2_to_5", workingLanguages: ["zh", "en", "ja"], city: "臺北市",
};
const candidate: MatchCandidate = {
  id: "c", skills: [{ skillKey: "data-analysis", level: 4 }, { skillKey: "clinical-trials", level: 3 }, { skillKey: "regulatory-affairs", level: 2 }],
  degrees: [{ level: "phd", fieldCode: "05124" }], yearsExperience: 3, languages: [{ language: "zh", proficiency: 5 }, { language: "en", proficiency: 2 }],
  city: "Boston", countryOfResidence: "US", willingToRelocate: true,
};

function sentences(locale: "en" | "zh-TW", req = requirement, cand = candidate) {
  const t = i18nFor(locale).t;
  return Object.fromEntries(scoreMatch(req, cand).parts.map((part: Part) => [part.key, describePart(part, names, t)]));
}

describe("score breakdown sentences", () => {
  it("say what each part found, in English", () => {
    expect(sentences("en")).toEqual({
      skills: "3 of 5 required skills (2 solid, 1 weak): missing GMP, Patents",
      educationField: "Exact match (Bioinformatics and genetics)",
      minimumEducation: "Master's required, has PhD",
      experience: "2–5 years asked, has 3 years",
      languages: "Has Chinese, English (English basic); Missing Japanese",
      location: "Overseas (Boston, United States), relocating",
    });
  });

  it("and in Traditional Chinese", () => {
    expect(sentences("zh-TW")).toMatchObject({
      skills: "5 項能力需求中具備 3 項（2 項熟練、1 項入門）：缺少 GMP、Patents",
      minimumEducation: "要求碩士，具博士",
      experience: "要求2–5 年，具 3 年",
    });
  });

  it("name at most three of many accepted fields, and say when nothing is asked", () => {
    const many = { ...requirement, educationFieldCodes: ["0421", "0411", "0412", "0413"], skillKeys: [], workingLanguages: [], city: null, minEducation: "high_school" as const, experience: "any" as const };
    expect(sentences("en", many, { ...candidate, degrees: [], yearsExperience: 1 })).toEqual({
      skills: "No skills listed",
      educationField: "No degree in a required field (asked for Law, Accounting, Finance and 1 more)",
      minimumEducation: "Any education",
      experience: "Any experience, has 1 year",
      languages: "No working language required",
      location: "Any location",
    });
  });
});
