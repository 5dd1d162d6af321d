// What the catalogue and cohort pages answer when a domain rule refuses: an HTTP status and the message
// (an i18n key). Never a 500.
import type { CatalogueRuleError } from "./catalogue.server";
import type { EnrolmentRuleError } from "./enrolment.server";

export interface Refusal {
  status: 400 | 403 | 404 | 409;
  message: string;
}

export function catalogueRefusal(code: CatalogueRuleError["code"]): Refusal {
  switch (code) {
    case "notFound":
      return { status: 404, message: "catalogue.refusal.notFound" };
    case "notProvider":
      return { status: 403, message: "catalogue.refusal.notProvider" };
    case "officeOnly":
      return { status: 403, message: "catalogue.refusal.officeOnly" };
    case "unknownSkill":
      return { status: 400, message: "catalogue.refusal.unknownSkill" };
    case "unknownOccupation":
      return { status: 400, message: "catalogue.refusal.unknownOccupation" };
    case "notDraft":
      return { status: 409, message: "catalogue.refusal.alreadyPublished" };
    case "notPublished":
      return { status: 409, message: "catalogue.refusal.notPublished" };
  }
}

export function enrolmentRefusal(code: EnrolmentRuleError["code"]): Refusal {
  switch (code) {
    case "notFound":
      return { status: 404, message: "catalogue.refusal.notFound" };
    case "notTalent":
      return { status: 403, message: "catalogue.refusal.notTalent" };
    case "notStaff":
      return { status: 403, message: "catalogue.refusal.notProvider" };
    case "officeOnly":
      return { status: 403, message: "catalogue.refusal.officeOnly" };
    default:
      return { status: code === "sessionOutsideCohort" || code === "nameTaken" ? 400 : 409, message: `catalogue.refusal.${code}` };
  }
}
