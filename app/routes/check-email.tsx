import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { emailField } from "~/auth/fields";

export const meta: MetaFunction = () => [{ title: "請收信 · Check your e-mail" }];

export function loader({ request }: LoaderFunctionArgs) {
  // Anyone: it only repeats the address the visitor typed.
  const parsed = emailField.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  return { email: parsed.success ? parsed.data : null };
}

export default function CheckEmail() {
  const { email } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="card mx-auto max-w-md space-y-3">
      <h1>{t("auth.checkEmailTitle")}</h1>
      <p role="status">{t("auth.checkEmailBody", { email: email ?? "…" })}</p>
      <Link to="/login">{t("auth.backToLogin")}</Link>
    </div>
  );
}
