// The signed-in requester's own tickets.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { toTicketRows } from "~/tickets/rows.server";
import { TicketList } from "~/tickets/ticket-list";
import { myTickets } from "~/tickets/tickets.server";

export const meta: MetaFunction = () => [{ title: "我的案件 · My tickets" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const [rows, locale] = await Promise.all([myTickets(context.services.db, viewer), getLocale(request)]);
  return { rows: toTicketRows(rows, locale, false), now: new Date().toISOString() };
}

export default function MyTickets() {
  const { rows, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t("tickets.mine.title")}</h1>
        <Link to="/tickets/new" className="btn-primary">{t("tickets.mine.new")}</Link>
      </div>
      {rows.length === 0 ? <p className="card">{t("tickets.mine.empty")}</p> : <TicketList rows={rows} caption={t("tickets.mine.caption")} office={false} now={now} />}
    </div>
  );
}
