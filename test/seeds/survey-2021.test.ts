// Proves that seeds/data/survey-2021.json is a faithful transcription of ITRI's 2021 (民國110年)
// precision-health talent demand survey, seeds/reports/000_7b8c56a6e20599c8.txt.
//
// The report text is a PDF extraction: tables are tab-separated, and where a table row runs over a
// page break the PDF repeats the two header rows and continues the row on a line whose first cell
// is just the job code, e.g. "生技醫藥" … then, after the repeated header, "(070207)" …. This suite
// glues such continuation lines back onto their row (cell by cell) and re-reads the table from the
// text independently of the JSON, then compares.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  surveySeed,
  skillSeed,
  educationFieldSeed,
  shortageReasonSeed,
  type SurveySeed,
  type OccupationSeed,
} from "../../seeds/format";

const root = new URL("../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");

const REPORT_FILE = "000_7b8c56a6e20599c8.txt";
const raw: unknown = JSON.parse(read("seeds/data/survey-2021.json"));
const parsed = surveySeed.safeParse(raw);
const survey: SurveySeed = parsed.success ? parsed.data : (raw as SurveySeed);

const skills = z.array(skillSeed).parse(JSON.parse(read("seeds/data/skills.json")));
const fields = z.array(educationFieldSeed).parse(JSON.parse(read("seeds/data/education-fields.json")));
const reasons = z.array(shortageReasonSeed).parse(JSON.parse(read("seeds/data/shortage-reasons.json")));

const report = read(`seeds/reports/${REPORT_FILE}`);
const lines = report.split(/\r?\n/);

/** The lines from the first line matching `start` up to (not including) the next line matching `end`. */
function section(start: (l: string) => boolean, end: (l: string) => boolean): string[] {
  const from = lines.findIndex(start);
  if (from < 0) throw new Error("section start not found");
  const rel = lines.slice(from + 1).findIndex(end);
  if (rel < 0) throw new Error("section end not found");
  return lines.slice(from, from + 1 + rel);
}

/** Items of a "1.xxx 2.yyy" list, checking that the numbering runs 1, 2, 3, … without gaps. */
function numbered(cell: string): string[] {
  const items: string[] = [];
  let expectedNo = 1;
  for (const m of cell.matchAll(/(\d+)\.\s*(.*?)(?=\s*\d+\.|\s*$)/g)) {
    if (Number(m[1]) !== expectedNo) throw new Error(`numbering jumps to ${m[1]} in: ${cell}`);
    expectedNo += 1;
    items.push(m[2] ?? "");
  }
  if (items.length === 0) throw new Error(`no numbered items in: ${cell}`);
  return items;
}

const EDUCATION: Record<string, OccupationSeed["minEducation"]> = {
  大專: "college",
  碩士以上: "master",
  博士: "phd",
  高中以下: "high_school",
};
const EXPERIENCE: Record<string, OccupationSeed["experience"]> = {
  無經驗: "none",
  "2年以下": "under_2",
  "2-5年": "2_to_5",
  "5年以上": "over_5",
  不限: "any",
};
const DIFFICULTY: Record<string, OccupationSeed["difficulty"]> = { 難: "hard", 普通: "normal", 易: "easy", 容易: "easy" };
const OVERSEAS: Record<string, boolean> = { 有: true, 否: false };

function lookup<T>(map: Record<string, T>, key: string): T {
  if (!(key in map)) throw new Error(`unexpected table value: ${JSON.stringify(key)}`);
  return map[key] as T;
}

// ---------------------------------------------------------------------------------------------
// 表 4, re-read from the text
// ---------------------------------------------------------------------------------------------
const T4_TITLE = "表 4 精準健康產業人才需求之質性需求分析表";
const t4Lines = section((l) => l.startsWith(T4_TITLE), (l) => l.startsWith("資料來源"));
const t4Text = t4Lines.join("\n");

