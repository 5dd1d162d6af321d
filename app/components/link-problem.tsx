// What a single-use link says when it cannot be used, with the way to get a new one.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function LinkProblem({ reason, retryTo }: { reason: "invalid" | "used" | "expired"; retryTo: string }) {
  const { t } = useTranslation();
  const message = { invalid: t("auth.linkInvalid"), used: t("auth.linkUsed"), expired: t("auth.linkExpired") }[reason];
  return (
    <div className="card mx-auto max-w-md space-y-3" role="alert">
      <h1>{t("auth.linkInvalidTitle")}</h1>
      <p>{message}</p>
      <p className="flex gap-3">
        <Link to={retryTo} className="btn-primary">{t("auth.requestNewLink")}</Link>
        <Link to="/login" className="btn-secondary">{t("auth.backToLogin")}</Link>
      </p>
    </div>
  );
}
