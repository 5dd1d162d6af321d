// A talent's own profile: degrees with education-field codes, self-rated skills, languages, experience,
// location and who may see it. Saving replaces the lists in one transaction and queues the talents
// index job in it, so search shows the profile (or drops it, when it is no longer public) soon after.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { enqueueIndexJobs } from "../../search/sync";

export type Visibility = (typeof t.profileVisibility.enumValues)[number];
export type EducationLevel = (typeof t.educationLevel.enumValues)[number];

export interface ProfileInput {
  headline: string;
  summary: string;
  nationality: string | null;
  countryOfResidence: string | null;
  city: string | null;
  /** YYYY-MM-DD; the route refuses a date before today. */
  intendedArrivalOn?: string | null;
  willingToRelocate?: boolean;
  yearsExperience: number;
  visibility: Visibility;
  degrees: Array<{ level: EducationLevel; fieldCode: string; institution: string; year: number }>;
  skills: Array<{ key: string; level: number }>;
  languages: Array<{ tag: string; proficiency: number }>;
}

export async function getProfile(db: Database, userId: string) {
  const [profile] = await db.select().from(t.talentProfiles).where(eq(t.talentProfiles.userId, userId));
  const [degrees, skills, languages] = await Promise.all([
    db.select().from(t.talentDegrees).where(eq(t.talentDegrees.userId, userId)).orderBy(asc(t.talentDegrees.year)),
    db.select().from(t.talentSkills).where(eq(t.talentSkills.userId, userId)),
    db.select().from(t.talentLanguages).where(eq(t.talentLanguages.userId, userId)),
  ]);
  return { profile: profile ?? null, degrees, skills, languages };
}

/** Saves the whole profile; returns after commit, when the caller should wake the search sync. */
export async function saveProfile(db: Database, userId: string, input: ProfileInput): Promise<void> {
  await db.transaction(async (tx) => {
    const values = {
      headline: input.headline,
      summary: input.summary,
      nationality: input.nationality,
      countryOfResidence: input.countryOfResidence,
      city: input.city,
      intendedArrivalOn: input.intendedArrivalOn ?? null,
      willingToRelocate: input.willingToRelocate ?? false,
      yearsExperience: input.yearsExperience,
      visibility: input.visibility,
      updatedAt: new Date(),
    };
    await tx.insert(t.talentProfiles).values({ userId, ...values }).onConflictDoUpdate({ target: t.talentProfiles.userId, set: values });
    await tx.delete(t.talentDegrees).where(eq(t.talentDegrees.userId, userId));
    if (input.degrees.length > 0) await tx.insert(t.talentDegrees).values(input.degrees.map((d) => ({ userId, ...d })));
    await tx.delete(t.talentSkills).where(eq(t.talentSkills.userId, userId));
    if (input.skills.length > 0) await tx.insert(t.talentSkills).values(input.skills.map((s) => ({ userId, skillKey: s.key, level: s.level })));
    await tx.delete(t.talentLanguages).where(eq(t.talentLanguages.userId, userId));
    if (input.languages.length > 0) await tx.insert(t.talentLanguages).values(input.languages.map((l) => ({ userId, language: l.tag, proficiency: l.proficiency })));
    // The worker upserts the document, or deletes it when the profile is no longer open to companies.
    await enqueueIndexJobs(tx, [{ index: "talents", id: userId }]);
  });
}
