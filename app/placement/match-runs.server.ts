// The office's match runs. After the unit-ranking deadline the office runs the match on the round as
// the database holds it: submitted trainee applications and their preferences among the units with an
// allocated quota, and the units' submitted rank lists (an applicant a unit left off is unacceptable to
// it). Each run stores its exact input as canonical JSON with its SHA-256, exactly what
// `npm run -s match` prints for that input, one result row per applicant, and the verification
// (capacities, mutual acceptability, no blocking pair). The office may re-run until it publishes:
// a new run supersedes the unpublished ones. Publishing a verified run makes it immutable (the
// database refuses changes), admits the matched trainees, and mails every applicant their result.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, max } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { formatDateTime } from "../i18n/format";
import { pick, type Locale } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { assertBefore, hasPassed } from "./calendar";
import { runDeferredAcceptance, verifyMatching, type Assignments, type MatchInput, type MatchVerification } from "./match";
import { parseMatchInputJson } from "./match-input";
import { MatchRuleError } from "./match-rules";
import { lockRound, type Reader, type Round, type Tx } from "./rounds.server";
import { lastDayOfYear } from "./training-period";
import { isUuid } from "../ids";

export type MatchRun = typeof t.matchRuns.$inferSelect;

export interface Links {
  publicUrl: string;
}

function requireOffice(viewer: Viewer) {
  if (!can(viewer.roles, "manage:placement-round:any")) throw new MatchRuleError("notOffice");
}

/**
 * The round's match input: applicants are submitted trainee applications (by id) with the allocated
 * units they listed, in their order; units are allocated quota applications (by id) with their quota
 * and their submitted ranking of applicants in the input.
 */
export async function buildMatchInput(db: Reader, roundId: string): Promise<MatchInput> {
  const [units, applications, preferences, rankings] = await Promise.all([
    db
      .select({ id: t.unitQuotaApplications.id, quota: t.unitQuotaApplications.allocatedQuota })
      .from(t.unitQuotaApplications)
      .where(and(eq(t.unitQuotaApplications.roundId, roundId), eq(t.unitQuotaApplications.status, "allocated"))),
    db
      .select({ id: t.traineeApplications.id })
      .from(t.traineeApplications)
      .where(and(eq(t.traineeApplications.roundId, roundId), eq(t.traineeApplications.status, "submitted"))),
    db
      .select({ applicant: t.traineePreferences.traineeApplicationId, unit: t.traineePreferences.quotaApplicationId })
      .from(t.traineePreferences)
      .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.traineePreferences.traineeApplicationId))
      .where(and(eq(t.traineeApplications.roundId, roundId), eq(t.traineeApplications.status, "submitted")))
      .orderBy(asc(t.traineePreferences.traineeApplicationId), asc(t.traineePreferences.rank)),
    db
      .select({ unit: t.unitRankLists.quotaApplicationId, applicant: t.unitRankEntries.traineeApplicationId })
      .from(t.unitRankEntries)
      .innerJoin(t.unitRankLists, eq(t.unitRankLists.id, t.unitRankEntries.rankListId))
      .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.unitRankLists.quotaApplicationId))
      .where(and(eq(t.unitQuotaApplications.roundId, roundId), isNotNull(t.unitRankLists.submittedAt)))
      .orderBy(asc(t.unitRankLists.quotaApplicationId), asc(t.unitRankEntries.rank)),
  ]);
  const applicants: Record<string, string[]> = Object.create(null);
  for (const { id } of applications) applicants[id] = [];
  const inRound: Record<string, { capacity: number; ranking: string[] }> = Object.create(null);
  for (const { id, quota } of units) inRound[id] = { capacity: quota ?? 0, ranking: [] };
  for (const { applicant, unit } of preferences) if (inRound[unit]) applicants[applicant]!.push(unit);
  for (const { unit, applicant } of rankings) if (inRound[unit] && applicants[applicant]) inRound[unit].ranking.push(applicant);
  return { applicants, units: inRound };
}

