// The table of completers' checkpoints for the office and the units: who, where, which checkpoint and
// when it falls, what is recorded (and by whom, and whether the office verified it), and the survey link.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Checkpoint, OutcomeStatus, SalaryBand, VerificationState } from "./checkpoints";

export interface CheckpointView {
  key: string;
  /** "placement:<id>" or "enrolment:<id>". */
  completion: string;
  outcomeId: string | null;
  name: string;
  email: string;
  unit: string;
  programme: string | null;
  checkpoint: Checkpoint;
  dueOn: string;
  state: "due" | "recorded" | "upcoming";
  status: OutcomeStatus | null;
  employerName: string | null;
  occupationCode: string | null;
  isShortage: boolean | null;
  salaryBand: SalaryBand | null;
  source: "self_report" | "unit_report" | "portal_hire" | null;
  verification: VerificationState | null;
  survey: "none" | "sent" | "answered" | "expired";
  surveySentOn: string | null;
}

export function CheckpointTable({ rows, actions }: { rows: CheckpointView[]; actions?: (row: CheckpointView) => ReactNode }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="text-slate-700">{t("outcomes.list.empty")}</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("outcomes.list.caption")}>
      <table className="data-table">
        <caption className="sr-only">{t("outcomes.list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("outcomes.list.name")}</th>
            <th scope="col">{t("outcomes.list.unit")}</th>
            <th scope="col">{t("outcomes.list.programme")}</th>
            <th scope="col">{t("outcomes.list.checkpoint")}</th>
            <th scope="col">{t("outcomes.list.dueOn")}</th>
            <th scope="col">{t("outcomes.list.state")}</th>
            <th scope="col">{t("outcomes.list.outcome")}</th>
            <th scope="col">{t("outcomes.list.survey")}</th>
            <th scope="col">{t("outcomes.list.verification")}</th>
            {actions ? <th scope="col">{t("outcomes.list.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="font-normal">{row.name}<br /><span className="text-xs text-slate-600">{row.email}</span></th>
              <td>{row.unit}</td>
              <td>{row.programme ?? t("outcomes.list.phd")}</td>
              <td>{t(`outcomes.checkpoint.${row.checkpoint}`)}</td>
              <td>{row.dueOn}</td>
              <td>{t(`outcomes.state.${row.state}`)}</td>
              <td>
                {row.status ? (
                  <>
                    {t(`outcomes.status.${row.status}`)}
                    {row.employerName ? <> · {row.employerName}</> : null}
                    {row.occupationCode ? <> · {row.occupationCode}{row.isShortage ? ` (${t("outcomes.list.shortage")})` : ""}</> : null}
                    {row.salaryBand ? <><br /><span className="text-xs text-slate-600">{t(`outcomes.salaryBand.${row.salaryBand}`)} · {row.source ? t(`outcomes.source.${row.source}`) : ""}</span></> : null}
                  </>
                ) : "–"}
              </td>
              <td>{row.survey === "sent" ? t("outcomes.list.surveySent", { date: row.surveySentOn ?? "" }) : t(`outcomes.list.survey${row.survey === "none" ? "None" : row.survey === "answered" ? "Answered" : "Expired"}`)}</td>
              <td>{row.verification ? t(`outcomes.verification.${row.verification}`) : "–"}</td>
              {actions ? <td className="space-x-2 whitespace-nowrap">{actions(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
