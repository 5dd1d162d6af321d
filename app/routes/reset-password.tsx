import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { emailOfUser, resetPassword } from "~/auth/accounts.server";
import { checkNewPassword, newPasswordField } from "~/auth/fields";
import { requestOrigin } from "~/auth/guards.server";
import { checkToken } from "~/auth/tokens.server";
import { useZodForm } from "~/components/use-zod-form";
import { Field } from "~/components/forms";
import { LinkProblem } from "~/components/link-problem";

export const meta: MetaFunction = () => [{ title: "設定新密碼 · Choose a new password" }];

const tokenField = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
// The address is not a field: the server adds it from the token, so the rules can refuse a password containing it.
const schema = z
  .object({ token: tokenField, password: newPasswordField, confirm: z.string({ error: "validation.required" }), email: z.string().optional() })
  .superRefine(checkNewPassword);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Anyone holding the link.
  const token = tokenField.safeParse(new URL(request.url).searchParams.get("token"));
  if (!token.success) return data({ reason: "invalid" as const, token: "" }, { status: 400 });
  const check = await checkToken(context.services.db, token.data, "password_reset");
  if (!check.ok) return data({ reason: check.reason, token: "" }, { status: 410 });
  return { reason: null, token: token.data };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Anyone holding the link.
  const db = context.services.db;
  const formData = await request.formData();
  const token = tokenField.safeParse(formData.get("token"));
  if (!token.success) return data({ result: undefined, reason: "invalid" as const }, { status: 400 });
  const check = await checkToken(db, token.data, "password_reset");
  if (!check.ok) return data({ result: undefined, reason: check.reason }, { status: 410 });
  formData.set("email", (await emailOfUser(db, check.userId)) ?? "");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }), reason: null }, { status: 400 });
  const result = await resetPassword(db, token.data, submission.value.password, requestOrigin(request, context).ip);
  if (!result.ok) return data({ result: undefined, reason: result.reason }, { status: 410 });
  context.services.mail.wake();
  return redirect("/login?notice=reset");
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result });
  const reason = actionData?.reason ?? loaded.reason;
  if (reason) return <LinkProblem reason={reason} retryTo="/forgot-password" />;
  return (
    <Form method="post" {...getFormProps(form)} className="card mx-auto max-w-md space-y-4">
      <h1>{t("auth.resetTitle")}</h1>
      <input type="hidden" name="token" value={loaded.token} />
      <Field label={t("auth.newPassword")} meta={fields.password} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} />
      <Field label={t("auth.confirmPassword")} meta={fields.confirm} type="password" autoComplete="new-password" />
      <button type="submit" className="btn-primary w-full">{t("auth.resetSubmit")}</button>
    </Form>
  );
}