const sortedKeys = <T>(record: Readonly<Record<string, T>>) => Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The input as the file anyone can re-run: ids in sorted order, lists in rank order, two-space indents. */
export function canonicalMatchJson(input: MatchInput): string {
  const applicants = Object.fromEntries(sortedKeys(input.applicants).map((id) => [id, input.applicants[id]]));
  const units = Object.fromEntries(sortedKeys(input.units).map((id) => [id, { capacity: input.units[id]!.capacity, ranking: input.units[id]!.ranking }]));
  return `${JSON.stringify({ applicants, units }, null, 2)}\n`;
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Exactly what `npm run -s match -- <input file>` prints (scripts/match-cli.ts). */
export function matchOutputJson(assignments: Assignments, waitlists: Record<string, string[]>, verification: MatchVerification): string {
  const { stable, capacitiesRespected, mutuallyAcceptable } = verification;
  return `${JSON.stringify({ assignments, waitlists, verification: { stable, capacitiesRespected, mutuallyAcceptable } }, null, 2)}\n`;
}

export const passes = (v: Pick<MatchVerification, "stable" | "capacitiesRespected" | "mutuallyAcceptable">) => v.stable && v.capacitiesRespected && v.mutuallyAcceptable;

async function publishedRunOf(db: Reader, roundId: string): Promise<MatchRun | null> {
  const [run] = await db.select().from(t.matchRuns).where(and(eq(t.matchRuns.roundId, roundId), isNotNull(t.matchRuns.publishedAt)));
  return run ?? null;
}

/** Runs the match on the round now; earlier unpublished runs are superseded. */
export async function runMatch(db: Database, officer: Viewer, roundId: string, ip: string, now: Date = new Date()): Promise<MatchRun> {
  requireOffice(officer);
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId, "update");
    if (round.status === "draft" || round.status === "closed") throw new MatchRuleError("roundNotOpen");
    if (!hasPassed(round, "unitRanking", now)) throw new MatchRuleError("rankingStillOpen", { deadline: "unitRanking", at: round.unitRankingCloseAt });
    if (await publishedRunOf(tx, round.id)) throw new MatchRuleError("alreadyPublished");

    const inputJson = canonicalMatchJson(await buildMatchInput(tx, round.id));
    // The run matches the input as re-read from its own file, so the file is the whole truth.
    const parsed = parseMatchInputJson(inputJson);
    if (!parsed.ok) throw new Error(`the round's match input is malformed: ${parsed.problems.join("; ")}`);
    const input = parsed.input;
    const { assignments, waitlists } = runDeferredAcceptance(input);
    const verification = verifyMatching(input, assignments);
    const verified = passes(verification);

    await tx
      .update(t.matchRuns)
      .set({ status: "superseded" })
      .where(and(eq(t.matchRuns.roundId, round.id), inArray(t.matchRuns.status, ["computed", "verified"])));
    const [last] = await tx.select({ n: max(t.matchRuns.runNumber) }).from(t.matchRuns).where(eq(t.matchRuns.roundId, round.id));
    const [run] = await tx
      .insert(t.matchRuns)
      .values({
        roundId: round.id,
        runNumber: (last?.n ?? 0) + 1,
        inputHash: sha256(inputJson),
        inputJson,
        outputJson: matchOutputJson(assignments, waitlists, verification),
        status: verified ? "verified" : "computed",
        runBy: officer.id,
        computedAt: now,
        verifiedAt: verified ? now : null,
      })
      .returning();
    const rows = Object.entries(assignments).map(([applicant, unit]) => ({
      matchRunId: run!.id,
      traineeApplicationId: applicant,
      quotaApplicationId: unit,
      preferenceRank: unit === null ? null : input.applicants[applicant]!.indexOf(unit) + 1,
    }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(t.matchResults).values(rows.slice(i, i + 1000));
    if (round.status === "open") await tx.update(t.placementRounds).set({ status: "matching", updatedAt: now }).where(eq(t.placementRounds.id, round.id));
    await recordAudit(tx, {
      actorUserId: officer.id,
      action: "match-run",
      entity: "match-run",
      entityId: run!.id,
      detail: { roundId: round.id, runNumber: run!.runNumber, inputHash: run!.inputHash, verified, blockingPairs: verification.blockingPairs.length },
      ip,
    });
    return run!;
  });
}

/**
 * Publishes a verified run, the round's newest: from now on it cannot change. Matched trainees are
 * admitted (placements, to check in by the round's check-in deadline, for a one-year period from the
 * round's training start) and every applicant is mailed their result. Refused once check-in has closed.
 */
export async function publishRun(db: Database, officer: Viewer, runId: string, links: Links, ip: string, now: Date = new Date()): Promise<MatchRun> {
  requireOffice(officer);
  if (!isUuid(runId)) throw new MatchRuleError("notFound");
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ roundId: t.matchRuns.roundId }).from(t.matchRuns).where(eq(t.matchRuns.id, runId));
    if (!found) throw new MatchRuleError("notFound");
    const round = await lockRound(tx, found.roundId, "update");
    const [run] = await tx.select().from(t.matchRuns).where(eq(t.matchRuns.id, runId)).for("update");
    if (await publishedRunOf(tx, round.id)) throw new MatchRuleError("alreadyPublished");
    if (run!.status === "superseded") throw new MatchRuleError("superseded");
    if (run!.status !== "verified") throw new MatchRuleError("notVerified");
    assertBefore(round, "checkIn", now);

    const [published] = await tx.update(t.matchRuns).set({ status: "published", publishedAt: now }).where(eq(t.matchRuns.id, runId)).returning();
    await tx.update(t.placementRounds).set({ status: "published", updatedAt: now }).where(eq(t.placementRounds.id, round.id));
    const results = await tx.select().from(t.matchResults).where(eq(t.matchResults.matchRunId, runId));
    const admitted = results.filter((r) => r.quotaApplicationId !== null);
    for (let i = 0; i < admitted.length; i += 1000) {
      await tx.insert(t.placements).values(
        admitted.slice(i, i + 1000).map((r) => ({
          roundId: round.id,
          traineeApplicationId: r.traineeApplicationId,
          quotaApplicationId: r.quotaApplicationId!,
          status: "admitted" as const,
          source: "match" as const,
          checkInBy: round.checkInCloseAt,
          startsOn: round.trainingStartsOn,
          endsOn: lastDayOfYear(round.trainingStartsOn),
        })),
      );
    }
    await recordAudit(tx, {
      actorUserId: officer.id,
      action: "match-published",
      entity: "match-run",
      entityId: runId,
      detail: { roundId: round.id, runNumber: run!.runNumber, inputHash: run!.inputHash, admitted: admitted.length, applicants: results.length },
      ip,
    });
    await mailResults(tx, round, results, links);
    return published!;
  });
}

