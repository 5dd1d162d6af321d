// Field schemas shared by the account forms. Messages are i18n keys; the form shows them translated.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordProblem, type PasswordProblem } from "./password-rules";

const problemKey: Record<PasswordProblem, string> = {
  tooShort: "validation.passwordTooShort",
  tooLong: "validation.passwordTooLong",
  common: "validation.passwordCommon",
  containsEmail: "validation.passwordContainsEmail",
  repetitive: "validation.passwordRepetitive",
};

export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.email")
  .pipe(z.email({ error: "validation.email" }));

/** A password being checked (login, current password): any length up to the maximum. */
export const existingPasswordField = z.string({ error: "validation.required" }).min(1, "validation.required").max(PASSWORD_MAX_LENGTH, "validation.passwordTooLong");

/** A new password, checked against the rules; pass the address so it can refuse one containing it. */
export const newPasswordField = z.string({ error: "validation.required" }).min(1, "validation.required");

/** Adds the password rules (and the confirmation match) to a form with `password` and `confirm` fields. */
export function checkNewPassword(value: { password: string; confirm?: string; email?: string }, ctx: z.RefinementCtx) {
  const problem = passwordProblem(value.password, value.email);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problemKey[problem] });
  if (value.confirm !== undefined && value.confirm !== value.password) ctx.addIssue({ code: "custom", path: ["confirm"], message: "validation.passwordMismatch" });
}

export const displayNameField = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong");

/** Same-site paths only, so a redirect parameter cannot send people to another site. */
export const redirectToField = z.string().regex(/^\/(?![/\\])/).max(2000).optional().catch(undefined);
