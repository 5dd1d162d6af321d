// A PhD round ready to match, written straight into the tables the earlier stages fill (allocated unit
// quota applications, submitted trainee applications with their preferences, submitted unit rank
// lists), from a small labelled instance: { units: { u1: 2 }, applicants: { a1: ["u1"] }, rankings:
// { u1: ["a1"] } }. The calendar is set around `now`: the unit-ranking deadline passed 5 days ago,
// the check-in deadline is 10 days ahead, training starts in 30 days.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import type { Viewer } from "../../app/auth/session.server";
import type { MatchInput } from "../../app/placement/match";
import { makeUser, signedIn, unique } from "../auth/support";

export const IP = "192.0.2.67";
export const DAY = 86_400_000;
export const links = { publicUrl: "http://portal.test" };

export interface Instance {
  units: Record<string, number>;
  applicants: Record<string, string[]>;
  rankings: Record<string, string[]>;
}

export interface MatchWorld {
  round: typeof t.placementRounds.$inferSelect;
  officer: Viewer;
  /** Label → quota application id, and the unit's first staff member. */
  units: Map<string, { id: string; organisationId: string; staff: Viewer }>;
  /** Label → trainee application id, and the trainee. */
  applicants: Map<string, { id: string; viewer: Viewer }>;
  /** Id → label, for either kind. */
  label: (id: string | null) => string | null;
  /** The instance with labels replaced by ids, as the engine should see it. */
  input: MatchInput;
}

export async function makeViewer(db: Database, roles: Role[], label: string): Promise<Viewer> {
  const user = await makeUser(db, { label, roles, displayName: `${label} ${unique()}` });
  return (await signedIn(db, user.id)).viewer;
}

const taipeiDate = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(date);

export async function makeRound(db: Database, now = new Date()) {
  const tag = unique();
  const [programme] = await db
    .insert(t.programmes)
    .values({ key: `phd-match-${tag}`, type: "phd_placement", providerZh: "測試辦公室", providerEn: "Test office", titleZh: `媒合測試 ${tag}`, titleEn: `Match test ${tag}`, summaryZh: "測試", summaryEn: "Test", status: "published" })
    .returning();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const [round] = await db
    .insert(t.placementRounds)
    .values({
      programmeId: programme!.id,
      year: 2030,
      titleZh: `測試梯次 ${tag}`,
      titleEn: `Test round ${tag}`,
      status: "open",
      maxPreferences: 10,
      totalQuota: 100,
      unitApplicationsCloseAt: at(-12),
      reviewCloseAt: at(-11),
      registrationOpenAt: at(-10),
      preferencesCloseAt: at(-8),
      interviewsCloseAt: at(-6),
      unitRankingCloseAt: at(-5),
      matchAt: at(-4),
      publishAt: at(-3),
      checkInCloseAt: at(10),
      trainingStartsOn: taipeiDate(at(30)),
    })
    .returning();
  return round!;
}

export async function makeMatchWorld(db: Database, instance: Instance, options: { now?: Date; draftRankings?: string[] } = {}): Promise<MatchWorld> {
  const round = await makeRound(db, options.now);
  const officer = await makeViewer(db, ["programme_officer"], "officer");
  const units = new Map<string, { id: string; organisationId: string; staff: Viewer }>();
  for (const [label, quota] of Object.entries(instance.units)) {
    const tag = unique();
    const [organisation] = await db
      .insert(t.organisations)
      .values({ slug: `match-unit-${tag}`, kind: "training_unit", nameZh: `培訓單位${label} ${tag}`, nameEn: `Unit ${label} ${tag}`, approval: "approved", approvedAt: new Date() })
      .returning();
    const staffUser = await makeUser(db, { label: `staff-${label.toLowerCase()}`, roles: ["training_unit_staff"] });
    await db.insert(t.memberships).values({ organisationId: organisation!.id, userId: staffUser.id, isOrgAdmin: true });
    const [application] = await db
      .insert(t.unitQuotaApplications)
      .values({
        roundId: round.id,
        unitOrganisationId: organisation!.id,
        focus: "drugs",
        planZh: "計畫",
        courses: "課程",
        internshipMonths: 6,
        requestedTrainees: Math.max(1, quota),
        status: "allocated",
        allocatedQuota: quota,
        submittedAt: new Date(),
      })
      .returning();
    units.set(label, { id: application!.id, organisationId: organisation!.id, staff: (await signedIn(db, staffUser.id)).viewer });
  }
  const applicants = new Map<string, { id: string; viewer: Viewer }>();
  for (const [label, preferences] of Object.entries(instance.applicants)) {
    const viewer = await makeViewer(db, ["talent"], `trainee-${label.toLowerCase()}`);
    const [application] = await db
      .insert(t.traineeApplications)
      .values({ roundId: round.id, userId: viewer.id, phdStatus: "obtained", phdObtainedOn: "2024-06-30", status: "submitted", submittedAt: new Date() })
      .returning();
    applicants.set(label, { id: application!.id, viewer });
    if (preferences.length) {
      await db.insert(t.traineePreferences).values(preferences.map((unit, i) => ({ traineeApplicationId: application!.id, rank: i + 1, quotaApplicationId: units.get(unit)!.id })));
    }
  }
  for (const [unit, ranking] of Object.entries(instance.rankings)) {
    const [list] = await db
      .insert(t.unitRankLists)
      .values({ quotaApplicationId: units.get(unit)!.id, submittedAt: options.draftRankings?.includes(unit) ? null : new Date() })
      .returning();
    if (ranking.length) {
      await db.insert(t.unitRankEntries).values(ranking.map((applicant, i) => ({ rankListId: list!.id, rank: i + 1, traineeApplicationId: applicants.get(applicant)!.id })));
    }
  }
  const labels = new Map<string, string>();
  for (const [label, { id }] of units) labels.set(id, label);
  for (const [label, { id }] of applicants) labels.set(id, label);
  const input: MatchInput = {
    applicants: Object.fromEntries([...applicants].map(([label, { id }]) => [id, instance.applicants[label]!.map((u) => units.get(u)!.id)])),
    units: Object.fromEntries(
      [...units].map(([label, { id }]) => [
        id,
        { capacity: instance.units[label]!, ranking: options.draftRankings?.includes(label) ? [] : (instance.rankings[label] ?? []).map((a) => applicants.get(a)!.id) },
      ]),
    ),
  };
  return { round, officer, units, applicants, label: (id) => (id === null ? null : (labels.get(id) ?? id)), input };
}

/** Labelled assignments: applicant label → unit label or null. */
export function labelled(world: MatchWorld, assignments: Record<string, string | null>) {
  return Object.fromEntries(Object.entries(assignments).map(([a, u]) => [world.label(a), world.label(u)]));
}

export async function placementOf(db: Database, world: MatchWorld, applicant: string) {
  const [row] = await db.select().from(t.placements).where(eq(t.placements.traineeApplicationId, world.applicants.get(applicant)!.id));
  return row ?? null;
}