const isT4Header = (cells: string[]): boolean => cells[0] === "所需專業人才職務" || cells[1] === "工作內容簡述";
const stray: string[] = []; // lines in the section that are neither title, blank, header nor row
const t4Rows: string[][] = []; // one entry per table row, continuation lines glued on
for (const line of t4Lines.slice(1)) {
  const cells = line.split("\t");
  if (line.trim() === "") continue;
  if (cells.length !== 10) {
    stray.push(line);
    continue;
  }
  if (isT4Header(cells)) continue;
  if (/^\(\d{6}\)$/.test(cells[0] ?? "")) {
    const prev = t4Rows[t4Rows.length - 1];
    if (!prev) throw new Error(`continuation line without a row: ${line}`);
    t4Rows[t4Rows.length - 1] = prev.map((c, i) => c + (cells[i] ?? ""));
  } else {
    t4Rows.push(cells);
  }
}
/** The section with page-break continuations glued back onto their rows. */
const t4Merged = t4Rows.map((r) => r.join("\t")).join("\n");

// note: 臨床試驗(170190). The PDF's line break moved the "技術/" of skill 4 to the end of skill 2:
//   "1.臨床試驗設計/規劃/執行 2.法規撰寫/申請/查驗技術/ 3.專案規劃與申請 4.產品/配方研究與開發 5.數據/統計分析"
// "法規撰寫/申請/查驗" and "技術/產品/配方研究與開發" are the wordings used on every other row (and
// in skills.json), and the numbering keeps 專案規劃與申請 as item 3, so we read the cell as
// 1.臨床試驗設計/規劃/執行 2.法規撰寫/申請/查驗 3.專案規劃與申請 4.技術/產品/配方研究與開發 5.數據/統計分析.
// The JSON's asWritten holds the repaired wordings. The test pins the garbled raw cell exactly, so
// if the source text changes this exception has to be revisited.
const CLINICAL_TRIAL_SKILLS_RAW =
  "1.臨床試驗設計/規劃/執行 2.法規撰寫/申請/查驗技術/ 3.專案規劃與申請 4.產品/配方研究與開發 5.數據/統計分析";
function repairSkillsCell(code: string, cell: string): string {
  if (code !== "170190") return cell;
  if (cell !== CLINICAL_TRIAL_SKILLS_RAW) throw new Error(`170190 skills cell changed: ${cell}`);
  return cell.replace("2.法規撰寫/申請/查驗技術/ 3.", "2.法規撰寫/申請/查驗 3.").replace("4.產品/配方", "4.技術/產品/配方");
}

type ForecastRow = SurveySeed["forecast"]["rows"][number];

type ReadRow = {
  code: string;
  titleZh: string;
  descriptionZh: string;
  minEducation: OccupationSeed["minEducation"];
  educationFields: { code: string; asWritten: string }[];
  skills: string[];
  experience: OccupationSeed["experience"];
  difficulty: OccupationSeed["difficulty"];
  overseasNeeded: boolean;
  shortageReasons: string[];
  icapLevel: number | null;
};

function readRow(cells: string[]): ReadRow {
  const cell = (i: number): string => (cells[i] ?? "").trim();
  const head = /^(.+)\((\d{6})\)$/.exec(cell(0));
  if (!head) throw new Error(`bad job cell: ${cell(0)}`);
  const code = head[2] ?? "";
  const educationFields = numbered(cell(3)).map((item) => {
    const m = /^(.+)\((\d{4,5})\)$/.exec(item);
    if (!m) throw new Error(`bad education field: ${item}`);
    return { code: m[2] ?? "", asWritten: m[1] ?? "" };
  });
  const icap = cell(9);
  return {
    code,
    titleZh: head[1] ?? "",
    descriptionZh: cell(1),
    minEducation: lookup(EDUCATION, cell(2)),
    educationFields,
    skills: numbered(repairSkillsCell(code, cell(4))),
    experience: lookup(EXPERIENCE, cell(5)),
    difficulty: lookup(DIFFICULTY, cell(6)),
    overseasNeeded: lookup(OVERSEAS, cell(7)),
    shortageReasons: numbered(cell(8)),
    icapLevel: icap === "—" || icap === "-" ? null : Number(icap),
  };
}

const skillKeyFor = (w: string): string[] => skills.filter((s) => s.zh === w || s.aliases.includes(w)).map((s) => s.key);
const reasonKeyFor = (w: string): string[] =>
  reasons.filter((r) => r.zh === w || r.aliases.includes(w)).map((r) => r.key);

