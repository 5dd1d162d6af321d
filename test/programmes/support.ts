// Shared by the programme tests: an approved training unit with a staff member, a valid catalogue form
// value, and a published programme with one cohort.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { ProgrammeFormValue } from "../../app/programmes/catalogue-schema";
import { createProgramme, setProgrammeStatus } from "../../app/programmes/catalogue.server";
import { createCohort, type CohortInput } from "../../app/programmes/enrolment.server";
import type { Viewer } from "../../app/auth/session.server";
import { makeUser, signedIn, unique } from "../auth/support";

export const IP = "192.0.2.77";

export async function makeUnit(db: Database, approval: "approved" | "pending" = "approved") {
  const officer = await makeUser(db, { label: "officer", roles: ["programme_officer"] });
  const tag = unique();
  const [unit] = await db
    .insert(t.organisations)
    .values({ slug: `unit-${tag}`, kind: "training_unit", nameZh: `測試培訓單位 ${tag}`, nameEn: `Test Unit ${tag}`, approval, approvedBy: approval === "approved" ? officer.id : null, approvedAt: approval === "approved" ? new Date() : null })
    .returning();
  const staffUser = await makeUser(db, { label: "staff", roles: ["training_unit_staff"] });
  await db.insert(t.memberships).values({ userId: staffUser.id, organisationId: unit!.id, isOrgAdmin: true });
  const { viewer: staff } = await signedIn(db, staffUser.id);
  const { viewer: office } = await signedIn(db, officer.id);
  return { unit: unit!, staff, office };
}

export async function firstSkills(db: Database, n = 2) {
  const rows = await db.select({ key: t.skills.key }).from(t.skills).limit(n);
  return rows.map((r) => r.key);
}

export async function programmeInput(db: Database, overrides: Partial<ProgrammeFormValue> = {}): Promise<ProgrammeFormValue> {
  const [skill] = await firstSkills(db, 1);
  const [code] = await db.select({ code: t.occupationCodes.code }).from(t.occupationCodes).limit(1);
  return {
    type: "industry_course",
    providerZh: "測試單位",
    providerEn: "Test Unit",
    titleZh: "GMP 製程管理實務",
    titleEn: "GMP process management in practice",
    summaryZh: "為期三天的實作課程。",
    summaryEn: "A three-day hands-on course.",
    language: "zh",
    feeNtd: 12000,
    skills: [`${skill}:3`],
    occupationCodes: [code!.code],
    ...overrides,
  };
}

export async function publishedCohort(db: Database, staff: Viewer, unitId: string, cohort: Partial<CohortInput> = {}) {
  const programme = await createProgramme(db, staff, await programmeInput(db, { organisationId: unitId }), IP);
  await setProgrammeStatus(db, staff, programme.key, "published", IP);
  const made = await createCohort(db, staff, programme.key, { name: `2027 spring ${unique()}`, startsOn: "2027-03-01", endsOn: "2027-03-31", capacity: 2, icapLevel: 3, enrolmentClosesAt: null, ...cohort }, IP);
  return { programme, cohort: made };
}

export async function talent(db: Database, label = "talent") {
  const user = await makeUser(db, { label, roles: ["talent"] });
  return { user, viewer: (await signedIn(db, user.id)).viewer };
}

export const enrolmentOf = async (db: Database, cohortId: string) => db.select().from(t.enrolments).where(eq(t.enrolments.cohortId, cohortId));
