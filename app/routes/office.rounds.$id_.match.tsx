// The match of one PhD round for the programme office: run (and re-run) it after the unit-ranking
// deadline, read the newest run's verification report (capacities, mutual acceptability, no blocking
// pair, seats filled and unfilled per unit), publish it, and see every stored run with its input hash
// and its input and output JSON to re-run with `npm run match`. After publication: the seats given up
// and the moves down the waitlists. Reads of trainees' names are audited.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { deadlineLabelKey, hasPassed } from "~/placement/calendar";
import { officeMatchView } from "~/placement/match-results.server";
import { explainMatchRefusal, isMatchRefusal } from "~/placement/match-refusal-text.server";
import { passes, publishRun, runMatch } from "~/placement/match-runs.server";
import { RunChecks, UnitSeatsTable } from "~/placement/match-report";
import { getRound } from "~/placement/rounds.server";
import { listReleases } from "~/placement/seats.server";
import { applicantNames } from "~/placement/trainee-names.server";

export const meta: MetaFunction = () => [{ title: "媒合作業 · The match" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const db = context.services.db;
  const view = await getRound(db, params.id ?? "");
  if (!view || view.round.status === "draft") throw notFound();
  const locale = await getLocale(request);
  const { round } = view;
  const [match, releases] = await Promise.all([officeMatchView(db, round.id), listReleases(db, round.id)]);
  const unitName = (id: string | null) => {
    const unit = id ? match.units.get(id) : undefined;
    return unit ? pick(locale, unit.nameZh, unit.nameEn) : id ?? "";
  };
  const people = [...new Set(releases.flatMap((r) => [r.applicant, ...r.moves.map((m) => m.traineeApplicationId)]))];
  const names = await applicantNames(db, people);
  await logPersonalDataRead(db, officer, "trainee-application", people, context.clientIp);
  const done = new URL(request.url).searchParams.get("done");
  const latest = match.latest;
  return {
    notice: done === "ran" && latest ? { key: "matchRuns.office.ran", number: latest.run.runNumber } : done === "published" ? { key: "matchRuns.office.published", number: 0 } : null,
    round: { id: round.id, title: pick(locale, round.titleZh, round.titleEn), checkInCloseAt: formatDateTime(round.checkInCloseAt, locale) },
    ranking: { open: !hasPassed(round, "unitRanking"), at: formatDateTime(round.unitRankingCloseAt, locale) },
    published: match.published ? { number: match.published.runNumber, at: formatDateTime(match.published.publishedAt!, locale) } : null,
    latest: latest
      ? {
          id: latest.run.id,
          number: latest.run.runNumber,
          publishable: !match.published && latest.run.status === "verified" && passes(latest.checks),
          applicants: latest.applicants,
          placed: latest.placed,
          checks: latest.checks,
          blockingPairs: latest.blockingPairs.slice(0, 50).map((p) => ({ applicant: p.applicant, unit: unitName(p.unit) })),
          units: latest.units.map((u) => ({ ...u, name: unitName(u.id) })).sort((a, b) => a.name.localeCompare(b.name)),
        }
      : null,
    runs: match.runs.map((r) => ({
      id: r.id,
      number: r.runNumber,
      status: r.status,
      inputHash: r.inputHash,
      computedAt: formatDateTime(r.computedAt, locale),
      runBy: r.runBy ?? "",
    })),
    releases: releases.map((r) => ({
      id: r.id,
      who: names.get(r.applicant) ?? "",
      cause: r.cause,
      at: formatDateTime(r.createdAt, locale),
      unit: unitName(r.quotaApplicationId),
      moves: r.moves.map((m) => ({ step: m.step, who: names.get(m.traineeApplicationId) ?? "", from: m.fromQuotaApplicationId ? unitName(m.fromQuotaApplicationId) : null, to: unitName(m.toQuotaApplicationId) })),
      emptied: r.emptiedQuotaApplicationId ? unitName(r.emptiedQuotaApplicationId) : null,
    })),
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("run") }),
  z.object({ intent: z.literal("publish"), runId: z.uuid() }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const { db, env, mail } = context.services;
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "matchRuns.validation.choose" }, { status: 400 });
  const roundId = params.id ?? "";
  try {
    if (parsed.data.intent === "run") {
      await runMatch(db, officer, roundId, context.clientIp);
      return redirect(`/office/rounds/${roundId}/match?done=ran`);
    }
    await publishRun(db, officer, parsed.data.runId, { publicUrl: env.PUBLIC_URL }, context.clientIp);
    mail.wake();
    return redirect(`/office/rounds/${roundId}/match?done=published`);
  } catch (error) {
    if (!isMatchRefusal(error)) throw error;
    const refusal = explainMatchRefusal(error, await getLocale(request));
    if (refusal.status === 404) throw notFound();
    return data({ error: refusal.text }, { status: refusal.status });
  }
}

