// The surveys' shared vocabularies (skills, education fields) as options for forms and filters.
import { asc, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { pick, type Locale } from "../i18n/resources";

export async function skillOptions(db: Database, locale: Locale) {
  const rows = await db.select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en }).from(t.skills).orderBy(asc(t.skills.key));
  return rows.map((s) => ({ key: s.key, label: pick(locale, s.zh, s.en) }));
}

export async function educationFieldOptions(db: Database, locale: Locale) {
  const rows = await db.select({ code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en }).from(t.educationFields).orderBy(asc(t.educationFields.code));
  return rows.map((f) => ({ code: f.code, label: educationFieldLabel(f, locale) }));
}

/**
 * Labels for the few skills a record names, in the order given (a key with no row keeps its key).
 * A page that shows one position's skills reads those rows, not the whole vocabulary.
 */
export async function skillLabels(db: Database, locale: Locale, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db.select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en }).from(t.skills).where(inArray(t.skills.key, [...keys]));
  const label = new Map(rows.map((s) => [s.key, pick(locale, s.zh, s.en)]));
  return keys.map((key) => label.get(key) ?? key);
}

/** Labels ("code name") for the education fields a record names, in the order given. */
export async function educationFieldLabels(db: Database, locale: Locale, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.select({ code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en }).from(t.educationFields).where(inArray(t.educationFields.code, [...codes]));
  const label = new Map(rows.map((f) => [f.code, educationFieldLabel(f, locale)]));
  return codes.map((code) => label.get(code) ?? code);
}

/** An education field as forms and pages name it: its code, then its name in the reader's language. */
const educationFieldLabel = (f: { code: string; zh: string; en: string }, locale: Locale) => `${f.code} ${pick(locale, f.zh, f.en)}`;
