// A round's calendar as a table: each date in programme order, in Taipei time, and whether it has passed.
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/i18n/format";
import type { Locale } from "~/i18n/resources";
import { deadlinesOf, type RoundCalendar } from "./calendar";

export interface CalendarRow {
  key: string;
  labelKey: string;
  at: string;
  passed: boolean;
}

/** The rows a loader hands the table (dates formatted for the page's language). */
export function calendarRows(round: RoundCalendar, locale: Locale, now: Date = new Date()): CalendarRow[] {
  return deadlinesOf(round).map((d) => ({ key: d.key, labelKey: d.labelKey, at: formatDateTime(d.at, locale), passed: d.at.getTime() <= now.getTime() }));
}

export function CalendarTable({ calendar, trainingStartsOn }: { calendar: CalendarRow[]; trainingStartsOn?: string }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="data-table max-w-3xl">
        <caption className="pb-2 text-left text-sm text-slate-600">{t("placement.round.taipeiTime")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("placement.round.deadline")}</th>
            <th scope="col">{t("placement.round.when")}</th>
            <th scope="col">{t("placement.round.state")}</th>
          </tr>
        </thead>
        <tbody>
          {calendar.map((d) => (
            <tr key={d.key}>
              <th scope="row" className="text-left font-normal">{t(d.labelKey as never)}</th>
              <td>{d.at}</td>
              <td>{d.passed ? t("placement.round.passed") : t("placement.round.upcoming")}</td>
            </tr>
          ))}
          {trainingStartsOn ? (
            <tr>
              <th scope="row" className="text-left font-normal">{t("placement.roundForm.trainingStartsOn")}</th>
              <td>{trainingStartsOn}</td>
              <td />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
