// SPARK teams for their people: the teams the viewer leads, belongs to or is invited to, and (for talents)
// the application form for an open intake of a published SPARK-style programme.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission, requireViewer } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { ReplyMessage, SelectField, TextField, type FormReply } from "~/spark/fields";
import { attempt, invalid } from "~/spark/reply.server";
import { memberRoles, stages } from "~/spark/rules";
import { applySchema } from "~/spark/schemas";
import { applyTeam, isOffice, listIntakes, myTeams } from "~/spark/teams.server";

export const meta: MetaFunction = () => [{ title: "SPARK 團隊 · SPARK teams" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const locale = await getLocale(request);
  const db = context.services.db;
  const mayApply = can(viewer.roles, "create:spark-team:own");
  const intakes = mayApply ? await listIntakes(db, { publishedOnly: true }) : [];
  return {
    mayApply,
    office: isOffice(viewer),
    mentor: can(viewer.roles, "update:spark-team:assigned") && viewer.roles.includes("mentor"),
    intakes: intakes.map((r) => ({ id: r.intake.id, label: `${pick(locale, r.programme.titleZh, r.programme.titleEn)} · ${r.intake.year}` })),
    teams: await myTeams(db, viewer),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "create:spark-team:own");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: applySchema });
  if (submission.status !== "success") return invalid("apply", submission);
  const result = await attempt("apply", form, () => applyTeam(context.services.db, viewer, submission.value, context.clientIp));
  if ("id" in result) return redirect(`/spark/teams/${result.id}`);
  return result;
}

export default function SparkIndex() {
  const { mayApply, office, mentor, intakes, teams } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1>{t("spark.title")}</h1>
        <p className="text-slate-700">{t("spark.lead")}</p>
        <p className="space-x-4">
          {office ? <Link to="/office/spark">{t("spark.office.title")}</Link> : null}
          {mentor ? <Link to="/mentor">{t("spark.mentor.title")}</Link> : null}
        </p>
      </header>

      <section aria-labelledby="my-teams" className="card space-y-3">
        <h2 id="my-teams">{t("spark.myTeams")}</h2>
        {teams.length === 0 ? <p className="text-slate-700">{t("spark.noTeams")}</p> : (
          <ul className="space-y-2">
            {teams.map((team) => (
              <li key={team.id}>
                <Link to={`/spark/teams/${team.id}`}>{team.projectTitle}</Link>{" "}
                <span className="text-sm text-slate-600">
                  {team.year} · {t(`spark.status.${team.status}`)} · {t(`spark.role.${team.role}`)}
                  {team.state === "invited" ? ` · ${t("spark.invitedToYou")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayApply ? (
        <section aria-labelledby="apply" className="card space-y-3">
          <h2 id="apply">{t("spark.apply.title")}</h2>
          {intakes.length === 0 ? <p className="text-slate-700">{t("spark.apply.noIntake")}</p> : (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="apply" />
              <ReplyMessage reply={reply} form="apply" />
              <SelectField form="apply" name="intakeId" label={t("spark.apply.intake")} reply={reply} options={intakes.map((i) => ({ value: i.id, label: i.label }))} />
              <TextField form="apply" name="projectTitle" label={t("spark.field.projectTitle")} reply={reply} maxLength={200} />
              <TextField form="apply" name="clinicalNeed" label={t("spark.field.clinicalNeed")} reply={reply} rows={3} maxLength={4000} />
              <TextField form="apply" name="technology" label={t("spark.field.technology")} reply={reply} rows={3} maxLength={4000} />
              <SelectField form="apply" name="stage" label={t("spark.field.stage")} reply={reply} options={stages.map((s) => ({ value: s, label: t(`spark.stage.${s}`) }))} />
              <SelectField form="apply" name="leadRole" label={t("spark.field.leadRole")} reply={reply} options={memberRoles.map((r) => ({ value: r, label: t(`spark.role.${r}`) }))} />
              <button type="submit" className="btn-primary">{t("spark.apply.submit")}</button>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
