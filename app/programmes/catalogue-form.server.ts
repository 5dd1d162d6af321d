// What the catalogue form needs from the server: its choices in the page's language and its first values.
import type { Database } from "../../db/client";
import type { Viewer } from "../auth/session.server";
import { pick, type Locale } from "../i18n/resources";
import { skillOptions } from "../surveys/vocabulary.server";
import { occupationOptions, unitsOf, type getProgrammeForManager } from "./catalogue.server";
import type { CatalogueFormDefaults, CatalogueFormOptions } from "./catalogue-form";

export async function catalogueFormOptions(db: Database, viewer: Viewer, locale: Locale, forNew: boolean): Promise<CatalogueFormOptions> {
  const [skills, occupations] = await Promise.all([skillOptions(db, locale), occupationOptions(db)]);
  return {
    skills,
    occupations: occupations.map((o) => ({ code: o.code, label: `${o.code} ${pick(locale, o.titleZh, o.titleEn)}` })),
    units: forNew ? unitsOf(viewer).map((u) => ({ id: u.organisationId, name: pick(locale, u.nameZh, u.nameEn) })) : [],
  };
}

export function defaultsForNew(viewer: Viewer): CatalogueFormDefaults {
  const unit = unitsOf(viewer)[0];
  return { organisationId: unit?.organisationId, providerZh: unit?.nameZh ?? "", providerEn: unit?.nameEn ?? "", language: "zh", type: "industry_course" };
}

const text = (value: string | number | null) => (value === null ? "" : String(value));

export function defaultsFromProgramme({ programme: p, skills, occupationCodes }: Awaited<ReturnType<typeof getProgrammeForManager>>): CatalogueFormDefaults {
  return {
    type: p.type, providerZh: p.providerZh, providerEn: p.providerEn, titleZh: p.titleZh, titleEn: p.titleEn, summaryZh: p.summaryZh, summaryEn: p.summaryEn,
    scheduleZh: text(p.scheduleZh), scheduleEn: text(p.scheduleEn), eligibilityZh: text(p.eligibilityZh), eligibilityEn: text(p.eligibilityEn),
    language: p.language, city: text(p.city), durationMonths: text(p.durationMonths), capacityPerYear: text(p.capacityPerYear), feeNtd: text(p.feeNtd),
    monthlyStipendNtd: text(p.monthlyStipendNtd), skills: skills.map((s) => `${s.skillKey}:${s.level}`), occupationCodes,
  };
}
