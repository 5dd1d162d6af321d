// A round's PhD trainee applications for the programme office: eligibility, evidence, preferences,
// status and the innovation-assessment score of each (filtered by status, 50 a page, every read
// audited), score entry row by row, and the CSV import that writes all rows or none and offers the
// rejected rows as a downloadable report.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { importInnovationScores, MAX_IMPORT_BYTES, parseScore, recordInnovationScore } from "~/placement/innovation-scores.server";
import { getRound } from "~/placement/rounds.server";
import { rejectedRowsCsv, type RejectedRow } from "~/placement/score-report";
import { explainTraineeRefusal, isTraineeRefusal } from "~/placement/trainee-refusals.server";
import { evidencePath, listRoundTrainees } from "~/placement/trainee-lists.server";
import { importSchema, scoreSchema } from "~/placement/trainee-schema";
import { readUploadForm } from "~/placement/upload-form.server";
import { formatCalendarDate } from "~/positions/format";
import { traineeApplicationStatus } from "../../db/schema/enums";

export const meta: MetaFunction = () => [{ title: "博士級人才申請 · PhD trainee applications" }];

const PAGE_SIZE = 50;
const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  // Built from the enum, not from a .server module: this schema is part of the browser bundle too.
  status: z.enum(traineeApplicationStatus.enumValues).optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const db = context.services.db;
  const view = await getRound(db, params.id ?? "");
  if (!view) throw notFound();
  const locale = await getLocale(request);
  const { page, status } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listRoundTrainees(db, officer, view.round.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, status }, context.clientIp);
  return {
    round: { id: view.round.id, title: pick(locale, view.round.titleZh, view.round.titleEn) },
    status: status ?? null,
    counts: list.counts,
    total: list.total,
    page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    rows: list.rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phdStatus: r.phdStatus,
      phdDate: formatCalendarDate((r.phdObtainedOn ?? r.phdExpectedOn)!, locale),
      evidence: r.hasEvidence ? evidencePath(r.id) : null,
      preferences: r.preferences,
      status: r.status,
      submittedAt: r.submittedAt ? formatDateTime(r.submittedAt, locale) : null,
      score: r.innovationScore === null ? "" : String(r.innovationScore),
    })),
  };
}

type Reply = { intent: "score" | "import" | null; ok: boolean; text: string; applicationId?: string; rejected?: RejectedRow[]; imported?: number };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const db = context.services.db;
  const locale = await getLocale(request);
  const read = await readUploadForm(request, { fileField: "file", fields: ["intent"], maxBytes: MAX_IMPORT_BYTES });
  if (!read.ok) return data({ reply: { intent: "import", ok: false, text: "trainees.office.reasons.unreadable" } as Reply }, { status: 400 });
  const formData = read.formData;
  const intent = formData.get("intent");
  const view = intent === "score" || intent === "import" ? await getRound(db, params.id ?? "") : null;
  try {
    if (intent === "score") {
      const parsed = parseWithZod(formData, { schema: scoreSchema });
      if (parsed.status !== "success") return data({ reply: { intent, ok: false, text: "trainees.validation.score", applicationId: String(formData.get("applicationId") ?? "") } as Reply }, { status: 400 });
      if (!view) throw notFound();
      const text = parsed.value.score ?? "";
      await recordInnovationScore(db, officer, parsed.value.applicationId, text === "" ? null : parseScore(text), context.clientIp);
      return { reply: { intent, ok: true, text: "trainees.office.saved", applicationId: parsed.value.applicationId } as Reply };
    }
    if (intent === "import") {
      const parsed = parseWithZod(formData, { schema: importSchema });
      if (parsed.status !== "success" || parsed.value.file.size === 0) return data({ reply: { intent, ok: false, text: "trainees.validation.file" } as Reply }, { status: 400 });
      if (!view) throw notFound();
      const result = await importInnovationScores(db, officer, view.round.id, await parsed.value.file.text(), context.clientIp);
      if (result.ok) return { reply: { intent, ok: true, text: "trainees.office.imported", imported: result.imported } as Reply };
      return data({ reply: { intent, ok: false, text: "trainees.office.rejectedTitle", rejected: result.rejected } as Reply }, { status: 400 });
    }
  } catch (error) {
    if (!isTraineeRefusal(error)) throw error;
    const refusal = explainTraineeRefusal(error, locale, view?.round);
    if (refusal.status === 404) throw notFound();
    if (refusal.status === 403) throw forbidden();
    return data({ reply: { intent, ok: false, text: refusal.text, applicationId: String(formData.get("applicationId") ?? "") } as Reply }, { status: refusal.status });
  }
  return data({ reply: { intent: null, ok: false, text: "validation.choose" } as Reply }, { status: 400 });
}

