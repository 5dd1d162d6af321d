// The refusals of the SPARK programme, each with an HTTP status and a message (an i18n key). Never a 500.
export const sparkRefusalCodes = {
  notFound: 404,
  forbidden: 403,
  notSparkProgramme: 400,
  notPublished: 409,
  intakeExists: 409,
  noIntake: 409,
  notForming: 409,
  notLead: 403,
  teamFull: 409,
  alreadyInvited: 409,
  notInvited: 403,
  needsResearcher: 409,
  needsPhysician: 409,
  notApplied: 409,
  targetReached: 409,
  notSelected: 409,
  dueOutsidePeriod: 400,
  evidenceEmpty: 400,
  evidenceTooLarge: 400,
  evidenceNotPdf: 400,
  notMentorUser: 400,
  alreadyAssigned: 409,
  notAssigned: 403,
  overBudget: 409,
  budgetBelowSpent: 409,
  notDemoDay: 404,
  teamNotRegistered: 409,
  companyNotApproved: 403,
  noInterest: 409,
  slotOutside: 400,
  slotTaken: 409,
  periodInvalid: 400,
  alreadyWithdrawn: 409,
  notWithdrawable: 409,
  notAppliedOrSelected: 409,
  otherIntake: 409,
  withdrawalReason: 400,
  teamWithdrawn: 409,
} as const;

export type SparkRefusal = keyof typeof sparkRefusalCodes;

export class SparkRuleError extends Error {
  constructor(readonly code: SparkRefusal) {
    super(code);
  }
  get status() {
    return sparkRefusalCodes[this.code];
  }
  get message_key() {
    return `spark.refusal.${this.code}` as const;
  }
}

export const memberRoles = ["researcher", "physician", "engineer", "business", "other"] as const;
export const stages = ["discovery", "preclinical", "clinical", "regulatory", "market"] as const;
export const milestoneStatuses = ["planned", "in_progress", "done", "missed"] as const;
export const mentorModes = ["passive", "active", "intensive"] as const;
export const MAX_TEAM_MEMBERS = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
/** A withdrawal's reason: the lead's is optional, the office's required and at least this long. */
export const WITHDRAWAL_REASON_MIN = 5;
export const WITHDRAWAL_REASON_MAX = 500;

/** A withdrawn team is final: nothing more is recorded for it (milestones, meetings, fund, demo days). */
export function refuseIfWithdrawn(team: { status: string }) {
  if (team.status === "withdrawn") throw new SparkRuleError("teamWithdrawn");
}

/** Walks an error's causes for a Postgres error with this code and, when given, constraint or message. */
export function pgErrorIs(error: unknown, code: string, name?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string; message?: string };
    if (pg.code !== code) continue;
    if (!name || (pg.constraint_name ?? pg.constraint) === name || pg.message?.includes(name)) return true;
  }
  return false;
}