async function mailResults(tx: Tx, round: Round, results: (typeof t.matchResults.$inferSelect)[], links: Links) {
  if (results.length === 0) return;
  const people = await tx
    .select({ applicationId: t.traineeApplications.id, email: t.users.email, locale: t.users.locale, name: t.users.displayName })
    .from(t.traineeApplications)
    .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
    .where(eq(t.traineeApplications.roundId, round.id));
  const units = await unitNames(tx, round.id);
  const byId = new Map(people.map((p) => [p.applicationId, p]));
  for (const result of results) {
    const person = byId.get(result.traineeApplicationId);
    if (!person) continue;
    const locale: Locale = person.locale === "en" ? "en" : "zh-TW";
    const unit = result.quotaApplicationId ? units.get(result.quotaApplicationId) : undefined;
    await enqueueEmail(tx, {
      to: person.email,
      locale,
      template: "match-result",
      data: {
        name: person.name,
        round: pick(locale, round.titleZh, round.titleEn),
        unit: unit ? pick(locale, unit.nameZh, unit.nameEn) : null,
        preference: result.preferenceRank,
        checkInBy: formatDateTime(round.checkInCloseAt, locale),
        url: `${links.publicUrl}/phd/result`,
      },
    });
  }
}

/** Quota application id → its unit's names, for every unit of the round. */
export async function unitNames(db: Reader, roundId: string) {
  const rows = await db
    .select({ id: t.unitQuotaApplications.id, organisationId: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn, allocatedQuota: t.unitQuotaApplications.allocatedQuota })
    .from(t.unitQuotaApplications)
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(eq(t.unitQuotaApplications.roundId, roundId));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The round's runs, newest first (without their JSON). */
export async function listRuns(db: Reader, roundId: string) {
  return db
    .select({
      id: t.matchRuns.id,
      runNumber: t.matchRuns.runNumber,
      status: t.matchRuns.status,
      inputHash: t.matchRuns.inputHash,
      computedAt: t.matchRuns.computedAt,
      publishedAt: t.matchRuns.publishedAt,
      runBy: t.users.displayName,
    })
    .from(t.matchRuns)
    .leftJoin(t.users, eq(t.users.id, t.matchRuns.runBy))
    .where(eq(t.matchRuns.roundId, roundId))
    .orderBy(desc(t.matchRuns.runNumber));
}

export async function getRun(db: Reader, runId: string): Promise<MatchRun | null> {
  if (!isUuid(runId)) return null;
  const [run] = await db.select().from(t.matchRuns).where(eq(t.matchRuns.id, runId));
  return run ?? null;
}

export interface StoredRun {
  run: MatchRun;
  input: MatchInput;
  assignments: Assignments;
  waitlists: Record<string, string[]>;
}

/** A run with its input and output read back from the stored JSON. */
export function readStoredRun(run: MatchRun): StoredRun {
  const parsed = parseMatchInputJson(run.inputJson);
  if (!parsed.ok) throw new Error(`match run ${run.id} holds a malformed input: ${parsed.problems[0]}`);
  const output = JSON.parse(run.outputJson) as { assignments: Assignments; waitlists: Record<string, string[]> };
  return { run, input: parsed.input, assignments: output.assignments, waitlists: output.waitlists };
}

/** The round's newest run and its published one (the same once published), or nulls. */
export async function latestAndPublished(db: Reader, roundId: string): Promise<{ latest: MatchRun | null; published: MatchRun | null }> {
  const [latest] = await db.select().from(t.matchRuns).where(eq(t.matchRuns.roundId, roundId)).orderBy(desc(t.matchRuns.runNumber)).limit(1);
  return { latest: latest ?? null, published: await publishedRunOf(db, roundId) };
}

export { publishedRunOf };
