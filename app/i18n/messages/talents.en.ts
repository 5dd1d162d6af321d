import type { talentsZhTW } from "./talents.zh-TW";
import type { Widen } from "./widen";

export const talentsEn: Widen<typeof talentsZhTW> = {
  talents: {
    nav: "Find talent",
    title: "Find talent",
    lead: "Only profiles their owners opened to approved companies are listed, without names or contact details; reach people by inviting them to a position.",
    query: "Keywords (skills, fields, expertise)",
    skill: "Skill",
    anySkill: "Any skill",
    education: "Highest degree",
    anyEducation: "Any",
    minYears: "Minimum experience",
    anyYears: "Any",
    yearsOption_one: "{{count}}+ year",
    yearsOption_other: "{{count}}+ years",
    submit: "Search",
    count_one: "{{count}} person",
    count_other: "{{count}} people",
    empty: "Nobody matches. Try fewer conditions.",
    years_one: "{{count}} year's experience",
    years_other: "{{count}} years' experience",
    skills: "Skills",
    fields: "Fields",
    companyNotApproved: "Your company has not been approved by the programme office yet; talent search opens once it is.",
    unavailable: "Search is unavailable just now. Please try again later.",
  },
};
