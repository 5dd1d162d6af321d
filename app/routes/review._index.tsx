// A panel reviewer's quota applications to review: only those the office assigned to them, newest
// round first, with how far each review is and when the review closes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listOwnAssignments } from "~/placement/quota-reviews.server";

export const meta: MetaFunction = () => [{ title: "員額審查 · Quota reviews" }];

const PAGE_SIZE = 50;
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reviewer = requirePermission(request, context, "create:unit-review:assigned");
  const locale = await getLocale(request);
  const { page } = pageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, more } = await listOwnAssignments(context.services.db, reviewer, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return {
    page,
    more,
    assignments: rows.map((r) => ({
      id: r.id,
      unit: pick(locale, r.unitZh, r.unitEn),
      round: pick(locale, r.round.titleZh, r.round.titleEn),
      focus: r.focus,
      state: (r.conflictDeclared ? "conflict" : r.submittedAt ? "scored" : "pending") as "conflict" | "scored" | "pending",
      closesAt: formatDateTime(r.round.reviewCloseAt, locale),
    })),
  };
}

export default function Reviews() {
  const { page, more, assignments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("placement.review.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("placement.review.lead")}</p>
      </header>
      {assignments.length === 0 ? (
        <p className="card text-slate-700">{t("placement.review.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("placement.quota.unit")}</th>
                <th scope="col">{t("placement.round.title")}</th>
                <th scope="col">{t("placement.quota.focus")}</th>
                <th scope="col">{t("placement.review.state")}</th>
                <th scope="col">{t("placement.calendar.review")}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="text-left font-normal"><Link to={`/review/${a.id}`}>{a.unit}</Link></th>
                  <td>{a.round}</td>
                  <td>{t(`placement.focus.${a.focus}`)}</td>
                  <td>{t(`placement.reviewState.${a.state}`)}</td>
                  <td>{a.closesAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page > 1 || more ? (
        <nav aria-label={t("search.pagination")} className="flex justify-between">
          {page > 1 ? <Link to={`/review?page=${page - 1}`} rel="prev" className="btn-secondary">{t("search.previous")}</Link> : <span />}
          {more ? <Link to={`/review?page=${page + 1}`} rel="next" className="btn-secondary">{t("search.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
