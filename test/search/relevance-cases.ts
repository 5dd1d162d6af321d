// The searches the portal must answer well, built from the seeded data (seeds/data/*.json).
//
// Keys: an occupation is "<survey>:<code>", where <survey> is the survey key without its
// "precision-health-" prefix ("2021" or "2025"; note the 2025 survey's surveyYear is 2024, so the
// key is built from surveyKey, not surveyYear). A skill is its key; a programme is its key.
//
// How a case is checked (see relevance.test.ts):
// - without expectIn, the first expectFirst.length hits are expectFirst, in that order;
// - with expectIn N, every key of expectFirst is among the first N hits, in any order; used where
//   the expected hits are equals (the same occupation in both surveys, two sibling programmes) and
//   their order among themselves means nothing; the note says why;
// - only: the hits are exactly expectFirst, nothing else matches;
// - absent: none of these keys is anywhere in the hits (for filters);
// - limitation: the case fails with the current index settings or data; the note names the
//   change that fixes it, and the test is run with it.fails so it turns red once it is fixed.

export type RelevanceIndex = "occupations" | "skills" | "programmes";

export type Category =
  | "Traditional Chinese titles and descriptions"
  | "Simplified Chinese queries"
  | "English titles and descriptions"
  | "typos"
  | "abbreviations and synonyms"
  | "occupation and education-field codes"
  | "skills index"
  | "programmes index"
  | "filters with queries";

export interface RelevanceCase {
  category: Category;
  index: RelevanceIndex;
  q: string;
  filter?: string;
  expectFirst: string[];
  expectIn?: number;
  only?: boolean;
  absent?: string[];
  limitation?: boolean;
  note: string;
}

type Draft = Omit<RelevanceCase, "category" | "index"> & { index?: RelevanceIndex };

/** Tags a block of cases with its category (and its index, when the whole block searches one). */
function inCategory(category: Category, ...args: [RelevanceIndex, Draft[]] | [Draft[]]): RelevanceCase[] {
  const [index, drafts] = args.length === 2 ? args : [undefined, args[0]];
  return drafts.map((draft) => {
    const resolved = draft.index ?? index;
    if (!resolved) throw new Error(`relevance case "${draft.q}" names no index`);
    return { ...draft, category, index: resolved };
  });
}

const s2021 = "surveyKey = 'precision-health-2021'";
const s2025 = "surveyKey = 'precision-health-2025'";

/** The six occupations that list 生物訊息及遺傳細學類 (05124, bioinformatics and genetics). */
const bioinformatics = ["2021:070207", "2021:090211", "2025:070207", "2025:080202", "2025:090107", "2025:210205"];
const bothSeeds = ["drug-regulatory-seed", "device-regulatory-seed"];
const devicePrograms = ["device-fellowship", "device-regulatory-seed", "spark-translational"];

const zhTitles = inCategory("Traditional Chinese titles and descriptions", "occupations", [
  { q: "生物科技研發人員", expectFirst: ["2025:070207"], note: "exact 2025 title; rows that share only 人員 or 生物科技 in a field come after" },
  { q: "法務 / 智財主管", expectFirst: ["2025:030302", "2021:030302"], note: "exact 2025 title first, then the 2021 row of the same code (法務智財), which has both words but not 主管" },
  { q: "法務智財", expectFirst: ["2021:030302", "2025:030302"], expectIn: 2, note: "the 2021 title; the 2025 title 法務 / 智財主管 has both words, so both rows of 030302 are equals" },
  { q: "品管 品保", expectFirst: ["2021:090107", "2025:090107"], expectIn: 2, only: true, note: "品保品管 (2021) and 品管/品保工程師 (2025); both words in both titles, and nothing else has them" },
  { q: "醫事檢驗人員", expectFirst: ["2025:170105"], note: "exact 2025 title" },
  { q: "醫事檢驗", expectFirst: ["2025:170105"], note: "start of the 2025 title 醫事檢驗人員" },
  {
    q: "臨床試驗",
    expectFirst: ["2021:170190", "2025:170190"],
    expectIn: 2,
    note:
      "170190 in both surveys: the 2021 title, and the 2025 row (其他醫院從業人員) whose description is 臨床試驗、臨床研究工作. " +
      "It used to rank below every row that merely lists the clinical-trials skill, because " +
      "descriptionZh came after skillsZh in searchableAttributes. Fixed by searching descriptions before skills (search/indexes.ts)",
  },
  { q: "網路管理工程師", expectFirst: ["2025:080309"], note: "exact 2025 title" },
  { q: "軟(韌)體設計工程師", expectFirst: ["2025:080202"], note: "title with brackets, typed as printed in the report" },
  { q: "研發工程師", expectFirst: ["2025:070121"], note: "exact 2025 title; other 工程師 titles come after" },
  { q: "行銷企劃", expectFirst: ["2025:210103"], note: "start of the 2025 title 行銷企劃人員, ahead of 產品企劃 and 行銷推廣, which have one of the words in the title" },
  { q: "業務", expectFirst: ["2021:020102", "2025:020102"], expectIn: 2, note: "業務銷售 (2021) and 業務人員 (2025): same occupation, both titles start with the word" },
  { q: "其他醫院從業人員", expectFirst: ["2025:170190"], note: "exact 2025 title" },
  { q: "生產管理", expectFirst: ["2021:090211"], note: "2021-only title" },
  { q: "經營幕僚", expectFirst: ["2021:010101"], note: "2021-only title" },
  { q: "通訊", expectFirst: ["2025:070109", "2021:070109"], expectIn: 2, only: true, note: "通訊系統工程師 (2025) and the 2021 description 資訊、通訊工程; the same code, equals" },
  { q: "駭客", expectFirst: ["2025:080309"], only: true, note: "description only: 防止駭客入侵 (network administration)" },
]);

