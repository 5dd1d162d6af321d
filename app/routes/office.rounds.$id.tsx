// One PhD programme round for the programme office: its calendar and published criteria (editable, and
// then opened, while a draft), the units' quota applications with their status, reviewers and the
// panel's weighted total, the allocation table for the review meeting, and publication of the results.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { CalendarTable } from "~/placement/calendar-table";
import { Pagination } from "~/components/pagination";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { currentPhase, phaseLabelKey } from "~/placement/calendar";
import { calendarRows } from "~/placement/calendar-table";
import { allocateQuota, listRoundApplications, publishAllocations } from "~/placement/quota-allocations.server";
import { assignmentsForRound, assignReviewer, listReviewers, totalsForRound } from "~/placement/quota-reviews.server";
import { allocateSchema, assignSchema, publishSchema } from "~/placement/quota-schema";
import { explainRefusal } from "~/placement/refusal-text.server";
import { isPlacementRefusal } from "~/placement/refusals";
import { RoundForm } from "~/placement/round-form";
import { roundDefaults, toRoundInput } from "~/placement/round-form.server";
import { roundSchema } from "~/placement/round-schema";
import { getRound, openRound, phdProgrammes, updateRound } from "~/placement/rounds.server";
import { formatCalendarDate, formatNtd } from "~/positions/format";

export const meta: MetaFunction = () => [{ title: "培訓計畫梯次 · Programme round" }];

const PAGE_SIZE = 50;
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:placement-round:any");
  const db = context.services.db;
  const view = await getRound(db, params.id ?? "");
  if (!view) throw notFound();
  const locale = await getLocale(request);
  const { round, criteria, programme } = view;
  const { page: asked } = pageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [applications, totals, assignments, reviewers, programmes] = await Promise.all([
    listRoundApplications(db, round.id, { limit: PAGE_SIZE, offset: (asked - 1) * PAGE_SIZE }),
    totalsForRound(db, round.id),
    assignmentsForRound(db, round.id),
    listReviewers(db),
    round.status === "draft" ? phdProgrammes(db) : Promise.resolve([]),
  ]);
  const now = new Date();
  const one = new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-TW", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    round: {
      id: round.id,
      year: round.year,
      title: pick(locale, round.titleZh, round.titleEn),
      programme: pick(locale, programme.titleZh, programme.titleEn),
      status: round.status,
      phase: currentPhase(round, now),
      stipend: formatNtd(round.monthlyStipendNtd, locale),
      maxPreferences: round.maxPreferences,
      totalQuota: round.totalQuota,
      trainingStartsOn: formatCalendarDate(round.trainingStartsOn, locale),
    },
    calendar: calendarRows(round, locale, now),
    criteria: criteria.map((c) => ({ key: c.key, label: pick(locale, c.labelZh, c.labelEn), weight: c.weight, maxScore: c.maxScore })),
    applications: applications.rows.map(({ application: a, unit }) => {
      const total = totals.get(a.id);
      const assigned = assignments.get(a.id) ?? [];
      return {
        id: a.id,
        unit: pick(locale, unit.nameZh, unit.nameEn),
        focus: a.focus,
        requested: a.requestedTrainees,
        status: a.status,
        allocatedQuota: a.allocatedQuota,
        total: total?.total == null ? null : one.format(total.total),
        scoredBy: total?.scoredBy ?? 0,
        reviewers: assigned.map((r) => ({ id: r.reviewerUserId, name: r.displayName, state: (r.conflictDeclared ? "conflict" : r.submittedAt ? "scored" : "pending") as ReviewState })),
        assignable: reviewers.filter((r) => !assigned.some((x) => x.reviewerUserId === r.id)).map((r) => ({ id: r.id, name: r.displayName })),
      };
    }),
    counts: { total: applications.total, allocated: applications.allocated, awaitingCheck: applications.awaitingCheck, published: applications.published },
    page: asked,
    pages: Math.max(1, Math.ceil(applications.total / PAGE_SIZE)),
    edit: round.status === "draft" ? { defaults: roundDefaults(view), programmes: programmes.map((p) => ({ id: p.id, title: pick(locale, p.titleZh, p.titleEn) })) } : null,
  };
}

type ReviewState = "conflict" | "scored" | "pending";

const intentSchema = z.object({ intent: z.enum(["update", "open", "assign", "allocate", "publish"], { error: "validation.choose" }) });
type Intent = z.infer<typeof intentSchema>["intent"];

