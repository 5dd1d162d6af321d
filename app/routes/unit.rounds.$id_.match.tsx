// A training unit's side of a published PhD match (?unit= picks which of the viewer's units): its
// admitted trainees and how each got the seat, its waitlist in its own order, its empty seats, and the
// post-match round: offering an empty seat to an applicant of the round who holds none, and taking
// back an offer not yet answered.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { unitApplicationInRound, unitMatchView } from "~/placement/match-results.server";
import { explainMatchRefusal, isMatchRefusal } from "~/placement/match-refusal-text.server";
import { offerSeat, offersOfUnit, unplacedCandidates, withdrawOffer } from "~/placement/post-match.server";
import { chosenUnit, unitsOf } from "~/placement/quota-applications.server";
import { getRound } from "~/placement/rounds.server";

export const meta: MetaFunction = () => [{ title: "媒合結果 · Match result" }];

const PAGE_SIZE = 50;
const querySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1), unit: z.string().optional(), done: z.string().optional() });


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:placement:organisation");
  const db = context.services.db;
  const view = await getRound(db, params.id ?? "");
  if (!view || view.round.status === "draft") throw notFound();
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const unit = chosenUnit(viewer, query.unit);
  if (unit === "foreign") throw notFound();
  const locale = await getLocale(request);
  const { round } = view;
  const base = {
    round: { id: round.id, title: pick(locale, round.titleZh, round.titleEn) },
    units: unitsOf(viewer).map((u) => ({ id: u.organisationId, name: pick(locale, u.nameZh, u.nameEn) })),
    notice: query.done === "offered" || query.done === "withdrawn" ? query.done : null,
    page: query.page,
  };
  if (!unit) return { ...base, unit: null, state: "noUnit" as const, match: null };
  const application = await unitApplicationInRound(db, round.id, unit.organisationId);
  const chosen = { id: unit.organisationId, name: pick(locale, unit.nameZh, unit.nameEn) };
  if (!application || application.status !== "allocated") return { ...base, unit: chosen, state: "notAllocated" as const, match: null };
  const match = await unitMatchView(db, round.id, application.id);
  if (!match) return { ...base, unit: chosen, state: "notPublished" as const, match: null };
  const [candidates, offers] = await Promise.all([
    match.emptySeats > 0 ? unplacedCandidates(db, round.id, application.id, { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }) : Promise.resolve({ rows: [], total: 0 }),
    offersOfUnit(db, application.id),
  ]);
  return {
    ...base,
    unit: chosen,
    state: "published" as const,
    match: {
      quotaApplicationId: application.id,
      quota: match.quota,
      emptySeats: match.emptySeats,
      openOffers: match.openOffers,
      admitted: match.admitted.map((a) => ({ id: a.placementId, name: a.name, status: a.status, source: a.source, checkInBy: formatDateTime(a.checkInBy, locale) })),
      waitlist: match.waitlist,
      candidates: candidates.rows.map((c) => ({ id: c.id, name: c.name, innovationScore: c.innovationScore === null ? null : String(c.innovationScore) })),
      pages: Math.max(1, Math.ceil(candidates.total / PAGE_SIZE)),
      offers: offers.map((o) => ({ id: o.id, name: o.name, status: o.status, offeredAt: formatDateTime(o.offeredAt, locale) })),
    },
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("offer"), quotaApplicationId: z.uuid(), traineeApplicationId: z.uuid(), unit: z.string() }),
  z.object({ intent: z.literal("withdraw"), offerId: z.uuid(), unit: z.string() }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:placement:organisation");
  const { db, env, mail } = context.services;
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "matchRuns.validation.choose" }, { status: 400 });
  const form = parsed.data;
  const back = (done: string) => redirect(`/unit/rounds/${params.id}/match?${new URLSearchParams({ unit: form.unit, done })}`);
  try {
    if (form.intent === "offer") {
      await offerSeat(db, viewer, form.quotaApplicationId, form.traineeApplicationId, { publicUrl: env.PUBLIC_URL }, context.clientIp);
      mail.wake();
      return back("offered");
    }
    await withdrawOffer(db, viewer, form.offerId, context.clientIp);
    return back("withdrawn");
  } catch (error) {
    if (!isMatchRefusal(error)) throw error;
    const refusal = explainMatchRefusal(error, await getLocale(request));
    if (refusal.status === 404) throw notFound();
    return data({ error: refusal.text }, { status: refusal.status });
  }
}

