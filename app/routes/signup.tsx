import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { signUp } from "~/auth/accounts.server";
import { checkNewPassword, displayNameField, emailField, newPasswordField } from "~/auth/fields";
import { requestOrigin, requireAnonymous } from "~/auth/guards.server";
import { selfServiceRoles } from "~/auth/permissions";
import { useZodForm } from "~/components/use-zod-form";
import { ErrorList, Field } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";

export const meta: MetaFunction = () => [{ title: "註冊 · Sign up" }];

const schema = z
  .object({
    displayName: displayNameField,
    email: emailField,
    password: newPasswordField,
    role: z.enum(selfServiceRoles, { error: "validation.choose" }),
  })
  .superRefine(checkNewPassword);

export function loader({ context }: LoaderFunctionArgs) {
  // Signed-out visitors only.
  requireAnonymous(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signed-out visitors only.
  requireAnonymous(context);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const locale = await getLocale(request);
  await signUp(context.services.db, { ...submission.value, locale }, { publicUrl: context.services.env.PUBLIC_URL }, requestOrigin(request, context).ip);
  context.services.mail.wake();
  // The same page whether or not the address already had an account.
  return redirect(`/check-email?${new URLSearchParams({ email: submission.value.email })}`);
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result });
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1>{t("auth.signupTitle")}</h1>
        <p className="text-slate-700">{t("auth.signupLead")}</p>
      </header>
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <Field label={t("auth.displayName")} meta={fields.displayName} autoComplete="name" />
        <Field label={t("auth.email")} meta={fields.email} type="email" autoComplete="email" />
        <Field label={t("auth.password")} meta={fields.password} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} />
        <fieldset aria-describedby={fields.role.errorId}>
          <legend className="field-label">{t("auth.signupRole")}</legend>
          <div className="mt-1 space-y-1">
            {selfServiceRoles.map((role) => (
              <label key={role} className="flex items-center gap-2 text-sm">
                <input type="radio" name={fields.role.name} value={role} defaultChecked={(fields.role.initialValue ?? "talent") === role} />
                {t(`roles.${role}`)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
        </fieldset>
        <button type="submit" className="btn-primary w-full" disabled={busy}>{t("auth.signupSubmit")}</button>
      </Form>
      <p className="text-sm text-slate-700">
        {t("auth.haveAccount")} <Link to="/login">{t("auth.login")}</Link>
      </p>
    </div>
  );
}
