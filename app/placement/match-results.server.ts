// What each side sees of a published match. An applicant: the unit they got (or none) and, for each
// unit they listed higher, why not (createPlacementExplainer on the published run), their seat as it
// stands now, their places on waitlists and any post-match offers. A unit: its admitted trainees, its
// waitlist in its order, its empty seats. The office: each run's verification report.
import { and, eq, inArray } from "drizzle-orm";
import * as t from "../../db/schema";
import { createPlacementExplainer, verifyMatching, type BlockingPair, type NotHigher } from "./match";
import { latestAndPublished, listRuns, readStoredRun, unitNames, type MatchRun } from "./match-runs.server";
import { offersToApplicant, seatsTaken } from "./post-match.server";
import type { Reader } from "./rounds.server";
import { currentMatching } from "./seats.server";
import { currentWaitlists, holdsSeat } from "./seat-state";

export interface ApplicantResult {
  applicationId: string;
  round: typeof t.placementRounds.$inferSelect;
  publishedAt: Date;
  /** The published result: quota application id and the applicant's preference number, or null. */
  matched: { unit: string; preference: number } | null;
  notHigher: NotHigher[];
  /** 1-based places on units' waitlists now (units the applicant would still rather have). */
  waitlists: { unit: string; place: number }[];
  placement: typeof t.placements.$inferSelect | null;
  offers: Awaited<ReturnType<typeof offersToApplicant>>;
  units: Awaited<ReturnType<typeof unitNames>>;
}

/** The viewer's results in every round whose match is published, newest round first. */
export async function applicantResults(db: Reader, userId: string): Promise<ApplicantResult[]> {
  const applications = await db
    .select({ application: t.traineeApplications, round: t.placementRounds, run: t.matchRuns })
    .from(t.traineeApplications)
    .innerJoin(t.placementRounds, eq(t.placementRounds.id, t.traineeApplications.roundId))
    .innerJoin(t.matchRuns, and(eq(t.matchRuns.roundId, t.placementRounds.id), eq(t.matchRuns.status, "published")))
    .where(eq(t.traineeApplications.userId, userId));
  applications.sort((a, b) => b.round.year - a.round.year);
  const results: ApplicantResult[] = [];
  for (const { application, round, run } of applications) {
    const stored = readStoredRun(run);
    if (!Object.hasOwn(stored.input.applicants, application.id)) continue;
    const explanation = createPlacementExplainer(stored.input, stored.assignments)(application.id);
    const [placement] = await db.select().from(t.placements).where(eq(t.placements.traineeApplicationId, application.id));
    const now = await currentMatching(db, round.id);
    // In the applicant's own order of preference.
    const listed = stored.input.applicants[application.id]!;
    const waitlists = now
      ? Object.entries(currentWaitlists(now))
          .map(([unit, list]) => ({ unit, place: list.indexOf(application.id) + 1 }))
          .filter((w) => w.place > 0)
          .sort((a, b) => listed.indexOf(a.unit) - listed.indexOf(b.unit))
      : [];
    const unit = explanation.unit;
    results.push({
      applicationId: application.id,
      round,
      publishedAt: run.publishedAt!,
      matched: unit ? { unit, preference: stored.input.applicants[application.id]!.indexOf(unit) + 1 } : null,
      notHigher: explanation.notHigher,
      waitlists,
      placement: placement ?? null,
      offers: await offersToApplicant(db, application.id),
      units: await unitNames(db, round.id),
    });
  }
  return results;
}

/** A unit's quota application in a round, or null. */
export async function unitApplicationInRound(db: Reader, roundId: string, organisationId: string) {
  const [application] = await db
    .select()
    .from(t.unitQuotaApplications)
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), eq(t.unitQuotaApplications.unitOrganisationId, organisationId)));
  return application ?? null;
}

export interface UnitMatchView {
  quota: number;
  admitted: { placementId: string; applicationId: string; name: string; status: string; source: string; checkInBy: Date }[];
  waitlist: { applicationId: string; name: string }[];
  /** Seats neither held by a trainee nor by an open post-match offer. */
  emptySeats: number;
  openOffers: number;
}

/** A unit's side of the published match as it stands now, or null before publication. */
export async function unitMatchView(db: Reader, roundId: string, quotaApplicationId: string): Promise<UnitMatchView | null> {
  const now = await currentMatching(db, roundId);
  if (!now) return null;
  const [unit] = await db.select({ quota: t.unitQuotaApplications.allocatedQuota }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, quotaApplicationId));
  const placements = await db
    .select({ placement: t.placements, name: t.users.displayName })
    .from(t.placements)
    .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.placements.traineeApplicationId))
    .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
    .where(eq(t.placements.quotaApplicationId, quotaApplicationId));
  const holding = placements.filter((p) => holdsSeat(p.placement.status)).sort((a, b) => a.name.localeCompare(b.name));
  const waiting = currentWaitlists(now)[quotaApplicationId] ?? [];
  const names = waiting.length
    ? new Map(
        (
          await db
            .select({ id: t.traineeApplications.id, name: t.users.displayName })
            .from(t.traineeApplications)
            .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
            .where(inArray(t.traineeApplications.id, waiting))
        ).map((r) => [r.id, r.name]),
      )
    : new Map<string, string>();
  const { offered: openOffers } = await seatsTaken(db, quotaApplicationId);
  const quota = unit?.quota ?? 0;
  return {
    quota,
    admitted: holding.map(({ placement: p, name }) => ({ placementId: p.id, applicationId: p.traineeApplicationId, name, status: p.status, source: p.source, checkInBy: p.checkInBy })),
    waitlist: waiting.map((id) => ({ applicationId: id, name: names.get(id) ?? "" })),
    emptySeats: Math.max(0, quota - holding.length - openOffers),
    openOffers,
  };
}

export interface RunReport {
  run: MatchRun;
  applicants: number;
  placed: number;
  checks: { stable: boolean; capacitiesRespected: boolean; mutuallyAcceptable: boolean };
  blockingPairs: BlockingPair[];
  /** Per unit (quota application id): seats, filled, and the waitlist's length. */
  units: { id: string; capacity: number; filled: number; waitlist: number }[];
}

/** The verification report of a stored run, worked out again from its stored input and output. */
export function reportOf(run: MatchRun): RunReport {
  const stored = readStoredRun(run);
  const verification = verifyMatching(stored.input, stored.assignments);
  const assigned = Object.values(stored.assignments);
  return {
    run,
    applicants: assigned.length,
    placed: assigned.filter((u) => u !== null).length,
    checks: { stable: verification.stable, capacitiesRespected: verification.capacitiesRespected, mutuallyAcceptable: verification.mutuallyAcceptable },
    blockingPairs: verification.blockingPairs,
    units: Object.entries(verification.seats).map(([id, seats]) => ({ id, ...seats, waitlist: stored.waitlists[id]?.length ?? 0 })),
  };
}

/** The office's page: every run (newest first), the newest run's report, and whether one is published. */
export async function officeMatchView(db: Reader, roundId: string) {
  const [runs, { latest, published }, units] = await Promise.all([listRuns(db, roundId), latestAndPublished(db, roundId), unitNames(db, roundId)]);
  return { runs, latest: latest ? reportOf(latest) : null, published, units };
}