export default function OfficeRoundTrainees() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData?.reply ?? null;
  const { t } = useTranslation();
  const say = (text: string, values: Record<string, string | number> = {}) => t(text as never, { defaultValue: text, ...values });
  const importReply = reply?.intent === "import" ? reply : null;
  const report = importReply?.rejected?.length
    ? rejectedRowsCsv(importReply.rejected, [t("trainees.office.line"), t("trainees.office.identifier"), t("trainees.office.score"), t("trainees.office.reason")], (r) => t(`trainees.office.reasons.${r}`))
    : null;
  return (
    <div className="space-y-8">
      <nav aria-label={t("trainees.breadcrumb")} className="text-sm"><Link to={`/office/rounds/${page.round.id}`}>← {t("trainees.office.back")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round.title}</p>
        <h1>{t("trainees.office.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("trainees.office.lead")}</p>
      </header>

      <section aria-labelledby="import" className="card space-y-3">
        <h2 id="import">{t("trainees.office.importTitle")}</h2>
        <p className="text-sm text-slate-700">{t("trainees.office.importLead")}</p>
        {importReply?.ok ? <FormMessage tone="success">{t("trainees.office.imported", { count: importReply.imported ?? 0 })}</FormMessage> : null}
        {importReply && !importReply.ok && !report ? <FormMessage>{say(importReply.text)}</FormMessage> : null}
        {importReply && report ? (
          <div className="space-y-3">
            <FormMessage>
              <p className="font-semibold">{t("trainees.office.rejectedTitle", { count: importReply.rejected!.length })}</p>
              <p>{t("trainees.office.rejectedLead")}</p>
            </FormMessage>
            <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(report)}`} download={t("trainees.office.reportFile")} className="btn-secondary inline-flex">{t("trainees.office.download")}</a>
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("trainees.office.rejectedTitle", { count: importReply.rejected!.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("trainees.office.line")}</th>
                    <th scope="col">{t("trainees.office.identifier")}</th>
                    <th scope="col">{t("trainees.office.score")}</th>
                    <th scope="col">{t("trainees.office.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {importReply.rejected!.map((r) => (
                    <tr key={`${r.line}-${r.identifier}`}>
                      <td>{r.line}</td>
                      <td className="break-all">{r.identifier}</td>
                      <td>{r.score}</td>
                      <td>{t(`trainees.office.reasons.${r.reason}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="import" />
          <div>
            <label htmlFor="scores-file" className="field-label">{t("trainees.office.file")}</label>
            <input id="scores-file" name="file" type="file" accept=".csv,text/csv" required className="field-input" />
          </div>
          <button type="submit" className="btn-primary">{t("trainees.office.import")}</button>
        </Form>
      </section>

      <section aria-labelledby="applications" className="space-y-3">
        <h2 id="applications">{t("trainees.office.title")}</h2>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="status-filter" className="field-label">{t("trainees.office.filter")}</label>
            <select id="status-filter" name="status" defaultValue={page.status ?? ""} className="field-input">
              <option value="">{t("trainees.office.withCount", { label: t("trainees.office.all"), count: Object.values(page.counts).reduce((a, b) => a + b, 0) })}</option>
              {(["draft", "submitted", "withdrawn"] as const).map((s) => <option key={s} value={s}>{t("trainees.office.withCount", { label: t(`trainees.status.${s}`), count: page.counts[s] })}</option>)}
            </select>
          </div>
          <button type="submit" className="btn-secondary">{t("trainees.office.apply")}</button>
        </Form>
        <p className="text-sm text-slate-700">{t("trainees.office.count", { count: page.total })}</p>
        {page.rows.length === 0 ? (
          <p className="card text-slate-700">{t("trainees.office.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("trainees.office.name")}</th>
                  <th scope="col">{t("trainees.office.phd")}</th>
                  <th scope="col">{t("trainees.office.evidence")}</th>
                  <th scope="col">{t("trainees.office.preferences")}</th>
                  <th scope="col">{t("trainees.office.status")}</th>
                  <th scope="col">{t("trainees.office.submittedAt")}</th>
                  <th scope="col">{t("trainees.office.score")}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => {
                  const rowReply = reply?.intent === "score" && reply.applicationId === r.id ? reply : null;
                  const inputId = `score-${r.id}`;
                  return (
                    <tr key={r.id}>
                      <th scope="row" className="text-left font-normal">
                        <span className="block font-medium">{r.name}</span>
                        <span className="block break-all text-xs text-slate-600">{r.email}</span>
                        <span className="block font-mono text-xs text-slate-700">{r.id}</span>
                      </th>
                      <td>{t("trainees.phdSummary", { status: t(`trainees.phdStatus.${r.phdStatus}`), on: t(`trainees.phdOn.${r.phdStatus}`, { date: r.phdDate }) })}</td>
                      <td>{r.evidence ? <a href={r.evidence} download>{t("trainees.office.open")}</a> : t("trainees.office.missing")}</td>
                      <td>{r.preferences}</td>
                      <td>{t(`trainees.status.${r.status}`)}</td>
                      <td>{r.submittedAt ?? "—"}</td>
                      <td>
                        <Form method="post" className="flex items-end gap-2">
                          <input type="hidden" name="intent" value="score" />
                          <input type="hidden" name="applicationId" value={r.id} />
                          <label htmlFor={inputId} className="sr-only">{t("trainees.office.scoreFor", { name: r.name })}</label>
                          <input
                            id={inputId}
                            name="score"
                            inputMode="decimal"
                            defaultValue={r.score}
                            pattern="\d{1,3}(\.\d{1,2})?"
                            aria-invalid={rowReply && !rowReply.ok ? true : undefined}
                            aria-describedby={rowReply ? `${inputId}-reply` : undefined}
                            className="field-input w-24"
                          />
                          <button type="submit" className="btn-secondary">{t("trainees.office.save")}</button>
                        </Form>
                        {rowReply ? <p id={`${inputId}-reply`} role={rowReply.ok ? "status" : "alert"} className={`mt-1 text-sm ${rowReply.ok ? "text-green-800" : "text-red-700"}`}>{say(rowReply.text)}</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page.page} pages={page.pages} />
      </section>
    </div>
  );
}
