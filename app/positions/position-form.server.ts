// What the position form needs from the server: its choices in the page's language, its first values
// (from a survey occupation or a saved position), and the domain input made from a valid submission.
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/resources";
import { educationFieldOptions, skillOptions } from "../surveys/vocabulary.server";
import { todayInTaipei } from "./dates";
import { workingLanguageTags, type PositionFormDefaults, type PositionFormValue } from "./position-schema";
import type { PositionInput, PositionView, prefillFromOccupation } from "./positions.server";

export async function positionFormOptions(db: Database, locale: Locale) {
  const [skills, educationFields] = await Promise.all([skillOptions(db, locale), educationFieldOptions(db, locale)]);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  return {
    skills,
    educationFields,
    languages: workingLanguageTags.map((tag) => ({ tag, label: names.of(tag) ?? tag })),
    today: todayInTaipei(),
  };
}

type Prefill = NonNullable<Awaited<ReturnType<typeof prefillFromOccupation>>>;

/** A new position starts with the survey's requirements and description; the rest is the company's to fill in. */
export function defaultsFromOccupation({ occupation, prefill }: Prefill, locale: Locale, organisationId?: string): PositionFormDefaults {
  return {
    organisationId,
    // The company names its own position; the survey's job description is a starting point.
    title: "",
    description: locale === "en" ? occupation.descriptionEn : occupation.descriptionZh,
    city: "",
    salaryMinNtd: "",
    salaryMaxNtd: "",
    headcount: "1",
    applicationDeadline: "",
    minEducation: prefill.minEducation,
    experience: prefill.experience,
    workingLanguages: prefill.openToOverseas ? ["zh", "en"] : ["zh"],
    skillKeys: prefill.skillKeys,
    educationFieldCodes: prefill.educationFieldCodes,
    openToOverseas: prefill.openToOverseas,
    supportsWorkPermit: false,
  };
}

export function defaultsFromPosition({ position, skillKeys, educationFieldCodes }: PositionView): PositionFormDefaults {
  return {
    version: String(position.version),
    title: position.title,
    description: position.description,
    city: position.city,
    salaryMinNtd: position.salaryMinNtd === null ? "" : String(position.salaryMinNtd),
    salaryMaxNtd: position.salaryMaxNtd === null ? "" : String(position.salaryMaxNtd),
    headcount: String(position.headcount),
    applicationDeadline: position.applicationDeadline ?? "",
    minEducation: position.minEducation,
    experience: position.experience,
    workingLanguages: position.workingLanguages,
    skillKeys,
    educationFieldCodes,
    openToOverseas: position.openToOverseas,
    supportsWorkPermit: position.supportsWorkPermit,
  };
}

export function toPositionInput(value: PositionFormValue, occupationId: string): PositionInput {
  return {
    occupationId,
    title: value.title,
    description: value.description,
    city: value.city,
    salaryMinNtd: value.salaryMinNtd ?? null,
    salaryMaxNtd: value.salaryMaxNtd ?? null,
    headcount: value.headcount,
    applicationDeadline: value.applicationDeadline ?? null,
    minEducation: value.minEducation,
    experience: value.experience,
    workingLanguages: value.workingLanguages,
    openToOverseas: value.openToOverseas,
    supportsWorkPermit: value.supportsWorkPermit,
    skillKeys: value.skillKeys,
    educationFieldCodes: value.educationFieldCodes,
  };
}