const simplified = inCategory("Simplified Chinese queries", [
  { index: "occupations", q: "生物科技研发", expectFirst: ["2025:070207"], note: "研发 is not folded to 研發 by the normalizer; the 研发 spelling in synonyms.ts joins the 研發 group" },
  { index: "occupations", q: "软体", expectFirst: ["2025:080202"], note: "体 is a character in its own right, so 软体 is not folded to 軟體; found through the 软体 spelling in the software group" },
  { index: "occupations", q: "临床试验", expectFirst: ["2021:170190", "2025:170190"], expectIn: 2, note: "folded to 臨床試驗; 170190 of both surveys are equals (title / description)" },
  { index: "occupations", q: "数据分析", expectFirst: ["2021:080202"], note: "据 is a character in its own right; found through the 数据 spelling in the data group" },
  { index: "occupations", q: "专利", expectFirst: ["2021:030302", "2025:030302"], expectIn: 2, note: "专利 → 專利 (patent work): legal / IP in both surveys, equals" },
  {
    index: "occupations",
    q: "工程师",
    expectFirst: ["2025:070121", "2025:070109", "2025:080309", "2025:090107", "2025:080202"],
    expectIn: 5,
    note: "师 folds to 師: the five 2025 titles ending in 工程師, equals (2021 titles say 工程 without 師)",
  },
  { index: "occupations", q: "软件", expectFirst: ["2025:080202"], note: "the mainland word for software, not folded to 軟件; the 软件 spelling joins the software group" },
  { index: "occupations", q: "医材", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "医 is not folded to 醫; the 医材 spelling joins the 醫材 group: the rows whose description names 醫材" },
  { index: "occupations", q: "医检师", expectFirst: ["2025:170105"], note: "医 is not folded to 醫; the 医检师 spelling joins the 醫檢師 group" },
  { index: "occupations", q: "网络管理", expectFirst: ["2025:080309"], note: "mainland spelling of 網路管理; 网 is not folded, so the spelling joins the 網管 group" },
  { index: "programmes", q: "医疗器材", expectFirst: devicePrograms, expectIn: 3, note: "医疗器材 → 醫療器材: the three programmes about medical devices, equals" },
  { index: "skills", q: "数据分析", expectFirst: ["data-analysis"], note: "the data-analysis skill (數據/統計分析, alias 數據分析)" },
  { index: "skills", q: "研发", expectFirst: ["rd"], note: "the R&D skill (alias 研發)" },
]);