// ---------------------------------------------------------------------------------------------
// 表 2 and 表 3 sections
// ---------------------------------------------------------------------------------------------
const t2Lines = section((l) => l.startsWith("表 2 精準健康產業專業人才需求量化推估表"), (l) => l.startsWith("肆、"));
const t2Text = t2Lines.join("\n");
const t2Row = (label: string): string[] => {
  const found = t2Lines.filter((l) => l.startsWith(label));
  if (found.length !== 1) throw new Error(`表 2 row ${label}: ${found.length} matches`);
  return (found[0] ?? "").split("\t");
};
const num = (s: string | undefined): number => {
  const n = Number((s ?? "").replace(/[,%\s年]/g, ""));
  if (!Number.isFinite(n) || (s ?? "").trim() === "") throw new Error(`not a number: ${JSON.stringify(s)}`);
  return n;
};
const SCENARIO: Record<string, "optimistic" | "flat" | "conservative"> = { 樂觀: "optimistic", 持平: "flat", 保守: "conservative" };

const t3Lines = section((l) => l.startsWith("表 3 精準健康產業人才招募難易程度"), (l) => l.startsWith("資料來源"));
const t3Cells = t3Lines.map((l) => l.split("\t")).filter((c) => c.length === 3);
const t3DataRows = t3Cells.filter((c) => /^\d+%$/.test(c[2] ?? ""));

// ---------------------------------------------------------------------------------------------

describe("survey-2021.json: schema and vocabularies", () => {
  it("parses with surveySeed", () => {
    expect(parsed.success, JSON.stringify(parsed.error?.issues, null, 2)).toBe(true);
  });

  it("has the report's identity", () => {
    expect(survey.key).toBe("precision-health-2021");
    const squash = (s: string): string => s.replace(/\s+/g, "");
    expect(squash(report)).toContain(squash(survey.titleZh));
    expect(survey.titleZh).toBe("110 年「精準健康產業專業人才需求調查」");
    for (const part of survey.publisherZh.split(" ")) expect(report).toContain(part);
    expect([survey.year, survey.forecastFromYear, survey.forecastToYear]).toEqual([2021, 2022, 2024]);
    expect(report).toContain("中 華 民 國 110 年"); // 民國 110 = 2021
    expect(report).toContain("未來 3 年(2022-2024)");
    for (const s of [survey.source, survey.forecast.source, survey.recruitmentDifficulty?.source, ...survey.occupations.map((o) => o.source)]) {
      expect(s?.file).toBe(REPORT_FILE);
    }
    expect(survey.occupations.every((o) => o.source.location === "表 4")).toBe(true);
    expect(survey.forecast.source.location).toBe("表 2");
    expect(survey.recruitmentDifficulty?.source.location).toBe("表 3");
  });

  it("states the forecast method the report states", () => {
    expect(report).toContain("= \\text{基期從業人數} \\times (\\text{N 年營業額成長率} + 1) \\div (\\text{N 年人年生產力之提升率} + 1)");
    expect(report).toContain("= \\text{N 年人才總從業人數} - (\\text{N-1 年人才總從業人數})");
    expect(report).toContain("以持平值乘 1.05 作為樂觀值，以持平值乘 0.95 作為保守值");
    for (const s of ["基期從業人數 × (N 年營業額成長率 + 1) ÷ (N 年人年生產力之提升率 + 1)", "N 年人才總從業人數 − (N-1 年人才總從業人數)", "× 1.05", "× 0.95", "四捨五入"]) {
      expect(survey.forecastMethodZh).toContain(s);
    }
    for (const s of ["556 億", "13,776 人", "56.9%", "離退率 11%"]) {
      expect(survey.forecastMethodZh).toContain(s);
      expect(report).toContain(s);
    }
  });

  it("uses only skill keys that exist, with a wording skills.json knows for that key", () => {
    for (const o of survey.occupations) {
      for (const s of o.skills) {
        const vocab = skills.find((v) => v.key === s.key);
        expect(vocab, `${o.code} skill ${s.key}`).toBeDefined();
        expect([vocab?.zh, ...(vocab?.aliases ?? [])], `${o.code} ${s.key}`).toContain(s.asWritten);
      }
    }
  });

  it("uses only education-field codes that exist, and the vocabulary's name is the report's name", () => {
    // No exceptions were needed: every field in 表 4 is written exactly as education-fields.json names it.
    for (const o of survey.occupations) {
      for (const f of o.educationFields) {
        const vocab = fields.find((v) => v.code === f.code);
        expect(vocab, `${o.code} field ${f.code}`).toBeDefined();
        expect(vocab?.zh, `${o.code} field ${f.code}`).toBe(f.asWritten);
      }
    }
  });

  it("uses only shortage-reason keys that exist, written as the vocabulary's zh or an alias", () => {
    for (const o of survey.occupations) {
      for (const r of o.shortageReasons) {
        const vocab = reasons.find((v) => v.key === r.key);
        expect(vocab, `${o.code} reason ${r.key}`).toBeDefined();
        expect([vocab?.zh, ...(vocab?.aliases ?? [])], `${o.code} ${r.key}`).toContain(r.asWritten);
      }
    }
  });
});

