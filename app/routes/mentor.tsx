// The expert panel's page: the teams a mentor is assigned to (with the mode) and a form to log each meeting
// (none for a withdrawn team, which says so).
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { ReplyMessage, TextField, type FormReply } from "~/spark/fields";
import { logMeeting, mentorTeams } from "~/spark/milestones.server";
import { attempt, invalid } from "~/spark/reply.server";
import { meetingLogSchema } from "~/spark/schemas";

export const meta: MetaFunction = () => [{ title: "輔導團隊 · Mentoring" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:spark-team:assigned");
  const rows = await mentorTeams(context.services.db, viewer);
  return { teams: rows.map((r) => ({ assignmentId: r.assignment.id, mode: r.assignment.mode, ...r.team })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:spark-team:assigned");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: meetingLogSchema });
  const intent = `meeting-${String(form.get("assignmentId") ?? "").slice(0, 36)}`;
  if (submission.status !== "success") return invalid(intent, submission);
  const result = await attempt(intent, form, () => logMeeting(context.services.db, viewer, submission.value.assignmentId, submission.value, context.clientIp));
  return result === undefined ? redirect("/mentor?done=1") : result;
}

export default function MentorPage() {
  const { teams } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1>{t("spark.mentor.title")}</h1>
      {params.get("done") ? <FormMessage tone="success">{t("spark.mentor.logged")}</FormMessage> : null}
      {teams.length === 0 ? <p className="text-slate-700">{t("spark.mentor.none")}</p> : teams.map((team) => {
        const form = `meeting-${team.assignmentId}`;
        return (
          <section key={team.assignmentId} aria-labelledby={`team-${team.assignmentId}`} className="card space-y-3">
            <h2 id={`team-${team.assignmentId}`}><Link to={`/spark/teams/${team.id}`}>{team.projectTitle}</Link></h2>
            <p className="text-sm text-slate-700">{team.year} · {t(`spark.status.${team.status}`)} · {t(`spark.mode.${team.mode}`)}</p>
            {team.status === "withdrawn" ? <><ReplyMessage reply={reply} form={form} /><p>{t("spark.mentor.withdrawn")}</p></> : (
            <Form method="post" className="grid gap-3 sm:grid-cols-2">
              <input type="hidden" name="intent" value="meeting" />
              <input type="hidden" name="assignmentId" value={team.assignmentId} />
              <div className="sm:col-span-2"><ReplyMessage reply={reply} form={form} /></div>
              <TextField form={form} name="metOn" type="date" label={t("spark.mentoring.metOn")} reply={reply} />
              <TextField form={form} name="minutes" type="number" min="1" max="1440" label={t("spark.mentoring.minutes")} reply={reply} />
              <div className="sm:col-span-2"><TextField form={form} name="notes" label={t("spark.mentoring.notes")} reply={reply} rows={3} maxLength={4000} /></div>
              <div><button type="submit" className="btn-primary">{t("spark.mentor.log", { team: team.projectTitle })}</button></div>
            </Form>
            )}
          </section>
        );
      })}
    </div>
  );
}
