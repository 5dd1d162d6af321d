// A unit's (or the office's) bulk entry of outcomes from a CSV of rows
// "completion, checkpoint, status, employer, occupation_code, salary_band", where completion is the
// reference the unit's outcome list and template give ("placement:<id>" / "enrolment:<id>") or the
// completer's e-mail when it names exactly one of the unit's completions. Every row is checked first;
// if any is rejected nothing is written and the rejected rows are reported with the reason. All
// accepted rows are written in one transaction, in batched INSERT … ON CONFLICT statements.
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { checkpointDue, checkpoints, type Checkpoint } from "./checkpoints";
import { completerScope, completersSql } from "./completers.server";
import { importColumns, type ImportRejection, type RejectedOutcomeRow } from "./import-report";
import { parseCompletionRef, surveyAnswerSchema, type CompletionRef } from "./outcome-schema";
import { assertMayEnter, completionsById, occupationFacts, organisationsByName, OutcomeRuleError, outcomeRow, upsertOutcomes, type Completion, type OutcomeWrite } from "./outcomes.server";

export const MAX_OUTCOME_IMPORT_ROWS = 20_000;
export const MAX_OUTCOME_IMPORT_BYTES = 4 * 1024 * 1024;

export type OutcomeImportResult = { ok: true; imported: number } | { ok: false; rejected: RejectedOutcomeRow[] };

interface Row {
  line: number;
  cells: string[];
}

function readRows(csv: string): Row[] | RejectedOutcomeRow {
  try {
    const records = parse(csv, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { line, completion: "", checkpoint: "", reason: "unreadable" };
  }
}

const isHeader = (cells: string[]) => (cells[0] ?? "").trim().toLowerCase() === importColumns[0];

/** The viewer's completions of these completers (by lower-cased e-mail); an address with several is ambiguous. */
async function completionsByEmail(db: Pick<Database, "select">, viewer: Viewer, emails: string[]) {
  const found = new Map<string, CompletionRef[]>();
  for (let i = 0; i < emails.length; i += 5000) {
    const batch = emails.slice(i, i + 5000);
    const rows = await db
      .select({ email: sql<string>`lower(u.email)`, kind: sql<"placement" | "enrolment">`c.kind`, id: sql<string>`c.subject_id` })
      .from(sql`(${completersSql}) c join ${t.users} u on u.id = c.user_id`)
      .where(sql`lower(u.email) in ${batch} and ${completerScope(viewer, "c")}`);
    for (const r of rows) found.set(r.email, [...(found.get(r.email) ?? []), { kind: r.kind, id: r.id }]);
  }
  return found;
}

function answerProblem(issues: { path: PropertyKey[]; message: string }[]): ImportRejection {
  const issue = issues[0]!;
  const field = String(issue.path[0] ?? "");
  if (field === "employerName") return issue.message.endsWith("noEmployer") ? "noEmployer" : issue.message.endsWith("tooLong") ? "tooLong" : "employer";
  if (field === "occupationCode") return "occupationCode";
  if (field === "salaryBand") return "salaryBand";
  return "status";
}

export async function importOutcomes(db: Database, viewer: Viewer, csv: string, ip: string, now: Date = new Date()): Promise<OutcomeImportResult> {
  const parsed = readRows(csv);
  if (!Array.isArray(parsed)) return { ok: false, rejected: [parsed] };
  const rows = parsed.length > 0 && isHeader(parsed[0]!.cells) ? parsed.slice(1) : parsed;
  if (rows.length === 0) return { ok: false, rejected: [{ line: 1, completion: "", checkpoint: "", reason: "empty" }] };
  if (rows.length > MAX_OUTCOME_IMPORT_ROWS) return { ok: false, rejected: [{ line: rows[MAX_OUTCOME_IMPORT_ROWS]!.line, completion: "", checkpoint: "", reason: "tooManyRows" }] };

  return db.transaction(async (tx) => {
    const rejected: RejectedOutcomeRow[] = [];
    type Checked = { line: number; cells: string[]; ref: CompletionRef | null; email: string | null; checkpoint: Checkpoint; answer: OutcomeWrite["answer"] };
    const checked: Checked[] = [];
    for (const { line, cells } of rows) {
      const [completion = "", checkpoint = "", status = "", employer = "", occupationCode = "", salaryBand = "", ...rest] = cells;
      const reject = (reason: ImportRejection) => rejected.push({ line, completion, checkpoint, reason });
      if (cells.length < 3 || rest.some((cell) => cell !== "")) { reject("columns"); continue; }
      const ref = parseCompletionRef(completion);
      const email = !ref && completion.includes("@") && completion.length <= 320 ? completion.toLowerCase() : null;
      if (!ref && !email) { reject("completion"); continue; }
      if (!(checkpoints as readonly string[]).includes(checkpoint)) { reject("checkpoint"); continue; }
      const answer = surveyAnswerSchema.safeParse({ status, employerName: employer || undefined, occupationCode: occupationCode || undefined, salaryBand: salaryBand || undefined });
      if (!answer.success) { reject(answerProblem(answer.error.issues)); continue; }
      checked.push({ line, cells, ref, email, checkpoint: checkpoint as Checkpoint, answer: answer.data });
    }

    const byRef = await completionsById(tx, checked.flatMap((c) => (c.ref ? [c.ref] : [])));
    const byEmail = await completionsByEmail(tx, viewer, [...new Set(checked.flatMap((c) => (c.email ? [c.email] : [])))]);
    const facts = await occupationFacts(tx, checked.flatMap((c) => (c.answer.occupationCode ? [c.answer.occupationCode] : [])));
    const employers = await organisationsByName(tx, checked.flatMap((c) => (c.answer.employerName ? [c.answer.employerName] : [])));
    const seen = new Set<string>();
    const writes: OutcomeWrite[] = [];
    for (const row of checked) {
      const reject = (reason: ImportRejection) => rejected.push({ line: row.line, completion: row.cells[0] ?? "", checkpoint: row.checkpoint, reason });
      let completion: Completion | undefined;
      if (row.ref) completion = byRef.get(`${row.ref.kind}:${row.ref.id}`);
      else {
        const refs = byEmail.get(row.email!) ?? [];
        if (refs.length > 1) { reject("completion"); continue; }
        if (refs.length === 1) completion = (await completionsById(tx, refs)).get(`${refs[0]!.kind}:${refs[0]!.id}`);
      }
      if (!completion) { reject("notFound"); continue; }
      try {
        assertMayEnter(viewer, completion);
      } catch (error) {
        if (error instanceof OutcomeRuleError) { reject("notYourTrainee"); continue; }
        throw error;
      }
      if (checkpointDue(completion.completedAt, row.checkpoint).getTime() > now.getTime()) { reject("notDue"); continue; }
      if (row.answer.occupationCode && !facts.known.has(row.answer.occupationCode)) { reject("unknownOccupation"); continue; }
      const key = `${completion.kind}:${completion.id}:${row.checkpoint}`;
      if (seen.has(key)) { reject("duplicate"); continue; }
      seen.add(key);
      writes.push({ completion, checkpoint: row.checkpoint, answer: row.answer, source: "unit_report", recordedBy: viewer.id });
    }
    if (rejected.length > 0) return { ok: false as const, rejected: rejected.sort((a, b) => a.line - b.line) };
    const ids = await upsertOutcomes(tx, writes.map((w) => outcomeRow(w, facts, employers)));
    await recordAudit(tx, { actorUserId: viewer.id, action: "outcomes-imported", entity: "employment-outcome", detail: { count: ids.length }, ip });
    return { ok: true as const, imported: ids.length };
  });
}
