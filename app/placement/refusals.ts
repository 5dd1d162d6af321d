// What the PhD programme's pages answer when a rule refuses a request: an HTTP status, an i18n message
// (with its values), and for refusals about one field, the field to show it beside. A passed deadline
// names the deadline and when it passed. 404 and 403 are for the route to throw; never a 500.
import { DeadlinePassedError, deadlineColumns, type DeadlineKey } from "./calendar";
import { QuotaRuleError } from "./quota-applications.server";
import { RoundRuleError } from "./rounds.server";

export interface Refusal {
  status: 400 | 403 | 404 | 409;
  message: string;
  values?: Record<string, string>;
  /** Set for a passed deadline: the page says which and when (describeDeadlinePassed). */
  deadline?: { key: DeadlineKey; at: string };
  field?: string;
}

export function isPlacementRefusal(error: unknown): error is DeadlinePassedError | QuotaRuleError | RoundRuleError {
  return error instanceof DeadlinePassedError || error instanceof QuotaRuleError || error instanceof RoundRuleError;
}

export function placementRefusal(error: DeadlinePassedError | QuotaRuleError | RoundRuleError): Refusal {
  if (error instanceof DeadlinePassedError) {
    return { status: 409, message: "placement.refusal.deadlinePassed", deadline: { key: error.deadline, at: error.at.toISOString() } };
  }
  if (error instanceof RoundRuleError) return roundRefusal(error);
  return quotaRefusal(error);
}

function roundRefusal(error: RoundRuleError): Refusal {
  switch (error.code) {
    case "notFound":
      return { status: 404, message: "placement.refusal.roundNotFound" };
    case "notOffice":
      return { status: 403, message: "placement.refusal.notOffice" };
    case "notPhdProgramme":
      return { status: 400, message: "placement.refusal.notPhdProgramme", field: "programmeId" };
    case "notDraft":
      return { status: 409, message: "placement.refusal.notDraft" };
    case "yearTaken":
      return { status: 409, message: "placement.refusal.yearTaken", field: "year" };
    case "calendarOrder":
      return { status: 400, message: "placement.validation.calendarOrder", field: error.deadline ? deadlineColumns[error.deadline] : undefined };
    case "trainingBeforePublication":
      return { status: 400, message: "placement.refusal.trainingBeforePublication", field: "trainingStartsOn" };
    case "noCriteria":
      return { status: 400, message: "placement.validation.noCriteria", field: "criteria" };
    case "duplicateCriterion":
      return { status: 400, message: "placement.validation.criterionTwice", field: "criteria" };
  }
}

function quotaRefusal(error: QuotaRuleError): Refusal {
  const message = `placement.refusal.${error.code}`;
  switch (error.code) {
    case "notFound":
    case "notAssigned":
      return { status: 404, message };
    case "notMember":
    case "notOffice":
    case "notReviewer":
      return { status: 403, message };
    case "noPartner":
      return { status: 400, message: "placement.validation.noPartner", field: "partners" };
    case "reasonRequired":
      return { status: 400, message: "validation.reasonRequired", field: "reason" };
    case "scoreOutOfRange":
    case "missingScore":
    case "unknownCriterion":
      return { status: 400, message, field: error.detail ? `scores.${error.detail}` : undefined };
    case "invalidQuota":
      return { status: 400, message: "placement.validation.quota", field: "quota" };
    case "overTotalQuota":
      return { status: 409, message, values: { remaining: error.detail ?? "0" }, field: "quota" };
    default:
      return { status: 409, message };
  }
}
