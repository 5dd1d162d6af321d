// The fixed query mix: what people type into the position search, in a deterministic order.
// Common terms match tens of thousands of the 100,000 positions, rare ones a handful, some none.
import { CITIES, RARE_TERMS, createRandom, type Reference } from "./generate";

export type QueryKind =
  | "zh-title"
  | "zh-fragment"
  | "zh-skill"
  | "en-word"
  | "en-title"
  | "code"
  | "city"
  | "rare"
  | "no-match"
  | "typo"
  | "simplified";

export interface BenchQuery {
  q: string;
  kind: QueryKind;
}

const ZH_FRAGMENTS = ["工程師", "研發", "臨床", "品保", "主管", "專員", "資深", "法規", "行銷", "數據", "生技", "醫材", "專利", "製程"];
const EN_WORDS = ["engineer", "clinical", "regulatory", "marketing", "data", "senior", "manager", "R&D", "quality", "sales", "GMP", "biotechnology", "project management", "software"];
const NO_MATCH = ["量子糾纏", "blockchain", "太空梭維修", "kubernetes operator", "深海潛水教練", "ZX-99871"];
const TYPOS = ["enginer", "clincal", "regulatroy", "markting", "biotechnolgy", "sofware", "manger", "qualty", "臨床試騐", "研發工成師"];
const SIMPLIFIED = ["临床试验", "工程师", "专利", "质量管理", "数据分析", "研发"];

/** Share of the mix per kind; sums to 1. */
const MIX: ReadonlyArray<readonly [QueryKind, number]> = [
  ["zh-title", 0.2],
  ["zh-fragment", 0.1],
  ["zh-skill", 0.15],
  ["en-word", 0.15],
  ["en-title", 0.08],
  ["code", 0.05],
  ["city", 0.05],
  ["rare", 0.1],
  ["no-match", 0.04],
  ["typo", 0.05],
  ["simplified", 0.03],
];

export function buildQueryMix(reference: Reference, total = 1_000, seed = 20_250_801): BenchQuery[] {
  const random = createRandom(seed);
  const skillTerms = reference.skills.flatMap((s) => [s.zh, ...s.aliases.filter((a) => /[\u4e00-\u9fff]/.test(a))]);
  const pickFor = (kind: QueryKind): string => {
    switch (kind) {
      case "zh-title": {
        const title = random.pick(reference.occupations).titleZh;
        return random.chance(0.3) ? `資深${title}` : title;
      }
      case "zh-fragment":
        return random.pick(ZH_FRAGMENTS);
      case "zh-skill":
        return random.pick(skillTerms);
      case "en-word":
        return random.pick(EN_WORDS);
      case "en-title":
        return random.pick(reference.occupations).titleEn;
      case "code":
        return random.pick(reference.occupations).code;
      case "city":
        return random.chance(0.5) ? random.pick(CITIES) : random.pick(CITIES).slice(0, 2);
      case "rare":
        return random.pick(RARE_TERMS)[0];
      case "no-match":
        return random.pick(NO_MATCH);
      case "typo":
        return random.pick(TYPOS);
      case "simplified":
        return random.pick(SIMPLIFIED);
    }
  };
  const queries: BenchQuery[] = [];
  for (const [kind, share] of MIX) {
    const n = Math.round(share * total);
    for (let i = 0; i < n && queries.length < total; i++) queries.push({ kind, q: pickFor(kind) });
  }
  while (queries.length < total) queries.push({ kind: "zh-title", q: pickFor("zh-title") });
  return random.shuffle(queries);
}

/** Warm-up queries: drawn from the same vocabulary, not counted. */
export function warmUpQueries(mix: BenchQuery[], n = 50): BenchQuery[] {
  const step = Math.max(1, Math.floor(mix.length / n));
  return Array.from({ length: n }, (_, i) => mix[(i * step + 7) % mix.length]!);
}
