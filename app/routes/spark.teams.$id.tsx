// One SPARK team for its lead, members, invitees, mentors and the office: the project, the members and
// invitations (the lead invites while forming and submits), milestones with evidence PDFs (once
// selected), mentors and their meetings, the matching fund, and meetings booked at demo days. The lead
// may withdraw the team (final); a withdrawn team shows who withdrew it, when and why, and takes no more work.
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireViewer } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { teamMeetings } from "~/spark/demo-days.server";
import { ReplyMessage, SelectField, TextField, UnshownReply, type FormReply } from "~/spark/fields";
import { meetingsOf, mentorsOf, milestonesOf, updateMilestone } from "~/spark/milestones.server";
import { addMilestone } from "~/spark/milestones.server";
import { fundOf, recordSpend } from "~/spark/office.server";
import { attempt, invalid, thrownRefusal } from "~/spark/reply.server";
import { MAX_EVIDENCE_BYTES, memberRoles, milestoneStatuses, SparkRuleError } from "~/spark/rules";
import { inviteSchema, leadWithdrawSchema, milestoneSchema, milestoneUpdateSchema, spendSchema } from "~/spark/schemas";
import { inviteMember, membersOf, respondToInvitation, submitTeam, teamFor } from "~/spark/teams.server";
import { LeadWithdrawForm, WithdrawalNote } from "~/spark/withdraw-forms";
import { withdrawTeamAsLead } from "~/spark/withdrawal.server";
import type { FormReply as Reply } from "~/spark/fields";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "SPARK 團隊 · SPARK team" }];

async function load(context: LoaderFunctionArgs["context"], request: Request, id: string | undefined) {
  const viewer = requireViewer(request, context);
  if (!isUuid(id)) throw notFound();
  try {
    return { viewer, ...(await teamFor(context.services.db, viewer, id)) };
  } catch (error) {
    thrownRefusal(error);
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { team, relation, programme, intake } = await load(context, request, params.id);
  const db = context.services.db;
  const locale = await getLocale(request);
  const insider = relation !== "invitee";
  const [members, milestones, mentors, meetings, fund, demoMeetings] = await Promise.all([
    membersOf(db, team.id),
    insider ? milestonesOf(db, team.id) : [],
    insider ? mentorsOf(db, team.id) : [],
    insider ? meetingsOf(db, team.id) : [],
    insider ? fundOf(db, team) : null,
    insider ? teamMeetings(db, team.id) : [],
  ]);
  return {
    relation,
    team: { id: team.id, projectTitle: team.projectTitle, clinicalNeed: team.clinicalNeed, technology: team.technology, stage: team.stage, status: team.status, year: team.year },
    withdrawal: team.withdrawnAt ? { at: formatDateTime(team.withdrawnAt, locale), byLead: team.withdrawnBy === team.leadUserId, reason: team.withdrawalReason } : null,
    programme: pick(locale, programme.titleZh, programme.titleEn),
    period: intake ? { startsOn: intake.startsOn, endsOn: intake.endsOn } : null,
    members: members.map((m) => ({ id: m.id, email: insider ? m.email : null, role: m.role, state: m.state })),
    milestones: milestones.map((m) => ({ ...m.milestone, createdAt: undefined, updatedAt: undefined, fileName: m.fileName })),
    mentors,
    meetings: meetings.map((m) => ({ id: m.meeting.id, metOn: m.meeting.metOn, minutes: m.meeting.minutes, notes: m.meeting.notes, mentor: m.mentor, mode: m.mode })),
    fund: fund ? { budget: fund.budget, spent: fund.spent, remaining: fund.remaining, spends: fund.spends.map((s) => ({ id: s.id, amountNtd: s.amountNtd, spentOn: s.spentOn, description: s.description })) } : null,
    demoMeetings: demoMeetings.map((m) => ({ id: m.id, when: formatDateTime(m.startsAt, locale), event: pick(locale, m.eventZh, m.eventEn), company: pick(locale, m.companyZh, m.companyEn) })),
  };
}

type ReadForm = { ok: true; form: FormData } | { ok: false; problem: SparkRuleError["code"] | "badRequest" };

async function readForm(request: Request): Promise<ReadForm> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return { ok: true, form: await request.formData() };
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_EVIDENCE_BYTES + 64 * 1024) return { ok: false, problem: "evidenceTooLarge" };
  const uploadHandler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_EVIDENCE_BYTES, filter: ({ name }) => ["intent", "milestoneId", "status", "evidence"].includes(name) });
  try {
    return { ok: true, form: await unstable_parseMultipartFormData(request, uploadHandler) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "evidenceTooLarge" };
    return { ok: false, problem: "badRequest" };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, team } = await load(context, request, params.id);
  const db = context.services.db;
  const ip = context.clientIp;
  const read = await readForm(request);
  if (!read.ok) return data<Reply>({ intent: "milestone-update", errors: {}, values: {}, message: `spark.refusal.${read.problem}` }, { status: 400 });
  const form = read.form;
  const intent = String(form.get("intent") ?? "");
  const back = `/spark/teams/${team.id}`;
  const done = (what: string) => redirect(`${back}?done=${what}`);
  const links = { publicUrl: context.services.env.PUBLIC_URL };
  if (intent === "invite") {
    const s = parseWithZod(form, { schema: inviteSchema });
    if (s.status !== "success") return invalid(intent, s);
    const r = await attempt(intent, form, () => inviteMember(db, viewer, team.id, s.value, links, ip));
    return r === undefined ? done("invited") : r;
  }
  if (intent === "accept" || intent === "decline") {
    const r = await attempt(intent, form, () => respondToInvitation(db, viewer, team.id, intent === "accept", ip));
    return r === undefined ? (intent === "accept" ? done("accepted") : redirect("/spark")) : r;
  }
  if (intent === "submit") {
    const r = await attempt(intent, form, () => submitTeam(db, viewer, team.id, ip));
    return r === undefined ? done("submitted") : r;
  }
  if (intent === "milestone") {
    const s = parseWithZod(form, { schema: milestoneSchema });
    if (s.status !== "success") return invalid(intent, s);
    const r = await attempt(intent, form, () => addMilestone(db, viewer, team.id, s.value, ip));
    return "id" in r ? done("milestone") : r;
  }
  if (intent === "milestone-update") {
    const s = parseWithZod(form, { schema: milestoneUpdateSchema });
    if (s.status !== "success") return invalid(intent, s);
    const file = form.get("evidence");
    const evidence = file instanceof File && file.size > 0 ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    const r = await attempt(intent, form, () => updateMilestone(db, viewer, s.value.milestoneId, { status: s.value.status, evidence }, ip));
    return r === undefined ? done("milestone-updated") : r;
  }
  if (intent === "spend") {
    const s = parseWithZod(form, { schema: spendSchema });
    if (s.status !== "success") return invalid(intent, s);
    const r = await attempt(intent, form, () => recordSpend(db, viewer, team.id, s.value, ip));
    return r === undefined ? done("spent") : r;
  }
  if (intent === "withdraw") {
    const s = parseWithZod(form, { schema: leadWithdrawSchema });
    if (s.status !== "success") return invalid(intent, s);
    const r = await attempt(intent, form, () => withdrawTeamAsLead(db, viewer, team.id, s.value.reason ?? null, links, ip));
    return r === undefined ? done("withdrawn") : r;
  }
  return data<Reply>({ intent, errors: {}, values: {}, message: "spark.refusal.badRequest" }, { status: 400 });
}

