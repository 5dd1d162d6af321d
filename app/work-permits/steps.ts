// The six steps of a work-permit case, in order, and whose each is. Shared by the server (which opens
// cases with them and enforces ownership) and the pages (which offer forms only for one's own steps).
import type { workPermitStepKind, workPermitStepOwner, workPermitStepStatus } from "../../db/schema/enums";

export type StepKind = (typeof workPermitStepKind.enumValues)[number];
export type StepOwner = (typeof workPermitStepOwner.enumValues)[number];
export type StepStatus = (typeof workPermitStepStatus.enumValues)[number];

export const stepStatuses = ["pending", "in_progress", "done"] as const satisfies readonly StepStatus[];

/**
 * The employer applies for the work permit (Ministry of Labor); the talent gathers the documents,
 * applies for the Employment Gold Card or a resident visa, arrives and gets the residence certificate.
 */
export const STEP_PLAN: ReadonlyArray<{ kind: StepKind; owner: StepOwner }> = [
  { kind: "offer", owner: "company" },
  { kind: "documents", owner: "talent" },
  { kind: "work_permit", owner: "company" },
  { kind: "gold_card_or_visa", owner: "talent" },
  { kind: "arrival", owner: "talent" },
  { kind: "residence_certificate", owner: "talent" },
];

/** The orders the office's list of stalled cases can be sorted in (shared with the page's form). */
export const stallSorts = ["stalled", "opened", "step", "due"] as const;
export type StallSort = (typeof stallSorts)[number];
