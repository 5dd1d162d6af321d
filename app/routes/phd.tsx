// A talent's PhD programme application for a round (?round=, else the newest opened one): the round's
// dates, eligibility with the evidence PDF, the ranked list of allocated units (reordered by drag or by
// the Move up / Move down buttons, which post the list without JavaScript), the receipts of every
// submission, and withdrawal. Writes go through trainee-applications.server.ts; refusals come back
// beside the field or above the form in the page's language.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { CalendarTable, calendarRows } from "~/placement/calendar-table";
import { hasPassed } from "~/placement/calendar";
import { EligibilityForm, PreferencesForm } from "~/placement/phd-forms";
import { applyEdit, editOf, listIntentPattern } from "~/placement/ranked-list";
import { getRound, listOpenedRounds } from "~/placement/rounds.server";
import {
  allocatedUnits, getOwnApplication, MAX_EVIDENCE_BYTES, saveEligibility, submitPreferences, withdrawTraineeApplication,
} from "~/placement/trainee-applications.server";
import { explainTraineeRefusal, isTraineeRefusal } from "~/placement/trainee-refusals.server";
import { TraineeRuleError } from "~/placement/trainee-rules";
import { eligibilitySchema, preferencesSchema, withdrawSchema } from "~/placement/trainee-schema";
import { evidencePath } from "~/placement/trainee-lists.server";
import { readUploadForm } from "~/placement/upload-form.server";
import { formatCalendarDate, formatNtd } from "~/positions/format";
import { formatFileSize } from "~/talents/cv.server";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "博士級人才申請 · PhD trainee application" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "create:trainee-application:own");
  const db = context.services.db;
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const rounds = await listOpenedRounds(db);
  const asked = url.searchParams.get("round");
  const round = asked ? rounds.find((r) => r.id === asked) : rounds[0];
  if (asked && !round) throw notFound();
  const others = rounds.filter((r) => r.id !== round?.id).map((r) => ({ id: r.id, title: pick(locale, r.titleZh, r.titleEn) }));
  if (!round) return { round: null, others, state: null, units: [], application: null, notice: null, calendar: [] };
  const now = new Date();
  const [units, own] = await Promise.all([allocatedUnits(db, round.id), getOwnApplication(db, viewer, round.id)]);
  const state = !hasPassed(round, "registrationOpens", now) ? "notYetOpen" : !hasPassed(round, "preferences", now) ? "open" : "closed";
  const a = own?.application;
  const done = url.searchParams.get("done");
  return {
    round: {
      id: round.id,
      title: pick(locale, round.titleZh, round.titleEn),
      maxPreferences: round.maxPreferences,
      trainingStartsOn: formatCalendarDate(round.trainingStartsOn, locale),
      stipend: formatNtd(round.monthlyStipendNtd, locale),
      registrationOpenAt: formatDateTime(round.registrationOpenAt, locale),
      preferencesCloseAt: formatDateTime(round.preferencesCloseAt, locale),
    },
    others,
    state,
    units: units.map((u) => ({ id: u.id, name: pick(locale, u.nameZh, u.nameEn), focus: u.focus })),
    application: a
      ? {
          id: a.id,
          version: a.version,
          status: a.status,
          phdStatus: a.phdStatus,
          phdDate: (a.phdObtainedOn ?? a.phdExpectedOn)!,
          phdDateShown: formatCalendarDate((a.phdObtainedOn ?? a.phdExpectedOn)!, locale),
          score: a.innovationScore,
          evidence: own.evidence ? { name: own.evidence.fileName, size: formatFileSize(own.evidence.sizeBytes, locale), href: evidencePath(a.id) } : null,
          preferences: own.preferences.map((p) => p.quotaApplicationId),
          receipts: own.receipts.map((r) => ({ id: r.id, version: r.version, submittedAt: formatDateTime(r.submittedAt, locale) })),
          mayWithdraw: a.status !== "withdrawn" && !hasPassed(round, "match", now),
        }
      : null,
    notice: done === "eligibility" || done === "submitted" || done === "withdrawn" ? done : null,
    calendar: calendarRows(round, locale, now),
  };
}