export default function OfficeMatch() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { latest, published } = page;
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm">
        <Link to={`/office/rounds/${page.round.id}`}>← {page.round.title}</Link>
      </nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round.title}</p>
        <h1>{t("matchRuns.office.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("matchRuns.office.lead")}</p>
        {published ? <p><Link to={`/office/rounds/${page.round.id}/placements`}>{t("matchRuns.office.placementsLink")}</Link></p> : null}
      </header>
      {actionData?.error ? <FormMessage>{t(actionData.error as never, { defaultValue: actionData.error })}</FormMessage> : null}
      {page.notice && !actionData ? <FormMessage tone="success">{t(page.notice.key as never, { number: String(page.notice.number) })}</FormMessage> : null}

      {published ? (
        <FormMessage tone="info">{t("matchRuns.office.publishedAt", { number: String(published.number), at: published.at })}</FormMessage>
      ) : (
        <section aria-labelledby="run" className="card space-y-3">
          <h2 id="run">{t("matchRuns.office.runTitle")}</h2>
          <p className="text-slate-700">{t("matchRuns.office.runLead")}</p>
          {page.ranking.open ? (
            <p>{t("matchRuns.office.notYet", { deadline: t(deadlineLabelKey("unitRanking")), at: page.ranking.at })}</p>
          ) : (
            <Form method="post">
              <button type="submit" name="intent" value="run" className={latest ? "btn-secondary" : "btn-primary"}>
                {latest ? t("matchRuns.office.rerun") : t("matchRuns.office.run")}
              </button>
            </Form>
          )}
        </section>
      )}

      {latest ? (
        <section aria-labelledby="report" className="space-y-4">
          <h2 id="report">{t("matchRuns.office.reportTitle", { number: String(latest.number) })}</h2>
          <p>{t("matchRuns.office.summary", { placed: String(latest.placed), applicants: String(latest.applicants) })}</p>
          <RunChecks checks={latest.checks} />
          {latest.blockingPairs.length > 0 ? (
            <div>
              <h3>{t("matchRuns.office.blockingPairs")}</h3>
              <ul className="list-disc pl-6">{latest.blockingPairs.map((p) => <li key={`${p.applicant}-${p.unit}`}>{t("matchRuns.office.blockingPair", p)}</li>)}</ul>
            </div>
          ) : null}
          <UnitSeatsTable units={latest.units} />
          {!published ? (
            <div className="card space-y-3">
              <h3>{t("matchRuns.office.publishTitle")}</h3>
              {latest.publishable ? (
                <>
                  <p>{t("matchRuns.office.publishLead", { number: String(latest.number), at: page.round.checkInCloseAt })}</p>
                  <Form method="post">
                    <input type="hidden" name="runId" value={latest.id} />
                    <button type="submit" name="intent" value="publish" className="btn-primary">{t("matchRuns.office.publish", { number: String(latest.number) })}</button>
                  </Form>
                </>
              ) : (
                <p>{t("matchRuns.office.cannotPublish")}</p>
              )}
            </div>
          ) : null}
        </section>
      ) : (
        <p className="card text-slate-700">{t("matchRuns.office.noRuns")}</p>
      )}

      {page.runs.length > 0 ? (
        <section aria-labelledby="runs" className="space-y-3">
          <h2 id="runs">{t("matchRuns.office.runsTitle")}</h2>
          <p className="max-w-3xl text-sm text-slate-700">{t("matchRuns.office.runsLead")}</p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("matchRuns.office.runNumber")}</th>
                  <th scope="col">{t("matchRuns.office.computedAt")}</th>
                  <th scope="col">{t("matchRuns.office.runBy")}</th>
                  <th scope="col">{t("matchRuns.office.runStatusLabel")}</th>
                  <th scope="col">{t("matchRuns.office.inputHash")}</th>
                  <th scope="col">{t("matchRuns.office.files")}</th>
                </tr>
              </thead>
              <tbody>
                {page.runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.number}</th>
                    <td>{r.computedAt}</td>
                    <td>{r.runBy}</td>
                    <td>{t(`matchRuns.runStatus.${r.status}`)}</td>
                    <td><code className="break-all text-xs">{r.inputHash}</code></td>
                    <td className="space-x-3 whitespace-nowrap">
                      <a href={`/office/match-runs/${r.id}/input.json`} download>{t("matchRuns.office.inputFile", { number: String(r.number) })}</a>
                      <a href={`/office/match-runs/${r.id}/output.json`} download>{t("matchRuns.office.outputFile", { number: String(r.number) })}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {published ? (
        <section aria-labelledby="releases" className="space-y-3">
          <h2 id="releases">{t("matchRuns.office.releasesTitle")}</h2>
          {page.releases.length === 0 ? (
            <p className="text-slate-700">{t("matchRuns.office.noReleases")}</p>
          ) : (
            <ol className="space-y-3">
              {page.releases.map((r) => (
                <li key={r.id} className="card space-y-1">
                  <p>{t("matchRuns.office.release", { who: r.who, cause: t(`matchRuns.cause.${r.cause}`), at: r.at, unit: r.unit })}</p>
                  {r.moves.length === 0 ? <p className="text-sm text-slate-700">{t("matchRuns.office.noMoves")}</p> : (
                    <ol className="list-decimal pl-6 text-sm">
                      {r.moves.map((m) => <li key={m.step}>{t("matchRuns.office.move", { who: m.who, from: m.from ?? t("matchRuns.office.fromNothing"), to: m.to })}</li>)}
                    </ol>
                  )}
                  {r.emptied ? <p className="text-sm text-slate-700">{t("matchRuns.office.emptied", { unit: r.emptied })}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