describe("survey-2021.json: counts", () => {
  it("has 15 occupations, 9 forecast rows and 15 recruitment-difficulty rows", () => {
    expect(survey.occupations).toHaveLength(15);
    expect(new Set(survey.occupations.map((o) => o.code)).size).toBe(15);
    expect(survey.forecast.rows).toHaveLength(9);
    expect(survey.recruitmentDifficulty?.rows).toHaveLength(15);
  });

  it("the report's own list of the 15 categories is 表 3's list, in order", () => {
    const m = /精準健康產業所欠缺之人才類型包括：(.+?)等 15 類人才/.exec(report);
    expect(m).not.toBeNull();
    const listed = (m?.[1] ?? "").split("、");
    expect(listed).toHaveLength(15);
    expect(t3DataRows.map((c) => c[0])).toEqual(listed);
    expect(survey.recruitmentDifficulty?.rows.map((r) => r.jobCategoryZh)).toEqual(listed);
  });

  it("the text finds 15 rows in 表 4 and nothing unaccounted for", () => {
    expect(stray).toEqual([]);
    expect(t4Rows).toHaveLength(15);
    expect(t4Lines.filter((l) => /^\(\d{6}\)\t/.test(l))).toHaveLength(6); // six rows run over a page break
  });
});

describe("survey-2021.json: 表 4 against the report text", () => {
  const readRows = t4Rows.map(readRow);

  it("each occupation equals the row re-read from the text (row by row, in table order)", () => {
    expect(survey.occupations.map((o) => o.code)).toEqual(readRows.map((r) => r.code));
    survey.occupations.forEach((o, i) => {
      const r = readRows[i];
      expect(r, `row ${i + 1}`).toBeDefined();
      if (!r) return;
      expect(
        {
          code: o.code,
          titleZh: o.titleZh,
          descriptionZh: o.descriptionZh,
          minEducation: o.minEducation,
          educationFields: o.educationFields,
          skills: o.skills.map((s) => s.asWritten),
          experience: o.experience,
          difficulty: o.difficulty,
          overseasNeeded: o.overseasNeeded,
          shortageReasons: o.shortageReasons.map((s) => s.asWritten),
          icapLevel: o.icapLevel,
        },
        `row ${i + 1} (${r.code})`,
      ).toEqual(r);
      // The table never says 不拘 after the listed fields.
      expect(o.anyEducationField).toBe(false);
    });
    expect(t4Text).not.toContain("不拘");
  });

  it("each skill and reason key is the one the vocabulary gives for the report's wording", () => {
    for (const o of survey.occupations) {
      for (const s of o.skills) expect(skillKeyFor(s.asWritten), `${o.code} ${s.asWritten}`).toEqual([s.key]);
      for (const r of o.shortageReasons) expect(reasonKeyFor(r.asWritten), `${o.code} ${r.asWritten}`).toEqual([r.key]);
    }
  });

  it("codes, descriptions, fields, skills and reasons occur in the section, in row order", () => {
    let codeAt = -1;
    survey.occupations.forEach((o, i) => {
      // Code and title: in the raw text, after the previous row's code.
      const at = t4Text.indexOf(`(${o.code})`);
      expect(at, `${o.code} occurs`).toBeGreaterThan(-1);
      expect(at, `${o.code} comes after the previous row`).toBeGreaterThan(codeAt);
      codeAt = at;
      expect(t4Text).toContain(o.titleZh);
      // Education fields are never split by a page break: each "name(code)" is in the raw text.
      for (const f of o.educationFields) expect(t4Text, `${o.code} ${f.asWritten}`).toContain(`${f.asWritten}(${f.code})`);

      // The rest is checked against the glued-together row, in the row's own order.
      const row = t4Rows[i]?.join("\t") ?? "";
      for (const w of [o.descriptionZh, ...o.skills.map((x) => x.asWritten), ...o.shortageReasons.map((x) => x.asWritten)]) {
        expect(t4Merged, `${o.code} ${w}`).toContain(w);
      }
      let cursor = -1;
      const inOrder = (needle: string, what: string): void => {
        const p = row.indexOf(needle, cursor + 1);
        expect(p, `${o.code}: ${what} ${needle} in order`).toBeGreaterThan(cursor);
        cursor = p;
      };
      inOrder(`${o.titleZh}(${o.code})`, "title(code)");
      inOrder(o.descriptionZh, "description");
      for (const f of o.educationFields) inOrder(`${f.asWritten}(${f.code})`, "field");
      for (const s of o.skills) {
        // 170190: see the note at CLINICAL_TRIAL_SKILLS_RAW; there the repaired wording is checked
        // against the repaired cell.
        if (o.code === "170190") continue;
        inOrder(s.asWritten, "skill");
      }
      for (const r of o.shortageReasons) inOrder(r.asWritten, "reason");
    });
  });

  it("170190's skills are the numbering-order reading of the garbled cell", () => {
    expect(t4Text).toContain(CLINICAL_TRIAL_SKILLS_RAW);
    const o = survey.occupations.find((x) => x.code === "170190");
    expect(o?.skills).toEqual([
      { key: "clinical-trials", asWritten: "臨床試驗設計/規劃/執行" },
      { key: "regulatory-affairs", asWritten: "法規撰寫/申請/查驗" },
      { key: "project-planning", asWritten: "專案規劃與申請" },
      { key: "rd", asWritten: "技術/產品/配方研究與開發" },
      { key: "data-analysis", asWritten: "數據/統計分析" },
    ]);
  });

  it("agrees with the report's own summary of 表 4", () => {
    // (二) 「生技醫藥研發」、「數據分析」、「法務智財」、「醫療專業」、「臨床試驗」與「醫療保健」更要求碩士以上學歷
    const m = /其中(.+?)更要求碩士以上學歷/.exec(report);
    const named = [...(m?.[1] ?? "").matchAll(/「(.+?)」/g)].map((x) => x[1] ?? "");
    expect(named).toHaveLength(6);
    const masters = survey.occupations.filter((o) => o.minEducation === "master").map((o) => o.titleZh);
    expect(masters).toHaveLength(6);
    for (const t of masters) expect(named.some((n) => n.startsWith(t)), t).toBe(true);
    expect(survey.occupations.filter((o) => o.minEducation !== "master").every((o) => o.minEducation === "college")).toBe(true);
    // (三) 整體而言皆需 2-5 年工作經驗，醫療保健則不設限
    expect(report).toContain("整體而言皆需 2-5 年工作經驗，醫療保健則不設限");
    expect(survey.occupations.filter((o) => o.experience !== "2_to_5").map((o) => [o.titleZh, o.experience])).toEqual([["醫療保健", "any"]]);
    // (四) 電機工程與行銷推廣有海外攬才需求
    expect(report).toContain("而電機工程與行銷推廣有海外攬才需求");
    expect(survey.occupations.filter((o) => o.overseasNeeded).map((o) => o.titleZh)).toEqual(["電機工程", "行銷推廣"]);
  });
});