const english = inCategory("English titles and descriptions", [
  { index: "occupations", q: "clinical trial", expectFirst: ["2021:170190", "2025:170190"], expectIn: 2, note: "title Clinical trials (2021) and description clinical trial and clinical research work (2025): equals" },
  { index: "occupations", q: "quality assurance", expectFirst: ["2021:090107", "2025:090107"], expectIn: 2, only: true, note: "both surveys' QA/QC titles, equals; nothing else mentions quality assurance" },
  { index: "occupations", q: "marketing", expectFirst: ["2021:210103", "2025:210103"], expectIn: 2, note: "Marketing and promotion / Marketing Planner: equals, ahead of rows that only list the marketing skill" },
  { index: "occupations", q: "data analysis", expectFirst: ["2021:080202"], note: "2021 title Data analysis" },
  { index: "occupations", q: "network engineer", expectFirst: ["2025:080309"], note: "Network Administration Engineer" },
  { index: "occupations", q: "legal", expectFirst: ["2021:030302", "2025:030302"], expectIn: 2, only: true, note: "Legal affairs and IP / Legal / IP Manager: equals" },
  { index: "occupations", q: "hospital staff", expectFirst: ["2025:170190"], note: "Other Hospital Staff" },
  { index: "occupations", q: "medical laboratory", expectFirst: ["2025:170105"], note: "Medical Laboratory Technologist" },
  { index: "occupations", q: "IP manager", expectFirst: ["2025:030302"], note: "Legal / IP Manager" },
  { index: "occupations", q: "software engineer", expectFirst: ["2025:080202"], note: "Software (Firmware) Design Engineer" },
  { index: "occupations", q: "production management", expectFirst: ["2021:090211"], note: "2021 title Production management" },
  { index: "occupations", q: "biotechnology", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "Biotechnology and pharmaceuticals / Biotechnology R&D Specialist: equals" },
  { index: "occupations", q: "electrical engineering", expectFirst: ["2021:070121"], note: "2021 title Electrical engineering" },
  { index: "skills", q: "regulatory affairs", expectFirst: ["regulatory-affairs"], note: "the regulatory skill (alias regulatory affairs)" },
  { index: "programmes", q: "health technology assessment", expectFirst: ["hta-courses"], note: "HTA courses, by their English title" },
]);

const typos = inCategory("typos", [
  { index: "occupations", q: "clinicl trial", expectFirst: ["2021:170190", "2025:170190"], expectIn: 2, note: "one typo in a 7-letter word; equals as for clinical trial" },
  { index: "occupations", q: "markting", expectFirst: ["2021:210103", "2025:210103"], expectIn: 2, note: "one typo in an 8-letter word; equals as for marketing" },
  { index: "occupations", q: "bioinformatcs", expectFirst: bioinformatics, expectIn: 6, only: true, note: "one typo: the six rows whose education fields include Bioinformatics and genetics (05124), equals" },
  { index: "occupations", q: "qualty assurance", expectFirst: ["2021:090107", "2025:090107"], expectIn: 2, only: true, note: "one typo; both QA/QC rows, equals" },
  { index: "occupations", q: "netwrk administration", expectFirst: ["2025:080309"], note: "one typo in a 7-letter word" },
  { index: "occupations", q: "softwre", expectFirst: ["2025:080202"], note: "one typo; Software (Firmware) Design Engineer" },
  { index: "occupations", q: "biotechnolgy", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "one typo; equals as for biotechnology" },
  { index: "occupations", q: "electrcal engineering", expectFirst: ["2021:070121"], note: "one typo" },
  { index: "skills", q: "statistcs", expectFirst: ["data-analysis"], note: "one typo in the alias statistics" },
  { index: "skills", q: "regulatroy", expectFirst: ["regulatory-affairs"], note: "swapped letters count as one typo" },
  { index: "programmes", q: "Biodesgin", expectFirst: ["device-fellowship"], note: "swapped letters; Stanford Biodesign fellowship" },
  { index: "programmes", q: "pharmaceutcal", expectFirst: ["pharma-industry-training"], note: "one typo in a 14-letter word" },
  { index: "programmes", q: "regulatry seed", expectFirst: bothSeeds, expectIn: 2, note: "one typo; the drug and device regulatory seed programmes, equals" },
]);

