// A PhD applicant's match results: in each round whose match is published, the unit they got (or
// none) and, for each unit they listed higher, why not, in plain words; where their seat stands now
// (moved up from a waitlist, or taken through a post-match offer), their places on waitlists, offers
// from units with empty seats, check-in or declining before the deadline, and their training: period,
// internships, common-course hours and the stipend schedule.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { applicantResults } from "~/placement/match-results.server";
import { explainMatchRefusal, isMatchRefusal } from "~/placement/match-refusal-text.server";
import { CourseProgress, InternshipList, StipendTable } from "~/placement/placement-progress";
import { checkIn, progressOf } from "~/placement/placements.server";
import { answerOffer } from "~/placement/post-match.server";
import { progressView } from "~/placement/progress-view.server";
import { declineSeat } from "~/placement/seats.server";

export const meta: MetaFunction = () => [{ title: "我的媒合結果 · My match result" }];

const notices = { checkedIn: "matchRuns.result.checkedIn", declined: "matchRuns.result.declined", accepted: "matchRuns.result.accepted", refused: "matchRuns.result.refused" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:placement:own");
  const db = context.services.db;
  const locale = await getLocale(request);
  const results = await applicantResults(db, viewer.id);
  const progress = await progressOf(db, results.flatMap((r) => (r.placement ? [r.placement.id] : [])));
  const now = new Date();
  const done = new URL(request.url).searchParams.get("done");
  return {
    notice: done && done in notices ? notices[done as keyof typeof notices] : null,
    results: results.map((r) => {
      const name = (id: string) => {
        const unit = r.units.get(id);
        return unit ? pick(locale, unit.nameZh, unit.nameEn) : "";
      };
      const p = r.placement;
      const holding = p && (p.status === "admitted" || p.status === "checked_in" || p.status === "completed");
      return {
        applicationId: r.applicationId,
        round: pick(locale, r.round.titleZh, r.round.titleEn),
        publishedAt: formatDateTime(r.publishedAt, locale),
        matched: r.matched ? { unit: name(r.matched.unit), preference: r.matched.preference } : null,
        notHigher: r.notHigher.map((n) => ({ ...n, unit: name(n.unit) })),
        waitlists: r.waitlists.map((w) => ({ unit: name(w.unit), place: w.place })),
        placement: p
          ? {
              id: p.id,
              unit: name(p.quotaApplicationId),
              status: p.status,
              source: p.source,
              holding: !!holding,
              checkInBy: formatDateTime(p.checkInBy, locale),
              checkedInAt: p.checkedInAt ? formatDateTime(p.checkedInAt, locale) : null,
              mayAnswer: p.status === "admitted" && now < p.checkInBy,
              progress: holding ? progressView(p, progress.get(p.id)!, r.round.monthlyStipendNtd, locale) : null,
            }
          : null,
        offers: r.offers.map((o) => ({ id: o.id, unit: pick(locale, o.nameZh, o.nameEn), status: o.status, mayAnswer: o.status === "offered" && !holding })),
      };
    }),
  };
}

const answerSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("checkIn"), placementId: z.uuid() }),
  z.object({ intent: z.literal("decline"), placementId: z.uuid() }),
  z.object({ intent: z.literal("accept"), offerId: z.uuid() }),
  z.object({ intent: z.literal("refuse"), offerId: z.uuid() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:placement:own");
  const { db, env, mail } = context.services;
  const parsed = answerSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "matchRuns.validation.choose" }, { status: 400 });
  const links = { publicUrl: env.PUBLIC_URL };
  const answer = parsed.data;
  try {
    switch (answer.intent) {
      case "checkIn":
        await checkIn(db, viewer, answer.placementId, context.clientIp);
        return redirect("/phd/result?done=checkedIn");
      case "decline":
        await declineSeat(db, viewer, answer.placementId, links, context.clientIp);
        mail.wake();
        return redirect("/phd/result?done=declined");
      case "accept":
      case "refuse":
        await answerOffer(db, viewer, answer.offerId, answer.intent === "accept", links, context.clientIp);
        mail.wake();
        return redirect(`/phd/result?done=${answer.intent === "accept" ? "accepted" : "refused"}`);
    }
  } catch (error) {
    if (!isMatchRefusal(error)) throw error;
    const refusal = explainMatchRefusal(error, await getLocale(request));
    if (refusal.status === 404) throw notFound();
    return data({ error: refusal.text }, { status: refusal.status });
  }
}

type Result = ReturnType<typeof useLoaderData<typeof loader>>["results"][number];

