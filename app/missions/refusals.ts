// What the mission pages answer when a rule refuses: a status and the message's i18n key. Never a 500.
import type { MissionRuleError } from "./missions.server";

export function missionRefusal(code: MissionRuleError["code"]): { status: 400 | 403 | 404 | 409; message: string } {
  const message = `missions.refusal.${code}`;
  switch (code) {
    case "notFound":
    case "meetingNotFound":
      return { status: 404, message };
    case "notTalent":
    case "notCompanyMember":
    case "companyNotApproved":
      return { status: 403, message };
    case "over":
    case "overlap":
      return { status: 409, message };
    default:
      return { status: 400, message };
  }
}