describe("survey-2021.json: hand-typed rows", () => {
  const source = { file: REPORT_FILE, location: "表 4" };

  it("070207 生技醫藥", () => {
    const expected: OccupationSeed = {
      code: "070207",
      titleZh: "生技醫藥",
      titleEn: "Biotechnology and pharmaceuticals",
      descriptionZh: "主要從事生技、醫材、醫藥產品研發",
      descriptionEn: "Mainly engaged in R&D of biotech, medical-device and pharmaceutical products",
      minEducation: "master",
      educationFields: [
        { code: "05121", asWritten: "生物科技細學類" },
        { code: "05199", asWritten: "其他生命科學細學類" },
        { code: "09141", asWritten: "醫學技術及檢驗細學類" },
        { code: "07193", asWritten: "生醫工程細學類" },
        { code: "05123", asWritten: "生物化學細學類" },
        { code: "05124", asWritten: "生物訊息及遺傳細學類" },
      ],
      anyEducationField: false,
      skills: [
        { key: "rd", asWritten: "技術/產品/配方研究與開發" },
        { key: "data-analysis", asWritten: "數據/統計分析" },
        { key: "clinical-trials", asWritten: "臨床試驗設計/規劃/執行" },
        { key: "gmp-process", asWritten: "GMP製程管理" },
        { key: "project-planning", asWritten: "專案規劃與申請" },
        { key: "product-marketing", asWritten: "產品/服務的行銷與開發" },
      ],
      experience: "2_to_5",
      difficulty: "hard",
      overseasNeeded: false,
      shortageReasons: [
        { key: "insufficient-supply", asWritten: "人才供給不足，所需人才不易覓得" },
        { key: "poaching-turnover", asWritten: "在職人員易被挖角、流動率過高" },
        { key: "skills-mismatch", asWritten: "在職人員技能不符或素質不足" },
      ],
      icapLevel: null,
      source,
    };
    expect(survey.occupations.find((o) => o.code === "070207")).toEqual(expected);
    expect(survey.occupations[2]).toEqual(expected); // third row of the table
  });

  it("070290 專案管理 (iCAP level 3)", () => {
    const expected: OccupationSeed = {
      code: "070290",
      titleZh: "專案管理",
      titleEn: "Project management",
      descriptionZh: "主要負責專案的計劃、進度掌控、指揮及協調管理",
      descriptionEn: "Mainly responsible for project planning, schedule control, direction and coordination",
      minEducation: "college",
      educationFields: [
        { code: "04131", asWritten: "企業管理細學類" },
        { code: "04133", asWritten: "醫療管理細學類" },
        { code: "04143", asWritten: "行銷及廣告細學類" },
        { code: "06121", asWritten: "資料庫、網路設計及管理細學類" },
        { code: "07193", asWritten: "生醫工程細學類" },
        { code: "03131", asWritten: "心理學細學類" },
        { code: "04141", asWritten: "國際貿易細學類" },
      ],
      anyEducationField: false,
      skills: [
        { key: "project-planning", asWritten: "專案規劃與申請" },
        { key: "event-client-management", asWritten: "活動企劃、客戶管理" },
        { key: "product-marketing", asWritten: "產品/服務的行銷與開發" },
        { key: "business-operations", asWritten: "營運發展與經營管理" },
        { key: "data-analysis", asWritten: "數據/統計分析" },
      ],
      experience: "2_to_5",
      difficulty: "hard",
      overseasNeeded: false,
      shortageReasons: [
        { key: "insufficient-supply", asWritten: "人才供給不足，所需人才不易覓得" },
        { key: "unattractive-pay", asWritten: "薪資較低不具誘因" },
        { key: "new-role", asWritten: "新職務需求" },
      ],
      icapLevel: 3,
      source,
    };
    expect(survey.occupations.find((o) => o.code === "070290")).toEqual(expected);
    expect(survey.occupations[8]).toEqual(expected); // ninth row of the table
  });
});

