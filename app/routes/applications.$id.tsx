// One application. Members of the position's company see the applicant, the cover note, the stage
// history, move it on and fill in scorecards; the talent sees their position and history, answers an
// invitation or withdraws; the programme office reads it (audited) and changes nothing.
import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { applicationActionSchema, moveSchema } from "~/applications/forms";
import { answerInvitation, getApplicationFor, moveApplication, PipelineRuleError, saveScorecard, withdrawApplication } from "~/applications/pipeline.server";
import { ScorecardForm, ScorecardList } from "~/applications/scorecards";
import { StageHistory } from "~/applications/stage-history";
import { companyMoves, scorecardStages, talentMayWithdraw, type Stage } from "~/applications/stages";
import { forbidden, notFound, requireViewer } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { skillOptions } from "~/surveys/vocabulary.server";
import { describeCv } from "~/talents/cv.server";
import { caseIdForApplication } from "~/work-permits/cases.server";

export const meta: MetaFunction = () => [{ title: "應徵 · Application" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // The talent who applied, members of the position's company, and the programme office (read-only, audited).
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const found = await getApplicationFor(db, viewer, params.id ?? "");
  if (!found) throw notFound();
  const view = found.manages ? "company" : found.isTalent ? "talent" : "office";
  if (view === "office") await logPersonalDataRead(db, viewer, "application", [found.application.id], context.clientIp);
  const locale = await getLocale(request);
  const { application, position } = found;
  const organisation = pick(locale, found.organisation.nameZh, found.organisation.nameEn);
  // Stage notes are shown to the talent too: the move form says so, they explain a move (as an
  // invitation's note invites), and the company's assessments belong in scorecards, which the talent
  // never sees. The talent sees moves as made by the company, not by a named recruiter.
  const history = found.events.map((e) => ({
    id: e.id,
    from: e.from,
    to: e.to,
    at: formatDateTime(e.at, locale),
    note: e.note,
    you: view === "talent" && e.actorId === viewer.id,
    who: view === "talent" ? organisation : (e.actor ?? "—"),
  }));
  const base = {
    view,
    stage: application.stage,
    origin: application.origin,
    coverNote: application.coverNote,
    createdAt: formatDateTime(application.createdAt, locale),
    position: { id: position.id, title: position.title },
    organisation,
    history,
    mayWithdraw: view === "talent" && application.stage !== "invited" && talentMayWithdraw(application.stage),
    // A hire of an overseas talent opened a work-permit case: both sides follow it from here.
    workPermitCaseId: application.stage === "hired" ? await caseIdForApplication(db, application.id) : null,
    company: null,
  };
  if (view === "talent") return base;

  const [skills, cv] = await Promise.all([skillOptions(db, locale), describeCv(db, found.talent.id, locale)]);
  const label = new Map(skills.map((s) => [s.key, s.label]));
  const criteria = found.criteria.map((key) => ({ key, label: label.get(key) ?? key }));
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const cards = found.scorecards.map((c) => ({ id: c.id, interviewer: c.interviewer, interviewerUserId: c.interviewerUserId, recommendation: c.recommendation, notes: c.notes, updatedAt: formatDateTime(c.updatedAt, locale), scores: c.scores }));
  const averages = criteria.map((c) => {
    const given = cards.map((card) => card.scores[c.key]).filter((s): s is number => typeof s === "number");
    return { ...c, average: given.length ? one.format(given.reduce((a, b) => a + b, 0) / given.length) : null };
  });
  return {
    ...base,
    company: {
      talent: { name: found.talent.displayName, email: found.talent.email, cvHref: cv?.href ?? null },
      moves: view === "company" ? companyMoves(application.stage) : [],
      mayScore: view === "company" && scorecardStages.includes(application.stage),
      criteria,
      cards,
      averages,
      own: view === "company" ? (cards.find((c) => c.interviewerUserId === viewer.id) ?? null) : null,
    },
  };
}

type FormName = "move" | "scorecard" | "talent";
interface Reply {
  form: FormName;
  result?: SubmissionResult<string[]>;
  done?: { key: string; stage?: Stage };
  refusal?: string;
}

const formOf = (intent: unknown): FormName => (intent === "move" || intent === "scorecard" ? intent : "talent");

/** A rule refusal: 404 and 403 are thrown; the rest are shown on the page. */
function refused(error: PipelineRuleError, form: FormName, result?: SubmissionResult<string[]>) {
  if (error.code === "notFound") throw notFound();
  if (error.code === "notMember" || error.code === "notTalent") throw forbidden();
  const status = error.code === "unknownCriterion" || error.code === "scoreOutOfRange" ? 400 : 409;
  return data<Reply>({ form, result, refusal: `applications.refusal.${error.code}` }, { status });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  // The talent answers or withdraws; members of the position's company move and score. The office only reads.
  const viewer = requireViewer(request, context);
  if (!can(viewer.roles, "create:application:own") && !can(viewer.roles, "update:application:organisation")) throw forbidden();
  const { db, env, mail, searchSync } = context.services;
  const links = { publicUrl: env.PUBLIC_URL };
  const id = params.id ?? "";
  const submission = parseWithZod(await request.formData(), { schema: applicationActionSchema });
  if (submission.status !== "success") return data<Reply>({ form: formOf(submission.payload.intent), result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const form = formOf(value.intent);
  try {
    switch (value.intent) {
      case "move":
        await moveApplication(db, viewer, id, { from: value.from, to: value.to, note: value.note }, links, context.clientIp);
        mail.wake();
        // A hire changes the position's remaining headcount (and may fill it), which search shows.
        if (value.to === "hired") searchSync.wake();
        return data<Reply>({ form, result: submission.reply({ resetForm: true }), done: { key: "applications.move.done", stage: value.to } });
      case "scorecard": {
        const found = await getApplicationFor(db, viewer, id);
        if (!found) throw notFound();
        if (!found.manages) throw forbidden();
        const missing = found.criteria.filter((key) => value.scores[key] === undefined);
        if (missing.length > 0) {
          const fieldErrors = Object.fromEntries(missing.map((key) => [`scores.${key}`, ["applications.validation.scoreRequired"]]));
          return data<Reply>({ form, result: submission.reply({ fieldErrors }) }, { status: 400 });
        }
        await saveScorecard(db, viewer, id, { scores: value.scores, recommendation: value.recommendation, notes: value.notes ?? "" });
        return data<Reply>({ form, result: submission.reply(), done: { key: "applications.scorecards.saved" } });
      }
      case "withdraw":
        await withdrawApplication(db, viewer, id, links);
        mail.wake();
        return data<Reply>({ form, done: { key: "applications.talent.withdrawn" } });
      case "accept":
      case "decline":
        await answerInvitation(db, viewer, id, value.intent === "accept", links);
        mail.wake();
        return data<Reply>({ form, done: { key: value.intent === "accept" ? "applications.talent.accepted" : "applications.talent.declined" } });
    }
  } catch (error) {
    if (!(error instanceof PipelineRuleError)) throw error;
    return refused(error, form, value.intent === "move" ? submission.reply({ resetForm: true }) : undefined);
  }
}

export default function ApplicationPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const { company } = page;
  const notice = (form: FormName) =>
    reply?.form !== form ? null : reply.refusal ? (
      <FormMessage>{t(reply.refusal as never)}</FormMessage>
    ) : reply.done ? (
      <FormMessage tone="success">{t(reply.done.key as never, { stage: reply.done.stage ? t(`applications.stage.${reply.done.stage}`) : "" })}</FormMessage>
    ) : null;
  const history = page.history.map((e) => ({ ...e, who: e.you ? t("applications.application.you") : e.who }));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("applications.application.title", { position: page.position.title })}</h1>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("applications.application.position")}</dt>
          <dd><Link to={`/positions/${page.position.id}`}>{page.position.title}</Link></dd>
          <dt className="font-medium">{t("applications.application.organisation")}</dt>
          <dd>{page.organisation}</dd>
          {company ? (
            <>
              <dt className="font-medium">{t("applications.application.talent")}</dt>
              <dd>{company.talent.name} <a href={`mailto:${company.talent.email}`}>{company.talent.email}</a></dd>
            </>
          ) : null}
          <dt className="font-medium">{t("applications.application.currentStage")}</dt>
          <dd><strong data-testid="current-stage">{t(`applications.stage.${page.stage}`)}</strong></dd>
          <dt className="font-medium">{t("applications.application.origin")}</dt>
          <dd>{t(`applications.origin.${page.origin}`)}</dd>
          <dt className="font-medium">{t("applications.application.appliedAt")}</dt>
          <dd>{page.createdAt}</dd>
        </dl>
        {company ? (company.talent.cvHref ? <a href={company.talent.cvHref} className="inline-block">{t("applications.application.cv")}</a> : <p className="text-sm text-slate-700">{t("applications.application.noCv")}</p>) : null}
      </header>
      {page.view === "office" ? <FormMessage tone="info">{t("applications.application.officeNotice")}</FormMessage> : null}
      {page.workPermitCaseId ? (
        <p className="card">{t("workPermit.linkLead")} <Link to={`/work-permits/${page.workPermitCaseId}`}>{t("workPermit.link")}</Link></p>
      ) : null}

      {page.view === "talent" ? <TalentActions stage={page.stage} organisation={page.organisation} mayWithdraw={page.mayWithdraw} notice={notice("talent")} /> : null}

      <section aria-labelledby="cover-note-heading" className="card space-y-2">
        <h2 id="cover-note-heading">{page.origin === "invited" ? t("applications.application.invitationNote") : t("applications.application.coverNote")}</h2>
        <p className="whitespace-pre-line">{page.coverNote || t("applications.application.noCoverNote")}</p>
      </section>

      <section aria-labelledby="history-heading" className="card space-y-3">
        <h2 id="history-heading">{t("applications.application.history")}</h2>
        <StageHistory entries={history} />
      </section>

      {page.view === "company" && company ? (
        <section aria-labelledby="move-heading" className="card space-y-3">
          <h2 id="move-heading">{t("applications.move.heading")}</h2>
          {notice("move")}
          {company.moves.length > 0 ? (
            <MoveForm key={page.stage} stage={page.stage} moves={company.moves} lastResult={reply?.form === "move" ? (reply.result ?? null) : null} />
          ) : (
            <p className="text-slate-700">{page.stage === "invited" ? t("applications.move.waitingForTalent") : t("applications.move.ended")}</p>
          )}
        </section>
      ) : null}

      {company ? (
        <section aria-labelledby="scorecards-heading" className="card space-y-4">
          <h2 id="scorecards-heading">{t("applications.scorecards.heading")}</h2>
          <p className="text-sm text-slate-700">{t("applications.scorecards.lead")}</p>
          <ScorecardList criteria={company.criteria} cards={company.cards} averages={company.averages} />
          {page.view === "company" ? (
            <div className="space-y-3 border-t border-slate-200 pt-4">
              <h3 className="text-base">{t("applications.scorecards.yours")}</h3>
              {notice("scorecard")}
              {company.mayScore ? (
                <>
                  <p className="text-sm text-slate-700">{t("applications.scorecards.yoursLead")}</p>
                  <ScorecardForm criteria={company.criteria} own={company.own} lastResult={reply?.form === "scorecard" ? (reply.result ?? null) : null} />
                </>
              ) : (
                <p className="text-sm text-slate-700">{t("applications.scorecards.later")}</p>
              )}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function MoveForm({ stage, moves, lastResult }: { stage: Stage; moves: Stage[]; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(moveSchema, { id: "move", lastResult, defaultValue: { intent: "move", from: stage } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="from" value={stage} />
      <fieldset aria-describedby={fields.to.errors ? fields.to.errorId : undefined} className="space-y-1">
        <legend className="field-label">{t("applications.move.to")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {moves.map((to) => (
            <label key={to} className="inline-flex items-center gap-1">
              <input type="radio" name={fields.to.name} value={to} defaultChecked={fields.to.initialValue === to} />
              {t(`applications.stage.${to}`)}
            </label>
          ))}
        </div>
        <ErrorList id={fields.to.errorId} errors={fields.to.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.note.id} className="field-label">{t("applications.move.note")}</label>
        <p id={`${fields.note.id}-hint`} className="text-xs text-slate-600">{t("applications.move.noteHint")}</p>
        <textarea {...getTextareaProps(fields.note, { ariaDescribedBy: `${fields.note.id}-hint` })} key={fields.note.key} rows={2} className="field-input" />
        <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <button type="submit" className="btn-primary">{t("applications.move.submit")}</button>
    </Form>
  );
}

function TalentActions({ stage, organisation, mayWithdraw, notice }: { stage: Stage; organisation: string; mayWithdraw: boolean; notice: ReactNode }) {
  const { t } = useTranslation();
  if (!notice && stage !== "invited" && !mayWithdraw) return null;
  return (
    <section aria-label={t("applications.application.currentStage")} className="card space-y-3">
      {notice}
      {stage === "invited" ? (
        <>
          <p>{t("applications.talent.invited", { organisation })}</p>
          <Form method="post" className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="accept" className="btn-primary">{t("applications.talent.accept")}</button>
            <button type="submit" name="intent" value="decline" className="btn-secondary">{t("applications.talent.decline")}</button>
          </Form>
        </>
      ) : null}
      {mayWithdraw ? (
        <Form method="post" className="space-y-2">
          <p className="text-sm text-slate-700">{t("applications.talent.withdrawHint")}</p>
          <button type="submit" name="intent" value="withdraw" className="btn-secondary">{t("applications.talent.withdraw")}</button>
        </Form>
      ) : null}
    </section>
  );
}