export default function UnitMatch() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const match = page.match;
  const unitQuery = page.unit ? `?unit=${page.unit.id}` : "";
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to={`/unit/rounds/${page.round.id}${unitQuery}`}>← {page.round.title}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round.title}</p>
        <h1>{t("matchRuns.unit.title")}</h1>
        {page.unit ? <p className="text-lg text-slate-800">{page.unit.name}</p> : null}
        <p className="max-w-3xl text-slate-700">{t("matchRuns.unit.lead")}</p>
      </header>
      {page.units.length > 1 ? (
        <nav aria-label={t("matchRuns.unit.otherUnits")} className="flex flex-wrap gap-3 text-sm">
          {page.units.map((u) => (u.id === page.unit?.id ? <span key={u.id} aria-current="page" className="font-semibold">{u.name}</span> : <Link key={u.id} to={`/unit/rounds/${page.round.id}/match?unit=${u.id}`}>{u.name}</Link>))}
        </nav>
      ) : null}
      {actionData?.error ? <FormMessage>{t(actionData.error as never, { defaultValue: actionData.error })}</FormMessage> : null}
      {page.notice && !actionData ? <FormMessage tone="success">{t(page.notice === "offered" ? "matchRuns.unit.offeredNotice" : "matchRuns.unit.withdrawn")}</FormMessage> : null}

      {page.state === "noUnit" ? <p className="card">{t("matchRuns.unit.noUnit")}</p> : null}
      {page.state === "notAllocated" ? <p className="card">{t("matchRuns.unit.notAllocated")}</p> : null}
      {page.state === "notPublished" ? <p className="card">{t("matchRuns.unit.notPublished")}</p> : null}

      {match && page.unit ? (
        <>
          <p>
            {t("matchRuns.unit.seats", { quota: String(match.quota), admitted: String(match.admitted.length), offers: String(match.openOffers), empty: String(match.emptySeats) })}{" "}
            <Link to={`/unit/rounds/${page.round.id}/placements?unit=${page.unit.id}`}>{t("matchRuns.unit.placementsLink")}</Link>
          </p>
          <section aria-labelledby="admitted" className="space-y-3">
            <h2 id="admitted">{t("matchRuns.unit.admittedTitle")}</h2>
            {match.admitted.length === 0 ? <p className="text-slate-700">{t("matchRuns.unit.noAdmitted")}</p> : (
              <div className="overflow-x-auto">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("matchRuns.unit.name")}</th>
                      <th scope="col">{t("matchRuns.unit.status")}</th>
                      <th scope="col">{t("matchRuns.unit.how")}</th>
                      <th scope="col">{t("matchRuns.unit.checkInBy")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {match.admitted.map((a) => (
                      <tr key={a.id}>
                        <th scope="row" className="font-normal">{a.name}</th>
                        <td>{t(`matchRuns.status.${a.status as "admitted"}`)}</td>
                        <td>{t(`matchRuns.source.${a.source as "match"}`)}</td>
                        <td>{a.checkInBy}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="waitlist" className="space-y-3">
            <h2 id="waitlist">{t("matchRuns.unit.waitlistTitle")}</h2>
            {match.waitlist.length === 0 ? <p className="text-slate-700">{t("matchRuns.unit.noWaitlist")}</p> : (
              <ol className="list-decimal space-y-1 pl-6">{match.waitlist.map((w) => <li key={w.applicationId}>{w.name}</li>)}</ol>
            )}
          </section>

          <section aria-labelledby="post-match" className="space-y-3">
            <h2 id="post-match">{t("matchRuns.unit.postMatchTitle")}</h2>
            <p className="max-w-3xl text-slate-700">{t("matchRuns.unit.postMatchLead")}</p>
            {match.emptySeats === 0 ? <p>{t("matchRuns.unit.noSeats")}</p> : (
              <>
                <h3>{t("matchRuns.unit.candidates")}</h3>
                {match.candidates.length === 0 ? <p className="text-slate-700">{t("matchRuns.unit.noCandidates")}</p> : (
                  <ul className="space-y-2">
                    {match.candidates.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center gap-3">
                        <span>{c.name}</span>
                        {c.innovationScore ? <span className="text-sm text-slate-600">{t("common.labelValue", { label: t("matchRuns.unit.innovationScore"), value: c.innovationScore })}</span> : null}
                        <Form method="post">
                          <input type="hidden" name="unit" value={page.unit!.id} />
                          <input type="hidden" name="quotaApplicationId" value={match.quotaApplicationId} />
                          <input type="hidden" name="traineeApplicationId" value={c.id} />
                          <button type="submit" name="intent" value="offer" className="btn-secondary">{t("matchRuns.unit.offer", { name: c.name })}</button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                )}
                <Pagination page={page.page} pages={match.pages} />
              </>
            )}
            <h3>{t("matchRuns.unit.offersTitle")}</h3>
            {match.offers.length === 0 ? <p className="text-slate-700">{t("matchRuns.unit.noOffers")}</p> : (
              <ul className="space-y-2">
                {match.offers.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-3">
                    <span>{o.name} · {t(`matchRuns.offerStatus.${o.status}`)} · {t("common.labelValue", { label: t("matchRuns.unit.offeredAt"), value: o.offeredAt })}</span>
                    {o.status === "offered" ? (
                      <Form method="post">
                        <input type="hidden" name="unit" value={page.unit!.id} />
                        <input type="hidden" name="offerId" value={o.id} />
                        <button type="submit" name="intent" value="withdraw" className="btn-secondary">{t("matchRuns.unit.withdraw", { name: o.name })}</button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
