// The link in the confirmation e-mail. Opening it shows a button; only pressing it confirms, so mail
// scanners that open links cannot use up the single-use token.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { confirmEmail, emailOfUser } from "~/auth/accounts.server";
import { requestOrigin } from "~/auth/guards.server";
import { checkToken } from "~/auth/tokens.server";
import { LinkProblem } from "~/components/link-problem";

export const meta: MetaFunction = () => [{ title: "驗證電子郵件 · Confirm your e-mail" }];

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Anyone holding the link.
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  if (!token.success) return data({ ok: false as const, reason: "invalid" as const, token: "", email: null }, { status: 400 });
  const check = await checkToken(context.services.db, token.data, "email_verification");
  if (!check.ok) return data({ ok: false as const, reason: check.reason, token: "", email: null }, { status: 410 });
  return { ok: true as const, reason: null, token: token.data, email: await emailOfUser(context.services.db, check.userId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Anyone holding the link.
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  if (!token.success) return data({ reason: "invalid" as const }, { status: 400 });
  const result = await confirmEmail(context.services.db, token.data, requestOrigin(request, context).ip);
  if (!result.ok) return data({ reason: result.reason }, { status: 410 });
  return redirect("/login?notice=confirmed");
}

export default function VerifyEmail() {
  const loaded = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  const reason = failed?.reason ?? (loaded.ok ? null : loaded.reason);
  if (reason) return <LinkProblem reason={reason} retryTo="/login" />;
  return (
    <Form method="post" className="card mx-auto max-w-md space-y-4">
      <h1>{t("auth.verifyTitle")}</h1>
      <p>{t("auth.verifyBody", { email: loaded.email ?? "" })}</p>
      <input type="hidden" name="token" value={loaded.token} />
      <button type="submit" className="btn-primary">{t("auth.verifySubmit")}</button>
    </Form>
  );
}
