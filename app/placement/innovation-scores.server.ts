// Innovation-assessment scores (創新測評, section 五 of 002): the programme office runs the assessment
// and enters each trainee's score (0–100, at most two decimals) here, one at a time or as a CSV of
// "application id or e-mail, score" rows. An import is all or nothing: every row is checked first
// and, if any is rejected, nothing is written and the rejected rows are reported with the reason.
// Scores are the office's, not the trainee's, so they do not bump the application's version (a
// trainee editing their list meanwhile is not told their page is stale). Accepted until the
// unit-ranking deadline, so units rank with the scores in front of them.
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { assertBefore } from "./calendar";
import { lockRound, RoundRuleError } from "./rounds.server";
import type { RejectedRow, RejectionReason } from "./score-report";
import { TraineeRuleError } from "./trainee-rules";
import { isUuid } from "../ids";

/** At most this many rows in one import (the programme takes about 100 trainees a year). */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 1024 * 1024;

export type ImportResult = { ok: true; imported: number } | { ok: false; rejected: RejectedRow[] };

function requireOffice(viewer: Viewer) {
  if (!can(viewer.roles, "manage:placement-round:any")) throw new TraineeRuleError("notOffice");
}

/** A score as typed: 0 to 100 with at most two decimals, or null when it is not one. */
export function parseScore(value: string): number | null {
  const text = value.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const score = Number(text);
  return score <= 100 ? score : null;
}

/** Records (or clears, with null) one application's score. */
export async function recordInnovationScore(db: Database, officer: Viewer, applicationId: string, score: number | null, ip: string, now: Date = new Date()) {
  requireOffice(officer);
  if (score !== null && (!Number.isFinite(score) || score < 0 || score > 100 || Math.round(score * 100) !== score * 100)) throw new TraineeRuleError("scoreOutOfRange");
  if (!isUuid(applicationId)) throw new TraineeRuleError("notFound");
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ roundId: t.traineeApplications.roundId }).from(t.traineeApplications).where(eq(t.traineeApplications.id, applicationId));
    if (!found) throw new TraineeRuleError("notFound");
    const round = await lockRound(tx, found.roundId, "share");
    assertBefore(round, "unitRanking", now);
    await tx.update(t.traineeApplications).set({ innovationScore: score, updatedAt: now }).where(eq(t.traineeApplications.id, applicationId));
    await recordAudit(tx, { actorUserId: officer.id, action: "innovation-score-recorded", entity: "trainee-application", entityId: applicationId, detail: { score }, ip });
  });
}

interface ParsedRow {
  line: number;
  cells: string[];
}

function readRows(csv: string): ParsedRow[] | RejectedRow {
  try {
    const records = parse(csv, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { line, identifier: "", score: "", reason: "unreadable" };
  }
}

/** A first row naming the columns (neither an id nor an address, and no score) is a header. */
const isHeader = (cells: string[]) => !isUuid(cells[0] ?? "") && !(cells[0] ?? "").includes("@") && parseScore(cells[1] ?? "") === null;

/**
 * Imports a CSV of "application id or e-mail, score" rows (a header row is allowed) for one round's
 * applications. Nothing is written unless every row is accepted.
 */
export async function importInnovationScores(db: Database, officer: Viewer, roundId: string, csv: string, ip: string, now: Date = new Date()): Promise<ImportResult> {
  requireOffice(officer);
  if (!isUuid(roundId)) throw new RoundRuleError("notFound");
  const parsed = readRows(csv);
  if (!Array.isArray(parsed)) return { ok: false, rejected: [parsed] };
  const rows = parsed.length > 0 && isHeader(parsed[0]!.cells) ? parsed.slice(1) : parsed;
  if (rows.length === 0) return { ok: false, rejected: [{ line: 1, identifier: "", score: "", reason: "empty" }] };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, rejected: [{ line: rows[MAX_IMPORT_ROWS]!.line, identifier: "", score: "", reason: "tooManyRows" }] };

  return db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId, "share");
    assertBefore(round, "unitRanking", now);
    const applications = await tx
      .select({ id: t.traineeApplications.id, email: t.users.email })
      .from(t.traineeApplications)
      .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
      .where(eq(t.traineeApplications.roundId, round.id));
    const byId = new Map(applications.map((a) => [a.id, a.id]));
    const byEmail = new Map(applications.map((a) => [a.email, a.id]));
    const rejected: RejectedRow[] = [];
    const accepted = new Map<string, { score: number; line: number }>();
    for (const { line, cells } of rows) {
      const [identifier = "", scoreText = "", ...rest] = cells;
      const reject = (reason: RejectionReason) => rejected.push({ line, identifier, score: scoreText, reason });
      if (cells.length < 2 || rest.some((cell) => cell !== "")) { reject("columns"); continue; }
      const kind = isUuid(identifier) ? "id" : identifier.includes("@") ? "email" : null;
      if (!kind) { reject("identifier"); continue; }
      const applicationId = kind === "id" ? byId.get(identifier.toLowerCase()) : byEmail.get(identifier.toLowerCase());
      if (!applicationId) { reject("notInRound"); continue; }
      const score = parseScore(scoreText);
      if (score === null) { reject("score"); continue; }
      if (accepted.has(applicationId)) { reject("duplicate"); continue; }
      accepted.set(applicationId, { score, line });
    }
    if (rejected.length > 0) return { ok: false as const, rejected };
    // In id order, so two imports at once lock the rows in the same order and never deadlock.
    for (const [id, { score }] of [...accepted].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await tx.update(t.traineeApplications).set({ innovationScore: score, updatedAt: now }).where(and(eq(t.traineeApplications.id, id), eq(t.traineeApplications.roundId, round.id)));
    }
    await recordAudit(tx, { actorUserId: officer.id, action: "innovation-scores-imported", entity: "placement-round", entityId: round.id, detail: { count: accepted.size }, ip });
    return { ok: true as const, imported: accepted.size };
  });
}

/** How many of a round's applications have a score, for the office's page. */
export async function scoredCount(db: Pick<Database, "select">, roundId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.traineeApplications)
    .where(and(eq(t.traineeApplications.roundId, roundId), sql`${t.traineeApplications.innovationScore} is not null`));
  return row?.n ?? 0;
}
