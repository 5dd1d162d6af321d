// The first-reply clock of a ticket: time left, time overdue, or replied (in time or late).
import { useTranslation } from "react-i18next";
import { slaState, spanParts } from "./sla";

export function SlaBadge({ firstReplyDueAt, firstRepliedAt, now }: { firstReplyDueAt: string | null; firstRepliedAt: string | null; now: string }) {
  const { t } = useTranslation();
  const state = slaState({ firstReplyDueAt: firstReplyDueAt ? new Date(firstReplyDueAt) : null, firstRepliedAt: firstRepliedAt ? new Date(firstRepliedAt) : null }, new Date(now));
  switch (state.kind) {
    case "none":
      return null;
    case "replied":
      return <span className={state.late ? "text-amber-800" : "text-green-800"}>{t(state.late ? "tickets.sla.repliedLate" : "tickets.sla.replied")}</span>;
    case "due":
      return <span className="text-slate-800">{t("tickets.sla.due", spanParts(state.remainingMinutes))}</span>;
    case "overdue":
      return <strong className="text-red-800">{t("tickets.sla.overdue", spanParts(state.overdueMinutes))}</strong>;
  }
}
