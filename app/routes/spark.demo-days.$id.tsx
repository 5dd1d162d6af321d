// A demo day. The office registers selected teams and marks who was there; recruiters of approved
// companies see the teams, register interest and book a meeting slot with a team they are interested in.
// A withdrawn team leaves the list; the office sees it apart with the reason.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, notFound, requireViewer } from "~/auth/guards.server";
import type { Viewer } from "~/auth/session.server";
import { can } from "~/auth/permissions";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { demoDayView, markPresent, registerInterest, registerTeam, scheduleMeeting, teamsToRegister } from "~/spark/demo-days.server";
import { ReplyMessage, type FormReply } from "~/spark/fields";
import { attempt, invalid, thrownRefusal } from "~/spark/reply.server";
import { demoDayActionSchema } from "~/spark/schemas";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "成果發表會 · Demo day" }];

function guard(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined): { viewer: Viewer; id: string } {
  const viewer = requireViewer(request, context);
  if (!can(viewer.roles, "manage:spark-team:any") && !can(viewer.roles, "read:spark-team:organisation")) throw forbidden();
  if (!isUuid(id)) throw notFound();
  return { viewer, id };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { viewer, id } = guard(request, context, params.id);
  const db = context.services.db;
  const locale = await getLocale(request);
  const view = await demoDayView(db, viewer, id).catch(thrownRefusal);
  const selectable = view.office ? await teamsToRegister(db, id) : [];
  return {
    office: view.office,
    event: { title: pick(locale, view.event.titleZh, view.event.titleEn), when: formatDateTime(view.event.startsAt, locale), until: formatDateTime(view.event.endsAt, locale), venue: view.event.venue, minutes: view.event.meetingMinutes },
    teams: view.teams.map((x) => ({
      ...x,
      interested: view.interests.filter((i) => i.teamId === x.id).map((i) => pick(locale, i.companyZh, i.companyEn)),
      meetings: view.meetings.filter((m) => m.teamId === x.id).map((m) => ({ id: m.id, when: formatDateTime(m.startsAt, locale), company: pick(locale, m.companyZh, m.companyEn) })),
    })),
    withdrawn: view.withdrawn,
    slots: view.slots.map((s) => ({ value: s.toISOString(), label: formatDateTime(s, locale) })),
    selectable,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, id } = guard(request, context, params.id);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: demoDayActionSchema });
  if (submission.status !== "success") return invalid("demo", submission);
  const db = context.services.db;
  const ip = context.clientIp;
  const v = submission.value;
  const r = await attempt("demo", form, async () => {
    if (v.intent === "register-team") await registerTeam(db, viewer, id, v.teamId, ip);
    else if (v.intent === "present") await markPresent(db, viewer, id, v.teamId, v.present === "yes", ip);
    else if (v.intent === "interest") await registerInterest(db, viewer, id, v.teamId, ip);
    else await scheduleMeeting(db, viewer, id, v.teamId, v.startsAt, ip);
  });
  if (r === undefined) return redirect(`/spark/demo-days/${id}?done=${v.intent}`);
  return r ?? data<FormReply>({ intent: "demo", errors: {}, values: {}, message: "spark.refusal.badRequest" }, { status: 400 });
}

export default function DemoDayPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-1">
        <h1>{page.event.title}</h1>
        <p className="text-slate-700">{page.event.when} – {page.event.until} · {page.event.venue} · {t("spark.demo.slotLength", { minutes: String(page.event.minutes) })}</p>
      </header>
      {params.get("done") ? <FormMessage tone="success">{t("spark.done.saved")}</FormMessage> : null}
      <ReplyMessage reply={reply} form="demo" />
      {page.office && page.selectable.length > 0 ? (
        <Form method="post" className="card flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="register-team" />
          <div>
            <label htmlFor="register-team" className="field-label">{t("spark.demo.registerTeam")}</label>
            <select id="register-team" name="teamId" required className="field-input">
              {page.selectable.map((x) => <option key={x.id} value={x.id}>{x.projectTitle} ({x.year})</option>)}
            </select>
          </div>
          <button type="submit" className="btn-primary">{t("spark.demo.register")}</button>
        </Form>
      ) : null}
      {page.teams.length === 0 ? <p className="text-slate-700">{t("spark.demo.noTeams")}</p> : (
        <table className="data-table">
          <caption>{t("spark.demo.teams")}</caption>
          <thead><tr><th scope="col">{t("spark.field.projectTitle")}</th><th scope="col">{t("spark.field.clinicalNeed")}</th><th scope="col">{t("spark.demo.present")}</th><th scope="col">{t("spark.demo.interest")}</th><th scope="col">{t("spark.demo.meetings")}</th></tr></thead>
          <tbody>
            {page.teams.map((x) => (
              <tr key={x.id}>
                <th scope="row" className="font-normal align-top">{x.projectTitle}<br /><span className="text-xs text-slate-600">{t(`spark.stage.${x.stage}`)}</span></th>
                <td className="align-top">{x.clinicalNeed}</td>
                <td className="align-top">
                  {x.attended === null ? t("spark.demo.unknown") : x.attended ? t("spark.demo.wasPresent") : t("spark.demo.absent")}
                  {page.office ? (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="intent" value="present" /><input type="hidden" name="teamId" value={x.id} />
                      <input type="hidden" name="present" value={x.attended ? "no" : "yes"} />
                      <button type="submit" className="btn-secondary">{x.attended ? t("spark.demo.markAbsent", { team: x.projectTitle }) : t("spark.demo.markPresent", { team: x.projectTitle })}</button>
                    </Form>
                  ) : null}
                </td>
                <td className="align-top">
                  {x.interested.join("、") || "—"}
                  {!page.office && x.interested.length === 0 ? (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="intent" value="interest" /><input type="hidden" name="teamId" value={x.id} />
                      <button type="submit" className="btn-secondary">{t("spark.demo.registerInterest", { team: x.projectTitle })}</button>
                    </Form>
                  ) : null}
                </td>
                <td className="align-top">
                  <ul>{x.meetings.map((m) => <li key={m.id}>{m.when} · {m.company}</li>)}</ul>
                  {!page.office && x.interested.length > 0 ? (
                    <Form method="post" className="mt-1 space-y-1">
                      <input type="hidden" name="intent" value="meeting" /><input type="hidden" name="teamId" value={x.id} />
                      <label className="block text-sm">{t("spark.demo.slot")}
                        <select name="startsAt" required className="field-input" aria-label={t("spark.demo.slotFor", { team: x.projectTitle })}>
                          {page.slots.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
                        </select>
                      </label>
                      <button type="submit" className="btn-primary">{t("spark.demo.book", { team: x.projectTitle })}</button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.withdrawn.length > 0 ? (
        <section aria-labelledby="withdrawn-teams" className="card space-y-2">
          <h2 id="withdrawn-teams">{t("spark.withdraw.demoWithdrawn")}</h2>
          <ul>{page.withdrawn.map((x) => <li key={x.id}>{x.projectTitle} · {x.reason ? t("spark.withdraw.reasonShown", { reason: x.reason }) : t("spark.withdraw.noReason")}</li>)}</ul>
        </section>
      ) : null}
    </div>
  );
}
