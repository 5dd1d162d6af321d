// One intake for the office: the target against the teams selected so far, every submitted team with its
// members, the selection decision (refused beyond the target), mentors from the expert panel with a mode,
// and each selected team's matching-fund budget. The office withdraws an applied or selected team with a
// reason; a withdrawn team stays in the table with who withdrew it, when and why.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { inArray } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import * as t from "../../db/schema";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { ReplyMessage, SelectField, TextField, UnshownReply, type FormReply } from "~/spark/fields";
import { mentorsOf } from "~/spark/milestones.server";
import { assignMentor, decideTeam, expertPanel, intakeTeams, setBudget } from "~/spark/office.server";
import { attempt, invalid, thrownRefusal } from "~/spark/reply.server";
import { mentorModes } from "~/spark/rules";
import { budgetSchema, decisionSchema, mentorSchema, officeWithdrawSchema } from "~/spark/schemas";
import { getIntake } from "~/spark/teams.server";
import { OfficeWithdrawForm, WithdrawalNote } from "~/spark/withdraw-forms";
import { withdrawTeamForOffice } from "~/spark/withdrawal.server";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "SPARK 年度甄選 · SPARK intake" }];

async function intakeFor(context: LoaderFunctionArgs["context"], id: string | undefined) {
  if (!isUuid(id)) throw notFound();
  try {
    return await getIntake(context.services.db, id);
  } catch (error) {
    thrownRefusal(error);
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:spark-team:any");
  const { intake, programme } = await intakeFor(context, params.id);
  const db = context.services.db;
  const locale = await getLocale(request);
  const teams = await intakeTeams(db, programme.id, intake.year);
  const ids = teams.map((x) => x.id);
  const members = ids.length ? await db.select().from(t.sparkTeamMembers).where(inArray(t.sparkTeamMembers.teamId, ids)) : [];
  const mentors = await Promise.all(teams.map((x) => mentorsOf(db, x.id)));
  return {
    intake: { id: intake.id, year: intake.year, target: intake.teamTarget, startsOn: intake.startsOn, endsOn: intake.endsOn },
    programme: pick(locale, programme.titleZh, programme.titleEn),
    selected: teams.filter((x) => x.status === "selected").length,
    panel: (await expertPanel(db)).map((m) => ({ value: m.id, label: `${m.name} (${m.email})` })),
    teams: teams.map((x, i) => ({
      id: x.id, projectTitle: x.projectTitle, status: x.status, budget: x.matchingFundBudgetNtd,
      withdrawal: x.withdrawnAt ? { at: formatDateTime(x.withdrawnAt, locale), byLead: x.withdrawnBy === x.leadUserId, reason: x.withdrawalReason } : null,
      members: members.filter((m) => m.teamId === x.id && m.state === "accepted").map((m) => m.role),
      mentors: mentors[i]!.map((m) => ({ id: m.id, name: m.name, mode: m.mode })),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:spark-team:any");
  const { intake } = await intakeFor(context, params.id);
  const form = await request.formData();
  const db = context.services.db;
  const ip = context.clientIp;
  const intent = String(form.get("intent") ?? "");
  const back = (what: string) => redirect(`/office/spark/${intake.id}?done=${what}`);
  if (intent === "selected" || intent === "not_selected") {
    const s = parseWithZod(form, { schema: decisionSchema });
    if (s.status !== "success") return invalid("decision", s);
    const r = await attempt("decision", form, () => decideTeam(db, viewer, s.value.teamId, s.value.intent, { publicUrl: context.services.env.PUBLIC_URL }, ip));
    return r === undefined ? back(intent) : r;
  }
  if (intent === "mentor") {
    const s = parseWithZod(form, { schema: mentorSchema });
    if (s.status !== "success") return invalid(`mentor-${String(form.get("teamId")).slice(0, 36)}`, s);
    const r = await attempt(`mentor-${s.value.teamId}`, form, () => assignMentor(db, viewer, s.value.teamId, s.value.mentorUserId, s.value.mode, ip));
    return r === undefined ? back("mentor") : r;
  }
  if (intent === "budget") {
    const s = parseWithZod(form, { schema: budgetSchema });
    if (s.status !== "success") return invalid(`budget-${String(form.get("teamId")).slice(0, 36)}`, s);
    const r = await attempt(`budget-${s.value.teamId}`, form, () => setBudget(db, viewer, s.value.teamId, s.value.budgetNtd, ip));
    return r === undefined ? back("budget") : r;
  }
  if (intent === "withdraw") {
    const s = parseWithZod(form, { schema: officeWithdrawSchema });
    if (s.status !== "success") return invalid(`withdraw-${String(form.get("teamId")).slice(0, 36)}`, s);
    const r = await attempt(`withdraw-${s.value.teamId}`, form, () => withdrawTeamForOffice(db, viewer, intake.id, s.value.teamId, s.value.reason, { publicUrl: context.services.env.PUBLIC_URL }, ip));
    return r === undefined ? back("withdrawn") : r;
  }
  return data<FormReply>({ intent, errors: {}, values: {}, message: "spark.refusal.badRequest" }, { status: 400 });
}

export default function OfficeIntake() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done");
  const shownForms = ["decision", ...page.teams.flatMap((x) => [
    ...(x.status === "selected" ? [`mentor-${x.id}`, `budget-${x.id}`] : []),
    ...(x.status === "applied" || x.status === "selected" ? [`withdraw-${x.id}`] : []),
  ])];
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <nav aria-label={t("spark.breadcrumb")} className="text-sm"><Link to="/office/spark">← {t("spark.office.title")}</Link></nav>
      <header className="space-y-1">
        <h1>{page.programme} · {page.intake.year}</h1>
        <p><strong>{t("spark.office.selectedOfTarget", { selected: String(page.selected), target: String(page.intake.target) })}</strong> · {t("spark.period", { starts: page.intake.startsOn, ends: page.intake.endsOn })}</p>
      </header>
      {done ? <FormMessage tone="success">{t(done === "withdrawn" ? "spark.done.withdrawn" : "spark.done.saved")}</FormMessage> : null}
      <ReplyMessage reply={reply} form="decision" />
      <UnshownReply reply={reply} shown={shownForms} />
      {page.teams.length === 0 ? <p className="text-slate-700">{t("spark.office.noTeams")}</p> : (
        <table className="data-table">
          <caption>{t("spark.office.teams")}</caption>
          <thead><tr><th scope="col">{t("spark.field.projectTitle")}</th><th scope="col">{t("spark.statusLabel")}</th><th scope="col">{t("spark.members.title")}</th><th scope="col">{t("spark.mentoring.title")}</th><th scope="col">{t("spark.fund.title")}</th></tr></thead>
          <tbody>
            {page.teams.map((team) => (
              <tr key={team.id}>
                <th scope="row" className="font-normal align-top">
                  <Link to={`/spark/teams/${team.id}`}>{team.projectTitle}</Link>
                  {team.status === "applied" ? (
                    <div className="mt-2 flex gap-2">
                      <Form method="post"><input type="hidden" name="intent" value="selected" /><input type="hidden" name="teamId" value={team.id} /><button type="submit" className="btn-primary">{t("spark.office.select", { team: team.projectTitle })}</button></Form>
                      <Form method="post"><input type="hidden" name="intent" value="not_selected" /><input type="hidden" name="teamId" value={team.id} /><button type="submit" className="btn-secondary">{t("spark.office.reject", { team: team.projectTitle })}</button></Form>
                    </div>
                  ) : null}
                </th>
                <td className="align-top">
                  {t(`spark.status.${team.status}`)}
                  {team.withdrawal ? <WithdrawalNote withdrawal={team.withdrawal} /> : null}
                  {team.status === "applied" || team.status === "selected" ? <OfficeWithdrawForm team={team} reply={reply} /> : null}
                </td>
                <td className="align-top">{team.members.map((r) => t(`spark.role.${r}`)).join("、")}</td>
                <td className="align-top">
                  <ul>{team.mentors.map((m) => <li key={m.id}>{m.name} · {t(`spark.mode.${m.mode}`)}</li>)}</ul>
                  {team.status === "selected" ? (
                    <Form method="post" className="mt-2 space-y-2">
                      <input type="hidden" name="intent" value="mentor" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <ReplyMessage reply={reply} form={`mentor-${team.id}`} />
                      <SelectField form={`mentor-${team.id}`} name="mentorUserId" label={t("spark.office.mentor")} reply={reply} options={page.panel} />
                      <SelectField form={`mentor-${team.id}`} name="mode" label={t("spark.office.mode")} reply={reply} options={mentorModes.map((m) => ({ value: m, label: t(`spark.mode.${m}`) }))} />
                      <button type="submit" className="btn-secondary">{t("spark.office.assign", { team: team.projectTitle })}</button>
                    </Form>
                  ) : null}
                </td>
                <td className="align-top">
                  {team.status === "selected" ? (
                    <Form method="post" className="space-y-2">
                      <input type="hidden" name="intent" value="budget" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <ReplyMessage reply={reply} form={`budget-${team.id}`} />
                      <TextField form={`budget-${team.id}`} name="budgetNtd" type="number" min="0" label={t("spark.office.budget")} reply={reply} />
                      <p className="text-sm text-slate-600">{t("spark.office.currentBudget", { budget: team.budget.toLocaleString() })}</p>
                      <button type="submit" className="btn-secondary">{t("spark.office.setBudget", { team: team.projectTitle })}</button>
                    </Form>
                  ) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
