// Reviewed synonyms: the abbreviations and alternative terms people in Taiwan actually type.
// Each group is mutual: any term finds the others. Keep groups small and unambiguous.
// test/search/relevance.test.ts holds the searches each group is there for.
export const synonymGroups: string[][] = [
  ["生技", "生物科技", "biotech", "biotechnology"],
  ["醫材", "醫療器材", "medical device", "medical devices"],
  ["智財", "智慧財產", "IP", "intellectual property", "專利"],
  ["資料", "數據", "data"],
  ["軟體", "軟件", "software"],
  ["韌體", "固件", "firmware"],
  ["資安", "資訊安全", "cybersecurity", "information security"],
  ["網管", "網路管理", "network administration"],
  ["醫檢師", "醫事檢驗", "醫事檢驗師", "medical technologist"],
  ["品保", "品質保證", "QA", "quality assurance"],
  ["品管", "品質管理", "QC", "quality control", "質量管理"],
  ["法規", "RA", "regulatory affairs"],
  ["臨床研究專員", "CRA", "clinical research associate"],
  ["專案管理", "PM", "project management", "project manager"],
  ["GMP", "優良製造規範", "good manufacturing practice"],
  ["研發", "R&D", "research and development"],
  ["行銷", "marketing"],
  ["業務", "sales"],
  // The education field is 生物訊息 (MOE field 05124), but people say 生物資訊 for bioinformatics.
  // It ranks well only once 生物資訊, 生物訊息 and 資訊 are dictionary words (see relevance-cases.ts).
  ["生物資訊", "生物訊息", "bioinformatics"],
];

/**
 * Simplified spellings of terms above that do not find the Traditional text by themselves: the
 * Mandarin normalizer folds only some characters (师 → 師) and leaves 体, 据, 发, 医, 网 and others
 * as they are. Each spelling joins its Traditional term's group. Spellings that already find the
 * text (工程师, 智财, 法规 fold; 临床试验 and 专利 match within typo tolerance) need no entry.
 */
export const simplifiedSpellings: Record<string, string[]> = {
  "醫材": ["医材"],
  "醫療器材": ["医疗器材"],
  "數據": ["数据"],
  "軟體": ["软体"],
  "軟件": ["软件"],
  "網管": ["网管"],
  // Mainland usage says 网络 for 網路.
  "網路管理": ["网络管理"],
  "醫檢師": ["医检师"],
  "研發": ["研发"],
  // Mainland wording, typed in Simplified; Taiwanese text says 品質管理.
  "質量管理": ["质量管理"],
};

/** The groups with the Simplified spellings added, as Meilisearch gets them. */
export function withSimplifiedSpellings(groups: string[][] = synonymGroups, spellings = simplifiedSpellings): string[][] {
  return groups.map((group) => [...group, ...group.flatMap((term) => spellings[term] ?? [])]);
}

/** Meilisearch wants a map from each term to its alternatives. */
export function synonymMap(groups: string[][] = withSimplifiedSpellings()): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      map[term] = [...new Set([...(map[term] ?? []), ...group.filter((other) => other !== term)])];
    }
  }
  return map;
}

/**
 * Chinese terms Meilisearch's segmenter must keep whole (its `dictionary` setting): every Chinese
 * synonym, so a synonym is matched as a word rather than as single characters, plus 資訊.
 */
export function chineseDictionary(groups: string[][] = withSimplifiedSpellings()): string[] {
  const han = /\p{Script=Han}/u;
  return [...new Set([...groups.flat().filter((term) => han.test(term)), "資訊"])].sort();
}