export default function PhdResult() {
  const { results, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to="/phd">← {t("matchRuns.result.back")}</Link></nav>
      <header className="space-y-2">
        <h1>{t("matchRuns.result.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("matchRuns.result.lead")}</p>
      </header>
      {actionData?.error ? <FormMessage>{t(actionData.error as never, { defaultValue: actionData.error })}</FormMessage> : null}
      {notice && !actionData ? <FormMessage tone="success">{t(notice)}</FormMessage> : null}
      {results.length === 0 ? <p className="card text-slate-700">{t("matchRuns.result.empty")}</p> : results.map((r) => <RoundResult key={r.applicationId} result={r} />)}
    </div>
  );
}

function RoundResult({ result: r }: { result: Result }) {
  const { t } = useTranslation();
  const p = r.placement;
  const headingId = `round-${r.applicationId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-5">
      <div>
        <h2 id={headingId}>{r.round}</h2>
        <p className="text-sm text-slate-600">{t("matchRuns.result.publishedAt", { at: r.publishedAt })}</p>
      </div>
      <div className="card space-y-3">
        <p className="text-lg font-semibold">
          {r.matched ? t("matchRuns.result.matched", { unit: r.matched.unit, preference: String(r.matched.preference) }) : t("matchRuns.result.unmatched")}
        </p>
        <h3>{t("matchRuns.result.whyTitle")}</h3>
        {r.notHigher.length === 0 ? (
          <p>{r.matched ? t("matchRuns.result.firstChoice") : t("matchRuns.result.noPreferences")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {r.notHigher.map((n) => (
              <li key={n.unit}>
                {n.reason === "not-ranked"
                  ? t("matchRuns.result.why.notRanked", { unit: n.unit })
                  : n.reason === "no-seats"
                    ? t("matchRuns.result.why.noSeats", { unit: n.unit })
                    : t("matchRuns.result.why.filled", { unit: n.unit, count: n.seats, yourRank: String(n.yourRank), lowestAdmittedRank: String(n.lowestAdmittedRank) })}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="card space-y-3">
        <h3>{t("matchRuns.result.nowTitle")}</h3>
        {p ? (
          <>
            <p>{t("matchRuns.result.nowAt", { status: t(`matchRuns.status.${p.status}`), unit: p.unit })}</p>
            {p.holding && p.source === "waitlist" ? <p>{t("matchRuns.result.movedUp")}</p> : null}
            {p.holding && p.source === "post_match" ? <p>{t("matchRuns.result.postMatch")}</p> : null}
            {p.checkedInAt ? <p>{t("matchRuns.result.checkedInAt", { at: p.checkedInAt })}</p> : null}
            {p.mayAnswer ? (
              <>
                <p>{t("matchRuns.result.checkInLead", { at: p.checkInBy })}</p>
                <div className="flex flex-wrap gap-3">
                  <Form method="post">
                    <input type="hidden" name="placementId" value={p.id} />
                    <button type="submit" name="intent" value="checkIn" className="btn-primary">{t("matchRuns.result.checkIn")}</button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="placementId" value={p.id} />
                    <button type="submit" name="intent" value="decline" className="btn-secondary">{t("matchRuns.result.decline")}</button>
                  </Form>
                </div>
              </>
            ) : null}
          </>
        ) : (
          <p>{t("matchRuns.result.unmatched")}</p>
        )}
        {r.waitlists.length > 0 ? (
          <ul className="list-disc pl-6">
            {r.waitlists.map((w) => <li key={w.unit}>{t("matchRuns.result.waitlisted", { unit: w.unit, place: String(w.place) })}</li>)}
          </ul>
        ) : null}
      </div>

      {r.offers.length > 0 ? (
        <div className="card space-y-3">
          <h3>{t("matchRuns.result.offersTitle")}</h3>
          <ul className="space-y-3">
            {r.offers.map((o) => (
              <li key={o.id} className="space-y-2">
                <p>{t("matchRuns.result.offerFrom", { unit: o.unit })} · {t(`matchRuns.offerStatus.${o.status}`)}</p>
                {o.mayAnswer ? (
                  <div className="flex flex-wrap gap-3">
                    <Form method="post">
                      <input type="hidden" name="offerId" value={o.id} />
                      <button type="submit" name="intent" value="accept" className="btn-primary">{t("matchRuns.result.accept", { unit: o.unit })}</button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="offerId" value={o.id} />
                      <button type="submit" name="intent" value="refuse" className="btn-secondary">{t("matchRuns.result.refuse", { unit: o.unit })}</button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {p?.progress ? (
        <div className="card space-y-4">
          <h3>{t("matchRuns.result.trainingTitle")}</h3>
          <p>
            {t("common.labelValue", {
              label: t("matchRuns.progress.period"),
              value: p.progress.period ? t("matchRuns.progress.periodValue", { from: p.progress.period.from, to: p.progress.period.to }) : t("matchRuns.progress.noPeriod"),
            })}
          </p>
          <h4 className="font-semibold">{t("matchRuns.progress.internshipsTitle")}</h4>
          <InternshipList progress={p.progress} />
          <h4 className="font-semibold">{t("matchRuns.progress.courseTitle")}</h4>
          <CourseProgress progress={p.progress} id={`course-${p.id}`} />
          <StipendTable progress={p.progress} />
        </div>
      ) : null}
    </section>
  );
}