const synonyms = inCategory("abbreviations and synonyms", [
  { index: "occupations", q: "生技", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "生技 title (2021) and 生物科技 title (2025) through the 生技 group: equals" },
  { index: "occupations", q: "生技研發", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "生技 ↔ 生物科技 plus 研發: the biotech R&D rows of both surveys" },
  { index: "occupations", q: "醫材", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "the only rows whose description names 醫材 (生技、醫材、醫藥產品研發)" },
  { index: "occupations", q: "醫療器材", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, note: "醫療器材 ↔ 醫材 reaches the same descriptions" },
  { index: "occupations", q: "智財", expectFirst: ["2021:030302", "2025:030302"], expectIn: 2, note: "法務智財 / 法務 / 智財主管, equals" },
  { index: "occupations", q: "智慧財產", expectFirst: ["2021:030302", "2025:030302"], expectIn: 2, note: "智慧財產 ↔ 智財 reaches the same titles" },
  { index: "occupations", q: "資料分析", expectFirst: ["2021:080202"], note: "資料 ↔ 數據: the 數據分析 title" },
  { index: "occupations", q: "軟件", expectFirst: ["2025:080202"], note: "軟件 ↔ 軟體: 軟(韌)體設計工程師" },
  { index: "occupations", q: "韌體", expectFirst: ["2025:080202"], only: true, note: "firmware: only 軟(韌)體設計工程師 / Software (Firmware) Design Engineer" },
  { index: "occupations", q: "固件", expectFirst: ["2025:080202"], only: true, note: "固件 ↔ 韌體 / firmware" },
  {
    index: "occupations",
    q: "資安",
    expectFirst: ["2025:080309"],
    limitation: true,
    note:
      "080309's duties include 防止駭客入侵, the only security work in the data. Fails: no text says 資安, 資訊安全 or security, " +
      "so the group finds nothing and 2-character words get a typo (資安 ~ 資通, 資訊), ranking 資通工程 first. Fix: data " +
      "(say 資安 in 080309's description or a skill alias); a dictionary entry for 資安 at least stops the typo noise",
  },
  { index: "occupations", q: "網管", expectFirst: ["2025:080309"], note: "網管 ↔ 網路管理: 網路管理工程師" },
  { index: "occupations", q: "醫檢師", expectFirst: ["2025:170105"], note: "醫檢師 ↔ 醫事檢驗: 醫事檢驗人員" },
  { index: "occupations", q: "QA", expectFirst: ["2021:090107", "2025:090107"], expectIn: 2, only: true, note: "QA ↔ 品保 / quality assurance: both QA/QC rows, equals" },
  { index: "occupations", q: "QC", expectFirst: ["2021:090107", "2025:090107"], expectIn: 2, only: true, note: "QC ↔ 品管 / quality control" },
  { index: "occupations", q: "IP", expectFirst: ["2021:030302", "2025:030302"], expectIn: 2, note: "IP ↔ 智財: legal / IP rows, equals" },
  { index: "occupations", q: "PM", expectFirst: ["2021:070290"], note: "PM ↔ 專案管理: the 2021 title 專案管理 (the 2025 row of 070290 is an engineering R&D manager)" },
  { index: "occupations", q: "R&D engineer", expectFirst: ["2025:070121"], note: "R&D ↔ 研發: R&D Engineer / 研發工程師" },
  { index: "occupations", q: "RD工程師", expectFirst: ["2025:070121"], note: "RD is how Taiwanese job titles write R&D; it needs no synonym, as it matches R&D in the English title R&D Engineer (one typo), which puts 研發工程師 ahead of the other 工程師" },
  { index: "occupations", q: "网管", expectFirst: ["2025:080309"], note: "Simplified 网管 through the 網管 group" },
  {
    index: "occupations",
    q: "生物資訊",
    expectFirst: bioinformatics,
    expectIn: 6,
    note:
      "生物資訊 is what people call the field the report names 生物訊息 (05124); the 生物資訊 ↔ 生物訊息 group was added. " +
      "Used to fail: the Mandarin segmenter split 資訊 into single characters, so the query matches 生物 and 資/訊 anywhere " +
      "(行銷企劃人員, 業務人員 rank among the six). Fixed by the dictionary setting (search/synonyms.ts chineseDictionary)",
  },
  { index: "skills", q: "RA", expectFirst: ["regulatory-affairs"], note: "RA ↔ 法規" },
  { index: "skills", q: "CRA", expectFirst: ["clinical-trials"], note: "CRA alias of the clinical-trials skill" },
  { index: "skills", q: "IP", expectFirst: ["patent-strategy"], note: "IP ↔ 智財 / 專利" },
  { index: "skills", q: "PM", expectFirst: ["project-planning"], note: "PM ↔ 專案管理" },
  { index: "skills", q: "R&D", expectFirst: ["rd"], note: "R&D ↔ 研發" },
  { index: "skills", q: "資料分析", expectFirst: ["data-analysis"], note: "alias 資料分析, and 資料 ↔ 數據" },
  { index: "programmes", q: "RA", expectFirst: bothSeeds, expectIn: 2, note: "RA ↔ 法規: the two regulatory seed programmes, equals" },
  { index: "programmes", q: "醫材", expectFirst: devicePrograms, expectIn: 3, note: "醫材 ↔ 醫療器材: SPARK, the device fellowship and device regulatory seeds, equals" },
]);