describe("survey-2021.json: 表 2 forecast", () => {
  it("equals the tab-separated table, cell by cell", () => {
    const years = t2Row("年度");
    const scen = t2Lines.map((l) => l.split("\t")).find((c) => c[1] === "樂觀");
    const revenue = t2Row("預估營收 (新台幣億元)");
    const growth = t2Row("預估營收 成長率(%)");
    const demand = t2Row("新增專業 人才需求 (人)");
    const employment = t2Row("從業人員 人數");
    expect(scen).toBeDefined();
    const expected = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((col) => {
      const yearCol = 1 + 3 * Math.floor((col - 1) / 3); // year-wide cells sit in the first column of each year
      return {
        year: num(years[yearCol]),
        scenario: lookup(SCENARIO, scen?.[col] ?? ""),
        newDemand: num(demand[col]),
        newDemandSharePct: null,
        revenueHundredMillionNtd: num(revenue[col]),
        revenueGrowthPct: num(growth[yearCol]),
        employment: num(employment[yearCol]),
        newSupply: null,
      };
    });
    expect(survey.forecast.rows).toEqual(expected);
    // Sanity of the re-read itself, so a parsing slip cannot make both sides wrong together.
    expect(expected.map((r) => r.year)).toEqual([2022, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024]);
    expect(expected.map((r) => r.newDemand)).toEqual([695, 662, 629, 778, 741, 704, 878, 836, 794]);
    expect(expected.map((r) => r.employment)).toEqual([14995, 14995, 14995, 16360, 16360, 16360, 17900, 17900, 17900]);
  });

  it("matches the prose around the table", () => {
    const flat2022 = survey.forecast.rows.find((r) => r.year === 2022 && r.scenario === "flat");
    expect(report).toContain(`預估 2022 年營收規模 ${flat2022?.revenueHundredMillionNtd} 億新臺幣`);
    expect(report).toContain(`新增專業人才需求為 ${flat2022?.newDemand} 人(持平值)`);
    expect(t2Text).toContain("樂觀=持平推估人數* 1.05");
    expect(t2Text).toContain("保守=持平推估人數* 0.95");
  });

  it("obeys the report's rule: optimistic = flat × 1.05, conservative = flat × 0.95 (±1 for rounding)", () => {
    for (const year of [2022, 2023, 2024]) {
      const get = (s: string) => survey.forecast.rows.find((r) => r.year === year && r.scenario === s);
      const [opt, flat, cons] = [get("optimistic"), get("flat"), get("conservative")];
      expect(opt && flat && cons, `${year} has all three scenarios`).toBeTruthy();
      if (!opt || !flat || !cons) continue;
      expect(Math.abs(opt.newDemand - Math.round(flat.newDemand * 1.05)), `${year} optimistic`).toBeLessThanOrEqual(1);
      expect(Math.abs(cons.newDemand - Math.round(flat.newDemand * 0.95)), `${year} conservative`).toBeLessThanOrEqual(1);
      // The table's revenue follows the same rule.
      const rev = (r: ForecastRow): number => r.revenueHundredMillionNtd ?? NaN;
      expect(Math.abs(rev(opt) - Math.round(rev(flat) * 1.05)), `${year} revenue optimistic`).toBeLessThanOrEqual(1);
      expect(Math.abs(rev(cons) - Math.round(rev(flat) * 0.95)), `${year} revenue conservative`).toBeLessThanOrEqual(1);
    }
  });
});

