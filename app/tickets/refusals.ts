// What the ticket pages answer when a rule refuses: a status and the message's i18n key. Never a 500.
import type { TicketRuleError } from "./tickets.server";

export function ticketRefusal(code: TicketRuleError["code"]): { status: 400 | 403 | 404 | 409; message: string } {
  const message = `tickets.refusal.${code}`;
  switch (code) {
    case "notFound":
      return { status: 404, message };
    case "forbidden":
      return { status: 403, message };
    case "closed":
      return { status: 409, message };
    default:
      return { status: 400, message };
  }
}