interface Reply {
  intent: Intent | null;
  ok: boolean;
  text: string;
  applicationId?: string;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const { db, env, mail } = context.services;
  const locale = await getLocale(request);
  const formData = await request.formData();
  const chosen = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!chosen.success) return data({ reply: { intent: null, ok: false, text: "validation.choose" } as Reply, result: null }, { status: 400 });
  const intent = chosen.data.intent;
  const roundId = params.id ?? "";
  const applicationId = String(formData.get("applicationId") ?? "");
  const done = (text: string, extra: Partial<Reply> = {}) => ({ reply: { intent, ok: true, text, ...extra } as Reply, result: null });
  const invalid = (text: string) => data({ reply: { intent, ok: false, text, applicationId } as Reply, result: null }, { status: 400 });
  try {
    switch (intent) {
      case "update": {
        const submission = parseWithZod(formData, { schema: roundSchema });
        if (submission.status !== "success") return data({ reply: null, result: submission.reply() }, { status: 400 });
        try {
          await updateRound(db, officer, roundId, toRoundInput(submission.value), context.clientIp);
        } catch (error) {
          if (!isPlacementRefusal(error)) throw error;
          const refusal = explainRefusal(error, locale);
          if (refusal.status === 404) throw notFound();
          const result = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.text] } }) : submission.reply({ formErrors: [refusal.text] });
          return data({ reply: null, result }, { status: refusal.status });
        }
        return { reply: { intent, ok: true, text: "placement.office.saved" } as Reply, result: submission.reply() };
      }
      case "open":
        await openRound(db, officer, roundId, context.clientIp);
        return done("placement.office.opened");
      case "assign": {
        const parsed = assignSchema.safeParse(Object.fromEntries(formData));
        if (!parsed.success || !/^[0-9a-f-]{36}$/i.test(applicationId)) return invalid(parsed.error?.issues[0]?.message ?? "validation.choose");
        await assignReviewer(db, officer, applicationId, parsed.data.reviewerUserId, context.clientIp);
        return done("placement.office.assigned", { applicationId });
      }
      case "allocate": {
        const parsed = allocateSchema.safeParse({ ...Object.fromEntries(formData), quota: toNumber(formData.get("quota")) });
        if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? "placement.validation.quota");
        await allocateQuota(db, officer, parsed.data.applicationId, parsed.data.quota, context.clientIp);
        return done("placement.office.allocated", { applicationId });
      }
      case "publish": {
        publishSchema.parse({ intent });
        await publishAllocations(db, officer, roundId, { publicUrl: env.PUBLIC_URL }, context.clientIp);
        mail.wake();
        return done("placement.office.published");
      }
    }
  } catch (error) {
    if (!isPlacementRefusal(error)) throw error;
    const refusal = explainRefusal(error, locale);
    if (refusal.status === 404) throw notFound();
    return data({ reply: { intent, ok: false, text: refusal.text, applicationId } as Reply, result: null }, { status: refusal.status });
  }
}

const toNumber = (value: FormDataEntryValue | null) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value);