type ListReply = { items: string[]; focus: string | null; errors: string[] | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "create:trainee-application:own");
  const db = context.services.db;
  const locale = await getLocale(request);
  const read = await readUploadForm(request, { fileField: "evidence", fields: ["intent", "version", "roundId", "phdStatus", "phdDate"], maxBytes: MAX_EVIDENCE_BYTES });
  if (!read.ok) {
    const text = explainTraineeRefusal(new TraineeRuleError(read.problem === "tooLarge" ? "evidenceTooLarge" : "evidenceNotPdf"), locale).text;
    const result = parseWithZod(new FormData(), { schema: eligibilitySchema }).reply({ fieldErrors: { evidence: [text] } });
    return data({ form: "eligibility" as const, result, list: null }, { status: 400 });
  }
  const formData = read.formData;
  const intent = String(formData.get("intent") ?? "");
  const roundId = String(formData.get("roundId") ?? "");
  const back = (done: string) => redirect(`/phd?${new URLSearchParams({ round: roundId, done })}`);
  const round = isUuid(roundId) ? (await getRound(db, roundId))?.round ?? null : null;

  if (intent === "eligibility") {
    const submission = parseWithZod(formData, { schema: eligibilitySchema });
    if (submission.status !== "success") return data({ form: "eligibility" as const, result: submission.reply(), list: null }, { status: 400 });
    const { phdStatus, phdDate, evidence, version } = submission.value;
    try {
      const bytes = evidence && evidence.size > 0 ? new Uint8Array(await evidence.arrayBuffer()) : null;
      await saveEligibility(db, viewer, { roundId, expectedVersion: version ?? null }, { phdStatus, phdDate, evidence: bytes ? { fileName: evidence!.name, bytes } : null }, context.clientIp);
      return back("eligibility");
    } catch (error) {
      const refusal = refuse(error, locale, round);
      const result = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.text] } }) : submission.reply({ formErrors: [refusal.text] });
      return data({ form: "eligibility" as const, result, list: null }, { status: refusal.status });
    }
  }

  if (listIntentPattern.test(intent)) {
    const submission = parseWithZod(formData, { schema: preferencesSchema });
    if (submission.status !== "success") return data({ form: "list" as const, result: null, list: { items: [], focus: null, errors: ["validation.choose"] } as ListReply }, { status: 400 });
    const { items, add, version } = submission.value;
    const edit = editOf(intent, add);
    if (intent !== "submit") {
      const edited = edit ? applyEdit(items, edit, round?.maxPreferences ?? null) : { items, focus: null };
      return { form: "list" as const, result: null, list: { ...edited, errors: null } as ListReply };
    }
    try {
      const own = await getOwnApplication(db, viewer, roundId);
      if (!own) throw new TraineeRuleError("notFound");
      await submitPreferences(db, viewer, own.application.id, { expectedVersion: version ?? 0, quotaApplicationIds: items }, context.clientIp);
      return back("submitted");
    } catch (error) {
      const refusal = refuse(error, locale, round);
      return data({ form: "list" as const, result: null, list: { items, focus: null, errors: [refusal.text] } as ListReply }, { status: refusal.status });
    }
  }

  if (intent === "withdraw") {
    const submission = parseWithZod(formData, { schema: withdrawSchema });
    if (submission.status !== "success") return data({ form: "withdraw" as const, result: submission.reply(), list: null }, { status: 400 });
    try {
      const own = await getOwnApplication(db, viewer, roundId);
      if (!own) throw new TraineeRuleError("notFound");
      await withdrawTraineeApplication(db, viewer, own.application.id, submission.value.version, context.clientIp);
      return back("withdrawn");
    } catch (error) {
      const refusal = refuse(error, locale, round);
      return data({ form: "withdraw" as const, result: submission.reply({ formErrors: [refusal.text] }), list: null }, { status: refusal.status });
    }
  }
  return data({ form: null, result: null, list: null }, { status: 400 });
}

/** A refusal to show, or the 403/404 to throw; anything else is not a refusal and goes on up. */
function refuse(error: unknown, locale: Awaited<ReturnType<typeof getLocale>>, round: Parameters<typeof explainTraineeRefusal>[2]) {
  if (!isTraineeRefusal(error)) throw error;
  const refusal = explainTraineeRefusal(error, locale, round);
  if (refusal.status === 404) throw notFound();
  if (refusal.status === 403) throw forbidden();
  return refusal;
}

