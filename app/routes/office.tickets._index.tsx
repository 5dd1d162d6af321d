// The office's single-window queue: every question and complaint (complaints are listed nowhere else),
// unreplied first by deadline, filters by status, type and assignee, and the count overdue.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { Pagination } from "~/components/pagination";
import { getLocale } from "~/i18n/locale.server";
import { toTicketRows } from "~/tickets/rows.server";
import { TicketList } from "~/tickets/ticket-list";
import { officeQueue } from "~/tickets/tickets.server";

export const meta: MetaFunction = () => [{ title: "單一窗口案件 · Single window tickets" }];

const filterSchema = z.object({
  status: z.enum(["open", "answered", "closed"]).optional().catch(undefined),
  kind: z.enum(["question", "complaint"]).optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:ticket:any");
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [queue, locale] = await Promise.all([officeQueue(context.services.db, viewer, { ...filter, mine: filter.mine === "1" }), getLocale(request)]);
  return { filter, rows: toTicketRows(queue.rows, locale, true), total: queue.total, overdue: queue.overdue, pages: queue.pages, now: new Date().toISOString() };
}

export default function OfficeTickets() {
  const { filter, rows, overdue, pages, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1>{t("tickets.queue.title")}</h1>
        <Link to="/office/calendar">{t("tickets.calendar.nav")}</Link>
      </div>
      <p role="status" className={overdue > 0 ? "font-semibold text-red-800" : "text-slate-700"}>{t("tickets.queue.overdue", { count: overdue })}</p>
      <Form method="get" className="card flex flex-wrap items-end gap-4" aria-label={t("tickets.queue.filters")}>
        <div>
          <label htmlFor="status" className="field-label">{t("tickets.detail.status")}</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className="field-input">
            <option value="">{t("tickets.queue.anyStatus")}</option>
            {(["open", "answered", "closed"] as const).map((s) => <option key={s} value={s}>{t(`tickets.statuses.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="field-label">{t("tickets.new.kind")}</label>
          <select id="kind" name="kind" defaultValue={filter.kind ?? ""} className="field-input">
            <option value="">{t("tickets.queue.anyKind")}</option>
            {(["question", "complaint"] as const).map((k) => <option key={k} value={k}>{t(`tickets.kinds.${k}`)}</option>)}
          </select>
        </div>
        <label className="inline-flex items-center gap-2"><input type="checkbox" name="mine" value="1" defaultChecked={filter.mine === "1"} />{t("tickets.queue.mine")}</label>
        <button type="submit" className="btn-primary">{t("tickets.queue.apply")}</button>
        <Link to="/office/tickets" className="btn-secondary">{t("tickets.queue.clear")}</Link>
      </Form>
      {rows.length === 0 ? <p className="card">{t("tickets.queue.empty")}</p> : <TicketList rows={rows} caption={t("tickets.queue.caption")} office now={now} />}
      <Pagination page={filter.page} pages={pages} />
    </div>
  );
}
