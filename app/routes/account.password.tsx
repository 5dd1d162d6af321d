import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { changePassword } from "~/auth/accounts.server";
import { checkNewPassword, existingPasswordField, newPasswordField } from "~/auth/fields";
import { requirePermission } from "~/auth/guards.server";
import { useZodForm } from "~/components/use-zod-form";
import { Field, FormMessage } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "變更密碼 · Change password" }];

const schema = z
  .object({ current: existingPasswordField, password: newPasswordField, confirm: z.string({ error: "validation.required" }), email: z.string().optional() })
  .superRefine(checkNewPassword);

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "update:account:own");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:account:own");
  const formData = await request.formData();
  formData.set("email", viewer.email);
  const hidden = ["current", "password", "confirm"];
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: hidden }), changed: false }, { status: 400 });
  const { current, password } = submission.value;
  const outcome = await changePassword(context.services.db, viewer.id, current, password, context.clientIp, viewer.sessionId);
  if (!outcome.ok) {
    return data({ result: submission.reply({ fieldErrors: { current: ["account.wrongPassword"] }, hideFields: hidden }), changed: false }, { status: 400 });
  }
  context.services.mail.wake();
  return { result: submission.reply({ resetForm: true }), changed: true };
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result });
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("account.changePassword")}</h1>
      {actionData?.changed ? <FormMessage tone="success">{t("account.passwordChanged")}</FormMessage> : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <Field label={t("auth.currentPassword")} meta={fields.current} type="password" autoComplete="current-password" />
        <Field label={t("auth.newPassword")} meta={fields.password} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} />
        <Field label={t("auth.confirmPassword")} meta={fields.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="btn-primary w-full">{t("account.changePassword")}</button>
      </Form>
      <Link to="/account">{t("account.title")}</Link>
    </div>
  );
}
