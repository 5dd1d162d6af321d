// Proves that seeds/data/survey-2025.json is a faithful transcription of
// seeds/reports/001_e26767b5cc356a1a.txt (NSTC 114-116年 key-industry talent survey, precision health).
// Every check reads the report text itself, so a changed value in the JSON makes a test fail.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  surveySeed,
  skillSeed,
  educationFieldSeed,
  shortageReasonSeed,
  type OccupationSeed,
} from "../../seeds/format";

const root = new URL("../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");

const REPORT_FILE = "001_e26767b5cc356a1a.txt";
const report = read(`seeds/reports/${REPORT_FILE}`);
const reportLines = report.split("\n");
const raw: unknown = JSON.parse(read("seeds/data/survey-2025.json"));
const survey = surveySeed.parse(raw);

const skills = z.array(skillSeed).parse(JSON.parse(read("seeds/data/skills.json")));
const fields = z.array(educationFieldSeed).parse(JSON.parse(read("seeds/data/education-fields.json")));
const reasons = z.array(shortageReasonSeed).parse(JSON.parse(read("seeds/data/shortage-reasons.json")));

const noSpace = (s: string): string => s.replace(/\s+/g, "");

/** Education-field wordings in the report that differ from the vocabulary (typos kept as written). */
const DOCUMENTED_FIELD_TYPOS: Record<string, string> = {
  "070207:05123": "生物化細學類(05123)", // vocab: 生物化學細學類
};

const LEVELS: Record<string, OccupationSeed["minEducation"]> = {
  高中以下: "high_school",
  大專: "college",
  碩士: "master",
  博士: "phd",
};
const EXPERIENCE: Record<string, OccupationSeed["experience"]> = {
  無經驗: "none",
  "2年以下": "under_2",
  "2-5年": "2_to_5",
  "5年以上": "over_5",
  不限: "any",
  不拘: "any",
};
const DIFFICULTY: Record<string, OccupationSeed["difficulty"]> = { 困難: "hard", 普通: "normal", 容易: "easy" };
const OVERSEAS: Record<string, boolean> = { 有: true, 無: false };

function occupation(code: string): OccupationSeed {
  const found = survey.occupations.find((o) => o.code === code);
  if (!found) throw new Error(`occupation ${code} missing from survey-2025.json`);
  return found;
}

/** The lines of a paragraph that starts with `start` (the first such line). */
function paragraph(start: string): string {
  const line = reportLines.find((l) => l.includes(start));
  if (line === undefined) throw new Error(`paragraph "${start}" not found in the report`);
  return line;
}

/** Lines from the first line starting with `from` up to (not including) the next line starting with `to`. */
function section(from: string, to: string): string[] {
  const start = reportLines.findIndex((l) => l.startsWith(from));
  if (start < 0) throw new Error(`"${from}" not found`);
  const rel = reportLines.slice(start).findIndex((l) => l.startsWith(to));
  if (rel < 0) throw new Error(`"${to}" not found after "${from}"`);
  return reportLines.slice(start, start + rel);
}

