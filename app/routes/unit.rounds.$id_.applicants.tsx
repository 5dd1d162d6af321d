// A training unit's applicants in a round (?unit= picks which of the viewer's units): the PhD trainees
// whose submitted list names the unit, with their evidence and innovation score, each one's interview
// (scheduled, moved, marked held or no-show), and the unit's ranking editor (Move up / Move down post
// the list without JavaScript; drag and drop with it). Only for a unit allocated a quota in the round.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick, type Locale } from "~/i18n/resources";
import { hasPassed, toTaipeiLocal } from "~/placement/calendar";
import { chosenUnit, unitsOf } from "~/placement/quota-applications.server";
import { applyEdit, editOf, listIntentPattern } from "~/placement/ranked-list";
import { RankedListEditor } from "~/placement/ranked-list-editor";
import { getRound, type Round } from "~/placement/rounds.server";
import { explainTraineeRefusal, isTraineeRefusal } from "~/placement/trainee-refusals.server";
import { evidencePath } from "~/placement/trainee-lists.server";
import { RankingRuleError } from "~/placement/trainee-rules";
import { interviewSchema, interviewStatusSchema, rankingSchema } from "~/placement/trainee-schema";
import { listUnitApplicants, scheduleInterview, setInterviewStatus, submitUnitRanking } from "~/placement/unit-rankings.server";
import { formatCalendarDate } from "~/positions/format";

export const meta: MetaFunction = () => [{ title: "申請者與排序 · Applicants and ranking" }];

const PAGE_SIZE = 50;
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

/** The unit the page is about: ?unit= when it is one of the viewer's, else their first; null when they have none. */

async function openedRound(db: Parameters<typeof getRound>[0], roundId: string): Promise<Round> {
  const view = await getRound(db, roundId);
  if (!view || view.round.status === "draft") throw notFound();
  return view.round;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:unit-application:organisation");
  const db = context.services.db;
  const round = await openedRound(db, params.id ?? "");
  const unit = chosenUnit(viewer, new URL(request.url).searchParams.get("unit"));
  if (unit === "foreign") throw notFound();
  const locale = await getLocale(request);
  const now = new Date();
  const url = new URL(request.url);
  const base = {
    round: {
      id: round.id,
      title: pick(locale, round.titleZh, round.titleEn),
      interviewsCloseAt: formatDateTime(round.interviewsCloseAt, locale),
      unitRankingCloseAt: formatDateTime(round.unitRankingCloseAt, locale),
    },
    units: unitsOf(viewer).map((u) => ({ id: u.organisationId, name: pick(locale, u.nameZh, u.nameEn) })),
    notice: url.searchParams.get("done"),
  };
  if (!unit) return { ...base, unit: null, selection: null };
  const unitView = { id: unit.organisationId, name: pick(locale, unit.nameZh, unit.nameEn) };
  try {
    const found = await listUnitApplicants(db, viewer, round.id, unit.organisationId);
    const { page } = pageSchema.parse(Object.fromEntries(url.searchParams));
    const applicants = found.applicants.map((a) => applicantView(a, locale));
    return {
      ...base,
      unit: unitView,
      selection: {
        quota: found.seat.allocatedQuota ?? 0,
        interviewsOpen: !hasPassed(round, "interviews", now),
        rankingOpen: !hasPassed(round, "unitRanking", now),
        all: applicants.map((a) => ({ id: a.id, name: a.name, email: a.email, score: a.score })),
        applicants: applicants.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: applicants.length,
        page,
        pages: Math.max(1, Math.ceil(applicants.length / PAGE_SIZE)),
        ranking: found.ranking
          ? { version: found.ranking.version, submittedAt: found.ranking.submittedAt ? formatDateTime(found.ranking.submittedAt, locale) : null, items: found.ranking.entries.map((e) => e.traineeApplicationId) }
          : null,
      },
    };
  } catch (error) {
    if (error instanceof RankingRuleError && error.code === "notAllocated") return { ...base, unit: unitView, selection: null };
    throw error;
  }
}

type Applicant = Awaited<ReturnType<typeof listUnitApplicants>>["applicants"][number];

