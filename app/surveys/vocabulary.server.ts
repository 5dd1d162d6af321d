// The surveys' shared vocabularies (skills, education fields) as options for forms and filters.
import { asc } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { pick, type Locale } from "../i18n/resources";

export async function skillOptions(db: Database, locale: Locale) {
  const rows = await db.select({ key: t.skills.key, zh: t.skills.zh, en: t.skills.en }).from(t.skills).orderBy(asc(t.skills.key));
  return rows.map((s) => ({ key: s.key, label: pick(locale, s.zh, s.en) }));
}

export async function educationFieldOptions(db: Database, locale: Locale) {
  const rows = await db.select({ code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en }).from(t.educationFields).orderBy(asc(t.educationFields.code));
  return rows.map((f) => ({ code: f.code, label: `${f.code} ${pick(locale, f.zh, f.en)}` }));
}
