import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { SearchDocument } from ".";
import { groupBy } from "./group";

const educationRank = { high_school: 1, college: 2, master: 3, phd: 4 } as const;

/**
 * Profiles their owners made visible to approved companies. Only what a company may see goes in:
 * no name, e-mail, nationality or CV. Talent search is served server-side, never to browsers.
 */
export async function talentDocuments(db: Database, ids?: string[]): Promise<SearchDocument[]> {
  const where: SQL[] = [eq(t.talentProfiles.visibility, "approved_companies")];
  if (ids) where.push(inArray(t.talentProfiles.userId, ids));
  const rows = await db
    .select({ profile: t.talentProfiles, isDemo: t.users.isDemo })
    .from(t.talentProfiles)
    .innerJoin(t.users, eq(t.users.id, t.talentProfiles.userId))
    .where(and(...where));
  if (rows.length === 0) return [];
  const userIds = rows.map((r) => r.profile.userId);
  const skills = await db
    .select({ userId: t.talentSkills.userId, level: t.talentSkills.level, key: t.skills.key, zh: t.skills.zh, en: t.skills.en, aliases: t.skills.aliases })
    .from(t.talentSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.talentSkills.skillKey))
    .where(inArray(t.talentSkills.userId, userIds));
  const degrees = await db
    .select({ userId: t.talentDegrees.userId, level: t.talentDegrees.level, code: t.educationFields.code, zh: t.educationFields.zh, en: t.educationFields.en })
    .from(t.talentDegrees)
    .innerJoin(t.educationFields, eq(t.educationFields.code, t.talentDegrees.fieldCode))
    .where(inArray(t.talentDegrees.userId, userIds));
  const skillsOf = groupBy(skills, (s) => s.userId);
  const degreesOf = groupBy(degrees, (d) => d.userId);
  return rows.map(({ profile, isDemo }) => {
    const mine = skillsOf.get(profile.userId) ?? [];
    const myDegrees = degreesOf.get(profile.userId) ?? [];
    const highest = myDegrees.reduce<keyof typeof educationRank | null>(
      (best, d) => (!best || educationRank[d.level] > educationRank[best] ? d.level : best),
      null,
    );
    return {
      id: profile.userId,
      kind: "talent",
      headline: profile.headline,
      city: profile.city,
      countryOfResidence: profile.countryOfResidence,
      yearsExperience: profile.yearsExperience,
      highestEducation: highest,
      skillKeys: mine.map((s) => s.key),
      skillLevels: Object.fromEntries(mine.map((s) => [s.key, s.level])),
      skillsZh: mine.map((s) => s.zh),
      skillsEn: mine.map((s) => s.en),
      skillAliases: mine.flatMap((s) => s.aliases),
      educationFieldCodes: myDegrees.map((d) => d.code),
      educationFieldsZh: myDegrees.map((d) => d.zh),
      educationFieldsEn: myDegrees.map((d) => d.en),
      isDemo,
    };
  });
}
