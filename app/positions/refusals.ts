// What the position pages answer when a domain rule refuses a request: an HTTP status, the message (an
// i18n key) and, for refusals about one field, the field to show it beside. Never a 500.
import type { PipelineRuleError } from "../applications/pipeline.server";
import type { PositionRuleError } from "./positions.server";

export interface Refusal {
  status: 400 | 403 | 404 | 409;
  message: string;
  field?: "applicationDeadline" | "headcount" | "skillKeys" | "educationFieldCodes" | "organisationId";
}

export function positionRefusal(code: PositionRuleError["code"]): Refusal {
  switch (code) {
    case "notFound":
      return { status: 404, message: "positions.refusal.notFound" };
    case "notMember":
    case "notCompany":
      return { status: 403, message: "positions.refusal.notMember", field: "organisationId" };
    case "organisationNotApproved":
      return { status: 409, message: "positions.refusal.organisationNotApproved" };
    case "stale":
      return { status: 409, message: "positions.refusal.stale" };
    case "notEditable":
      return { status: 409, message: "positions.refusal.notEditable" };
    case "notDraft":
      return { status: 409, message: "positions.refusal.notDraft" };
    case "notPublished":
      return { status: 409, message: "positions.refusal.notPublished" };
    case "deadlinePassed":
      return { status: 400, message: "positions.validation.deadlinePast", field: "applicationDeadline" };
    case "headcountBelowHired":
      return { status: 400, message: "positions.refusal.headcountBelowHired", field: "headcount" };
    case "unknownSkill":
      return { status: 400, message: "positions.refusal.unknownSkill", field: "skillKeys" };
    case "unknownField":
      return { status: 400, message: "positions.refusal.unknownField", field: "educationFieldCodes" };
  }
}

export function applicationRefusal(code: PipelineRuleError["code"]): Refusal {
  switch (code) {
    case "notFound":
      return { status: 404, message: "positions.refusal.notFound" };
    case "notTalent":
      return { status: 403, message: "positions.apply.notTalent" };
    case "alreadyApplied":
      return { status: 409, message: "positions.apply.alreadyApplied" };
    case "alreadyInvited":
      return { status: 409, message: "positions.apply.alreadyInvited" };
    case "notOpen":
      return { status: 409, message: "positions.apply.notOpen" };
    case "ownCompany":
      return { status: 409, message: "applications.refusal.ownCompany" };
    default:
      return { status: 409, message: "positions.apply.refused" };
  }
}
