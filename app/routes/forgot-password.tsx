import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requestPasswordReset } from "~/auth/accounts.server";
import { emailField } from "~/auth/fields";
import { requestOrigin } from "~/auth/guards.server";
import { useZodForm } from "~/components/use-zod-form";
import { Field, FormMessage } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "忘記密碼 · Forgot your password" }];

const schema = z.object({ email: emailField });

export function loader(_: LoaderFunctionArgs) {
  // Anyone.
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Anyone. The answer is the same whether or not the address has an account.
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  await requestPasswordReset(context.services.db, submission.value.email, { publicUrl: context.services.env.PUBLIC_URL }, requestOrigin(request, context).ip);
  context.services.mail.wake();
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result });
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1>{t("auth.forgotTitle")}</h1>
        <p className="text-slate-700">{t("auth.forgotLead")}</p>
      </header>
      {actionData?.sent ? <FormMessage tone="success">{t("auth.forgotSent")}</FormMessage> : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <Field label={t("auth.email")} meta={fields.email} type="email" autoComplete="email" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>{t("auth.forgotSubmit")}</button>
      </Form>
      <Link to="/login" className="text-sm">{t("auth.backToLogin")}</Link>
    </div>
  );
}