export default function TeamPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { team, relation } = page;
  const working = relation === "lead" || relation === "member" || relation === "office";
  const withdrawable = relation === "lead" && (team.status === "forming" || team.status === "applied" || team.status === "selected");
  const shownForms = [
    ...(relation === "invitee" ? ["accept"] : []),
    ...(relation === "lead" && team.status === "forming" ? ["invite", "submit"] : []),
    ...(working && team.status === "selected" ? ["milestone", "milestone-update", "spend"] : []),
    ...(withdrawable ? ["withdraw"] : []),
  ];
  const done = params.get("done");
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">{page.programme} · {team.year}</p>
        <h1>{team.projectTitle}</h1>
        <p>{t("spark.statusLabel")}: <strong>{t(`spark.status.${team.status}`)}</strong> · {t("spark.field.stage")}: {t(`spark.stage.${team.stage}`)}</p>
        {page.period ? <p className="text-sm text-slate-700">{t("spark.period", { starts: page.period.startsOn, ends: page.period.endsOn })}</p> : null}
      </header>
      {page.withdrawal ? (
        <section aria-labelledby="withdrawn" className="card space-y-2 border-amber-300 bg-amber-50">
          <h2 id="withdrawn">{t("spark.status.withdrawn")}</h2>
          <WithdrawalNote withdrawal={page.withdrawal} />
          {relation !== "invitee" ? <p className="text-sm text-slate-700">{t("spark.withdraw.closed")}</p> : null}
        </section>
      ) : null}
      {done ? <FormMessage tone="success">{t(`spark.done.${done}` as never, { defaultValue: t("spark.done.saved") })}</FormMessage> : null}
      <UnshownReply reply={reply} shown={shownForms} />

      <section aria-labelledby="project" className="card space-y-2">
        <h2 id="project">{t("spark.project")}</h2>
        <h3 className="font-semibold">{t("spark.field.clinicalNeed")}</h3>
        <p className="whitespace-pre-line">{team.clinicalNeed}</p>
        <h3 className="font-semibold">{t("spark.field.technology")}</h3>
        <p className="whitespace-pre-line">{team.technology}</p>
      </section>

      {relation === "invitee" ? (
        <section aria-labelledby="invitation" className="card space-y-3">
          <h2 id="invitation">{t("spark.invitation.title")}</h2>
          <ReplyMessage reply={reply} form="accept" />
          <p>{t("spark.invitation.lead")}</p>
          <div className="flex gap-3">
            <Form method="post"><input type="hidden" name="intent" value="accept" /><button type="submit" className="btn-primary">{t("spark.invitation.accept")}</button></Form>
            <Form method="post"><input type="hidden" name="intent" value="decline" /><button type="submit" className="btn-secondary">{t("spark.invitation.decline")}</button></Form>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="members" className="card space-y-3">
        <h2 id="members">{t("spark.members.title")}</h2>
        <table className="data-table">
          <caption className="sr-only">{t("spark.members.title")}</caption>
          <thead><tr><th scope="col">{t("spark.members.email")}</th><th scope="col">{t("spark.members.role")}</th><th scope="col">{t("spark.members.state")}</th></tr></thead>
          <tbody>
            {page.members.map((m) => (
              <tr key={m.id}><th scope="row" className="font-normal">{m.email ?? "—"}</th><td>{t(`spark.role.${m.role}`)}</td><td>{t(`spark.memberState.${m.state}`)}</td></tr>
            ))}
          </tbody>
        </table>
        {relation === "lead" && team.status === "forming" ? (
          <>
            <Form method="post" className="grid gap-3 sm:grid-cols-3 sm:items-end" aria-labelledby="invite-heading">
              <h3 id="invite-heading" className="sm:col-span-3 font-semibold">{t("spark.members.invite")}</h3>
              <input type="hidden" name="intent" value="invite" />
              <div className="sm:col-span-3"><ReplyMessage reply={reply} form="invite" /></div>
              <TextField form="invite" name="email" type="email" label={t("spark.members.email")} reply={reply} maxLength={254} />
              <SelectField form="invite" name="role" label={t("spark.members.role")} reply={reply} options={memberRoles.map((r) => ({ value: r, label: t(`spark.role.${r}`) }))} />
              <button type="submit" className="btn-secondary">{t("spark.members.sendInvite")}</button>
            </Form>
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="submit" />
              <ReplyMessage reply={reply} form="submit" />
              <p className="text-sm text-slate-700">{t("spark.submit.rule")}</p>
              <button type="submit" className="btn-primary">{t("spark.submit.button")}</button>
            </Form>
          </>
        ) : null}
      </section>

      {relation !== "invitee" ? (
        <section aria-labelledby="milestones" className="card space-y-3">
          <h2 id="milestones">{t("spark.milestones.title")}</h2>
          {page.milestones.length === 0 ? <p className="text-slate-700">{t("spark.milestones.empty")}</p> : (
            <table className="data-table">
              <caption className="sr-only">{t("spark.milestones.title")}</caption>
              <thead><tr><th scope="col">{t("spark.milestones.name")}</th><th scope="col">{t("spark.milestones.due")}</th><th scope="col">{t("spark.milestones.deliverable")}</th><th scope="col">{t("spark.statusLabel")}</th><th scope="col">{t("spark.milestones.evidence")}</th>{working && team.status === "selected" ? <th scope="col">{t("spark.milestones.update")}</th> : null}</tr></thead>
              <tbody>
                {page.milestones.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className="font-normal">{m.title}</th>
                    <td>{m.dueOn}</td>
                    <td>{m.deliverable}</td>
                    <td>{t(`spark.milestoneStatus.${m.status}`)}</td>
                    <td>{m.evidenceFileId ? <a href={`/spark/teams/${team.id}/evidence/${m.id}`}>{m.fileName}</a> : "—"}</td>
                    {working && team.status === "selected" ? (
                      <td>
                        <Form method="post" encType="multipart/form-data" className="space-y-2">
                          <input type="hidden" name="intent" value="milestone-update" />
                          <input type="hidden" name="milestoneId" value={m.id} />
                          <label className="block text-sm">{t("spark.statusLabel")}
                            <select name="status" defaultValue={m.status} className="field-input" aria-label={t("spark.milestones.statusFor", { title: m.title })}>
                              {milestoneStatuses.map((s) => <option key={s} value={s}>{t(`spark.milestoneStatus.${s}`)}</option>)}
                            </select>
                          </label>
                          <label className="block text-sm">{t("spark.milestones.evidencePdf")}
                            <input type="file" name="evidence" accept="application/pdf,.pdf" aria-label={t("spark.milestones.evidenceFor", { title: m.title })} />
                          </label>
                          <button type="submit" className="btn-secondary">{t("spark.milestones.save", { title: m.title })}</button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ReplyMessage reply={reply} form="milestone-update" />
          {working && team.status === "selected" ? (
            <Form method="post" className="grid gap-3 sm:grid-cols-2" aria-labelledby="new-milestone">
              <h3 id="new-milestone" className="sm:col-span-2 font-semibold">{t("spark.milestones.new")}</h3>
              <input type="hidden" name="intent" value="milestone" />
              <div className="sm:col-span-2"><ReplyMessage reply={reply} form="milestone" /></div>
              <TextField form="milestone" name="title" label={t("spark.milestones.name")} reply={reply} maxLength={200} />
              <TextField form="milestone" name="dueOn" type="date" label={t("spark.milestones.due")} reply={reply} min={page.period?.startsOn} max={page.period?.endsOn} />
              <div className="sm:col-span-2"><TextField form="milestone" name="deliverable" label={t("spark.milestones.deliverable")} reply={reply} rows={2} maxLength={2000} /></div>
              <div><button type="submit" className="btn-primary">{t("spark.milestones.add")}</button></div>
            </Form>
          ) : null}
        </section>
      ) : null}

      {relation !== "invitee" ? (
        <section aria-labelledby="mentoring" className="card space-y-3">
          <h2 id="mentoring">{t("spark.mentoring.title")}</h2>
          {page.mentors.length === 0 ? <p className="text-slate-700">{t("spark.mentoring.none")}</p> : (
            <ul>{page.mentors.map((m) => <li key={m.id}>{m.name} · {t(`spark.mode.${m.mode}`)}</li>)}</ul>
          )}
          {page.meetings.length === 0 ? <p className="text-slate-700">{t("spark.mentoring.noMeetings")}</p> : (
            <table className="data-table">
              <caption className="sr-only">{t("spark.mentoring.meetings")}</caption>
              <thead><tr><th scope="col">{t("spark.mentoring.metOn")}</th><th scope="col">{t("spark.mentoring.mentor")}</th><th scope="col">{t("spark.mentoring.minutes")}</th><th scope="col">{t("spark.mentoring.notes")}</th></tr></thead>
              <tbody>{page.meetings.map((m) => <tr key={m.id}><th scope="row" className="font-normal">{m.metOn}</th><td>{m.mentor}</td><td>{m.minutes}</td><td className="whitespace-pre-line">{m.notes}</td></tr>)}</tbody>
            </table>
          )}
        </section>
      ) : null}

      {page.fund ? (
        <section aria-labelledby="fund" className="card space-y-3">
          <h2 id="fund">{t("spark.fund.title")}</h2>
          <p>{t("spark.fund.summary", { budget: page.fund.budget.toLocaleString(), spent: page.fund.spent.toLocaleString(), remaining: page.fund.remaining.toLocaleString() })}</p>
          {page.fund.spends.length > 0 ? (
            <table className="data-table">
              <caption className="sr-only">{t("spark.fund.entries")}</caption>
              <thead><tr><th scope="col">{t("spark.fund.spentOn")}</th><th scope="col">{t("spark.fund.amount")}</th><th scope="col">{t("spark.fund.description")}</th></tr></thead>
              <tbody>{page.fund.spends.map((s) => <tr key={s.id}><th scope="row" className="font-normal">{s.spentOn}</th><td>{s.amountNtd.toLocaleString()}</td><td>{s.description}</td></tr>)}</tbody>
            </table>
          ) : null}
          {working && team.status === "selected" ? (
            <Form method="post" className="grid gap-3 sm:grid-cols-3 sm:items-end" aria-labelledby="new-spend">
              <h3 id="new-spend" className="sm:col-span-3 font-semibold">{t("spark.fund.record")}</h3>
              <input type="hidden" name="intent" value="spend" />
              <div className="sm:col-span-3"><ReplyMessage reply={reply} form="spend" /></div>
              <TextField form="spend" name="amountNtd" type="number" min="1" label={t("spark.fund.amount")} reply={reply} />
              <TextField form="spend" name="spentOn" type="date" label={t("spark.fund.spentOn")} reply={reply} />
              <TextField form="spend" name="description" label={t("spark.fund.description")} reply={reply} maxLength={500} />
              <div><button type="submit" className="btn-secondary">{t("spark.fund.save")}</button></div>
            </Form>
          ) : null}
        </section>
      ) : null}

      {relation !== "invitee" ? (
        <section aria-labelledby="demo-meetings" className="card space-y-3">
          <h2 id="demo-meetings">{t("spark.demo.teamMeetings")}</h2>
          {page.demoMeetings.length === 0 ? <p className="text-slate-700">{t("spark.demo.noMeetings")}</p> : (
            <ul>{page.demoMeetings.map((m) => <li key={m.id}>{m.when} · {m.company} · {m.event}</li>)}</ul>
          )}
        </section>
      ) : null}

      {withdrawable ? <LeadWithdrawForm reply={reply} /> : null}
    </div>
  );
}
