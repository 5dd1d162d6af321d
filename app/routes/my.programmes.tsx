// The talent's course and fellowship enrolments, waitlist places and certificates.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listMyEnrolments } from "~/programmes/enrolment.server";

export const meta: MetaFunction = () => [{ title: "我的課程 · My programmes" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "create:enrolment:own");
  const locale = await getLocale(request);
  const rows = await listMyEnrolments(context.services.db, viewer.id);
  return { enrolments: rows.map((r) => ({ ...r, title: pick(locale, r.titleZh, r.titleEn) })) };
}

export default function MyProgrammes() {
  const { enrolments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <h1>{t("catalogue.my.title")}</h1>
      {enrolments.length === 0 ? (
        <p className="card text-slate-700">{t("catalogue.my.empty")} <Link to="/programmes">{t("catalogue.my.browse")}</Link></p>
      ) : (
        <ul className="space-y-3">
          {enrolments.map((e) => (
            <li key={e.id} className="card space-y-1">
              <h2 className="text-base"><Link to={`/programmes/${e.programmeKey}`}>{e.title}</Link> · {e.cohortName}</h2>
              <p className="text-sm text-slate-700">{e.startsOn} – {e.endsOn}</p>
              <p>{e.status === "waitlisted" ? t("catalogue.enrol.waitlistedAt", { place: String(e.waitlistPosition) }) : t(`catalogue.enrolmentStatus.${e.status}`)}</p>
              {e.certificateCode && e.certificateRevoked ? (
                <p className="text-red-800">{t("catalogue.my.revoked", { serial: e.serial ?? "" })} <Link to={`/certificates/${e.certificateCode}`}>{t("catalogue.my.verify")}</Link></p>
              ) : e.certificateCode ? (
                <p className="space-x-3">
                  <a href={`/certificates/${e.certificateCode}/pdf`}>{t("catalogue.my.download", { serial: e.serial ?? "" })}</a>
                  <Link to={`/certificates/${e.certificateCode}`}>{t("catalogue.my.verify")}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
