// Index settings kept as code. Changing them bumps SETTINGS_VERSION so the next start rebuilds.
import type { Settings } from "meilisearch";
import { synonymMap } from "./synonyms";

export const SETTINGS_VERSION = 1;

export type IndexName = "occupations" | "programmes";

const zhFields = ["titleZh", "descriptionZh", "skillsZh", "educationFieldsZh", "summaryZh", "providerZh", "rulesZh"];
const enFields = ["titleEn", "descriptionEn", "skillsEn", "educationFieldsEn", "summaryEn", "providerEn", "rulesEn"];

const localized = (fields: string[]) => [
  { attributePatterns: fields.filter((f) => f.endsWith("Zh")), locales: ["cmn" as const] },
  { attributePatterns: fields.filter((f) => f.endsWith("En")), locales: ["eng" as const] },
];

export const indexSettings: Record<IndexName, Settings> = {
  occupations: {
    searchableAttributes: [
      "code", "titleZh", "titleEn", "skillsZh", "skillsEn", "skillAliases",
      "educationFieldsZh", "educationFieldsEn", "educationFieldCodes", "descriptionZh", "descriptionEn",
    ],
    filterableAttributes: ["surveyKey", "difficulty", "overseasNeeded", "minEducation", "experience", "code", "skillKeys"],
    sortableAttributes: ["tableOrder", "code"],
    localizedAttributes: localized([...zhFields, ...enFields].filter((f) => !f.startsWith("summary") && !f.startsWith("provider") && !f.startsWith("rules"))),
    synonyms: synonymMap(),
  },
  programmes: {
    searchableAttributes: ["titleZh", "titleEn", "summaryZh", "summaryEn", "skillsZh", "skillsEn", "skillAliases", "providerZh", "providerEn", "rulesZh", "rulesEn"],
    filterableAttributes: ["type", "skillKeys", "targetOccupationCodes", "status"],
    sortableAttributes: ["titleEn"],
    localizedAttributes: localized(["titleZh", "titleEn", "summaryZh", "summaryEn", "skillsZh", "skillsEn", "providerZh", "providerEn", "rulesZh", "rulesEn"]),
    synonyms: synonymMap(),
  },
};

export const indexNames = Object.keys(indexSettings) as IndexName[];
