// The verification report of a match run, as the office reads it before publishing: each check passed
// or failed, and each unit's seats (quota, admitted, empty, waitlisted).
import { useTranslation } from "react-i18next";

const checkKeys = ["capacitiesRespected", "mutuallyAcceptable", "stable"] as const;

export function RunChecks({ checks }: { checks: Record<(typeof checkKeys)[number], boolean> }) {
  const { t } = useTranslation();
  return (
    <table className="data-table max-w-3xl">
      <caption className="pb-2 text-left text-sm text-slate-600">{t("matchRuns.office.checks")}</caption>
      <tbody>
        {checkKeys.map((key) => (
          <tr key={key}>
            <th scope="row" className="font-normal">{t(`matchRuns.office.check.${key}`)}</th>
            <td className={checks[key] ? "font-semibold text-green-800" : "font-semibold text-red-700"}>{checks[key] ? t("matchRuns.office.pass") : t("matchRuns.office.fail")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UnitSeatsTable({ units }: { units: { id: string; name: string; capacity: number; filled: number; waitlist: number }[] }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="pb-2 text-left text-sm text-slate-600">{t("matchRuns.office.unitsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("matchRuns.office.unit")}</th>
            <th scope="col">{t("matchRuns.office.capacity")}</th>
            <th scope="col">{t("matchRuns.office.filled")}</th>
            <th scope="col">{t("matchRuns.office.unfilled")}</th>
            <th scope="col">{t("matchRuns.office.waitlist")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="font-normal">{u.name}</th>
              <td>{u.capacity}</td>
              <td>{u.filled}</td>
              <td>{Math.max(0, u.capacity - u.filled)}</td>
              <td>{u.waitlist}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
