// Checks seeds/data/programmes.json against the schema, the other seed files and the source reports.
// Report text comes from PDFs, so line breaks and stray spaces fall anywhere: every comparison with a
// report is made on text with all whitespace removed and Unicode NFKC applied (the PDF extraction left
// CJK compatibility ideographs such as U+F996 for 練, and mixes full- and half-width punctuation).
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { z } from "zod";
import { programmeSeed, skillSeed, type ProgrammeSeed } from "../../seeds/format";

const root = new URL("../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");
const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** Asserts `needle` occurs in `text` without printing the whole report on failure. */
function expectIn(text: string, needle: string, what: string): void {
  expect(text.includes(squash(needle)), `${what}: "${needle}" not found`).toBe(true);
}

const programmes: ProgrammeSeed[] = z.array(programmeSeed).parse(JSON.parse(read("seeds/data/programmes.json")));
const skills = z.array(skillSeed).parse(JSON.parse(read("seeds/data/skills.json")));

const reportCache = new Map<string, string>();
function report(file: string): string {
  let text = reportCache.get(file);
  if (text === undefined) {
    text = squash(read(`seeds/reports/${file}`));
    reportCache.set(file, text);
  }
  return text;
}

function byKey(key: string): ProgrammeSeed {
  const p = programmes.find((x) => x.key === key);
  if (!p) throw new Error(`programme ${key} missing`);
  return p;
}

/** True when `b` occurs within `window` characters (either side) of some occurrence of `a`. */
function near(text: string, a: string, b: string, window: number): boolean {
  for (let i = text.indexOf(a); i !== -1; i = text.indexOf(a, i + 1)) {
    const from = Math.max(0, i - window);
    if (text.slice(from, i + a.length + window).includes(b)) return true;
  }
  return false;
}

const roc = (year: number): number => year - 1911; // 民國 year
/** The report writes the employment floor as a fraction. */
const fractionText = (pct: number): string => (Math.abs(pct - 200 / 3) < 0.05 ? "2/3" : String(pct));

type Evidence = {
  key: string;
  metric: string;
  year: number | null;
  /** Strings (built from the seeded value) that must occur in the cited report. */
  contains?: (value: number, year: number | null) => string[];
  /** [anchor, valueText, window]: valueText must occur within window chars of anchor. */
  near?: (value: number, year: number | null) => [string, string, number];
};

// One entry per seeded target: the exact wording in the report that states it.
const evidence: Evidence[] = [
  // 002 (五)重要績效指標 (1) (lines ~2341-2351)
  { key: "spark-translational", metric: "teams_trained", year: 2013, contains: (v, y) => [`${roc(y!)}年育成${v}隊團隊`] },
  { key: "spark-translational", metric: "teams_trained", year: 2014, contains: (v, y) => [`${roc(y!)}年育成${v}隊團隊`] },
  { key: "spark-translational", metric: "teams_trained", year: 2015, contains: (v, y) => [`${roc(y!)}年育成${v}隊團隊`] },
  // 002 表 3-1 (lines ~2832, 2876, 2896)
  { key: "spark-translational", metric: "trainees_per_year_min", year: null, contains: (v) => [`生醫轉譯加值人才培訓數至少${v}人`] },
  // 002 表3-2 (lines ~4544-4609) and 附件 1-2 A7 (lines ~8675-8686)
  { key: "device-fellowship", metric: "fellows_per_year", year: null, contains: (v) => [`培育創新創業人才${v}人與史丹福合作`] },
  { key: "device-fellowship", metric: "feasibility_reports_per_year", year: null, contains: (v) => [`商業可行性評估報告${v}件`] },
  { key: "device-fellowship", metric: "showcase_events_per_year", year: null, contains: (v) => [`成果發表或媒合活動${v}場`, `研討會及媒合活動每年${v}場`] },
  { key: "device-fellowship", metric: "fellows_total", year: null, near: (v) => ["102-104年與史丹福大學", `青年創業家${v}人`, 60] },
  { key: "device-fellowship", metric: "feasibility_reports_total", year: null, contains: (v) => [`產出之評估報告${v}本`] },
  // 002 五、(四)-(六) and 表 3-7 (lines ~7650-7725)
  { key: "phd-training-employment", metric: "trainees_per_year", year: null, contains: (v) => [`完成業界所需高階人才培訓數${v}位`, `合計培訓${v}名博士級生技訓儲菁英`] },
  { key: "phd-training-employment", metric: "trainees_total", year: null, contains: (v) => [`預計3年培訓${v}位業界所需博士級生技高階人才`, `培訓${v}名博士級人才`] },
  { key: "phd-training-employment", metric: "industry_employment_share_min", year: null, contains: (v) => [`協助${fractionText(v)}以上結訓之博士級生技訓儲菁英順利至產業界就業`] },
  { key: "phd-training-employment", metric: "funding_per_trainee_year_ntd", year: null, contains: (v) => [`每名博士級生技訓儲菁英${v / 10000}萬元`] },
  // 002 (五)重要績效指標 (3) (line ~2373) and 表 3-1
  { key: "pharma-industry-training", metric: "trainees_per_year", year: null, contains: (v) => [`完成製藥產業專業技術人才培訓${v}位`] },
  { key: "pharma-industry-training", metric: "trainees_total", year: null, contains: (v) => [`預計3年培訓${v}位製藥產業專業人才`] },
  // 002 (五)(2)E (line ~2365), 表 3-1 104 row (line ~2910), 附件 6-2 L1 (line ~8425)
  { key: "drug-regulatory-seed", metric: "seed_staff_trained", year: 2015, contains: (v) => [`培訓藥品法規種子人員${v}名`, `完成培訓藥品法規種子人員${v}名`] },
  { key: "drug-regulatory-seed", metric: "seed_staff_trained", year: 2015, near: (v, y) => [`6-2L1衛生署${roc(y!)}.12`, `培訓藥品法規種子人員${v}名`, 200] },
  { key: "drug-regulatory-seed", metric: "park_briefings_per_year_min", year: null, contains: (v) => [`舉辦國內生醫園區藥品法規說明會${v}場`, `藥品相關法規說明會或研討會至少${v}場`] },
  // 002 醫療器材法規 (五)(3) (lines ~5302-5305) and 表3-4
  { key: "device-regulatory-seed", metric: "seed_staff_per_year", year: null, contains: (v) => [`每年培訓醫療器材法規種子人員${v}名`] },
  { key: "device-regulatory-seed", metric: "park_briefings_per_year_min", year: null, contains: (v) => [`舉辦國內生醫園區醫療器材相關法規說明會或研討會至少${v}場`] },
];

