// An application's stage history as a table: when, from → to, who, and the note that came with the move.
import { useTranslation } from "react-i18next";
import type { Stage } from "./stages";

export interface HistoryEntry {
  id: string;
  from: Stage | null;
  to: Stage;
  at: string;
  who: string;
  note: string | null;
}

export function StageHistory({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const stage = (s: Stage) => t(`applications.stage.${s}`);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("applications.application.historyCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-4">{t("applications.application.when")}</th>
            <th scope="col" className="py-2 pr-4">{t("applications.application.change")}</th>
            <th scope="col" className="py-2 pr-4">{t("applications.application.who")}</th>
            <th scope="col" className="py-2">{t("applications.application.note")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top last:border-0">
              <td className="py-2 pr-4 whitespace-nowrap">{e.at}</td>
              <td className="py-2 pr-4">{e.from ? t("applications.application.moved", { from: stage(e.from), to: stage(e.to) }) : t("applications.application.started", { to: stage(e.to) })}</td>
              <td className="py-2 pr-4">{e.who}</td>
              <td className="py-2 whitespace-pre-line">{e.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
