// What the outcome pages answer when a rule refuses: an HTTP status and a message (an i18n key). Never a 500.
import type { OutcomeRuleError } from "./outcomes.server";

export function outcomeRefusal(code: OutcomeRuleError["code"]): { status: 400 | 403 | 404 | 409; message: string } {
  switch (code) {
    case "notFound":
      return { status: 404, message: "outcomes.refusal.notFound" };
    case "notYourTrainee":
    case "officeOnly":
      return { status: 403, message: `outcomes.refusal.${code}` };
    case "alreadyVerified":
      return { status: 409, message: "outcomes.refusal.alreadyVerified" };
    default:
      return { status: 400, message: `outcomes.refusal.${code}` };
  }
}