describe("survey-2021.json: 表 3 recruitment difficulty", () => {
  it("equals the table's rows, in order", () => {
    // Only the repeated header rows (職務類型 …) are 3-cell lines besides the data rows.
    expect(t3Cells.filter((c) => !/^\d+%$/.test(c[2] ?? "")).every((c) => c[0] === "職務類型")).toBe(true);
    expect(t3DataRows).toHaveLength(15);
    expect(
      survey.recruitmentDifficulty?.rows.map((r) => ({ jobCategoryZh: r.jobCategoryZh, difficulty: r.difficulty, sharePct: r.sharePct })),
    ).toEqual(
      t3DataRows.map((c) => ({ jobCategoryZh: c[0], difficulty: lookup(DIFFICULTY, c[1] ?? ""), sharePct: num(c[2]) })),
    );
    expect(survey.recruitmentDifficulty?.rows.map((r) => r.sharePct)).toEqual([67, 67, 47, 73, 75, 71, 58, 57, 53, 42, 53, 52, 68, 53, 83]);
  });

  it("lines up with 表 4: same jobs in the same order, same difficulty", () => {
    // 表 3 names the jobs slightly differently from 表 4: "電機工程研發" for 電機工程, "資通工程研發" for
    // 資通工程, and "生技醫療研發" for 生技醫藥 (the one name that is not a prefix).
    const renamed: Record<string, string> = { 生技醫療研發: "生技醫藥" };
    const rows = survey.recruitmentDifficulty?.rows ?? [];
    expect(rows).toHaveLength(survey.occupations.length);
    rows.forEach((r, i) => {
      const o = survey.occupations[i];
      const t4Name = renamed[r.jobCategoryZh] ?? r.jobCategoryZh;
      expect(t4Name.startsWith(o?.titleZh ?? "\u0000"), `${r.jobCategoryZh} vs ${o?.titleZh}`).toBe(true);
      expect(r.difficulty, r.jobCategoryZh).toBe(o?.difficulty);
    });
  });
});
