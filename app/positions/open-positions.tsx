// The "open positions" section of an occupation page: published positions of approved companies for the
// occupation code, and for recruiters a way to post one starting from this survey row.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCan } from "~/auth/use-viewer";
import { Pagination } from "~/components/pagination";
import { pick, type Locale } from "~/i18n/resources";
import { formatDeadline, formatSalary } from "./format";

export interface OpenPositionRow {
  id: string;
  title: string;
  city: string;
  salaryMinNtd: number | null;
  salaryMaxNtd: number | null;
  openToOverseas: boolean;
  applicationDeadline: string | null;
  organisationZh: string;
  organisationEn: string;
}

export function OpenPositions({ locale, occupationId, positions, page, pages }: {
  locale: Locale;
  occupationId: string;
  positions: OpenPositionRow[];
  page: number;
  pages: number;
}) {
  const { t } = useTranslation();
  const postsPositions = useCan("create:position:organisation");
  return (
    <section aria-labelledby="open-positions" className="card space-y-3">
      <h2 id="open-positions">{t("positions.open.title")}</h2>
      {postsPositions ? (
        <p><Link to={`/positions/new?occupation=${occupationId}`} className="btn-secondary">{t("positions.open.post")}</Link></p>
      ) : null}
      {positions.length === 0 ? <p className="text-slate-700">{t("positions.open.empty")}</p> : (
        <ul className="divide-y divide-slate-200">
          {positions.map((p) => (
            <li key={p.id} className="space-y-1 py-3">
              <p className="font-medium"><Link to={`/positions/${p.id}`}>{p.title}</Link></p>
              <p className="text-sm text-slate-700">
                {[
                  pick(locale, p.organisationZh, p.organisationEn),
                  p.city,
                  formatSalary(p.salaryMinNtd, p.salaryMaxNtd, locale, t),
                  t("positions.open.deadline", { date: formatDeadline(p.applicationDeadline, locale, t) }),
                ].join(" · ")}
                {p.openToOverseas ? <> · <span className="badge bg-sky-100 text-sky-900">{t("positions.page.openToOverseas")}</span></> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </section>
  );
}
