// The office's missions and fairs: the upcoming and past ones, and a form to create one (times typed in the venue's zone).
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { ErrorList, Field } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { missionSchema } from "~/missions/mission-schema";
import { createMission, listMissions, MissionRuleError } from "~/missions/missions.server";
import { missionRefusal } from "~/missions/refusals";
import { ZonedTime, ViewerZone } from "~/missions/zoned-time";
import { chosenTimeZone } from "~/missions/viewer-zone.server";

export const meta: MetaFunction = () => [{ title: "招募團與媒合會管理 · Missions and fairs" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:mission:any");
  const [upcoming, past, zone] = await Promise.all([listMissions(context.services.db), listMissions(context.services.db, { past: true }), chosenTimeZone(request)]);
  const view = (m: (typeof upcoming)[number]) => ({ id: m.id, kind: m.kind, titleZh: m.titleZh, titleEn: m.titleEn, startsAt: m.startsAt.toISOString(), online: m.online, city: m.city, country: m.country });
  return { upcoming: upcoming.map(view), past: past.map(view), zone };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:mission:any");
  const submission = parseWithZod(await request.formData(), { schema: missionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const mission = await createMission(context.services.db, viewer, submission.value, context.clientIp);
    return redirect(`/office/missions/${mission.id}`);
  } catch (error) {
    if (!(error instanceof MissionRuleError)) throw error;
    const refusal = missionRefusal(error.code);
    return data({ result: submission.reply(error.field ? { fieldErrors: { [error.field]: [refusal.message] } } : { formErrors: [refusal.message] }) }, { status: refusal.status });
  }
}

export default function OfficeMissions() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, fields] = useZodForm(missionSchema, { lastResult: actionData?.result, defaultValue: { timeZone: "Asia/Taipei", meetingMinutes: "20", kind: "recruitment_mission" } });
  const table = (rows: typeof page.upcoming, caption: string) =>
    rows.length === 0 ? null : (
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">{t("missions.list.name")}</th><th scope="col">{t("missions.list.kind")}</th><th scope="col">{t("missions.list.when")}</th><th scope="col">{t("missions.list.where")}</th></tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row"><Link to={`/office/missions/${m.id}`}>{i18n.language === "en" ? m.titleEn : m.titleZh}</Link></th>
              <td>{t(`missions.kinds.${m.kind as "recruitment_mission"}`)}</td>
              <td><ZonedTime at={m.startsAt} /></td>
              <td>{m.online ? t("missions.online") : [m.city, m.country].filter(Boolean).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <ViewerZone chosen={page.zone} fallback="Asia/Taipei">
      <div className="mx-auto max-w-5xl space-y-8">
        <h1>{t("missions.office.title")}</h1>
        {page.upcoming.length === 0 && page.past.length === 0 ? <p className="card">{t("missions.list.empty")}</p> : null}
        {table(page.upcoming, t("missions.office.upcoming"))}
        {table(page.past, t("missions.office.past"))}

        <section aria-labelledby="create-mission" className="card space-y-4">
          <h2 id="create-mission">{t("missions.office.create")}</h2>
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
            <ErrorList id={form.errorId} errors={form.errors} />
            <div>
              <label htmlFor={fields.kind.id} className="field-label">{t("missions.office.kind")}</label>
              <select {...getSelectProps(fields.kind)} key={fields.kind.key} className="field-input">
                <option value="recruitment_mission">{t("missions.kinds.recruitment_mission")}</option>
                <option value="matchmaking_fair">{t("missions.kinds.matchmaking_fair")}</option>
              </select>
              <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
            </div>
            <Field label={t("missions.office.timeZone")} meta={fields.timeZone} />
            <Field label={t("missions.office.titleZh")} meta={fields.titleZh} />
            <Field label={t("missions.office.titleEn")} meta={fields.titleEn} />
            <div>
              <label htmlFor={fields.startsLocal.id} className="field-label">{t("missions.office.startsLocal")}</label>
              <input {...getInputProps(fields.startsLocal, { type: "datetime-local" })} key={fields.startsLocal.key} className="field-input" />
              <ErrorList id={fields.startsLocal.errorId} errors={fields.startsLocal.errors} />
            </div>
            <div>
              <label htmlFor={fields.endsLocal.id} className="field-label">{t("missions.office.endsLocal")}</label>
              <input {...getInputProps(fields.endsLocal, { type: "datetime-local" })} key={fields.endsLocal.key} className="field-input" />
              <ErrorList id={fields.endsLocal.errorId} errors={fields.endsLocal.errors} />
            </div>
            <div>
              <label htmlFor={fields.meetingMinutes.id} className="field-label">{t("missions.office.meetingMinutes")}</label>
              <input {...getInputProps(fields.meetingMinutes, { type: "number" })} key={fields.meetingMinutes.key} className="field-input" />
              <ErrorList id={fields.meetingMinutes.errorId} errors={fields.meetingMinutes.errors} />
            </div>
            <div className="flex items-center gap-2 self-end">
              <input {...getInputProps(fields.online, { type: "checkbox" })} key={fields.online.key} />
              <label htmlFor={fields.online.id}>{t("missions.office.online")}</label>
            </div>
            <Field label={t("missions.office.venue")} meta={fields.venue} />
            <Field label={t("missions.office.city")} meta={fields.city} />
            <Field label={t("missions.office.country")} meta={fields.country} />
            <div className="sm:col-span-2">
              <label htmlFor={fields.descriptionZh.id} className="field-label">{t("missions.office.descriptionZh")}</label>
              <textarea {...getTextareaProps(fields.descriptionZh)} key={fields.descriptionZh.key} rows={3} className="field-input" />
              <ErrorList id={fields.descriptionZh.errorId} errors={fields.descriptionZh.errors} />
            </div>
            <div className="sm:col-span-2">
              <label htmlFor={fields.descriptionEn.id} className="field-label">{t("missions.office.descriptionEn")}</label>
              <textarea {...getTextareaProps(fields.descriptionEn)} key={fields.descriptionEn.key} rows={3} className="field-input" />
              <ErrorList id={fields.descriptionEn.errorId} errors={fields.descriptionEn.errors} />
            </div>
            <div><button type="submit" className="btn-primary">{t("missions.office.create")}</button></div>
          </Form>
        </section>
      </div>
    </ViewerZone>
  );
}
