// Where mail goes: the SMTP relay in SMTP_URL, or, without one, the log (and the /dev/mail page,
// which reads the outbox), so development and tests need no mail server.
import nodemailer from "nodemailer";
import type { Env } from "../../server/env";
import type { Logger } from "../../server/logger";
import type { MailTransport } from "./delivery.server";

export function createMailTransport(env: Pick<Env, "SMTP_URL" | "MAIL_FROM">, log: Logger): MailTransport {
  if (!env.SMTP_URL) {
    return {
      send: async ({ to, subject, text }) => {
        log.info({ mail: { to, subject, text } }, "e-mail (no SMTP_URL: logged instead of sent)");
      },
    };
  }
  // Short timeouts: a hung relay must fail the attempt (and be retried) well within the claim's lease.
  const smtp = nodemailer.createTransport(
    { url: env.SMTP_URL, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 },
    { from: env.MAIL_FROM },
  );
  return {
    send: async ({ to, subject, text, html, attachments }) => {
      await smtp.sendMail({ to, subject, text, html, attachments });
    },
    close: () => smtp.close(),
  };
}
