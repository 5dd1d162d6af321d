// A PhD programme round at trainee registration, built through the office's and units' own domain
// functions with their clocks set in the past: opened, plans submitted and checked, quotas allocated
// and published; then registration is open now, preferences close in ten days. Each round has its
// own programme, so rounds of different test files never compete for a year.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { allocateQuota, publishAllocations } from "../../app/placement/quota-allocations.server";
import { markDocumentsComplete, saveQuotaApplication } from "../../app/placement/quota-applications.server";
import { createRound, openRound, type Round } from "../../app/placement/rounds.server";
import { saveEligibility } from "../../app/placement/trainee-applications.server";
import { links, makeUser, signedIn, unique } from "../auth/support";
import { tinyPdf } from "../support/tiny-pdf";

export const IP = "192.0.2.66";
const DAY = 86_400_000;

export async function makeOfficer(db: Database): Promise<Viewer> {
  const user = await makeUser(db, { label: "officer", roles: ["programme_officer"] });
  return (await signedIn(db, user.id)).viewer;
}

export async function makeTalent(db: Database, label = "trainee") {
  const user = await makeUser(db, { label, roles: ["talent"] });
  return { ...user, viewer: (await signedIn(db, user.id)).viewer };
}

/** An approved training unit with one staff member (signed in). */
export async function makeUnit(db: Database, label = "unit") {
  const tag = unique();
  const [organisation] = await db
    .insert(t.organisations)
    .values({ slug: `trainee-${label}-${tag}`, kind: "training_unit", nameZh: `測試培訓單位 ${label} ${tag}`, nameEn: `Test Unit ${label} ${tag}`, approval: "approved", approvedAt: new Date() })
    .returning();
  const staff = await makeUser(db, { label: `${label}-staff`, roles: ["training_unit_staff"] });
  await db.insert(t.memberships).values({ organisationId: organisation!.id, userId: staff.id, isOrgAdmin: true });
  return { organisation: organisation!, staff: (await signedIn(db, staff.id)).viewer };
}

export type Unit = Awaited<ReturnType<typeof makeUnit>> & { quotaApplicationId: string };

export interface World {
  round: Round;
  officer: Viewer;
  /** Allocated a quota (1 seat each unless told otherwise). */
  units: Unit[];
  /** Applied and completed the document check, but allocated 0 seats. */
  unallocated: Unit;
  now: Date;
}

/** A round in registration with `units` allocated units and one that got no quota. */
export async function roundInRegistration(db: Database, options: { units?: number; maxPreferences?: number; quotas?: number[] } = {}): Promise<World> {
  const now = new Date();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const officer = await makeOfficer(db);
  const tag = unique();
  const [programme] = await db
    .insert(t.programmes)
    .values({ key: `phd-test-${tag}`, type: "phd_placement", providerZh: "專案辦公室", providerEn: "Programme office", titleZh: `博士測試 ${tag}`, titleEn: `PhD test ${tag}`, summaryZh: "測試", summaryEn: "Test" })
    .returning();
  const round = await createRound(db, officer, {
    programmeId: programme!.id,
    year: 2030,
    titleZh: `測試梯次 ${tag}`,
    titleEn: `Test round ${tag}`,
    monthlyStipendNtd: 56_650,
    maxPreferences: options.maxPreferences ?? 3,
    totalQuota: 100,
    unitApplicationsCloseAt: at(-10),
    reviewCloseAt: at(-8),
    registrationOpenAt: at(-1),
    preferencesCloseAt: at(10),
    interviewsCloseAt: at(20),
    unitRankingCloseAt: at(25),
    matchAt: at(30),
    publishAt: at(31),
    checkInCloseAt: at(40),
    trainingStartsOn: at(60).toISOString().slice(0, 10),
    criteria: [{ key: "plan", labelZh: "計畫", labelEn: "Plan", weight: 100, maxScore: 10 }],
  }, IP);
  await openRound(db, officer, round.id, IP, at(-20));
  const count = options.units ?? 3;
  const units: Unit[] = [];
  for (let i = 0; i <= count; i++) {
    const unit = await makeUnit(db, `u${i}`);
    const plan = await saveQuotaApplication(db, unit.staff, { roundId: round.id, organisationId: unit.organisation.id, expectedVersion: null, submit: true }, {
      focus: "drugs", planZh: "培訓計畫", planEn: null, courses: "課程", internshipMonths: 6, requestedTrainees: 2, partners: [{ name: "合作廠商", isMedicalCentre: false }],
    }, IP, at(-15));
    const complete = await markDocumentsComplete(db, officer, plan.id, plan.version, IP, at(-12));
    await allocateQuota(db, officer, complete.id, i < count ? (options.quotas?.[i] ?? 1) : 0, IP, at(-5));
    units.push({ ...unit, quotaApplicationId: plan.id });
  }
  await publishAllocations(db, officer, round.id, links, IP, at(-4));
  const [fresh] = await db.select().from(t.placementRounds).where(eq(t.placementRounds.id, round.id));
  return { round: fresh!, officer, units: units.slice(0, count), unallocated: units[count]!, now };
}

export const obtained = (evidence: Uint8Array | null = tinyPdf("PhD diploma")) => ({
  phdStatus: "obtained" as const,
  phdDate: "2024-06-30",
  evidence: evidence ? { fileName: "diploma.pdf", bytes: evidence } : null,
});

/** A talent with a saved eligibility (PhD obtained, with evidence) in the round. */
export async function registeredTalent(db: Database, world: World, label = "trainee") {
  const talent = await makeTalent(db, label);
  const application = await saveEligibility(db, talent.viewer, { roundId: world.round.id, expectedVersion: null }, obtained(), IP);
  return { ...talent, application };
}