const codes = inCategory("occupation and education-field codes", "occupations", [
  { q: "070207", expectFirst: ["2021:070207", "2025:070207"], expectIn: 2, only: true, note: "the code in both surveys, equals; no other row" },
  { q: "080309", expectFirst: ["2025:080309"], only: true, note: "only the 2025 survey has 080309" },
  { q: "090107", expectFirst: ["2021:090107", "2025:090107"], expectIn: 2, only: true, note: "the code in both surveys, equals" },
  { q: "170190", expectFirst: ["2021:170190", "2025:170190"], expectIn: 2, note: "the code in both surveys, equals; 170105 may follow by typo" },
  { q: "05124", expectFirst: bioinformatics, expectIn: 6, note: "education field 生物訊息及遺傳: the six rows that list it, equals, ahead of 05121/05123 (one typo away)" },
  { q: "04211", expectFirst: ["2025:080309", "2025:030302"], expectIn: 2, note: "education field 一般法律: the two 2025 rows that list it, equals" },
  { q: "0421", expectFirst: ["2021:030302"], note: "education field 法律學類, listed only by 2021 法務智財; rows with 04211 match as a prefix, after it" },
]);

const skills = inCategory("skills index", "skills", [
  { q: "專利", expectFirst: ["patent-strategy"], note: "專利布局/專利分析" },
  { q: "patent", expectFirst: ["patent-strategy"], only: true, note: "Patent strategy and patent analysis" },
  { q: "GMP", expectFirst: ["gmp-process"], only: true, note: "GMP製程管理" },
  { q: "臨床", expectFirst: ["clinical-trials"], note: "臨床試驗設計/規劃/執行" },
  { q: "統計", expectFirst: ["data-analysis"], note: "數據/統計分析 (統計 also appears in no other skill name)" },
  { q: "製程", expectFirst: ["gmp-process"], note: "GMP製程管理" },
  { q: "查驗登記", expectFirst: ["regulatory-affairs"], note: "alias of the regulatory skill" },
  { q: "CRM", expectFirst: ["event-client-management"], only: true, note: "alias of 活動企劃、客戶管理" },
  { q: "BD", expectFirst: ["international-business"], note: "alias of 國際行銷/商務拓展" },
  { q: "finance", expectFirst: ["financial-management"], note: "alias of 財務管理" },
  { q: "智財", expectFirst: ["patent-strategy"], note: "alias 智財" },
]);

const programmes = inCategory("programmes index", "programmes", [
  { q: "SPARK", expectFirst: ["spark-translational"], note: "SPARK model translational programme" },
  { q: "博士", expectFirst: ["phd-training-employment"], note: "博士級生技訓儲菁英 (PhD placement)" },
  { q: "PhD", expectFirst: ["phd-training-employment"], note: "PhD on-the-job training" },
  { q: "Biodesign", expectFirst: ["device-fellowship"], note: "Stanford Biodesign model fellowship" },
  { q: "醫材 fellowship", expectFirst: ["device-fellowship"], note: "醫材 ↔ 醫療器材 plus fellowship: only the device fellowship has both" },
  { q: "HTA", expectFirst: ["hta-courses"], note: "醫療科技評估（HTA）人才培訓課程" },
  { q: "醫療科技評估", expectFirst: ["hta-courses"], note: "HTA by its Chinese name" },
  { q: "法規 種子", expectFirst: bothSeeds, expectIn: 2, note: "藥品法規種子人員 and 醫療器材法規種子人員: sibling programmes, equals" },
  { q: "regulatory seed", expectFirst: bothSeeds, expectIn: 2, note: "the same two, in English" },
  { q: "製藥", expectFirst: ["pharma-industry-training"], note: "製藥產業人才培訓" },
  { q: "產學聯盟", expectFirst: ["moe-industry-academia-alliance"], note: "教育部生技人才培育產學聯盟" },
  { q: "教育部", expectFirst: ["moe-industry-academia-alliance"], only: true, note: "provider Ministry of Education" },
  { q: "食藥署", expectFirst: bothSeeds, expectIn: 2, only: true, note: "provider TFDA (今衛福部食藥署): both seed programmes, equals" },
  { q: "轉譯", expectFirst: ["spark-translational"], note: "轉譯加值 (translational)" },
  { q: "Stanford", expectFirst: ["device-fellowship", "spark-translational"], note: "Stanford in the fellowship's title, then SPARK, which names Stanford only in its summary" },
  { q: "GMP", expectFirst: ["pharma-industry-training"], note: "the pharma course lists GMP first of its three skills; the PhD placement, which also teaches it, lists it last of eight" },
]);

