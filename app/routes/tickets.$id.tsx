// One ticket's thread: the requester (signed in, or through the link in their mail) reads it and
// answers; the office replies (mailed), assigns a programme officer, sets the status and sees the
// first-reply clock. Anyone else gets a 403, so complaints stay with the office.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { ticketRefusal } from "~/tickets/refusals";
import { SlaBadge } from "~/tickets/sla-badge";
import { assignSchema, replySchema, statusSchema } from "~/tickets/ticket-schema";
import { accessTicket, addMessage, assignTicket, officers, setTicketStatus, threadOf, ticketReference, TicketRuleError } from "~/tickets/tickets.server";

export const meta: MetaFunction = () => [{ title: "單一窗口案件 · Ticket" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

function tokenOf(request: Request, form?: FormData): string | null {
  const fromForm = form?.get("token");
  return typeof fromForm === "string" && fromForm ? fromForm : new URL(request.url).searchParams.get("token");
}

/** Who is asking: signed in, or holding a link; a visitor with neither is sent to log in. */
async function access(request: Request, context: LoaderFunctionArgs["context"], id: string, token: string | null) {
  const viewer = context.viewer ?? (token ? null : requireViewer(request, context));
  try {
    return { viewer, ...(await accessTicket(context.services.db, viewer, id, token)) };
  } catch (error) {
    if (!(error instanceof TicketRuleError)) throw error;
    const refusal = ticketRefusal(error.code);
    throw new Response(refusal.status === 404 ? "Not found" : "Forbidden", { status: refusal.status });
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const { ticket, access: role } = await access(request, context, params.id ?? "", token);
  const db = context.services.db;
  const [thread, team, locale] = await Promise.all([threadOf(db, ticket.id), role === "office" ? officers(db) : Promise.resolve([]), getLocale(request)]);
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", { timeZone: "Asia/Taipei", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
  return {
    role,
    token: role === "requester" ? token : null,
    sent: new URL(request.url).searchParams.has("sent"),
    now: new Date().toISOString(),
    ticket: {
      id: ticket.id, reference: ticketReference(ticket.id), kind: ticket.kind, category: ticket.category, subject: ticket.subject, status: ticket.status,
      requesterEmail: role === "office" ? ticket.requesterEmail : null, requesterName: ticket.requesterName, assigneeUserId: ticket.assigneeUserId,
      firstReplyDueAt: ticket.firstReplyDueAt?.toISOString() ?? null, firstRepliedAt: ticket.firstRepliedAt?.toISOString() ?? null,
      due: ticket.firstReplyDueAt ? format.format(ticket.firstReplyDueAt) : null,
    },
    thread: thread.map((m) => ({ id: m.id, body: m.body, fromOffice: m.fromOffice, at: m.createdAt.toISOString(), when: format.format(m.createdAt), author: m.fromOffice ? m.author : null })),
    officers: team,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = tokenOf(request, form);
  const { viewer, ticket, access: role } = await access(request, context, params.id ?? "", token);
  const db = context.services.db;
  const intent = String(form.get("intent") ?? "");
  const fail = (message: string, field: string | null, status: number) => data({ intent, ok: false as const, message, field }, { status });
  try {
    if (intent === "reply") {
      const parsed = parseWithZod(form, { schema: replySchema });
      if (parsed.status !== "success") return fail(parsed.error?.body?.[0] ?? "validation.required", "body", 400);
      await addMessage(db, viewer, ticket.id, token, parsed.value.body, { publicUrl: context.services.env.PUBLIC_URL, ip: context.clientIp });
      context.services.mail.wake();
      return { intent, ok: true as const, message: "tickets.detail.replied", field: null };
    }
    if (role !== "office" || !viewer) return fail("tickets.refusal.forbidden", null, 403);
    if (intent === "assign") {
      const parsed = parseWithZod(form, { schema: assignSchema });
      if (parsed.status !== "success") return fail("validation.choose", "assigneeUserId", 400);
      await assignTicket(db, viewer, ticket.id, parsed.value.assigneeUserId, context.clientIp);
      return { intent, ok: true as const, message: "tickets.detail.assigned", field: null };
    }
    if (intent === "status") {
      const parsed = parseWithZod(form, { schema: statusSchema });
      if (parsed.status !== "success") return fail("validation.choose", "status", 400);
      await setTicketStatus(db, viewer, ticket.id, parsed.value.status, context.clientIp);
      return { intent, ok: true as const, message: "tickets.detail.statusSaved", field: null };
    }
    return fail("validation.choose", null, 400);
  } catch (error) {
    if (!(error instanceof TicketRuleError)) throw error;
    const refusal = ticketRefusal(error.code);
    return fail(refusal.message, error.field ?? null, refusal.status);
  }
}

export default function TicketPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { ticket } = page;
  const note = (intent: string) => (result && result.intent === intent && (result.ok || !result.field) ? <FormMessage tone={result.ok ? "success" : "error"}>{t(result.message as never)}</FormMessage> : null);
  const replyError = result && result.intent === "reply" && !result.ok && result.field === "body" ? result.message : null;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{t("tickets.detail.reference", { reference: ticket.reference })} · {t(`tickets.kinds.${ticket.kind}`)} · {t(`tickets.categories.${ticket.category as "other"}`)}</p>
        <h1>{ticket.subject}</h1>
        <p>{t("tickets.detail.status")}: {t(`tickets.statuses.${ticket.status}`)}</p>
        {page.sent ? <FormMessage tone="success">{t("tickets.new.sent", { reference: ticket.reference })}</FormMessage> : null}
        {ticket.kind === "complaint" && page.role === "office" ? <FormMessage tone="info">{t("tickets.detail.confidential")}</FormMessage> : null}
        {page.role === "office" ? (
          <p>
            {ticket.requesterName} &lt;{ticket.requesterEmail}&gt; · <SlaBadge firstReplyDueAt={ticket.firstReplyDueAt} firstRepliedAt={ticket.firstRepliedAt} now={page.now} />
            {ticket.due ? <> · {t("tickets.sla.dueAt", { at: ticket.due })}</> : null}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="thread" className="space-y-3">
        <h2 id="thread">{t("tickets.detail.thread")}</h2>
        <ol className="space-y-3">
          {page.thread.map((m) => (
            <li key={m.id} className={`card space-y-1 ${m.fromOffice ? "border-l-4 border-brand-600" : ""}`}>
              <p className="text-sm text-slate-600">
                {m.fromOffice ? `${t("tickets.detail.fromOffice")}${m.author ? ` (${m.author})` : ""}` : t("tickets.detail.fromRequester")} · <time dateTime={m.at}>{m.when}</time>
              </p>
              <p className="whitespace-pre-line">{m.body}</p>
            </li>
          ))}
        </ol>
      </section>

      {ticket.status === "closed" && page.role === "requester" ? (
        <>
          <FormMessage tone="info">{t("tickets.detail.closed")}</FormMessage>
          {result && result.intent === "reply" && !result.ok ? <FormMessage>{t(result.message as never)}</FormMessage> : null}
        </>
      ) : (
        <Form method="post" className="card space-y-3" noValidate>
          <input type="hidden" name="intent" value="reply" />
          {page.token ? <input type="hidden" name="token" value={page.token} /> : null}
          <label htmlFor="reply-body" className="field-label">{page.role === "office" ? t("tickets.detail.replyOffice") : t("tickets.detail.reply")}</label>
          <textarea id="reply-body" name="body" rows={5} required maxLength={10000} className="field-input aria-[invalid=true]:border-red-600" aria-invalid={replyError ? true : undefined} aria-describedby={replyError ? "reply-error" : undefined} />
          <ErrorList id="reply-error" errors={replyError ? [replyError] : null} />
          <button type="submit" className="btn-primary">{t("tickets.detail.send")}</button>
          {note("reply")}
        </Form>
      )}

      {page.role === "office" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Form method="post" className="card space-y-2">
            <input type="hidden" name="intent" value="assign" />
            <label htmlFor="assignee" className="field-label">{t("tickets.detail.assignee")}</label>
            <select id="assignee" name="assigneeUserId" defaultValue={ticket.assigneeUserId ?? ""} className="field-input" required>
              <option value="">{t("tickets.detail.chooseOfficer")}</option>
              {page.officers.map((o) => <option key={o.id} value={o.id}>{o.displayName}</option>)}
            </select>
            <button type="submit" className="btn-secondary">{t("tickets.detail.assign")}</button>
            {note("assign")}
            {result && result.intent === "assign" && !result.ok && result.field ? <p className="text-sm text-red-700">{t(result.message as never)}</p> : null}
          </Form>
          <Form method="post" className="card space-y-2">
            <input type="hidden" name="intent" value="status" />
            <label htmlFor="status" className="field-label">{t("tickets.detail.status")}</label>
            <select id="status" name="status" defaultValue={ticket.status} className="field-input">
              {(["open", "answered", "closed"] as const).map((s) => <option key={s} value={s}>{t(`tickets.statuses.${s}`)}</option>)}
            </select>
            <button type="submit" className="btn-secondary">{t("tickets.detail.setStatus")}</button>
            {note("status")}
          </Form>
        </div>
      ) : null}
    </div>
  );
}
