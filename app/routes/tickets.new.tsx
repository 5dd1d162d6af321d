// The single window: anyone, signed in or with an e-mail address, sends a question or a complaint.
import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { getLocale } from "~/i18n/locale.server";
import { ticketRefusal } from "~/tickets/refusals";
import { openTicketSchema, ticketCategories } from "~/tickets/ticket-schema";
import { openTicket, TicketRuleError } from "~/tickets/tickets.server";

export const meta: MetaFunction = () => [{ title: "單一窗口 · Single window" }];

// Open to everyone: a visitor without an account gives an e-mail address instead.
export async function loader({ context }: LoaderFunctionArgs) {
  return { signedIn: context.viewer !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = context.viewer;
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: openTicketSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const { ticket, url } = await openTicket(context.services.db, viewer, submission.value, { publicUrl: context.services.env.PUBLIC_URL, ip: context.clientIp, locale: await getLocale(request) });
    context.services.mail.wake();
    // The requester goes to the thread: signed in as themselves, or through the same link the mail holds.
    return redirect(viewer ? `/tickets/${ticket.id}?sent=1` : `${new URL(url).pathname}${new URL(url).search}&sent=1`);
  } catch (error) {
    if (!(error instanceof TicketRuleError)) throw error;
    const refusal = ticketRefusal(error.code);
    return data({ result: submission.reply(error.field ? { fieldErrors: { [error.field]: [refusal.message] } } : { formErrors: [refusal.message] }) }, { status: refusal.status });
  }
}

export default function NewTicket() {
  const { signedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(openTicketSchema, { lastResult: actionData?.result, defaultValue: { kind: "question" } });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1>{t("tickets.new.title")}</h1>
        <p className="text-slate-700">{t("tickets.new.lead")}</p>
      </header>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card space-y-4">
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend className="field-label">{t("tickets.new.kind")}</legend>
          <div className="flex gap-4">
            {(["question", "complaint"] as const).map((kind) => (
              <label key={kind} className="inline-flex items-center gap-2">
                <input type="radio" name={fields.kind.name} value={kind} defaultChecked={fields.kind.initialValue === kind} aria-describedby={fields.kind.errors ? fields.kind.errorId : undefined} />
                {t(`tickets.kinds.${kind}`)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <div>
          <label htmlFor={fields.category.id} className="field-label">{t("tickets.new.category")}</label>
          <select {...getSelectProps(fields.category)} key={fields.category.key} className="field-input aria-[invalid=true]:border-red-600">
            <option value="">{t("tickets.new.chooseCategory")}</option>
            {ticketCategories.map((c) => <option key={c} value={c}>{t(`tickets.categories.${c}`)}</option>)}
          </select>
          <ErrorList id={fields.category.errorId} errors={fields.category.errors} />
        </div>
        <Field label={t("tickets.new.subject")} meta={fields.subject} />
        <div>
          <label htmlFor={fields.body.id} className="field-label">{t("tickets.new.body")}</label>
          <textarea {...getTextareaProps(fields.body)} key={fields.body.key} rows={8} className="field-input aria-[invalid=true]:border-red-600" />
          <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        {signedIn ? null : (
          <>
            <Field label={t("tickets.new.email")} meta={fields.email} type="email" autoComplete="email" />
            <Field label={t("tickets.new.name")} meta={fields.name} autoComplete="name" />
          </>
        )}
        <button type="submit" className="btn-primary">{t("tickets.new.submit")}</button>
      </Form>
    </div>
  );
}