function applicantView(a: Applicant, locale: Locale) {
  const phdDate = formatCalendarDate((a.phdObtainedOn ?? a.phdExpectedOn)!, locale);
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    phdStatus: a.phdStatus,
    phdDate,
    score: a.innovationScore,
    evidence: a.hasEvidence ? evidencePath(a.id) : null,
    interview: a.interview
      ? {
          id: a.interview.id,
          status: a.interview.status,
          from: formatDateTime(a.interview.startsAt, locale),
          to: formatDateTime(a.interview.endsAt, locale),
          location: a.interview.location,
          startsAt: toTaipeiLocal(a.interview.startsAt),
          endsAt: toTaipeiLocal(a.interview.endsAt),
        }
      : null,
  };
}

type Reply = { intent: string; ok: boolean; text: string; applicationId?: string; field?: string; list?: { items: string[]; focus: string | null; errors: string[] | null } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:unit-application:organisation");
  const db = context.services.db;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const isList = listIntentPattern.test(intent);
  if (!isList && intent !== "schedule" && !["held", "no_show", "cancelled"].includes(intent)) {
    return data({ reply: { intent, ok: false, text: "validation.choose" } as Reply }, { status: 400 });
  }
  const locale = await getLocale(request);
  const round = await openedRound(db, params.id ?? "");
  const unit = chosenUnit(viewer, new URL(request.url).searchParams.get("unit"));
  if (!unit || unit === "foreign") throw notFound();
  const target = { roundId: round.id, organisationId: unit.organisationId };
  const back = (done: string) => redirect(`/unit/rounds/${round.id}/applicants?${new URLSearchParams({ unit: unit.organisationId, done })}`);
  const applicationId = String(formData.get("applicationId") ?? "");
  try {
    if (isList) {
      const parsed = parseWithZod(formData, { schema: rankingSchema });
      if (parsed.status !== "success") return data({ reply: { intent, ok: false, text: "validation.choose", list: { items: [], focus: null, errors: ["validation.choose"] } } as Reply }, { status: 400 });
      const { items, add, version } = parsed.value;
      const edit = editOf(intent, add);
      if (intent !== "submit") {
        const edited = edit ? applyEdit(items, edit, null) : { items, focus: null };
        return { reply: { intent, ok: true, text: "", list: { ...edited, errors: null } } as Reply };
      }
      try {
        await submitUnitRanking(db, viewer, target, { expectedVersion: version ?? null, traineeApplicationIds: items }, context.clientIp);
      } catch (error) {
        const refusal = refuse(error, locale, round);
        return data({ reply: { intent, ok: false, text: refusal.text, list: { items, focus: null, errors: [refusal.text] } } as Reply }, { status: refusal.status });
      }
      return back("ranked");
    }
    if (intent === "schedule") {
      const parsed = parseWithZod(formData, { schema: interviewSchema });
      if (parsed.status !== "success") {
        const [field, messages] = Object.entries(parsed.error ?? {}).find(([, m]) => m?.length) ?? ["", ["validation.choose"]];
        return data({ reply: { intent, ok: false, text: messages![0]!, applicationId, field } as Reply }, { status: 400 });
      }
      const { startsAt, endsAt, location } = parsed.value;
      await scheduleInterview(db, viewer, target, { traineeApplicationId: parsed.value.applicationId, startsAt, endsAt, location }, context.clientIp);
      return back("scheduled");
    }
    const parsed = parseWithZod(formData, { schema: interviewStatusSchema });
    if (parsed.status !== "success") return data({ reply: { intent, ok: false, text: "validation.choose", applicationId } as Reply }, { status: 400 });
    await setInterviewStatus(db, viewer, target, parsed.value.interviewId, parsed.value.intent, context.clientIp);
    return back("interview");
  } catch (error) {
    const refusal = refuse(error, locale, round);
    return data({ reply: { intent, ok: false, text: refusal.text, applicationId, field: refusal.field } as Reply }, { status: refusal.status });
  }
}

function refuse(error: unknown, locale: Locale, round: Round) {
  if (!isTraineeRefusal(error)) throw error;
  const refusal = explainTraineeRefusal(error, locale, round);
  if (refusal.status === 404) throw notFound();
  if (refusal.status === 403) throw forbidden();
  return refusal;
}

const notices: Record<string, string> = { scheduled: "trainees.unit.scheduled", interview: "trainees.unit.statusSaved" };

