// Synthetic data for the search benchmark: approved companies, published positions tied to the
// surveys' real occupations, and talent profiles. Deterministic for a given seed, inserted with
// multi-row statements kept under Postgres' 65,535-parameter limit.
import { asc, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../db/client";
import * as t from "../db/schema";

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32).

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  sample<T>(items: readonly T[], n: number): T[];
  shuffle<T>(items: T[]): T[];
  uuid(): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join("");
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    sample: <T>(items: readonly T[], n: number) => shuffle([...items]).slice(0, n),
    shuffle,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

export const CITIES = [
  "台北市", "新北市", "桃園市", "新竹市", "新竹縣", "苗栗縣", "台中市", "彰化縣",
  "雲林縣", "嘉義市", "台南市", "高雄市", "屏東縣", "宜蘭縣", "花蓮縣", "基隆市",
] as const;

/**
 * Terms planted in a few descriptions, with the share of positions that carry each: the "rare"
 * queries of the mix match between a handful and a few hundred of 100,000 positions.
 */
export const RARE_TERMS: ReadonlyArray<readonly [term: string, share: number]> = [
  ["CRISPR", 0.002],
  ["單細胞定序", 0.001],
  ["FHIR", 0.003],
  ["質譜分析", 0.004],
  ["AAV 載體", 0.0005],
  ["次世代定序", 0.005],
  ["ISO 13485", 0.004],
  ["真實世界數據", 0.002],
  ["LC-MS", 0.001],
  ["類器官", 0.0002],
  ["mRNA 疫苗", 0.0008],
  ["影像判讀 AI", 0.0003],
];

const ZH_PREFIXES = ["資深", "資深", "初階", "主任", "副理", "儲備", "", "", "", ""];
const EN_PREFIXES = ["Senior ", "Senior ", "Junior ", "Lead ", "Principal ", "Associate ", "", "", ""];
const ZH_ROLE_SUFFIXES = ["專員", "人員", "主管", "工程師", "研究員"];
const EN_ROLE_SUFFIXES = [" Specialist", " Manager", " Engineer", " Associate", " Lead"];
const ZH_TAGS = ["（可遠端）", "（外籍人士可）", "（急徵）", "", "", "", "", ""];

const CO_FIRST = ["台", "新", "聯", "永", "宏", "健", "康", "華", "德", "安", "晶", "博", "泰", "瑞", "信", "和", "合", "益", "昇", "榮"];
const CO_SECOND = ["生", "醫", "達", "泰", "昌", "力", "翔", "邦", "嘉", "元"];
const CO_KIND = [
  ["生技", "Biotech"], ["醫材", "Medical Devices"], ["製藥", "Pharmaceuticals"], ["醫療科技", "MedTech"],
  ["基因", "Genomics"], ["精準醫療", "Precision Medicine"], ["健康科技", "Health Tech"], ["生醫", "Biomedical"],
] as const;
const PINYIN: Record<string, string> = {
  台: "Tai", 新: "Hsin", 聯: "Lien", 永: "Yung", 宏: "Hung", 健: "Chien", 康: "Kang", 華: "Hua", 德: "Te", 安: "An",
  晶: "Ching", 博: "Po", 泰: "Tai", 瑞: "Jui", 信: "Hsin", 和: "Ho", 合: "Ho", 益: "Yi", 昇: "Sheng", 榮: "Jung",
  生: "Sheng", 醫: "Yi", 達: "Ta", 昌: "Chang", 力: "Li", 翔: "Hsiang", 邦: "Pang", 嘉: "Chia", 元: "Yuan",
};

