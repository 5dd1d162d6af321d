// npm run outcomes:send-surveys — mails the employment-outcome survey links and reminders that are due
// (the web server does the same hourly). Safe to run at any time and alongside the server: a link or a
// reminder is mailed once however many senders run (see app/outcomes/surveys.server.ts).
import { runCli } from "../server/cli";
import { logger } from "../server/logger";
import { sendOutcomeSurveys } from "../app/outcomes/surveys.server";

await runCli("outcomes:send-surveys", { seed: false, search: false }, async (services) => {
  const result = await sendOutcomeSurveys(services.db, { publicUrl: services.env.PUBLIC_URL });
  logger.info(result, `outcome surveys: ${result.sent} first links and ${result.reminded} reminders queued in the outbox`);
});
