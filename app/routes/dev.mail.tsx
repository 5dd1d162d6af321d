import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { getLocale } from "~/i18n/locale.server";
import { isLoopback, listOutbox } from "~/mail/inbox.server";
import { dbFrom } from "~/services.server";

export const meta: MetaFunction = () => [{ title: "開發用收件匣 · Development inbox" }, { name: "robots", content: "noindex" }];

const paramsSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  to: z.string().trim().max(320).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Only on this machine, and only while mail is not really sent (no SMTP_URL): the outbox holds
  // sign-in and reset links. Everyone else gets a 404, as if the page did not exist.
  if (!context.services.mail.devInbox || !isLoopback(context.clientIp)) throw new Response("Not found", { status: 404 });
  const params = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const to = params.to || undefined;
  const [locale, outbox] = await Promise.all([getLocale(request), listOutbox(dbFrom(context), { page: params.page, to })]);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const messages = outbox.rows.map((m) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    text: m.textBody,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    created: format.format(m.createdAt),
    sentAt: m.sentAt?.toISOString() ?? null,
    sent: m.sentAt ? format.format(m.sentAt) : null,
    attachments: m.attachments,
  }));
  return { messages, total: outbox.total, page: params.page, pages: outbox.pages, to };
}

export default function DevMail() {
  const { messages, total, page, pages, to } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("devMail.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("devMail.lead")}</p>
      </header>

      <Form method="get" className="card flex flex-wrap items-end gap-4" aria-label={t("devMail.filter")}>
        <div className="min-w-64 flex-1">
          <label htmlFor="dev-mail-to" className="field-label">{t("devMail.to")}</label>
          <input id="dev-mail-to" name="to" type="email" defaultValue={to ?? ""} className="field-input" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">{t("devMail.apply")}</button>
          <Link to="/dev/mail" className="btn-secondary">{t("devMail.clear")}</Link>
        </div>
      </Form>

      <p role="status" className="text-sm text-slate-700">{t("devMail.resultCount", { count: total })}</p>

      {messages.length === 0 ? (
        <p className="card text-slate-700">{to ? t("devMail.emptyFor", { to }) : t("devMail.empty")}</p>
      ) : (
        <section aria-label={t("devMail.messages")}>
          <ul className="space-y-4">
            {messages.map((m) => (
              <li key={m.id} className="card space-y-3">
                <h2 className="text-lg">{m.subject}</h2>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium text-slate-700">{t("devMail.to")}</dt>
                  <dd>{m.to}</dd>
                  <dt className="font-medium text-slate-700">{t("devMail.status")}</dt>
                  <dd>{t(`devMail.statuses.${m.status}`)} · {t("devMail.attempts")} {m.attempts}</dd>
                  <dt className="font-medium text-slate-700">{t("devMail.created")}</dt>
                  <dd><time dateTime={m.createdAt}>{m.created}</time></dd>
                  {m.sentAt && (
                    <>
                      <dt className="font-medium text-slate-700">{t("devMail.sent")}</dt>
                      <dd><time dateTime={m.sentAt}>{m.sent}</time></dd>
                    </>
                  )}
                  {m.lastError && (
                    <>
                      <dt className="font-medium text-slate-700">{t("devMail.lastError")}</dt>
                      <dd className="text-red-800">{m.lastError}</dd>
                    </>
                  )}
                </dl>
                <h3 className="sr-only">{t("devMail.body")}</h3>
                <pre className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm">
                  <TextWithLinks text={m.text} />
                </pre>
                {m.attachments.length > 0 ? (
                  <div className="space-y-2">
                    <h3 className="text-sm font-semibold">{t("devMail.attachments", { count: m.attachments.length })}</h3>
                    {m.attachments.map((a) => (
                      <details key={a.filename} className="text-sm">
                        <summary className="cursor-pointer">{a.filename} · {a.contentType} · {t("devMail.characters", { count: a.content.length })}</summary>
                        <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-xs">{a.content}</pre>
                      </details>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={page} pages={pages} />
        </section>
      )}
    </div>
  );
}

// Only http(s) URLs become links; React escapes every other piece of the text.
const urlPattern = /(https?:\/\/[^\s<>"'）」。，]+)/;

function TextWithLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(urlPattern).map((part, i) =>
        i % 2 === 1 ? <a key={i} href={part}>{part}</a> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
