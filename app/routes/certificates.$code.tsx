// The public verification of a certificate by the code printed on it: valid, revoked or unknown, with
// only the holder's display name, the programme and the dates — nothing else personal.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { certificateByCode } from "~/programmes/enrolment.server";

export const meta: MetaFunction = () => [{ title: "證書查驗 · Certificate verification" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Public page: anyone holding the code may check it.
  const code = params.code ?? "";
  const found = /^[A-Za-z0-9_-]{10,64}$/.test(code) ? await certificateByCode(context.services.db, code) : null;
  const locale = await getLocale(request);
  if (!found) return { state: "unknown" as const };
  return {
    state: found.certificate.revokedAt ? ("revoked" as const) : ("valid" as const),
    holder: found.holder.displayName,
    programme: pick(locale, found.programme.titleZh, found.programme.titleEn),
    cohort: found.cohort.name,
    startsOn: found.cohort.startsOn,
    endsOn: found.cohort.endsOn,
    serial: found.certificate.serial,
    issuedAt: formatDateTime(found.certificate.issuedAt, locale),
  };
}

export default function VerifyCertificate() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const tone = { valid: "border-green-300 bg-green-50 text-green-900", revoked: "border-red-300 bg-red-50 text-red-800", unknown: "border-slate-300 bg-slate-50 text-slate-800" }[page.state];
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1>{t("catalogue.verify.title")}</h1>
      <p role="status" className={`rounded-md border px-4 py-3 font-semibold ${tone}`}>{t(`catalogue.verify.${page.state}`)}</p>
      {page.state !== "unknown" ? (
        <dl className="card grid gap-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("catalogue.verify.holder")}</dt><dd>{page.holder}</dd>
          <dt className="text-slate-600">{t("catalogue.verify.programme")}</dt><dd>{page.programme} · {page.cohort}</dd>
          <dt className="text-slate-600">{t("catalogue.verify.period")}</dt><dd>{page.startsOn} – {page.endsOn}</dd>
          <dt className="text-slate-600">{t("catalogue.verify.serial")}</dt><dd>{page.serial}</dd>
          <dt className="text-slate-600">{t("catalogue.verify.issued")}</dt><dd>{page.issuedAt}</dd>
        </dl>
      ) : null}
    </div>
  );
}