export default function UnitApplicants() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData?.reply ?? null;
  const { t } = useTranslation();
  const say = (text: string) => t(text as never, { defaultValue: text });
  const selection = page.selection;
  const unitQuery = page.unit ? `?unit=${page.unit.id}` : "";
  const list = reply?.list ?? null;
  const options = (selection?.all ?? []).map((a) => ({
    id: a.id,
    label: a.name,
    detail: a.score === null ? a.email : `${a.email} · ${t("common.labelValue", { label: t("trainees.unit.score"), value: String(a.score) })}`,
  }));
  return (
    <div className="space-y-8">
      <nav aria-label={t("trainees.breadcrumb")} className="text-sm"><Link to={`/unit/rounds/${page.round.id}${unitQuery}`}>← {t("trainees.unit.back")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round.title}</p>
        <h1>{t("trainees.unit.title")}</h1>
        {page.unit ? <p className="text-lg text-slate-800">{page.unit.name}</p> : null}
        <p className="max-w-3xl text-slate-700">{t("trainees.unit.lead")}</p>
        <p className="text-sm text-slate-700">{t("trainees.unit.deadlines", { interviews: page.round.interviewsCloseAt, ranking: page.round.unitRankingCloseAt })}</p>
      </header>
      {page.units.length > 1 ? (
        <nav aria-label={t("trainees.unit.otherUnits")} className="flex flex-wrap gap-3 text-sm">
          {page.units.map((u) => (u.id === page.unit?.id ? <span key={u.id} aria-current="page" className="font-semibold">{u.name}</span> : <Link key={u.id} to={`/unit/rounds/${page.round.id}/applicants?unit=${u.id}`}>{u.name}</Link>))}
        </nav>
      ) : null}
      {page.notice && !actionData && selection ? (
        <FormMessage tone="success">{page.notice === "ranked" ? t("trainees.unit.rankingSaved", { version: String(selection.ranking?.version ?? "") }) : say(notices[page.notice] ?? "")}</FormMessage>
      ) : null}

      {!page.unit ? (
        <p className="card text-slate-700">{t("trainees.unit.noUnit")}</p>
      ) : !selection ? (
        <p className="card text-slate-700">{t("trainees.unit.notAllocated")}</p>
      ) : (
        <>
          <p className="font-medium">{t("trainees.unit.quota", { quota: String(selection.quota) })}</p>
          <section aria-labelledby="applicants" className="space-y-4">
            <h2 id="applicants">{t("trainees.unit.applicants")}</h2>
            {selection.total === 0 ? <p className="card text-slate-700">{t("trainees.unit.none")}</p> : <p className="text-sm text-slate-700">{t("trainees.unit.count", { count: selection.total })}</p>}
            <ul className="space-y-4">
              {selection.applicants.map((a) => {
                const rowReply = reply && reply.applicationId === a.id && !reply.ok ? reply : null;
                const fieldError = (field: string) => (rowReply && rowReply.field === field ? [rowReply.text] : null);
                const id = `interview-${a.id}`;
                return (
                  <li key={a.id} className="card space-y-3">
                    <h3 className="text-base font-semibold">{a.name}</h3>
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                      <dt className="font-medium text-slate-700">{t("trainees.office.email")}</dt>
                      <dd className="break-all">{a.email}</dd>
                      <dt className="font-medium text-slate-700">{t("trainees.unit.phd")}</dt>
                      <dd>{t("trainees.phdSummary", { status: t(`trainees.phdStatus.${a.phdStatus}`), on: t(`trainees.phdOn.${a.phdStatus}`, { date: a.phdDate }) })}</dd>
                      <dt className="font-medium text-slate-700">{t("trainees.unit.score")}</dt>
                      <dd>{a.score ?? t("trainees.phd.noScore")}</dd>
                      <dt className="font-medium text-slate-700">{t("trainees.unit.evidence")}</dt>
                      <dd>{a.evidence ? <a href={a.evidence} download>{t("trainees.office.open")}</a> : t("trainees.office.missing")}</dd>
                      <dt className="font-medium text-slate-700">{t("trainees.unit.interview")}</dt>
                      <dd>
                        {a.interview
                          ? `${t("trainees.unit.interviewAt", { from: a.interview.from, to: a.interview.to, location: a.interview.location })} · ${t(`trainees.interviewStatus.${a.interview.status}`)}`
                          : t("trainees.unit.noInterview")}
                      </dd>
                    </dl>
                    {rowReply && !rowReply.field ? <FormMessage>{rowReply.text}</FormMessage> : null}
                    {selection.interviewsOpen ? (
                      <Form method="post" action={`/unit/rounds/${page.round.id}/applicants${unitQuery}`} aria-label={t("trainees.unit.scheduleFor", { name: a.name })} className="grid items-end gap-3 sm:grid-cols-4">
                        <input type="hidden" name="intent" value="schedule" />
                        <input type="hidden" name="applicationId" value={a.id} />
                        <TimeField id={`${id}-starts`} name="startsAt" label={t("trainees.unit.startsAt")} defaultValue={a.interview?.startsAt} errors={fieldError("startsAt")} />
                        <TimeField id={`${id}-ends`} name="endsAt" label={t("trainees.unit.endsAt")} defaultValue={a.interview?.endsAt} errors={fieldError("endsAt")} />
                        <div>
                          <label htmlFor={`${id}-location`} className="field-label">{t("trainees.unit.location")}</label>
                          <input id={`${id}-location`} name="location" required maxLength={200} defaultValue={a.interview?.location ?? ""} aria-invalid={fieldError("location") ? true : undefined} aria-describedby={fieldError("location") ? `${id}-location-error` : undefined} className="field-input" />
                          <ErrorList id={`${id}-location-error`} errors={fieldError("location")} />
                        </div>
                        <button type="submit" className="btn-primary">{a.interview ? t("trainees.unit.reschedule") : t("trainees.unit.schedule")}</button>
                      </Form>
                    ) : null}
                    {a.interview && selection.rankingOpen ? (
                      <Form method="post" action={`/unit/rounds/${page.round.id}/applicants${unitQuery}`} className="flex flex-wrap gap-2">
                        <input type="hidden" name="interviewId" value={a.interview.id} />
                        <input type="hidden" name="applicationId" value={a.id} />
                        <button type="submit" name="intent" value="held" className="btn-secondary">{t("trainees.unit.markHeld")}</button>
                        <button type="submit" name="intent" value="no_show" className="btn-secondary">{t("trainees.unit.markNoShow")}</button>
                        <button type="submit" name="intent" value="cancelled" className="btn-secondary">{t("trainees.unit.cancel")}</button>
                      </Form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <Pagination page={selection.page} pages={selection.pages} />
          </section>

          <section aria-labelledby="ranking" className="card space-y-4">
            <h2 id="ranking">{t("trainees.unit.rankingTitle")}</h2>
            <p className="text-sm text-slate-700">
              {selection.ranking?.submittedAt ? t("trainees.unit.rankingSubmittedAt", { at: selection.ranking.submittedAt, version: String(selection.ranking.version) }) : t("trainees.unit.rankingNotYet")}
            </p>
            {selection.rankingOpen ? (
              <Form method="post" action={`/unit/rounds/${page.round.id}/applicants${unitQuery}`} id="unit-ranking" className="space-y-4">
                {selection.ranking ? <input type="hidden" name="version" value={String(selection.ranking.version)} /> : null}
                <RankedListEditor
                  key={`${selection.ranking?.version ?? 0}:${(list?.items ?? selection.ranking?.items ?? []).join(",")}`}
                  id="ranking-items"
                  legend={t("trainees.unit.rankingLegend")}
                  hint={t("trainees.unit.rankingLead")}
                  empty={t("trainees.unit.rankingEmpty")}
                  addLabel={t("trainees.unit.rankingAdd")}
                  rankKey="trainees.unit.rank"
                  items={list?.items ?? selection.ranking?.items ?? []}
                  options={options}
                  max={null}
                  errors={list?.errors}
                  focus={list?.focus}
                />
                <button type="submit" name="intent" value="submit" className="btn-primary">{t("trainees.unit.submitRanking")}</button>
              </Form>
            ) : (
              <>
                <p className="text-sm text-slate-700">{t("trainees.unit.closed")}</p>
                <ol className="list-decimal space-y-1 pl-6">
                  {(selection.ranking?.items ?? []).map((id) => <li key={id}>{options.find((a) => a.id === id)?.label ?? id}</li>)}
                </ol>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function TimeField({ id, name, label, defaultValue, errors }: { id: string; name: string; label: string; defaultValue?: string; errors: string[] | null }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">{label}</label>
      <input id={id} name={name} type="datetime-local" required defaultValue={defaultValue ?? ""} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : undefined} className="field-input" />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}