describe("programmes.json", () => {
  it("parses with the schema and has the required programmes", () => {
    const keys = programmes.map((p) => p.key);
    for (const k of [
      "spark-translational",
      "device-fellowship",
      "phd-training-employment",
      "pharma-industry-training",
      "drug-regulatory-seed",
      "device-regulatory-seed",
      "moe-industry-academia-alliance",
      "hta-courses",
    ]) {
      expect(keys).toContain(k);
    }
  });

  it("has unique keys", () => {
    const keys = programmes.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses only skill keys from skills.json, each at most once per programme", () => {
    const known = new Set(skills.map((s) => s.key));
    for (const p of programmes) {
      for (const s of p.skillsTaught) expect(known, `${p.key}: ${s.key}`).toContain(s.key);
      const ks = p.skillsTaught.map((s) => s.key);
      expect(new Set(ks).size, p.key).toBe(ks.length);
    }
  });

  it("covers all four programme types", () => {
    const types = new Set(programmes.map((p) => p.type));
    expect([...types].sort()).toEqual(["device_fellowship", "industry_course", "phd_placement", "spark_course"]);
  });

  it("targets only occupation codes the surveys list", () => {
    const surveys = report("000_7b8c56a6e20599c8.txt") + report("001_e26767b5cc356a1a.txt");
    for (const p of programmes) {
      expect(p.targetOccupationCodes.length, p.key).toBeGreaterThan(0);
      for (const code of p.targetOccupationCodes) expectIn(surveys, `(${code})`, p.key);
    }
  });

  it("cites a report file and a location that occurs in it", () => {
    for (const p of programmes) {
      const text = report(p.source.file);
      expectIn(text, p.source.location, `${p.key} location`);
    }
  });

  it("cites 004 for the white-paper programmes and 002 for the rest", () => {
    for (const p of programmes) {
      const expected = ["moe-industry-academia-alliance", "hta-courses"].includes(p.key)
        ? "004_f0c3327678151041.txt"
        : "002_2e2f37bf3b618749.txt";
      expect(p.source.file, p.key).toBe(expected);
    }
  });

  it("has evidence for every target, and no evidence without a target", () => {
    const id = (k: string, m: string, y: number | null) => `${k}|${m}|${y ?? "-"}`;
    const seeded = programmes.flatMap((p) => p.targets.map((t) => id(p.key, t.metric, t.year)));
    expect(new Set(seeded).size).toBe(seeded.length);
    const evidenced = new Set(evidence.map((e) => id(e.key, e.metric, e.year)));
    expect([...seeded].sort()).toEqual([...evidenced].sort());
  });

  it("states every target value in the cited report next to its wording", () => {
    for (const e of evidence) {
      const p = byKey(e.key);
      const t = p.targets.find((x) => x.metric === e.metric && x.year === e.year);
      if (!t) throw new Error(`${e.key}: no target ${e.metric} ${e.year}`);
      const text = report(p.source.file);
      for (const s of e.contains?.(t.value, t.year) ?? []) expectIn(text, s, `${e.key}/${e.metric}`);
      if (e.near) {
        const [a, b, w] = e.near(t.value, t.year);
        expect(near(text, squash(a), squash(b), w), `${e.key}/${e.metric}: "${b}" near "${a}"`).toBe(true);
      }
    }
  });

  it("states the scalar fields in the report", () => {
    const text = report("002_2e2f37bf3b618749.txt");
    const phd = byKey("phd-training-employment");
    expectIn(text, `每人每月工作酬金標準為新台幣${phd.monthlyStipendNtd?.toLocaleString("en-US")}元`, "scalar");
    expectIn(text, `培訓期間以${(phd.durationMonths ?? 0) / 12}年為限`, "scalar");
    expectIn(text, `合計培訓${phd.capacityPerYear}名博士級生技訓儲菁英`, "scalar");
    expectIn(text, "專案辦公室規劃辦理24小時共通培訓課程", "scalar");
    expectIn(text, "0800諮詢服務與申訴專線(0800-881099)", "scalar");

    const fellowship = byKey("device-fellowship");
    expect(fellowship.durationMonths).toBe(12);
    expectIn(text, "接受為期一年之醫療產品設計及商業化運用的實務訓練", "scalar");
    expectIn(text, `培育創新創業人才${fellowship.capacityPerYear}人`, "scalar");

    expectIn(text, `完成製藥產業專業技術人才培訓${byKey("pharma-industry-training").capacityPerYear}位`, "scalar");
    expectIn(text, `每年培訓醫療器材法規種子人員${byKey("device-regulatory-seed").capacityPerYear}名`, "scalar");

    const spark = byKey("spark-translational");
    expectIn(text, "培訓團隊至少包括一名研究人員與一名醫師，原則上每隊人數上限為5人", "scalar");
    expectIn(text, "被動式、主動式及積極式輔導", "scalar");
    expectIn(text, "運用matchingfund進行重要轉譯實驗或proof-of-value", "scalar");
    expect(spark.rules.some((r) => r.zh.includes("5人"))).toBe(true);
  });

  it("uses only numbers the cited report states, in rules and summaries", () => {
    // A number and the character after it when that is a CJK unit (e.g. 5人, 56,650元, 2/3以).
    const numberWithUnit = /\d[\d,./-]*\d[\u4e00-\u9fff]?|\d[\u4e00-\u9fff]?/g;
    for (const p of programmes) {
      const text = report(p.source.file);
      for (const s of [p.summaryZh, ...p.rules.map((r) => r.zh)]) {
        for (const m of squash(s).match(numberWithUnit) ?? []) expectIn(text, m, `${p.key}: number in "${s}"`);
      }
    }
  });

  it("matches the hand-checked PhD programme numbers", () => {
    const phd = byKey("phd-training-employment");
    expect({
      type: phd.type,
      durationMonths: phd.durationMonths,
      monthlyStipendNtd: phd.monthlyStipendNtd,
      capacityPerYear: phd.capacityPerYear,
      targets: phd.targets.map((t) => ({ metric: t.metric, value: t.value, unit: t.unitEn, year: t.year })),
      source: phd.source,
    }).toEqual({
      type: "phd_placement",
      durationMonths: 12,
      monthlyStipendNtd: 56650,
      capacityPerYear: 100,
      targets: [
        { metric: "trainees_per_year", value: 100, unit: "people", year: null },
        { metric: "trainees_total", value: 300, unit: "people", year: null },
        { metric: "industry_employment_share_min", value: 66.7, unit: "%", year: null },
        { metric: "funding_per_trainee_year_ntd", value: 1000000, unit: "NTD", year: null },
      ],
      source: { file: "002_2e2f37bf3b618749.txt", location: "五、 生技高階人才培訓與就業計畫" },
    });
  });

  it("matches the hand-checked targets of the other 002 programmes", () => {
    const pick = (key: string) => byKey(key).targets.map((t) => [t.metric, t.value, t.year]);
    expect(pick("spark-translational")).toEqual([
      ["teams_trained", 10, 2013],
      ["teams_trained", 15, 2014],
      ["teams_trained", 15, 2015],
      ["trainees_per_year_min", 30, null],
    ]);
    expect(pick("device-fellowship")).toEqual([
      ["fellows_per_year", 7, null],
      ["feasibility_reports_per_year", 5, null],
      ["showcase_events_per_year", 6, null],
      ["fellows_total", 21, null],
      ["feasibility_reports_total", 15, null],
    ]);
    expect(pick("pharma-industry-training")).toEqual([
      ["trainees_per_year", 280, null],
      ["trainees_total", 840, null],
    ]);
    expect(pick("drug-regulatory-seed")).toEqual([
      ["seed_staff_trained", 20, 2015],
      ["park_briefings_per_year_min", 1, null],
    ]);
    expect(pick("device-regulatory-seed")).toEqual([
      ["seed_staff_per_year", 20, null],
      ["park_briefings_per_year_min", 2, null],
    ]);
  });
});