const BENEFITS = ["員工認股", "年終獎金", "彈性工時", "員工旅遊", "進修補助", "三節獎金", "健康檢查", "遠端工作"];
const SURNAMES = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪"];
const GIVEN = ["怡君", "志明", "雅婷", "家豪", "淑芬", "冠宇", "佳穎", "俊傑", "宜蓁", "承翰", "詩涵", "柏翰"];
const INSTITUTIONS = ["國立臺灣大學", "國立陽明交通大學", "國立成功大學", "國立清華大學", "臺北醫學大學", "高雄醫學大學", "長庚大學", "中國醫藥大學", "University of Tokyo", "National University of Singapore"];
const NATIONALITIES = ["TW", "TW", "TW", "TW", "JP", "MY", "VN", "IN", "US", "DE", "PH", "ID"];
const LEVELS = ["college", "master", "master", "phd"] as const;
const SALARY_STEP = 1_000;

const EXPERIENCE_ZH: Record<string, string> = { none: "不拘經驗", under_2: "2 年以下經驗", "2_to_5": "2 至 5 年經驗", over_5: "5 年以上經驗", any: "經驗不拘" };
const EDUCATION_ZH: Record<string, string> = { high_school: "高中", college: "大學", master: "碩士", phd: "博士" };

// ---------------------------------------------------------------------------------------------
// Reference rows the data hangs on.

export interface Reference {
  occupations: Array<{
    id: string;
    code: string;
    titleZh: string;
    titleEn: string;
    descriptionZh: string;
    descriptionEn: string;
    minEducation: (typeof t.educationLevel.enumValues)[number];
    experience: (typeof t.experienceBand.enumValues)[number];
    skills: Array<{ key: string; zh: string; en: string }>;
  }>;
  skills: Array<{ key: string; zh: string; en: string; aliases: string[] }>;
  educationFields: string[];
}

export async function readReference(db: Database): Promise<Reference> {
  const occupations = await db.select().from(t.occupations).orderBy(asc(t.occupations.surveyKey), asc(t.occupations.tableOrder));
  const links = await db
    .select({ occupationId: t.occupationSkills.occupationId, key: t.skills.key, zh: t.skills.zh, en: t.skills.en })
    .from(t.occupationSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.occupationSkills.skillKey))
    .orderBy(asc(t.occupationSkills.occupationId), asc(t.occupationSkills.position));
  const skills = await db.select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases }).from(t.skills).orderBy(asc(t.skills.key));
  const fields = await db.select({ code: t.educationFields.code }).from(t.educationFields).orderBy(asc(t.educationFields.code));
  if (occupations.length === 0) throw new Error("No occupations in the database: the survey seed did not load");
  return {
    occupations: occupations.map((o) => ({
      id: o.id,
      code: o.code,
      titleZh: o.titleZh,
      titleEn: o.titleEn,
      descriptionZh: o.descriptionZh,
      descriptionEn: o.descriptionEn,
      minEducation: o.minEducation,
      experience: o.experience,
      skills: links.filter((l) => l.occupationId === o.id).map(({ key, zh, en }) => ({ key, zh, en })),
    })),
    skills,
    educationFields: fields.map((f) => f.code),
  };
}

// ---------------------------------------------------------------------------------------------
// Generation.

export interface GenerateOptions {
  seed: number;
  companies: number;
  positions: number;
  talents: number;
  batchSize: number;
  progress: (line: string) => void;
}

export interface GenerateResult {
  companies: number;
  positions: number;
  positionSkills: number;
  talents: number;
  talentSkills: number;
  plantedRareTerms: Record<string, number>;
  positionsMs: number;
  talentsMs: number;
}

const MAX_PARAMETERS = 60_000;

/** One multi-row INSERT per chunk, each chunk under the protocol's parameter limit. */
async function insertRows<T extends PgTable>(db: Database, table: T, rows: T["$inferInsert"][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size));
  }
}

function companyName(random: Random, n: number) {
  const a = random.pick(CO_FIRST);
  const b = random.pick(CO_SECOND);
  const [kindZh, kindEn] = random.pick(CO_KIND);
  return { nameZh: `${a}${b}${kindZh}股份有限公司`, nameEn: `${PINYIN[a]}${PINYIN[b]?.toLowerCase()} ${kindEn} Co., Ltd. (${n})` };
}

