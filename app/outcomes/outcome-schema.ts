// The outcome forms: the completer's survey answer, and a unit's or the office's entry for one completion
// and checkpoint (the same fields, plus which completion and checkpoint). Messages are i18n keys. Shared
// by the browser (constraints) and the server; the CSV import checks its rows with the same schema.
import { z } from "zod";
import { checkpoints, isEmployed, outcomeStatuses, salaryBands } from "./checkpoints";

const answerFields = {
  status: z.enum(outcomeStatuses, { error: "validation.choose" }),
  employerName: z.string().trim().max(200, "outcomes.validation.tooLong").optional(),
  occupationCode: z.string().trim().regex(/^[0-9]{6}$/, "outcomes.validation.occupationCode").optional(),
  salaryBand: z.enum(salaryBands, { error: "validation.choose" }).default("undisclosed"),
};

/** A job names its employer; other statuses may not (a "seeking" outcome with an employer is a typo). */
function employerRule(value: { status: (typeof outcomeStatuses)[number]; employerName?: string }, ctx: z.RefinementCtx) {
  if (isEmployed(value.status) && !value.employerName) ctx.addIssue({ code: "custom", path: ["employerName"], message: "outcomes.validation.employer" });
  if (!isEmployed(value.status) && value.employerName) ctx.addIssue({ code: "custom", path: ["employerName"], message: "outcomes.validation.noEmployer" });
}

export const surveyAnswerSchema = z.object(answerFields).superRefine(employerRule);
export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;

/** A completion: "placement:<id>" (a PhD placement) or "enrolment:<id>" (a course or fellowship). */
export const completionRef = z
  .string({ error: "validation.choose" })
  .trim()
  .regex(/^(placement|enrolment):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "validation.choose");

export const outcomeEntrySchema = z
  .object({ intent: z.literal("record"), completion: completionRef, checkpoint: z.enum(checkpoints, { error: "validation.choose" }), ...answerFields })
  .superRefine(employerRule);
export type OutcomeEntry = z.output<typeof outcomeEntrySchema>;

export const verificationSchema = z.object({ intent: z.literal("verify"), outcomeId: z.uuid(), verification: z.enum(["verified", "disputed"], { error: "validation.choose" }) });

export type CompletionRef = { kind: "placement" | "enrolment"; id: string };
export function parseCompletionRef(value: string): CompletionRef | null {
  const parsed = completionRef.safeParse(value);
  if (!parsed.success) return null;
  const [kind, id] = parsed.data.split(":") as ["placement" | "enrolment", string];
  return { kind, id: id.toLowerCase() };
}
export const completionRefOf = (ref: CompletionRef) => `${ref.kind}:${ref.id}`;
