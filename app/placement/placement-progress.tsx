// A placement's progress, read-only: internships with the 6-month warning, common-course hours toward
// 24, and the stipend table. The unit's page adds its forms around these.
import { useTranslation } from "react-i18next";
import type { ProgressView } from "./progress-view.server";

export function InternshipList({ progress }: { progress: ProgressView }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-2">
      {progress.internships.length === 0 ? (
        <p className="text-slate-700">{t("matchRuns.progress.noInternships")}</p>
      ) : (
        <ul className="space-y-1">
          {progress.internships.map((i) => (
            <li key={i.id}>
              {t("matchRuns.progress.internshipLine", {
                partner: i.partner,
                kind: i.isMedicalCentre ? t("matchRuns.progress.medicalCentre") : t("matchRuns.progress.company"),
                period: t("matchRuns.progress.periodValue", { from: i.from, to: i.to }),
              })}
            </li>
          ))}
        </ul>
      )}
      <p>{t("common.labelValue", { label: t("matchRuns.progress.internship"), value: t("matchRuns.progress.internshipMonths", { months: progress.internshipMonths }) })}</p>
      {progress.internshipTooShort ? <p role="note" className="font-medium text-amber-800"><span aria-hidden="true">⚠ </span>{t("matchRuns.progress.internshipShort", { months: progress.internshipMonths })}</p> : null}
    </div>
  );
}

export function CourseProgress({ progress, id }: { progress: ProgressView; id: string }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block">{t("common.labelValue", { label: t("matchRuns.progress.course"), value: t("matchRuns.progress.courseHours", { hours: progress.courseHours }) })}</label>
      <progress id={id} max={24} value={Math.min(24, progress.courseHoursValue)} className="w-full max-w-xs" />
      {progress.courseSessions.length === 0 ? (
        <p className="text-sm text-slate-700">{t("matchRuns.progress.noCourse")}</p>
      ) : (
        <ul className="text-sm">
          {progress.courseSessions.map((s) => <li key={s.id}>{t("matchRuns.progress.sessionLine", { on: s.on, topic: s.topic, hours: s.hours })}</li>)}
        </ul>
      )}
    </div>
  );
}

export function StipendTable({ progress }: { progress: ProgressView }) {
  const { t } = useTranslation();
  const stipend = progress.stipend;
  if (!stipend) return <p className="text-slate-700">{t("matchRuns.result.noStipend")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table max-w-2xl">
        <caption className="pb-2 text-left text-sm text-slate-600">{t("matchRuns.result.stipendCaption", { amount: stipend.monthly })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("matchRuns.result.month")}</th>
            <th scope="col">{t("matchRuns.progress.period")}</th>
            <th scope="col" className="text-right">{t("matchRuns.result.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {stipend.rows.map((r) => (
            <tr key={r.month}>
              <th scope="row" className="font-normal">{t("matchRuns.result.monthNumber", { month: String(r.month) })}</th>
              <td>{t("matchRuns.progress.periodValue", { from: r.from, to: r.to })}</td>
              <td className="text-right tabular-nums">{r.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("matchRuns.result.total")}</th>
            <td />
            <td className="text-right font-semibold tabular-nums">{stipend.total}</td>
          </tr>
        </tfoot>
      </table>
      {stipend.partial ? <p className="pt-1 text-sm text-slate-600">{t("matchRuns.result.partialNote")}</p> : null}
    </div>
  );
}