function positionTitle(random: Random, occupation: Reference["occupations"][number]): { title: string; english: boolean } {
  const zhBase = /(師|員|主管|人員)$/.test(occupation.titleZh)
    ? occupation.titleZh
    : `${occupation.titleZh}${/工程$/.test(occupation.titleZh) ? "師" : random.pick(ZH_ROLE_SUFFIXES)}`;
  const enBase = /(Engineer|Specialist|Manager|Staff|Representative|Planner|Technologist|professionals)$/.test(occupation.titleEn)
    ? occupation.titleEn
    : `${occupation.titleEn}${random.pick(EN_ROLE_SUFFIXES)}`;
  const style = random.next();
  if (style < 0.6) return { title: `${random.pick(ZH_PREFIXES)}${zhBase}${random.pick(ZH_TAGS)}`, english: false };
  if (style < 0.85) return { title: `${random.pick(EN_PREFIXES)}${enBase}`, english: true };
  return { title: `${random.pick(ZH_PREFIXES)}${zhBase} ${random.pick(EN_PREFIXES)}${enBase}`, english: true };
}

export async function generateData(db: Database, reference: Reference, options: GenerateOptions): Promise<GenerateResult> {
  const random = createRandom(options.seed);
  const now = Date.now();
  const day = 86_400_000;

  // Companies.
  const orgStarted = performance.now();
  const companies = Array.from({ length: options.companies }, (_, i) => {
    const name = companyName(random, i + 1);
    return {
      id: random.uuid(),
      slug: `bench-co-${i + 1}`,
      kind: "company" as const,
      ...name,
      approval: "approved" as const,
      approvedAt: new Date(now - random.int(30, 720) * day),
      city: random.pick(CITIES),
      website: `https://bench-co-${i + 1}.example.org`,
      isDemo: true,
    };
  });
  await insertRows(db, t.organisations, companies);

  // Positions, in batches: each batch one transaction with its skills.
  const planted: Record<string, number> = Object.fromEntries(RARE_TERMS.map(([term]) => [term, 0]));
  let positionSkillCount = 0;
  for (let start = 0; start < options.positions; start += options.batchSize) {
    const count = Math.min(options.batchSize, options.positions - start);
    const positions: Array<typeof t.positions.$inferInsert> = [];
    const skills: Array<typeof t.positionSkills.$inferInsert> = [];
    for (let i = 0; i < count; i++) {
      const company = random.pick(companies);
      const occupation = random.pick(reference.occupations);
      const { title, english } = positionTitle(random, occupation);
      const city = random.chance(0.5) ? company.city : random.pick(CITIES);
      const chosen = random.sample(occupation.skills, Math.min(occupation.skills.length, random.int(2, 5)));
      const salaryMin = random.int(35, 110) * SALARY_STEP;
      const headcount = random.int(1, 5);
      const overseas = english || random.chance(0.15);
      const rare = RARE_TERMS.filter(([, share]) => random.chance(share)).map(([term]) => term);
      for (const term of rare) planted[term] = (planted[term] ?? 0) + 1;
      const description = [
        `${occupation.descriptionZh}。`,
        `主要工作：${chosen.map((s) => s.zh).join("、")}。`,
        `需求條件：${EDUCATION_ZH[occupation.minEducation]}以上學歷，${EXPERIENCE_ZH[occupation.experience]}。`,
        rare.length > 0 ? `加分條件：具 ${rare.join("、")} 相關經驗。` : "",
        `工作地點：${city}。福利：${random.sample(BENEFITS, 3).join("、")}。`,
        english ? `${occupation.descriptionEn} English working environment; work permit support available.` : "",
      ].join("");
      const publishedAt = new Date(now - Math.floor(random.next() * 180 * day));
      const id = random.uuid();
      positions.push({
        id,
        organisationId: company.id,
        occupationId: occupation.id,
        title,
        description,
        city,
        salaryMinNtd: salaryMin,
        salaryMaxNtd: salaryMin + random.int(5, 60) * SALARY_STEP,
        headcount,
        remainingHeadcount: headcount,
        minEducation: occupation.minEducation,
        experience: occupation.experience,
        workingLanguages: english ? ["zh", "en"] : ["zh"],
        openToOverseas: overseas,
        supportsWorkPermit: overseas && random.chance(0.7),
        status: "published",
        publishedAt,
        isDemo: true,
        createdAt: publishedAt,
      });
      chosen.forEach((s, index) => skills.push({ positionId: id, skillKey: s.key, position: index + 1 }));
    }
    await db.transaction(async (tx) => {
      await insertRows(tx as unknown as Database, t.positions, positions);
      await insertRows(tx as unknown as Database, t.positionSkills, skills);
    });
    positionSkillCount += skills.length;
    const done = start + count;
    if (done % (options.batchSize * 4) === 0 || done === options.positions) {
      options.progress(`positions ${done.toLocaleString("en")}/${options.positions.toLocaleString("en")} (${((performance.now() - orgStarted) / 1000).toFixed(1)} s)`);
    }
  }
  const positionsMs = performance.now() - orgStarted;

  // Talents.
  const talentStarted = performance.now();
  let talentSkillCount = 0;
  for (let start = 0; start < options.talents; start += options.batchSize) {
    const count = Math.min(options.batchSize, options.talents - start);
    const users: Array<typeof t.users.$inferInsert> = [];
    const roles: Array<typeof t.userRoles.$inferInsert> = [];
    const profiles: Array<typeof t.talentProfiles.$inferInsert> = [];
    const talentSkills: Array<typeof t.talentSkills.$inferInsert> = [];
    const degrees: Array<typeof t.talentDegrees.$inferInsert> = [];
    for (let i = 0; i < count; i++) {
      const n = start + i + 1;
      const id = `bench-talent-${n}`;
      const occupation = random.pick(reference.occupations);
      const years = random.int(0, 25);
      const nationality = random.pick(NATIONALITIES);
      const english = nationality !== "TW" && random.chance(0.6);
      users.push({
        id,
        email: `bench-talent-${n}@bench.example.org`,
        displayName: english ? `Bench Talent ${n}` : `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
        locale: english ? "en" : "zh-TW",
        emailVerifiedAt: new Date(now - random.int(1, 400) * day),
        isDemo: true,
      });
      roles.push({ userId: id, role: "talent" });
      profiles.push({
        userId: id,
        headline: english ? `${occupation.titleEn}, ${years} years of experience` : `${occupation.titleZh}・${years} 年經驗`,
        summary: english ? occupation.descriptionEn : occupation.descriptionZh,
        nationality,
        countryOfResidence: random.chance(0.8) ? "TW" : nationality,
        city: random.pick(CITIES),
        yearsExperience: years,
        visibility: "approved_companies",
      });
      for (const skill of random.sample(reference.skills, random.int(2, 6))) {
        talentSkills.push({ userId: id, skillKey: skill.key, level: random.int(1, 5) });
      }
      degrees.push({
        id: random.uuid(),
        userId: id,
        level: random.pick(LEVELS),
        fieldCode: random.pick(reference.educationFields),
        institution: random.pick(INSTITUTIONS),
        year: random.int(1990, 2026),
      });
    }
    await db.transaction(async (tx) => {
      const d = tx as unknown as Database;
      await insertRows(d, t.users, users);
      await insertRows(d, t.userRoles, roles);
      await insertRows(d, t.talentProfiles, profiles);
      await insertRows(d, t.talentSkills, talentSkills);
      await insertRows(d, t.talentDegrees, degrees);
    });
    talentSkillCount += talentSkills.length;
  }
  const talentsMs = performance.now() - talentStarted;
  options.progress(`talents ${options.talents.toLocaleString("en")} (${(talentsMs / 1000).toFixed(1)} s)`);

  return {
    companies: companies.length,
    positions: options.positions,
    positionSkills: positionSkillCount,
    talents: options.talents,
    talentSkills: talentSkillCount,
    plantedRareTerms: planted,
    positionsMs,
    talentsMs,
  };
}
