// A training unit's trainees in a PhD round (?unit= picks which of the viewer's units): each one's
// status and check-in, training period (at most a year), internships with the 6-month warning,
// common-course hours toward 24, and completion once checked in. 20 trainees a page.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { handlePlacementAction } from "~/placement/placement-actions.server";
import { InternshipForm, PeriodForm, PlacementButton } from "~/placement/placement-forms";
import { CourseProgress, InternshipList } from "~/placement/placement-progress";
import { listPlacements } from "~/placement/placements.server";
import { progressView } from "~/placement/progress-view.server";
import { chosenUnit, unitsOf } from "~/placement/quota-applications.server";
import { getRound } from "~/placement/rounds.server";

export const meta: MetaFunction = () => [{ title: "學員培訓進度 · Trainees' progress" }];

const PAGE_SIZE = 20;
const querySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1), unit: z.string().optional() });


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
  const list = unit ? await listPlacements(db, round.id, { unitOrganisationId: unit.organisationId, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }) : { rows: [], total: 0 };
  return {
    round: { id: round.id, title: pick(locale, round.titleZh, round.titleEn) },
    unit: unit ? { id: unit.organisationId, name: pick(locale, unit.nameZh, unit.nameEn) } : null,
    units: unitsOf(viewer).map((u) => ({ id: u.organisationId, name: pick(locale, u.nameZh, u.nameEn) })),
    page: query.page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    placements: list.rows.map(({ placement: p, name, progress }) => ({
      id: p.id,
      name,
      status: p.status,
      source: p.source,
      checkInBy: formatDateTime(p.checkInBy, locale),
      checkedInAt: p.checkedInAt ? formatDateTime(p.checkedInAt, locale) : null,
      active: p.status === "admitted" || p.status === "checked_in" || p.status === "completed",
      progress: progressView(p, progress, round.monthlyStipendNtd, locale),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:placement:organisation");
  const locale = await getLocale(request);
  const reply = await handlePlacementAction(await request.formData(), { db: context.services.db, viewer, locale, ip: context.clientIp, publicUrl: context.services.env.PUBLIC_URL });
  if (reply.status === 404) throw notFound();
  return data(reply, { status: reply.status });
}

export default function UnitPlacements() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const resultFor = (id: string, intent: string) => (reply && reply.placementId === id && reply.intent === intent ? reply.result : undefined);
  const unitQuery = page.unit ? `?unit=${page.unit.id}` : "";
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to={`/unit/rounds/${page.round.id}/match${unitQuery}`}>← {t("matchRuns.progress.back")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round.title}</p>
        <h1>{t("matchRuns.progress.unitTitle")}</h1>
        {page.unit ? <p className="text-lg text-slate-800">{page.unit.name}</p> : null}
        <p className="max-w-3xl text-slate-700">{t("matchRuns.progress.lead")}</p>
      </header>
      {page.units.length > 1 ? (
        <nav aria-label={t("matchRuns.unit.otherUnits")} className="flex flex-wrap gap-3 text-sm">
          {page.units.map((u) => (u.id === page.unit?.id ? <span key={u.id} aria-current="page" className="font-semibold">{u.name}</span> : <Link key={u.id} to={`/unit/rounds/${page.round.id}/placements?unit=${u.id}`}>{u.name}</Link>))}
        </nav>
      ) : null}
      {reply?.message ? <FormMessage tone={reply.ok ? "success" : "error"}>{t(reply.message as never, { defaultValue: reply.message })}</FormMessage> : null}
      {!page.unit ? <p className="card">{t("matchRuns.unit.noUnit")}</p> : page.placements.length === 0 ? <p className="card text-slate-700">{t("matchRuns.progress.noPlacements")}</p> : null}
      {page.placements.map((p) => (
        <section key={p.id} aria-labelledby={`trainee-${p.id}`} className="card space-y-4">
          <div>
            <h2 id={`trainee-${p.id}`}>{p.name}</h2>
            <p className="text-slate-700">
              {t(`matchRuns.status.${p.status}`)} · {t(`matchRuns.source.${p.source}`)} ·{" "}
              {p.checkedInAt ? t("common.labelValue", { label: t("matchRuns.progress.checkedInAt"), value: p.checkedInAt }) : t("common.labelValue", { label: t("matchRuns.progress.checkInBy"), value: p.checkInBy })}
            </p>
          </div>
          {p.active ? (
            <>
              <div className="space-y-2">
                <h3>{t("matchRuns.progress.periodTitle")}</h3>
                <PeriodForm placementId={p.id} startsOn={p.progress.period?.startsOn ?? ""} endsOn={p.progress.period?.endsOn ?? ""} lastResult={resultFor(p.id, "period")} />
              </div>
              <div className="space-y-2">
                <h3>{t("matchRuns.progress.internshipsTitle")}</h3>
                <InternshipList progress={p.progress} />
                <InternshipForm placementId={p.id} lastResult={resultFor(p.id, "internship")} />
              </div>
              <div className="space-y-2">
                <h3>{t("matchRuns.progress.courseTitle")}</h3>
                <CourseProgress progress={p.progress} id={`course-${p.id}`} />
              </div>
              {p.status === "checked_in" ? <PlacementButton placementId={p.id} intent="complete" label={t("matchRuns.progress.complete")} /> : null}
            </>
          ) : null}
        </section>
      ))}
      <Pagination page={page.page} pages={page.pages} />
    </div>
  );
}