export default function OfficeRound() {
  const { round, calendar, criteria, applications, counts, page, pages, edit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData?.reply ?? null;
  const { t } = useTranslation();
  const rowReply = (id: string, intent: Intent) => (reply && reply.intent === intent && reply.applicationId === id ? reply : null);
  const pageReply = reply && !reply.applicationId ? reply : null;
  const published = counts.published;
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to="/office/rounds">← {t("placement.office.roundsTitle")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{round.programme}</p>
        <h1>{round.title}</h1>
        <p className="text-slate-700">
          {t("common.labelValue", { label: t("placement.round.status"), value: t(`placement.roundStatus.${round.status}`) })}
          {" · "}
          {t("common.labelValue", { label: t("placement.round.phase"), value: t(phaseLabelKey(round.phase)) })}
        </p>
      </header>
      {pageReply ? <FormMessage tone={pageReply.ok ? "success" : "error"}>{t(pageReply.text as never, { defaultValue: pageReply.text })}</FormMessage> : null}

      <dl className="grid gap-3 sm:grid-cols-4">
        <Fact label={t("placement.round.stipend")} value={t("placement.round.perMonth", { amount: round.stipend })} />
        <Fact label={t("placement.round.maxPreferences")} value={String(round.maxPreferences)} />
        <Fact label={t("placement.round.totalQuota")} value={String(round.totalQuota)} />
        <Fact label={t("placement.round.allocated")} value={t("placement.round.allocatedOf", { allocated: String(counts.allocated), total: String(round.totalQuota) })} />
      </dl>

      <section aria-labelledby="calendar" className="space-y-3">
        <h2 id="calendar">{t("placement.round.calendar")}</h2>
        <CalendarTable calendar={calendar} trainingStartsOn={round.trainingStartsOn} />
      </section>

      <section aria-labelledby="criteria" className="space-y-3">
        <h2 id="criteria">{t("placement.round.criteria")}</h2>
        <table className="data-table max-w-3xl">
          <thead>
            <tr>
              <th scope="col">{t("placement.roundForm.criterion.key")}</th>
              <th scope="col">{t("placement.round.criterion")}</th>
              <th scope="col">{t("placement.roundForm.criterion.weight")}</th>
              <th scope="col">{t("placement.roundForm.criterion.maxScore")}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.key}><td>{c.key}</td><td>{c.label}</td><td>{c.weight}</td><td>{c.maxScore}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      {edit ? (
        <section aria-labelledby="draft" className="space-y-4">
          <h2 id="draft">{t("placement.office.draftTitle")}</h2>
          <p className="text-slate-700">{t("placement.office.draftLead")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="open" className="btn-primary">{t("placement.office.open")}</button>
          </Form>
          <RoundForm lastResult={actionData?.result} defaultValue={edit.defaults} programmes={edit.programmes} submitLabel={t("placement.office.saveDraft")} intent="update" />
        </section>
      ) : (
        <>
          <section aria-labelledby="applications" className="space-y-3">
            <h2 id="applications">{t("placement.office.applications")}</h2>
            <p className="text-sm text-slate-700">{t("placement.office.applicationsLead")}</p>
            {applications.length === 0 ? (
              <p className="card text-slate-700">{t("placement.office.noApplications")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("placement.quota.unit")}</th>
                      <th scope="col">{t("placement.quota.focus")}</th>
                      <th scope="col">{t("placement.quota.requested")}</th>
                      <th scope="col">{t("placement.quota.status")}</th>
                      <th scope="col">{t("placement.office.reviewers")}</th>
                      <th scope="col">{t("placement.office.weightedTotal")}</th>
                      <th scope="col">{t("placement.quota.allocatedQuota")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {applications.map((a) => {
                      const assignReply = rowReply(a.id, "assign");
                      const allocateReply = rowReply(a.id, "allocate");
                      const open = a.status === "documents_complete" && !published;
                      return (
                        <tr key={a.id} className="align-top">
                          <th scope="row" className="text-left font-normal"><Link to={`/office/quota-applications/${a.id}`}>{a.unit}</Link></th>
                          <td>{t(`placement.focus.${a.focus}`)}</td>
                          <td>{a.requested}</td>
                          <td>{t(`placement.quotaStatus.${a.status}`)}</td>
                          <td className="space-y-2">
                            {a.reviewers.length === 0 ? <p>{t("placement.office.noReviewers")}</p> : (
                              <ul>{a.reviewers.map((r) => <li key={r.id}>{r.name} · {t(`placement.reviewState.${r.state}`)}</li>)}</ul>
                            )}
                            {open && a.assignable.length > 0 ? (
                              <Form method="post" className="flex flex-wrap items-end gap-2">
                                <input type="hidden" name="applicationId" value={a.id} />
                                <label htmlFor={`reviewer-${a.id}`} className="sr-only">{t("placement.office.assignFor", { unit: a.unit })}</label>
                                <select id={`reviewer-${a.id}`} name="reviewerUserId" className="field-input mt-0 w-auto">
                                  {a.assignable.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
                                </select>
                                <button type="submit" name="intent" value="assign" className="btn-secondary">{t("placement.office.assign")}</button>
                              </Form>
                            ) : null}
                            {assignReply ? <p role={assignReply.ok ? "status" : "alert"} className={assignReply.ok ? "text-green-800" : "text-red-700"}>{t(assignReply.text as never, { defaultValue: assignReply.text })}</p> : null}
                          </td>
                          <td>{a.total === null ? "—" : t("placement.office.totalOf100", { total: a.total, count: a.scoredBy })}</td>
                          <td>
                            {open ? (
                              <Form method="post" className="flex flex-wrap items-end gap-2">
                                <input type="hidden" name="applicationId" value={a.id} />
                                <label htmlFor={`quota-${a.id}`} className="sr-only">{t("placement.office.quotaFor", { unit: a.unit })}</label>
                                <input
                                  id={`quota-${a.id}`} name="quota" inputMode="numeric" defaultValue={a.allocatedQuota ?? ""} className="field-input mt-0 w-20"
                                  aria-invalid={allocateReply && !allocateReply.ok ? true : undefined} aria-describedby={allocateReply ? `quota-${a.id}-message` : undefined}
                                />
                                <button type="submit" name="intent" value="allocate" className="btn-secondary">{t("placement.office.allocate")}</button>
                              </Form>
                            ) : (
                              <span>{a.allocatedQuota ?? "—"}</span>
                            )}
                            {allocateReply ? (
                              <p id={`quota-${a.id}-message`} role={allocateReply.ok ? "status" : "alert"} className={allocateReply.ok ? "text-green-800" : "text-red-700"}>
                                {t(allocateReply.text as never, { defaultValue: allocateReply.text })}
                              </p>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination page={page} pages={pages} />
          </section>

          <section aria-labelledby="publish" className="card space-y-3">
            <h2 id="publish">{t("placement.office.publishTitle")}</h2>
            {published ? (
              <p>
                {t("placement.office.publishedLead")} <Link to={`/programmes/phd/rounds/${round.year}`}>{t("placement.office.publicPage")}</Link>
                {" · "}<Link to={`/office/rounds/${round.id}/trainees`}>{t("trainees.office.link")}</Link>
                {" · "}<Link to={`/office/rounds/${round.id}/match`}>{t("matchRuns.office.title")}</Link>
              </p>
            ) : (
              <>
                <p className="text-slate-700">{t("placement.office.publishLead", { allocated: String(counts.allocated), total: String(round.totalQuota), waiting: String(counts.awaitingCheck) })}</p>
                <Form method="post">
                  <button type="submit" name="intent" value="publish" className="btn-primary">{t("placement.office.publish")}</button>
                </Form>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="card">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold">{value}</dd>
    </div>
  );
}