/** Splits "1. a 2. b 3. c" into ["a", "b", "c"] and checks the numbering runs 1..n. */
function numberedItems(cell: string): string[] {
  const numbers = [...cell.matchAll(/(?:^|\s)(\d+)\.\s/g)].map((m) => Number(m[1]));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  return cell
    .split(/(?:^|\s)\d+\.\s/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Expects every needle to occur in `haystack`, each after the previous one. */
function expectInOrder(haystack: string, needles: string[], label: string): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `${label}: "${needle}" should occur (in order) in: ${haystack}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

// ---------------------------------------------------------------------------------------------
describe("a) schema and vocabularies", () => {
  it("parses with surveySeed", () => {
    const result = surveySeed.safeParse(raw);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("has the expected survey metadata", () => {
    expect(survey.key).toBe("precision-health-2025");
    expect(survey.publisherZh).toBe("國家科學及技術委員會");
    expect(survey.publisherEn).toBe("National Science and Technology Council");
    expect(report).toContain(`辦理單位：${survey.publisherZh}`);
    // The title is the study the 資料來源 lines cite (one of them writes "113 年" with a space).
    expect(survey.titleZh).toBe("113年「臺灣精準健康戰略人才調查研究」");
    expect(report).toContain(`·${survey.titleZh}人才供需調查及推估業別報告`);
    expect(survey.year).toBe(2024); // 民國113年: 國科會(民113)
    expect(report).toContain("國科會(民113)");
    expect([survey.forecastFromYear, survey.forecastToYear]).toEqual([2025, 2027]);
    expect(report).toContain("有關 114-116 年精準健康產業專業人才需求推估");
    expect(survey.recruitmentDifficulty).toBeNull();
    expect(survey.source.file).toBe(REPORT_FILE);
    expect(survey.forecast.source).toEqual({ file: REPORT_FILE, location: "三、(二) 未來 3 年人才需求量化推估" });
    for (const o of survey.occupations) {
      expect(o.source).toEqual({ file: REPORT_FILE, location: "四、欠缺職務之人才質性需求調查" });
    }
    expect(report).toContain("#### (二) 未來 3 年人才需求量化推估");
    expect(report).toContain("#### 四、欠缺職務之人才質性需求調查");
  });

  it("states the forecast method in the report's own words", () => {
    // The extraction escapes "*" as "\*"; the original text is "*".
    const text = report.replace(/\\\*/g, "*").replace(/\(\d\)/g, "");
    const sentences = survey.forecastMethodZh.split("。").filter((s) => s.length > 0);
    expect(sentences.length).toBe(3);
    for (const s of sentences) expect(text, s).toContain(s);
    for (const word of ["雇主調查法", "地中海區域計畫", "人均產值", "*1.05", "*0.95", "總就業人數"]) {
      expect(survey.forecastMethodZh).toContain(word);
    }
  });

  it("uses only skill keys from skills.json, written as the vocab or one of its aliases", () => {
    for (const o of survey.occupations) {
      for (const s of o.skills) {
        const v = skills.find((k) => k.key === s.key);
        expect(v, `${o.code} skill ${s.key}`).toBeDefined();
        expect([v?.zh, ...(v?.aliases ?? [])], `${o.code} ${s.asWritten}`).toContain(s.asWritten);
      }
    }
  });

  it("uses only education field codes from education-fields.json, worded as the vocab except documented typos", () => {
    const typosSeen = new Set<string>();
    for (const o of survey.occupations) {
      for (const f of o.educationFields) {
        const v = fields.find((e) => e.code === f.code);
        expect(v, `${o.code} field ${f.code}`).toBeDefined();
        const typo = DOCUMENTED_FIELD_TYPOS[`${o.code}:${f.code}`];
        if (typo !== undefined) {
          typosSeen.add(`${o.code}:${f.code}`);
          expect(f.asWritten).toBe(typo);
          expect(typo).not.toBe(`${v?.zh}(${f.code})`);
        } else {
          expect(f.asWritten, `${o.code} ${f.code}`).toBe(`${v?.zh}(${f.code})`);
        }
      }
    }
    expect([...typosSeen].sort()).toEqual(Object.keys(DOCUMENTED_FIELD_TYPOS).sort());
  });

  it("uses only shortage reason keys from shortage-reasons.json, written as the vocab zh or an alias", () => {
    for (const o of survey.occupations) {
      for (const r of o.shortageReasons) {
        const v = reasons.find((k) => k.key === r.key);
        expect(v, `${o.code} reason ${r.key}`).toBeDefined();
        expect([v?.zh, ...(v?.aliases ?? [])], `${o.code} ${r.asWritten}`).toContain(r.asWritten);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe("b) counts and the report's summary paragraphs", () => {
  it("has 13 occupations with distinct codes and 9 forecast rows", () => {
    expect(survey.occupations).toHaveLength(13);
    expect(new Set(survey.occupations.map((o) => o.code)).size).toBe(13);
    expect(survey.forecast.rows).toHaveLength(9);
    expect(new Set(survey.forecast.rows.map((r) => `${r.year}/${r.scenario}`)).size).toBe(9);
  });

  it("(一) lists the same 13 titles, in the same order", () => {
    const m = /欠缺之專業人才包括：(.+?)等 13 項職務/.exec(paragraph("(一) 欠缺之專業人才包括："));
    expect(m).not.toBeNull();
    const listed = (m?.[1] ?? "").split("、").map(noSpace);
    expect(listed).toHaveLength(13);
    expect(survey.occupations.map((o) => noSpace(o.titleZh))).toEqual(listed);
  });

  it("(二) only 醫事檢驗人員 needs a master's degree; every other job needs 大專", () => {
    const text = paragraph("(二) 在學歷要求方面");
    expect(text).toContain("各職務至少需大專教育程度");
    const m = /「([^」]+)」更需具備碩士以上學歷/.exec(text);
    expect(m?.[1]).toBe("醫事檢驗人員");
    const master = survey.occupations.filter((o) => o.minEducation === "master").map((o) => o.titleZh);
    expect(master).toEqual([m?.[1]]);
    const others = survey.occupations.filter((o) => o.minEducation !== "master").map((o) => o.minEducation);
    expect(new Set(others)).toEqual(new Set(["college"]));
  });

  it("(三) the jobs named as needing 2 年以下 are exactly the under_2 ones; the rest need 2-5 年", () => {
    const text = noSpace(paragraph("(三) 在工作年資要求方面"));
    expect(text).toContain("其餘職務則需具2-5年工作經驗");
    for (const o of survey.occupations) {
      const named = text.includes(noSpace(o.titleZh));
      expect(o.experience, o.titleZh).toBe(named ? "under_2" : "2_to_5");
    }
  });

  it("(四) only 3 jobs are 普通 and only 品管/品保工程師 needs overseas recruitment", () => {
    const text = paragraph("(四) 在招募難易度上");
    const normal = /除(.+?)等 3 項職務屬普通程度/.exec(text)?.[1]?.split("、") ?? [];
    expect(normal).toEqual(["通訊系統工程師", "生物科技研發人員", "產品企劃開發人員"]);
    expect(text).toContain("其餘職務之招募均面臨困難");
    expect(survey.occupations.filter((o) => o.difficulty === "normal").map((o) => o.titleZh)).toEqual(normal);
    expect(survey.occupations.filter((o) => o.difficulty !== "normal").every((o) => o.difficulty === "hard")).toBe(
      true,
    );
    const overseas = /僅(.+?)因業者/.exec(text)?.[1];
    expect(overseas).toBe("品管/品保工程師");
    expect(survey.occupations.filter((o) => o.overseasNeeded).map((o) => o.titleZh)).toEqual([overseas]);
  });

  it("the forecast summary (702~776 人, 3.7~4.1%) matches the yearly averages of the table", () => {
    const text = paragraph("精準健康產業專業人才每年平均新增需求為");
    const m = /每年平均新增需求為 (\d+)~(\d+) 人、每年平均新增需求占總就業人數比例為 ([\d.]+)~([\d.]+)%/.exec(text);
    expect(m).not.toBeNull();
    const avg = (scenario: string): number => {
      const rows = survey.forecast.rows.filter((r) => r.scenario === scenario);
      return Math.round(rows.reduce((sum, r) => sum + r.newDemand, 0) / rows.length);
    };
    expect(avg("conservative")).toBe(Number(m?.[1]));
    expect(avg("optimistic")).toBe(Number(m?.[2]));
    const shares = survey.forecast.rows.map((r) => r.newDemandSharePct ?? NaN);
    expect(Math.min(...shares)).toBe(Number(m?.[3]));
    expect(Math.max(...shares)).toBe(Number(m?.[4]));
  });
});

// ---------------------------------------------------------------------------------------------
describe("c) every value against the report's tables", () => {
  const table = section("所欠缺之人才職業(代碼)", "資料來源");
  const rowPattern = /^(.+)\((\d{6})\)\t/;
  const rows = table.filter((l) => rowPattern.test(l));

  it("the table has the expected column layout on every page", () => {
    const headers = table.filter((l) => l.startsWith("所欠缺之人才職業(代碼)"));
    expect(headers).toHaveLength(4);
    for (const h of headers) {
      const c = h.split("\t");
      expect(c[1]).toBe("人才需求條件");
      expect(["招聘難易", "招募難易"]).toContain(c[5]);
      expect(c.slice(6, 9)).toEqual(["海外攬才需求", "人才欠缺主要原因", "職能基準級別"]);
      const sub = table[table.indexOf(h) + 1]?.split("\t") ?? [];
      expect(sub.slice(1, 5)).toEqual(["工作內容簡述", "基本學歷/學類(代碼)", "能力需求", "工作年資"]);
    }
  });

  it("has one row per occupation, in table order", () => {
    expect(rows).toHaveLength(13);
    const inTable = rows.map((l) => rowPattern.exec(l)?.[2]);
    expect(survey.occupations.map((o) => o.code)).toEqual(inTable);
  });

  for (const [i, code] of ["070121", "070109", "070207", "080202", "080309", "090107", "030302", "070290", "210103", "020102", "210205", "170105", "170190"].entries()) {
    it(`row ${i + 1} (${code}) matches its own line`, () => {
      const o = occupation(code);
      const line = rows.find((l) => l.includes(`(${code})\t`));
      expect(line, `no table row for ${code}`).toBeDefined();
      const text = line ?? "";

      // In order within the row's line: title(code), description, fields, skills, reasons.
      expect(noSpace(text).startsWith(noSpace(`${o.titleZh}(${o.code})`))).toBe(true);
      expectInOrder(text, [o.descriptionZh], code);
      expectInOrder(text, o.educationFields.map((f) => f.asWritten), code);
      expectInOrder(text, o.skills.map((s) => s.asWritten), code);
      expectInOrder(text, o.shortageReasons.map((r) => r.asWritten), code);

      // Cell by cell, so nothing is left out and nothing is added.
      const c = text.split("\t");
      expect(c).toHaveLength(9);
      expect(c[0]).toBe(`${o.titleZh}(${o.code})`);
      expect(c[1]).toBe(o.descriptionZh);

      const edu = c[2] ?? "";
      const slash = edu.indexOf("/");
      expect(LEVELS[edu.slice(0, slash).trim()]).toBe(o.minEducation);
      const listed = edu.slice(slash + 1).trim().split(/\s+/);
      const expected = o.educationFields.map((f) => f.asWritten);
      expect(listed).toEqual(o.anyEducationField ? [...expected, "不拘"] : expected);
      for (const f of o.educationFields) expect(f.asWritten.endsWith(`(${f.code})`), f.asWritten).toBe(true);

      expect(numberedItems(c[3] ?? "")).toEqual(o.skills.map((s) => s.asWritten));
      expect(EXPERIENCE[noSpace(c[4] ?? "")]).toBe(o.experience);
      expect(DIFFICULTY[c[5] ?? ""]).toBe(o.difficulty);
      expect(OVERSEAS[c[6] ?? ""]).toBe(o.overseasNeeded);
      expect(numberedItems(c[7] ?? "")).toEqual(o.shortageReasons.map((r) => r.asWritten));
      const icap = (c[8] ?? "").trim();
      expect(icap === "-" || icap === "—" ? null : Number(icap)).toBe(o.icapLevel);
    });
  }

  it("every forecast number equals the 114-116年 table", () => {
    const lines = section("景氣情勢", "資料來源").filter((l) => l.trim().length > 0);
    const years = [...(lines[0] ?? "").matchAll(/(\d{3})\s*年/g)].map((m) => Number(m[1]) + 1911);
    expect(years).toEqual([2025, 2026, 2027]);
    const scenarios: Record<string, string> = { 樂觀: "optimistic", 持平: "flat", 保守: "conservative" };
    const dataLines = lines.filter((l) => (l.split("\t")[0] ?? "") in scenarios);
    expect(dataLines).toHaveLength(3);
    let compared = 0;
    for (const l of dataLines) {
      const c = l.split("\t");
      const scenario = scenarios[c[0] ?? ""];
      years.forEach((year, y) => {
        const row = survey.forecast.rows.find((r) => r.year === year && r.scenario === scenario);
        expect(row, `${year} ${scenario}`).toBeDefined();
        expect(row?.newDemand).toBe(Number(c[1 + 3 * y]));
        expect(row?.newDemandSharePct).toBe(Number(c[2 + 3 * y]));
        expect(["-", ""]).toContain((c[3 + 3 * y] ?? "").trim()); // 新增供給 shows "-"
        expect(row?.newSupply).toBeNull();
        expect(row?.employment).toBeNull();
        expect(row?.revenueHundredMillionNtd).toBeNull();
        expect(row?.revenueGrowthPct).toBeNull();
        compared++;
      });
    }
    expect(compared).toBe(9);
  });
});

// ---------------------------------------------------------------------------------------------
describe("d) hand-typed rows", () => {
  const src = { file: "001_e26767b5cc356a1a.txt", location: "四、欠缺職務之人才質性需求調查" };

  it("070207 生物科技研發人員", () => {
    expect(occupation("070207")).toEqual({
      code: "070207",
      titleZh: "生物科技研發人員",
      titleEn: "Biotechnology R&D Specialist",
      descriptionZh: "主要從事生技、醫材、醫藥產品研發",
      descriptionEn: "Mainly engaged in R&D of biotech, medical-device and pharmaceutical products.",
      minEducation: "college",
      educationFields: [
        { code: "04133", asWritten: "醫療管理細學類(04133)" },
        { code: "05111", asWritten: "生物學細學類(05111)" },
        { code: "05123", asWritten: "生物化細學類(05123)" },
        { code: "05121", asWritten: "生物科技細學類(05121)" },
        { code: "05124", asWritten: "生物訊息及遺傳細學類(05124)" },
        { code: "05499", asWritten: "其他數學及統計細學類(05499)" },
        { code: "06111", asWritten: "電腦運用細學類(06111)" },
        { code: "06121", asWritten: "資料庫、網路設計及管理細學類(06121)" },
        { code: "06131", asWritten: "資訊技術細學類(06131)" },
        { code: "06132", asWritten: "軟體開發細學類(06132)" },
        { code: "06133", asWritten: "系統設計細學類(06133)" },
        { code: "07111", asWritten: "化學工程細學類(07111)" },
        { code: "07141", asWritten: "電機與電子工程細學類(07141)" },
        { code: "07193", asWritten: "生醫工程細學類(07193)" },
        { code: "09121", asWritten: "醫學細學類(09121)" },
        { code: "09141", asWritten: "醫學技術及檢驗細學類(09141)" },
        { code: "09161", asWritten: "藥學細學類(09161)" },
      ],
      anyEducationField: false,
      skills: [
        { key: "product-mechanical-design", asWritten: "產品機構設計" },
        { key: "rd", asWritten: "技術/產品/配方研究與開發" },
        { key: "product-marketing", asWritten: "產品/服務的行銷與開發" },
        { key: "international-business", asWritten: "國際行銷/商務拓展" },
        { key: "patent-strategy", asWritten: "專財布局/專利分析" },
        { key: "data-analysis", asWritten: "數據/統計分析" },
        { key: "project-planning", asWritten: "專案規劃與申請" },
        { key: "regulatory-affairs", asWritten: "法規撰寫/申請/查驗" },
        { key: "clinical-trials", asWritten: "臨床試驗設計/規劃/執行" },
        { key: "gmp-process", asWritten: "GMP 製程管理" },
      ],
      experience: "under_2",
      difficulty: "normal",
      overseasNeeded: false,
      shortageReasons: [
        { key: "new-role", asWritten: "新興職務需求" },
        { key: "skills-mismatch", asWritten: "在職人員技能或素質不符" },
        { key: "poaching-turnover", asWritten: "在職人員易被挖角" },
        { key: "insufficient-supply", asWritten: "缺乏具相關學、經歷或技能之人才供給" },
        { key: "unattractive-pay", asWritten: "薪資不具誘因" },
      ],
      icapLevel: null,
      source: src,
    });
  });

  it("070290 其他工程研發主管 (iCAP level 3)", () => {
    expect(occupation("070290")).toEqual({
      code: "070290",
      titleZh: "其他工程研發主管",
      titleEn: "Other Engineering R&D Manager",
      descriptionZh: "主要負責專案的計劃、進度掌控、指揮及協調管理",
      descriptionEn: "Mainly responsible for project planning, schedule control, direction and coordination.",
      minEducation: "college",
      educationFields: [
        { code: "04121", asWritten: "財務金融細學類(04121)" },
        { code: "04131", asWritten: "企業管理細學類(04131)" },
        { code: "04133", asWritten: "醫療管理細學類(04133)" },
        { code: "05199", asWritten: "其他生命科學細學類(05199)" },
        { code: "06132", asWritten: "軟體開發細學類(06132)" },
        { code: "07141", asWritten: "電機與電子工程細學類(07141)" },
        { code: "07193", asWritten: "生醫工程細學類(07193)" },
        { code: "09121", asWritten: "醫學細學類(09121)" },
      ],
      anyEducationField: false,
      skills: [
        { key: "product-mechanical-design", asWritten: "產品機構設計" },
        { key: "event-client-management", asWritten: "活動企劃、客戶管理" },
        { key: "product-marketing", asWritten: "產品/服務的行銷與開發" },
        { key: "business-operations", asWritten: "營運發展與經營管理" },
        { key: "international-business", asWritten: "國際行銷/商務拓展" },
        { key: "project-planning", asWritten: "專案規劃與申請" },
        { key: "gmp-process", asWritten: "GMP 製程管理" },
      ],
      experience: "under_2",
      difficulty: "hard",
      overseasNeeded: false,
      shortageReasons: [
        { key: "skills-mismatch", asWritten: "在職人員技能或素質不符" },
        { key: "poaching-turnover", asWritten: "在職人員易被挖角" },
        { key: "insufficient-supply", asWritten: "缺乏具相關學、經歷或技能之人才供給" },
        { key: "unattractive-pay", asWritten: "薪資不具誘因" },
      ],
      icapLevel: 3,
      source: src,
    });
  });

  it("090107 品管/品保工程師 (overseas recruitment needed)", () => {
    expect(occupation("090107")).toEqual({
      code: "090107",
      titleZh: "品管/品保工程師",
      titleEn: "Quality Control / Quality Assurance Engineer",
      descriptionZh: "主要負責製程品質管理、規劃、協調、指導等工作",
      descriptionEn: "Mainly responsible for process quality management, planning, coordination and guidance.",
      minEducation: "college",
      educationFields: [
        { code: "04133", asWritten: "醫療管理細學類(04133)" },
        { code: "05111", asWritten: "生物學細學類(05111)" },
        { code: "05123", asWritten: "生物化學細學類(05123)" },
        { code: "05124", asWritten: "生物訊息及遺傳細學類(05124)" },
        { code: "05199", asWritten: "其他生命科學細學類(05199)" },
        { code: "07111", asWritten: "化學工程細學類(07111)" },
        { code: "07193", asWritten: "生醫工程細學類(07193)" },
      ],
      anyEducationField: false,
      skills: [
        { key: "rd", asWritten: "技術/產品/配方研究與開發" },
        { key: "data-analysis", asWritten: "數據/統計分析" },
        { key: "regulatory-affairs", asWritten: "法規撰寫/申請/查驗" },
        { key: "gmp-process", asWritten: "GMP 製程管理" },
      ],
      experience: "under_2",
      difficulty: "hard",
      overseasNeeded: true,
      shortageReasons: [
        { key: "skills-mismatch", asWritten: "在職人員技能或素質不符" },
        { key: "poaching-turnover", asWritten: "在職人員易被挖角" },
        { key: "insufficient-supply", asWritten: "缺乏具相關學、經歷或技能之人才供給" },
        { key: "unattractive-pay", asWritten: "薪資不具誘因" },
      ],
      icapLevel: null,
      source: src,
    });
  });

  it("070109 通訊系統工程師 keeps the Simplified 产 and ends its fields with 不拘", () => {
    const o = occupation("070109");
    expect(o.descriptionZh).toBe("主要負責資訊、通訊工程的产品研發");
    expect(o.anyEducationField).toBe(true);
    expect(survey.occupations.filter((x) => x.anyEducationField).map((x) => x.code)).toEqual(["070109"]);
  });

  it("the forecast rows, hand-typed", () => {
    const got = survey.forecast.rows.map((r) => [r.year, r.scenario, r.newDemand, r.newDemandSharePct]);
    expect(got).toEqual([
        [2025, "optimistic", 710, 4.1],
        [2025, "flat", 676, 3.9],
        [2025, "conservative", 642, 3.7],
        [2026, "optimistic", 774, 4.1],
        [2026, "flat", 737, 3.9],
        [2026, "conservative", 700, 3.7],
        [2027, "optimistic", 844, 4.1],
        [2027, "flat", 803, 3.9],
      [2027, "conservative", 763, 3.7],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("e) the published forecast follows the stated scenario rule", () => {
  for (const year of [2025, 2026, 2027]) {
    it(`${year}: optimistic ≈ flat×1.05 and conservative ≈ flat×0.95 (±1)`, () => {
      const get = (scenario: string): number => {
        const row = survey.forecast.rows.find((r) => r.year === year && r.scenario === scenario);
        if (!row) throw new Error(`${year} ${scenario} missing`);
        return row.newDemand;
      };
      const flat = get("flat");
      expect(Math.abs(get("optimistic") - Math.round(flat * 1.05))).toBeLessThanOrEqual(1);
      expect(Math.abs(get("conservative") - Math.round(flat * 0.95))).toBeLessThanOrEqual(1);
    });
  }
});