const filters = inCategory("filters with queries", [
  {
    index: "occupations",
    q: "臨床試驗",
    filter: s2025,
    expectFirst: ["2025:170190"],
    absent: ["2021:170190"],
    note:
      "in the 2025 survey the clinical-trials row is 其他醫院從業人員, found by its description. Fails for the same reason as " +
      "臨床試驗 above (醫事檢驗人員, which lists the skill, ranks first). Fixed by searching descriptions before skills (search/indexes.ts)",
  },
  {
    index: "occupations",
    q: "工程師",
    filter: `${s2025} AND difficulty = 'hard'`,
    expectFirst: ["2025:070121", "2025:080309", "2025:090107", "2025:080202"],
    expectIn: 4,
    absent: ["2025:070109"],
    note: "the hard-to-fill 2025 工程師 titles, equals; 通訊系統工程師 is 'normal' and must be filtered out",
  },
  { index: "occupations", q: "", filter: "overseasNeeded = true", expectFirst: ["2021:070121", "2021:210103", "2025:090107"], expectIn: 3, only: true, note: "the three rows that need overseas hires; an empty query ranks nothing, so any order" },
  { index: "occupations", q: "行銷", filter: "overseasNeeded = true", expectFirst: ["2021:210103"], only: true, note: "the 2021 marketing row needs overseas hires, the 2025 one does not" },
  { index: "occupations", q: "marketing", filter: "overseasNeeded = false", expectFirst: ["2025:210103"], absent: ["2021:210103"], note: "the opposite filter: the 2025 marketing row first, the 2021 one filtered out" },
  { index: "occupations", q: "QA", filter: `${s2025} AND overseasNeeded = true`, expectFirst: ["2025:090107"], only: true, note: "QA ↔ 品保 under two filters" },
  { index: "occupations", q: "070207", filter: s2021, expectFirst: ["2021:070207"], only: true, note: "a code limited to one survey" },
  { index: "occupations", q: "醫療", filter: `${s2021} AND difficulty = 'normal'`, expectFirst: ["2021:170113"], absent: ["2021:170105"], note: "醫療保健 is 'normal'; 醫療專業 is 'hard' and filtered out" },
  {
    index: "occupations",
    q: "數據分析",
    filter: s2025,
    expectFirst: ["2025:080202"],
    note:
      "in 2025 the data-analysis code 080202 is titled 軟(韌)體設計工程師 but its description is 數據分析、資料處理與運算. Fails: " +
      "rows that list the data-analysis skill rank above that description. Fixed by searching descriptions before skills (search/indexes.ts)",
  },
  { index: "programmes", q: "法規", filter: "targetOccupationCodes = '170190'", expectFirst: bothSeeds, expectIn: 2, absent: ["pharma-industry-training"], note: "regulatory programmes for clinical-trial staff: the two seed programmes, equals" },
  { index: "programmes", q: "醫材", filter: "type = 'device_fellowship'", expectFirst: ["device-fellowship"], only: true, note: "type filter leaves the one fellowship" },
  { index: "skills", q: "專利", filter: "programmeKeys = 'spark-translational'", expectFirst: ["patent-strategy"], note: "skills taught by SPARK, searched for patents" },
]);

export const relevanceCases: RelevanceCase[] = [
  ...zhTitles,
  ...simplified,
  ...english,
  ...typos,
  ...synonyms,
  ...codes,
  ...skills,
  ...programmes,
  ...filters,
];
