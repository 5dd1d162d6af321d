// The office calendar: the public holidays (weekdays off) and make-up working weekends (補班日) the
// single window's first-reply deadline skips or counts, one year at a time, with forms to add and
// remove a day. The office's alone, like the ticket queue.
import { getSelectProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { ErrorList, Field, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { addCalendarDaySchema, calendarYearSchema, removeCalendarDaySchema } from "~/tickets/calendar-schema";
import { calendarDayKinds, isCalendarDate } from "~/tickets/office-calendar";
import { addCalendarDay, calendarYear, CalendarRuleError, removeCalendarDay } from "~/tickets/office-calendar.server";

export const meta: MetaFunction = () => [{ title: "辦公日曆 · Office calendar" }];

const refusalStatus = { forbidden: 403, notFound: 404, duplicate: 409, holidayOnWeekend: 400, workdayOnWeekday: 400 } as const;
const refusalKey = (code: CalendarRuleError["code"]) => `tickets.calendar.refusal.${code}` as const;
const taipeiYear = (at: Date) => Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Taipei", year: "numeric" }).format(at));
/** A date from the redirect after a change, for the message that says what was done. */
const shownDate = (value: string | null) => (value && isCalendarDate(value) ? value : null);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:ticket:any");
  const params = new URL(request.url).searchParams;
  const year = calendarYearSchema.parse({ year: params.get("year") ?? undefined }).year ?? taipeiYear(new Date());
  const [{ days, years }, locale] = await Promise.all([calendarYear(context.services.db, viewer, year), getLocale(request)]);
  const weekday = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { weekday: "long", timeZone: "UTC" });
  const added = shownDate(params.get("added"));
  const removed = shownDate(params.get("removed"));
  return {
    year,
    years,
    days: days.map((d) => ({ id: d.id, date: d.day, weekday: weekday.format(new Date(`${d.day}T00:00:00Z`)), kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn, name: pick(locale, d.nameZh, d.nameEn) })),
    done: added ? { key: "tickets.calendar.added" as const, date: added } : removed ? { key: "tickets.calendar.removed" as const, date: removed } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:ticket:any");
  const db = context.services.db;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: addCalendarDaySchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), refusal: null }, { status: 400 });
    try {
      const day = await addCalendarDay(db, viewer, submission.value, context.clientIp);
      return redirect(`/office/calendar?${new URLSearchParams({ year: day.day.slice(0, 4), added: day.day })}`);
    } catch (error) {
      if (!(error instanceof CalendarRuleError)) throw error;
      const message = refusalKey(error.code);
      const result = submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] });
      return data({ intent, result, refusal: null }, { status: refusalStatus[error.code] });
    }
  }
  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeCalendarDaySchema });
    if (submission.status !== "success") return data({ intent, result: null, refusal: refusalKey("notFound") }, { status: 400 });
    try {
      const day = await removeCalendarDay(db, viewer, submission.value.id, context.clientIp);
      return redirect(`/office/calendar?${new URLSearchParams({ year: day.day.slice(0, 4), removed: day.day })}`);
    } catch (error) {
      if (!(error instanceof CalendarRuleError)) throw error;
      return data({ intent, result: null, refusal: refusalKey(error.code) }, { status: refusalStatus[error.code] });
    }
  }
  return data({ intent: null, result: null, refusal: "tickets.calendar.refusal.unknownIntent" as const }, { status: 400 });
}

export default function OfficeCalendar() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const otherYears = [...new Set([...page.years, page.year - 1, page.year, page.year + 1])].sort((a, b) => a - b);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-2">
        <h1>{t("tickets.calendar.title")}</h1>
        <p className="text-slate-700">{t("tickets.calendar.lead")}</p>
      </header>

      <nav aria-label={t("tickets.calendar.years")} className="card flex flex-wrap items-end gap-4">
        <Link to={`/office/calendar?year=${page.year - 1}`} className="btn-secondary">{t("tickets.calendar.previousYear", { year: page.year - 1 })}</Link>
        <Form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="calendar-year" className="field-label">{t("tickets.calendar.years")}</label>
            <select id="calendar-year" name="year" defaultValue={page.year} key={page.year} className="field-input">
              {otherYears.map((y) => <option key={y} value={y}>{t("tickets.calendar.yearOption", { year: y })}</option>)}
            </select>
          </div>
          <button type="submit" className="btn-secondary">{t("tickets.queue.apply")}</button>
        </Form>
        <Link to={`/office/calendar?year=${page.year + 1}`} className="btn-secondary">{t("tickets.calendar.nextYear", { year: page.year + 1 })}</Link>
      </nav>

      {page.done ? <FormMessage tone="success">{t(page.done.key, { date: page.done.date })}</FormMessage> : null}
      {actionData?.refusal ? <FormMessage>{t(actionData.refusal)}</FormMessage> : null}

      {page.days.length === 0 ? (
        <p className="card">{t("tickets.calendar.empty", { year: page.year })}</p>
      ) : (
        <table className="data-table">
          <caption>{t("tickets.calendar.caption", { year: page.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tickets.calendar.date")}</th>
              <th scope="col">{t("tickets.calendar.weekday")}</th>
              <th scope="col">{t("tickets.calendar.kind")}</th>
              <th scope="col">{t("tickets.calendar.nameZh")}</th>
              <th scope="col">{t("tickets.calendar.nameEn")}</th>
              <th scope="col">{t("tickets.calendar.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {page.days.map((d) => (
              <tr key={d.id}>
                <th scope="row"><time dateTime={d.date}>{d.date}</time></th>
                <td>{d.weekday}</td>
                <td>{t(`tickets.calendar.kinds.${d.kind as "holiday"}`)}</td>
                <td lang="zh-Hant-TW">{d.nameZh}</td>
                <td lang="en">{d.nameEn}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="id" value={d.id} />
                    <button type="submit" name="intent" value="remove" className="btn-secondary" aria-label={t("tickets.calendar.removeLabel", { date: d.date, name: d.name })}>
                      {t("tickets.calendar.remove")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {/* Keyed by the day just added, so the form starts empty again after it. */}
      <AddDayForm key={page.done?.date ?? "add"} lastResult={actionData?.intent === "add" ? actionData.result : null} />
    </div>
  );
}

function AddDayForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(addCalendarDaySchema, { id: "add-calendar-day", lastResult });
  return (
    <section aria-labelledby="add-calendar-day-heading" className="card space-y-4">
      <h2 id="add-calendar-day-heading">{t("tickets.calendar.add")}</h2>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label={t("tickets.calendar.date")} meta={fields.date} type="date" hint={t("tickets.calendar.dateHint")} />
        <div>
          <label htmlFor={fields.kind.id} className="field-label">{t("tickets.calendar.kind")}</label>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key} className="field-input aria-[invalid=true]:border-red-600">
            <option value="">{t("tickets.calendar.chooseKind")}</option>
            {calendarDayKinds.map((kind) => <option key={kind} value={kind}>{t(`tickets.calendar.kinds.${kind}`)}</option>)}
          </select>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </div>
        <Field label={t("tickets.calendar.nameZh")} meta={fields.nameZh} />
        <Field label={t("tickets.calendar.nameEn")} meta={fields.nameEn} />
        <div><button type="submit" name="intent" value="add" className="btn-primary">{t("tickets.calendar.addSubmit")}</button></div>
      </Form>
    </section>
  );
}