export default function PhdApplication() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { round, application: a, state } = page;
  const open = state === "open";
  const options = page.units.map((u) => ({ id: u.id, label: u.name, detail: t(`placement.focus.${u.focus}`) }));
  const list = actionData?.form === "list" ? actionData.list : null;
  const latest = a?.receipts[0];
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{t("trainees.phd.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("trainees.phd.lead")}</p>
        <p><Link to="/phd/result">{t("matchRuns.nav.result")}</Link></p>
      </header>
      {!round ? (
        <p className="card text-slate-700">{t("trainees.phd.noRound")}</p>
      ) : (
        <>
          <section aria-labelledby="round" className="card space-y-2">
            <h2 id="round">{round.title}</h2>
            <p>{t("trainees.phd.roundFacts", { max: String(round.maxPreferences), start: round.trainingStartsOn, stipend: round.stipend })}</p>
            <p className="font-medium">
              {state === "notYetOpen" ? t("trainees.phd.notYetOpen", { at: round.registrationOpenAt }) : state === "open" ? t("trainees.phd.open", { at: round.preferencesCloseAt }) : t("trainees.phd.closed", { at: round.preferencesCloseAt })}
            </p>
            {a ? <p>{t("common.labelValue", { label: t("trainees.office.status"), value: t(`trainees.status.${a.status}`) })}</p> : null}
          </section>
          {page.notice && !actionData ? (
            <FormMessage tone="success">
              {page.notice === "submitted" && latest ? (
                <>{t("trainees.phd.submittedNotice", { version: String(latest.version) })} <Link to={`/phd/receipts/${latest.id}`}>{t("trainees.receipt.view")}</Link></>
              ) : page.notice === "eligibility" ? t("trainees.phd.eligibilityNotice") : t("trainees.phd.withdrawnNotice")}
            </FormMessage>
          ) : null}

          <section aria-labelledby="eligibility-title" className="card space-y-4">
            <h2 id="eligibility-title">{t("trainees.eligibility.title")}</h2>
            <p className="text-sm text-slate-700">{t("trainees.eligibility.lead", { start: round.trainingStartsOn })}</p>
            {a ? (
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-slate-700">{t("trainees.eligibility.status")}</dt>
                <dd>{t("trainees.phdSummary", { status: t(`trainees.phdStatus.${a.phdStatus}`), on: t(`trainees.phdOn.${a.phdStatus}`, { date: a.phdDateShown }) })}</dd>
                <dt className="font-medium text-slate-700">{t("trainees.eligibility.evidence")}</dt>
                <dd>{a.evidence ? <a href={a.evidence.href} download>{t("trainees.fileSummary", { name: a.evidence.name, size: a.evidence.size })}</a> : "—"}</dd>
                <dt className="font-medium text-slate-700">{t("trainees.phd.score")}</dt>
                <dd>{a.score ?? t("trainees.phd.noScore")}</dd>
              </dl>
            ) : null}
            {open ? (
              <EligibilityForm
                roundId={round.id}
                defaults={a ? { version: String(a.version), phdStatus: a.phdStatus, phdDate: a.phdDate } : {}}
                lastResult={actionData?.form === "eligibility" ? actionData.result : null}
                hasEvidence={!!a?.evidence}
              />
            ) : null}
          </section>

          <section aria-labelledby="preferences-title" className="card space-y-4">
            <h2 id="preferences-title">{t("trainees.list.title")}</h2>
            {page.units.length === 0 ? (
              <p className="text-sm text-slate-700">{t("trainees.list.noUnits")}</p>
            ) : open && a ? (
              <PreferencesForm
                roundId={round.id}
                version={a.version}
                items={list ? list.items : a.preferences}
                options={options}
                max={round.maxPreferences}
                errors={list?.errors}
                focus={list?.focus}
                submitted={a.status === "submitted"}
              />
            ) : open ? (
              <p className="text-sm text-slate-700">{t("trainees.list.needsEligibility")}</p>
            ) : a && a.preferences.length > 0 ? (
              <ol className="list-decimal space-y-1 pl-6">
                {a.preferences.map((id) => <li key={id}>{options.find((o) => o.id === id)?.label ?? id}</li>)}
              </ol>
            ) : (
              <p className="text-sm text-slate-700">{t("trainees.list.empty")}</p>
            )}
          </section>

          <section aria-labelledby="receipts" className="space-y-3">
            <h2 id="receipts">{t("trainees.receipt.history")}</h2>
            {a && a.receipts.length > 0 ? (
              <ul className="space-y-1">
                {a.receipts.map((r) => (
                  <li key={r.id}>
                    <Link to={`/phd/receipts/${r.id}`}>{t("trainees.receipt.version", { version: String(r.version) })}</Link>
                    {" · "}{t("common.labelValue", { label: t("trainees.receipt.submittedAt"), value: r.submittedAt })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">{t("trainees.receipt.none")}</p>
            )}
          </section>

          {a?.mayWithdraw ? (
            <section aria-labelledby="withdraw" className="card space-y-3">
              <h2 id="withdraw">{t("trainees.withdraw.title")}</h2>
              <p className="text-sm text-slate-700">{t("trainees.withdraw.lead")}</p>
              {actionData?.form === "withdraw" && actionData.result?.error?.[""] ? <FormMessage>{actionData.result.error[""]!.join(" ")}</FormMessage> : null}
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="roundId" value={round.id} />
                <input type="hidden" name="version" value={String(a.version)} />
                <button type="submit" className="btn-secondary">{t("trainees.withdraw.button")}</button>
              </Form>
            </section>
          ) : null}

          <section aria-labelledby="profile" className="space-y-2">
            <h2 id="profile">{t("trainees.phd.profileTitle")}</h2>
            <p className="text-sm text-slate-700">{t("trainees.phd.profileLead")}</p>
            <Link to="/profile">{t("trainees.phd.profileLink")}</Link>
          </section>

          <section aria-labelledby="calendar" className="space-y-3">
            <h2 id="calendar">{t("trainees.phd.calendar")}</h2>
            <CalendarTable calendar={page.calendar} trainingStartsOn={round.trainingStartsOn} />
          </section>
        </>
      )}
      {page.others.length > 0 ? (
        <nav aria-labelledby="other-rounds" className="space-y-2">
          <h2 id="other-rounds">{t("trainees.phd.otherRounds")}</h2>
          <ul className="space-y-1">
            {page.others.map((r) => <li key={r.id}><Link to={`/phd?round=${r.id}`}>{r.title}</Link></li>)}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
