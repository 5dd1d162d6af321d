// The office's SPARK page: each year's intake of a SPARK-style programme with its team target against
// the teams selected so far, a form to open an intake, and demo days (events of kind demo_day).
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import * as t from "../../db/schema";
import { requirePermission } from "~/auth/guards.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { createDemoDay, listDemoDays } from "~/spark/demo-days.server";
import { ReplyMessage, SelectField, TextField, type FormReply } from "~/spark/fields";
import { attempt, invalid } from "~/spark/reply.server";
import { demoDaySchema, intakeSchema } from "~/spark/schemas";
import { listIntakes, openIntake } from "~/spark/teams.server";

export const meta: MetaFunction = () => [{ title: "SPARK 計畫管理 · SPARK office" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:spark-team:any");
  const db = context.services.db;
  const locale = await getLocale(request);
  const [intakes, programmes, demoDays] = await Promise.all([
    listIntakes(db),
    db.select({ key: t.programmes.key, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn }).from(t.programmes).where(eq(t.programmes.type, "spark_course")).limit(100),
    listDemoDays(db),
  ]);
  return {
    intakes: intakes.map((r) => ({ id: r.intake.id, year: r.intake.year, target: r.intake.teamTarget, selected: r.selected, startsOn: r.intake.startsOn, endsOn: r.intake.endsOn, programme: pick(locale, r.programme.titleZh, r.programme.titleEn) })),
    programmes: programmes.map((p) => ({ value: p.key, label: pick(locale, p.titleZh, p.titleEn) })),
    demoDays: demoDays.map((e) => ({ id: e.id, title: pick(locale, e.titleZh, e.titleEn), when: formatDateTime(e.startsAt, locale) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:spark-team:any");
  const form = await request.formData();
  const db = context.services.db;
  if (form.get("intent") === "demo-day") {
    const s = parseWithZod(form, { schema: demoDaySchema });
    if (s.status !== "success") return invalid("demo-day", s);
    const r = await attempt("demo-day", form, () => createDemoDay(db, viewer, s.value, context.clientIp));
    return "id" in r ? redirect(`/spark/demo-days/${r.id}`) : r;
  }
  const s = parseWithZod(form, { schema: intakeSchema });
  if (s.status !== "success") return invalid("intake", s);
  const r = await attempt("intake", form, () => openIntake(db, viewer, s.value, context.clientIp));
  return "id" in r ? redirect(`/office/spark/${r.id}`) : r;
}

export default function OfficeSpark() {
  const { intakes, programmes, demoDays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <h1>{t("spark.office.title")}</h1>
      <section aria-labelledby="intakes" className="card space-y-3">
        <h2 id="intakes">{t("spark.office.intakes")}</h2>
        {intakes.length === 0 ? <p className="text-slate-700">{t("spark.office.noIntakes")}</p> : (
          <table className="data-table">
            <caption className="sr-only">{t("spark.office.intakes")}</caption>
            <thead><tr><th scope="col">{t("spark.office.programme")}</th><th scope="col">{t("spark.office.year")}</th><th scope="col">{t("spark.office.targetVsSelected")}</th><th scope="col">{t("spark.office.period")}</th></tr></thead>
            <tbody>
              {intakes.map((i) => (
                <tr key={i.id}>
                  <th scope="row" className="font-normal"><Link to={`/office/spark/${i.id}`}>{i.programme}</Link></th>
                  <td>{i.year}</td>
                  <td>{t("spark.office.selectedOfTarget", { selected: String(i.selected), target: String(i.target) })}</td>
                  <td>{i.startsOn} – {i.endsOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Form method="post" className="grid gap-3 sm:grid-cols-3" aria-labelledby="new-intake">
          <h3 id="new-intake" className="sm:col-span-3 font-semibold">{t("spark.office.newIntake")}</h3>
          <input type="hidden" name="intent" value="intake" />
          <div className="sm:col-span-3"><ReplyMessage reply={reply} form="intake" /></div>
          <SelectField form="intake" name="programmeKey" label={t("spark.office.programme")} reply={reply} options={programmes} />
          <TextField form="intake" name="year" type="number" min="2000" max="2100" label={t("spark.office.year")} reply={reply} />
          <TextField form="intake" name="teamTarget" type="number" min="1" max="1000" label={t("spark.office.target")} reply={reply} />
          <TextField form="intake" name="startsOn" type="date" label={t("spark.office.startsOn")} reply={reply} />
          <TextField form="intake" name="endsOn" type="date" label={t("spark.office.endsOn")} reply={reply} />
          <div className="self-end"><button type="submit" className="btn-primary">{t("spark.office.openIntake")}</button></div>
        </Form>
      </section>

      <section aria-labelledby="demo-days" className="card space-y-3">
        <h2 id="demo-days">{t("spark.demo.title")}</h2>
        {demoDays.length === 0 ? <p className="text-slate-700">{t("spark.demo.none")}</p> : (
          <ul>{demoDays.map((d) => <li key={d.id}><Link to={`/spark/demo-days/${d.id}`}>{d.title}</Link> · {d.when}</li>)}</ul>
        )}
        <Form method="post" className="grid gap-3 sm:grid-cols-2" aria-labelledby="new-demo-day">
          <h3 id="new-demo-day" className="sm:col-span-2 font-semibold">{t("spark.demo.new")}</h3>
          <input type="hidden" name="intent" value="demo-day" />
          <div className="sm:col-span-2"><ReplyMessage reply={reply} form="demo-day" /></div>
          <TextField form="demo-day" name="titleZh" label={t("spark.demo.titleZh")} reply={reply} maxLength={200} />
          <TextField form="demo-day" name="titleEn" label={t("spark.demo.titleEn")} reply={reply} maxLength={200} />
          <TextField form="demo-day" name="date" type="date" label={t("spark.demo.date")} reply={reply} />
          <TextField form="demo-day" name="venue" label={t("spark.demo.venue")} reply={reply} maxLength={300} />
          <TextField form="demo-day" name="startTime" type="time" label={t("spark.demo.startTime")} reply={reply} />
          <TextField form="demo-day" name="endTime" type="time" label={t("spark.demo.endTime")} reply={reply} />
          <TextField form="demo-day" name="meetingMinutes" type="number" min="5" max="240" label={t("spark.demo.meetingMinutes")} reply={reply} />
          <div className="self-end"><button type="submit" className="btn-primary">{t("spark.demo.create")}</button></div>
        </Form>
      </section>
    </div>
  );
}
