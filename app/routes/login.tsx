import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { resendConfirmation, signIn } from "~/auth/accounts.server";
import { emailField, existingPasswordField, redirectToField } from "~/auth/fields";
import { requestOrigin, requireAnonymous } from "~/auth/guards.server";
import { startSession } from "~/auth/session.server";
import { useZodForm } from "~/components/use-zod-form";
import { Field, FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { settleLocaleAtSignIn } from "~/i18n/preferred-locale.server";
import { formatDateTime } from "~/i18n/format";

export const meta: MetaFunction = () => [{ title: "登入 · Log in" }];

const schema = z.object({ email: emailField, password: existingPasswordField, redirectTo: redirectToField });
const resendSchema = z.object({ email: emailField });

const notices = { confirmed: "auth.confirmedNotice", reset: "auth.resetNotice", "logged-out": "auth.loggedOutNotice" } as const;

export function loader({ request, context }: LoaderFunctionArgs) {
  // Signed-out visitors only.
  requireAnonymous(context);
  const params = new URL(request.url).searchParams;
  const notice = params.get("notice");
  return {
    redirectTo: redirectToField.parse(params.get("redirectTo") ?? undefined),
    notice: notice && notice in notices ? notices[notice as keyof typeof notices] : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signed-out visitors only.
  requireAnonymous(context);
  const db = context.services.db;
  const formData = await request.formData();
  if (formData.get("intent") === "resend") {
    const parsed = resendSchema.safeParse(Object.fromEntries(formData));
    if (parsed.success) {
      await resendConfirmation(db, parsed.data.email, { publicUrl: context.services.env.PUBLIC_URL });
      context.services.mail.wake();
    }
    return data({ result: undefined, resent: true, lockedUntil: null, unconfirmedEmail: null }, { status: parsed.success ? 200 : 400 });
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), resent: false, lockedUntil: null, unconfirmedEmail: null }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const origin = requestOrigin(request, context);
  const outcome = await signIn(db, email, password, origin.ip);
  if (!outcome.ok) {
    const locale = await getLocale(request);
    const status = outcome.reason === "locked" ? 429 : outcome.reason === "unconfirmed" ? 403 : 401;
    return data(
      {
        result: submission.reply({ formErrors: outcome.reason === "invalid" ? ["auth.loginInvalid"] : [], hideFields: ["password"] }),
        resent: false,
        lockedUntil: outcome.reason === "locked" ? formatDateTime(outcome.until, locale) : null,
        unconfirmedEmail: outcome.reason === "unconfirmed" ? email : null,
      },
      { status },
    );
  }
  const cookie = await startSession(db, outcome.userId, origin);
  const headers = new Headers([["Set-Cookie", cookie]]);
  // The account's language follows the person to this browser (or this browser's choice is stored).
  const languageCookie = await settleLocaleAtSignIn(db, outcome.userId, request);
  if (languageCookie) headers.append("Set-Cookie", languageCookie);
  return redirect(redirectTo ?? "/account", { headers });
}

export default function Login() {
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result });
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1>{t("auth.loginTitle")}</h1>
        <p className="text-slate-700">{t("auth.loginLead")}</p>
      </header>
      {notice ? <FormMessage tone="success">{t(notice)}</FormMessage> : null}
      {actionData?.resent ? <FormMessage tone="info">{t("auth.resendSent")}</FormMessage> : null}
      {actionData?.lockedUntil ? <FormMessage>{t("auth.loginLocked", { time: actionData.lockedUntil })}</FormMessage> : null}
      {form.errors?.length ? <FormMessage>{t(form.errors[0] as never)}</FormMessage> : null}
      {actionData?.unconfirmedEmail ? (
        <FormMessage tone="info">
          <p>{t("auth.loginUnconfirmed")}</p>
          <Form method="post" className="mt-2">
            <input type="hidden" name="email" value={actionData.unconfirmedEmail} />
            <button type="submit" name="intent" value="resend" className="btn-secondary">{t("auth.resendConfirmation")}</button>
          </Form>
        </FormMessage>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
        <Field label={t("auth.email")} meta={fields.email} type="email" autoComplete="username" />
        <Field label={t("auth.password")} meta={fields.password} type="password" autoComplete="current-password" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>{t("auth.loginSubmit")}</button>
      </Form>
      <p className="text-sm text-slate-700">
        <Link to="/forgot-password">{t("auth.forgotPassword")}</Link>
        {" · "}
        {t("auth.noAccount")} <Link to="/signup">{t("auth.signup")}</Link>
      </p>
    </div>
  );
}
