// A table of tickets: the office's queue (with requester, assignee and the first-reply clock) or a requester's own.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SlaBadge } from "./sla-badge";

export interface TicketRow {
  id: string;
  reference: string;
  kind: "question" | "complaint";
  category: string;
  subject: string;
  status: "open" | "answered" | "closed";
  requester?: string;
  assigneeName?: string | null;
  firstReplyDueAt: string | null;
  firstRepliedAt: string | null;
  opened: string;
  openedAt: string;
}

export function TicketList({ rows, caption, office, now }: { rows: TicketRow[]; caption: string; office: boolean; now: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("tickets.queue.reference")}</th>
          <th scope="col">{t("tickets.new.subject")}</th>
          <th scope="col">{t("tickets.new.kind")}</th>
          <th scope="col">{t("tickets.new.category")}</th>
          <th scope="col">{t("tickets.detail.status")}</th>
          {office ? <th scope="col">{t("tickets.queue.requester")}</th> : null}
          {office ? <th scope="col">{t("tickets.queue.assignee")}</th> : null}
          {office ? <th scope="col">{t("tickets.queue.sla")}</th> : null}
          <th scope="col">{t("tickets.queue.opened")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.reference}</td>
            <th scope="row"><Link to={`/tickets/${r.id}`}>{r.subject}</Link></th>
            <td>{t(`tickets.kinds.${r.kind}`)}</td>
            <td>{t(`tickets.categories.${r.category as "other"}`)}</td>
            <td>{t(`tickets.statuses.${r.status}`)}</td>
            {office ? <td>{r.requester}</td> : null}
            {office ? <td>{r.assigneeName ?? t("tickets.queue.unassigned")}</td> : null}
            {office ? <td><SlaBadge firstReplyDueAt={r.firstReplyDueAt} firstRepliedAt={r.firstRepliedAt} now={now} /></td> : null}
            <td><time dateTime={r.openedAt}>{r.opened}</time></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
