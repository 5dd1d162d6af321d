// A receipt of one submission of a trainee's preferences: exactly what was submitted and when, from
// the stored JSON, laid out to print. The talent's own, or the programme office's (audited); a 404 to
// everyone else, so a refusal never tells whether it exists.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "~/auth/guards.server";
import { DetailItem } from "~/components/detail-item";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { formatCalendarDate } from "~/positions/format";
import { getReceiptFor } from "~/placement/trainee-applications.server";
import { formatFileSize } from "~/talents/cv.server";

export const meta: MetaFunction = () => [{ title: "志願選填收據 · Preference receipt" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:trainee-application:own");
  const receipt = await getReceiptFor(context.services.db, viewer, params.id ?? "", context.clientIp);
  if (!receipt) throw notFound();
  const locale = await getLocale(request);
  const evidence = receipt.eligibility.evidence;
  return {
    own: receipt.userId === viewer.id,
    roundId: receipt.round.id,
    version: receipt.version,
    submittedAt: formatDateTime(receipt.submittedAt, locale),
    round: pick(locale, receipt.round.titleZh, receipt.round.titleEn),
    trainee: receipt.trainee,
    phdStatus: receipt.eligibility.phdStatus,
    phdDate: formatCalendarDate(receipt.eligibility.phdDate, locale),
    evidence: evidence ? { fileName: evidence.fileName, size: formatFileSize(evidence.sizeBytes, locale), sha256: evidence.sha256 } : null,
    preferences: receipt.preferences.map((p) => ({ rank: p.rank, id: p.quotaApplicationId, unit: pick(locale, p.nameZh, p.nameEn) })),
  };
}

export default function Receipt() {
  const receipt = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  // Printing needs a script; without one the browser's own Print does the same.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <article className="space-y-6">
      {receipt.own ? (
        <nav aria-label={t("trainees.breadcrumb")} className="text-sm print:hidden"><Link to={`/phd?round=${receipt.roundId}`}>← {t("trainees.receipt.back")}</Link></nav>
      ) : null}
      <header className="space-y-2">
        <h1>{t("trainees.receipt.title")}</h1>
        <p className="text-slate-700">{t("trainees.receipt.lead")}</p>
      </header>
      <dl className="card grid gap-4 sm:grid-cols-2">
        <DetailItem label={t("trainees.receipt.round")}>{receipt.round}</DetailItem>
        <DetailItem label={t("trainees.receipt.number")}>{t("trainees.receipt.version", { version: String(receipt.version) })}</DetailItem>
        <DetailItem label={t("trainees.receipt.submittedAt")}>{receipt.submittedAt}</DetailItem>
        <DetailItem label={t("trainees.receipt.trainee")}>{receipt.trainee.name}</DetailItem>
        <DetailItem label={t("trainees.receipt.email")}>{receipt.trainee.email}</DetailItem>
        <DetailItem label={t("trainees.receipt.eligibility")}>
          {t("trainees.phdSummary", { status: t(`trainees.phdStatus.${receipt.phdStatus}`), on: t(`trainees.phdOn.${receipt.phdStatus}`, { date: receipt.phdDate }) })}
        </DetailItem>
        <DetailItem label={t("trainees.receipt.evidence")}>
          {receipt.evidence ? (
            <>
              <span className="block break-all">{t("trainees.fileSummary", { name: receipt.evidence.fileName, size: receipt.evidence.size })}</span>
              <span className="block break-all font-mono text-xs text-slate-600">{t("trainees.receipt.fingerprint", { hash: receipt.evidence.sha256 })}</span>
            </>
          ) : "—"}
        </DetailItem>
      </dl>
      <section aria-labelledby="receipt-preferences" className="space-y-3">
        <h2 id="receipt-preferences">{t("trainees.receipt.preferences")}</h2>
        <table className="data-table max-w-3xl">
          <thead>
            <tr>
              <th scope="col">{t("trainees.receipt.rank")}</th>
              <th scope="col">{t("trainees.receipt.unit")}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.preferences.map((p) => (
              <tr key={p.id}>
                <td>{t("trainees.list.rank", { n: String(p.rank) })}</td>
                <td>{p.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="text-sm text-slate-600">{t("trainees.receipt.taipeiTime")}</p>
      {canPrint ? <button type="button" className="btn-secondary print:hidden" onClick={() => window.print()}>{t("trainees.receipt.print")}</button> : null}
    </article>
  );
}
