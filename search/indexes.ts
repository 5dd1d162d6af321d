// Index settings kept as code. Changing them bumps SETTINGS_VERSION so the next start rebuilds.
import type { Settings } from "meilisearch";
import { chineseDictionary, synonymMap } from "./synonyms";

export const SETTINGS_VERSION = 7;

export const indexNames = ["occupations", "skills", "programmes", "positions", "talents"] as const;
export type IndexName = (typeof indexNames)[number];

/** Chinese fields are segmented as Mandarin (which also folds Simplified to Traditional), English as English. */
const localized = (zh: string[], en: string[]) => [
  { attributePatterns: zh, locales: ["cmn" as const] },
  { attributePatterns: en, locales: ["eng" as const] },
];

const synonyms = synonymMap();
/**
 * Only the occupations index has a dictionary: with one, Meilisearch 1.21 builds a new Mandarin
 * segmenter for every search, about 3.5 ms of CPU whatever the dictionary's size (measured on a
 * 28-document index: 4 ms a query with it, 0.4–1 ms without). Skills and programmes find every
 * relevance case without it; occupations need it for 生物資訊 (test/search/relevance-cases.ts).
 */
const dictionary = chineseDictionary();
// Totals and paging go up to 10,000 hits (the default caps them at 1,000).
const pagination = { maxTotalHits: 10_000 };

/**
 * The big indexes (100,000 positions in the benchmark) rank at most 1,000 hits a query: ranking deep
 * result sets, word-level proximity and facet search were most of a common query's cost, and nobody
 * pages past 50 pages of 20. A capped total is shown as "more than 1,000" (SearchResult.atLeast).
 */
export const LARGE_INDEX_MAX_TOTAL_HITS = 1_000;
const largeIndex = {
  pagination: { maxTotalHits: LARGE_INDEX_MAX_TOTAL_HITS },
  proximityPrecision: "byAttribute" as const,
  facetSearch: false,
  typoTolerance: { disableOnNumbers: true },
};

/** The most hits an index counts and pages through. */
export const maxTotalHitsOf = (index: IndexName) => (index === "positions" || index === "talents" ? LARGE_INDEX_MAX_TOTAL_HITS : pagination.maxTotalHits);

export const indexSettings: Record<IndexName, Settings> = {
  occupations: {
    // Descriptions rank right after titles: a row whose duties are the query beats one that only lists it as a skill.
    searchableAttributes: [
      "code", "titleZh", "titleEn", "descriptionZh", "descriptionEn", "skillsZh", "skillsEn", "skillAliases",
      "educationFieldCodes", "educationFieldsZh", "educationFieldsEn",
    ],
    filterableAttributes: ["surveyKey", "surveyYear", "difficulty", "overseasNeeded", "minEducation", "experience", "code", "skillKeys", "educationFieldCodes"],
    sortableAttributes: ["surveyYear", "tableOrder", "code"],
    localizedAttributes: localized(
      ["titleZh", "descriptionZh", "skillsZh", "educationFieldsZh"],
      ["titleEn", "descriptionEn", "skillsEn", "educationFieldsEn"],
    ),
    synonyms,
    pagination,
    dictionary,
  },
  skills: {
    searchableAttributes: ["zh", "en", "aliases"],
    filterableAttributes: ["occupationCodes", "programmeKeys"],
    sortableAttributes: ["occupationCount"],
    localizedAttributes: localized(["zh"], ["en"]),
    synonyms,
    pagination,
  },
  programmes: {
    searchableAttributes: ["titleZh", "titleEn", "skillsZh", "skillsEn", "skillAliases", "summaryZh", "summaryEn", "providerZh", "providerEn", "rulesZh", "rulesEn"],
    filterableAttributes: ["type", "skillKeys", "targetOccupationCodes", "city", "language"],
    sortableAttributes: ["titleEn"],
    localizedAttributes: localized(
      ["titleZh", "summaryZh", "skillsZh", "providerZh", "rulesZh"],
      ["titleEn", "summaryEn", "skillsEn", "providerEn", "rulesEn"],
    ),
    synonyms,
    pagination,
  },
  positions: {
    searchableAttributes: ["title", "occupationCode", "occupationTitleZh", "occupationTitleEn", "skillsZh", "skillsEn", "skillAliases", "organisationZh", "organisationEn", "city", "description"],
    filterableAttributes: ["occupationCode", "surveyKey", "minEducation", "experience", "openToOverseas", "supportsWorkPermit", "city", "organisationId", "skillKeys", "isDemo"],
    sortableAttributes: ["publishedAt", "salaryMaxNtd"],
    localizedAttributes: localized(["title", "description", "occupationTitleZh", "skillsZh", "organisationZh", "city"], ["occupationTitleEn", "skillsEn", "organisationEn"]),
    synonyms,
    ...largeIndex,
  },
  // Only profiles their owners made visible to approved companies, and only the fields a company may see.
  talents: {
    searchableAttributes: ["headline", "skillsZh", "skillsEn", "skillAliases", "educationFieldsZh", "educationFieldsEn", "educationFieldCodes", "city"],
    filterableAttributes: ["skillKeys", "educationFieldCodes", "highestEducation", "yearsExperience", "city", "countryOfResidence", "isDemo"],
    sortableAttributes: ["yearsExperience"],
    localizedAttributes: localized(["headline", "skillsZh", "educationFieldsZh", "city"], ["skillsEn", "educationFieldsEn"]),
    synonyms,
    ...largeIndex,
  },
};
