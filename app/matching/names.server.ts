// The names a score breakdown shows, in the viewer's language: skills and education fields from the
// vocabularies (only those the page's scores mention), languages and countries from Intl. Resolved on
// the server so the page reads the same before and after hydration.
import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { pick, type Locale } from "../i18n/resources";
import type { MatchNames } from "../components/score-breakdown";
import type { MatchScore } from "./score";

export type { MatchNames };

function displayName(locale: Locale, type: "language" | "region", code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export async function matchNames(db: Database, locale: Locale, scores: readonly MatchScore[]): Promise<MatchNames> {
  const skills = new Set<string>(), fields = new Set<string>(), languages = new Set<string>(), countries = new Set<string>();
  for (const part of scores.flatMap((s) => s.parts)) {
    if (part.key === "skills") [...part.covered, ...part.missing].forEach((k) => skills.add(k));
    if (part.key === "languages") [...part.covered, ...part.missing].forEach((k) => languages.add(k));
    if (part.key === "educationField") {
      part.required.forEach((c) => fields.add(c));
      if (part.degree) fields.add(part.degree.fieldCode);
    }
    if (part.key === "location" && part.country) countries.add(part.country);
  }
  const [skillRows, fieldRows] = await Promise.all([
    skills.size ? db.select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en }).from(t.skills).where(inArray(t.skills.key, [...skills])) : [],
    fields.size ? db.select({ code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en }).from(t.educationFields).where(inArray(t.educationFields.code, [...fields])) : [],
  ]);
  return {
    skills: Object.fromEntries(skillRows.map((s) => [s.key, pick(locale, s.zh, s.en)])),
    fields: Object.fromEntries(fieldRows.map((f) => [f.code, pick(locale, f.zh, f.en)])),
    languages: Object.fromEntries([...languages].map((tag) => [tag, displayName(locale, "language", tag)])),
    countries: Object.fromEntries([...countries].map((code) => [code, displayName(locale, "region", code.toUpperCase())])),
  };
}
