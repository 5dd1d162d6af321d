// Reviewed synonyms: the abbreviations and alternative terms people in Taiwan actually type.
// Each group is mutual: any term finds the others. Keep groups small and unambiguous.
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
  ["品管", "品質管理", "QC", "quality control"],
  ["法規", "RA", "regulatory affairs"],
  ["臨床研究專員", "CRA", "clinical research associate"],
  ["專案管理", "PM", "project management", "project manager"],
  ["GMP", "優良製造規範", "good manufacturing practice"],
  ["研發", "R&D", "research and development"],
  ["行銷", "marketing"],
  ["業務", "sales"],
];

/** Meilisearch wants a map from each term to its alternatives. */
export function synonymMap(groups: string[][] = synonymGroups): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      map[term] = [...new Set([...(map[term] ?? []), ...group.filter((other) => other !== term)])];
    }
  }
  return map;
}
