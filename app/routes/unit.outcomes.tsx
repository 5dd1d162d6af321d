// A training unit's staff follow their own completers: checkpoints due first, an entry form for one
// checkpoint (prefilled from the table's "record" links), and a CSV import that is all or nothing, with a
// downloadable report of the rejected rows and a template listing what is due. Other units' trainees are
// neither listed nor accepted (completerScope, assertMayEnter).
import { StateAndCheckpointFilters } from "~/outcomes/list-filters";
import { getFormProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { useZodForm } from "~/components/use-zod-form";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { checkpoints } from "~/outcomes/checkpoints";
import { CheckpointTable } from "~/outcomes/checkpoint-table";
import { checkpointView, listCheckpoints } from "~/outcomes/completers.server";
import { csvDocument, importColumns, rejectedOutcomesCsv, type RejectedOutcomeRow } from "~/outcomes/import-report";
import { importOutcomes, MAX_OUTCOME_IMPORT_BYTES } from "~/outcomes/import.server";
import { OUTCOME_PAGE_SIZE, readOutcomeListQuery } from "~/outcomes/list-query";
import { outcomeEntrySchema, parseCompletionRef } from "~/outcomes/outcome-schema";
import { OutcomeFields } from "~/outcomes/outcome-fields";
import { occupationChoices, OutcomeRuleError, recordOutcome } from "~/outcomes/outcomes.server";
import { outcomeRefusal } from "~/outcomes/refusals";
import { chosenUnit, unitsOf } from "~/placement/quota-applications.server";
import { readUploadForm } from "~/placement/upload-form.server";

export const meta: MetaFunction = () => [{ title: "學員就業情形 · Trainees' employment" }];

const REPORT_ROWS_SHOWN = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:employment-outcome:organisation");
  const db = context.services.db;
  const url = new URL(request.url);
  const unit = chosenUnit(viewer, url.searchParams.get("unit"));
  if (unit === "foreign") throw notFound();
  const locale = await getLocale(request);
  const units = unitsOf(viewer).map((u) => ({ id: u.organisationId, name: pick(locale, u.nameZh, u.nameEn) }));
  if (!unit) return { unit: null, units, rows: [], due: [], total: 0, page: 1, pages: 1, query: readOutcomeListQuery(url), occupations: [], template: "" };
  const query = readOutcomeListQuery(url);
  const { rows, total } = await listCheckpoints(db, viewer, { unitId: unit.organisationId, state: query.state, checkpoint: query.checkpoint, programme: query.programme }, { limit: OUTCOME_PAGE_SIZE, offset: (query.page - 1) * OUTCOME_PAGE_SIZE });
  const due = await listCheckpoints(db, viewer, { unitId: unit.organisationId, state: "due" }, { limit: 5000, offset: 0 });
  const dueViews = due.rows.map((r) => checkpointView(r, locale));
  const template = csvDocument([[...importColumns], ...dueViews.map((r) => [r.completion, r.checkpoint, "", "", "", ""])]);
  const occupations = (await occupationChoices(db)).map((o) => ({ code: o.code, title: pick(locale, o.titleZh, o.titleEn) }));
  const completions = new Map<string, string>();
  for (const r of [...dueViews, ...rows.map((row) => checkpointView(row, locale))]) completions.set(r.completion, `${r.name} · ${r.programme ?? ""}`);
  return {
    unit: { id: unit.organisationId, name: pick(locale, unit.nameZh, unit.nameEn) },
    units,
    rows: rows.map((r) => checkpointView(r, locale)),
    due: [...completions].map(([value, label]) => ({ value, label })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / OUTCOME_PAGE_SIZE)),
    query,
    occupations,
    template,
  };
}

type Reply = { intent: "record" | "import" | null; message: string | null; result?: SubmissionResult<string[]>; rejected?: RejectedOutcomeRow[]; imported?: number };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:employment-outcome:organisation");
  const db = context.services.db;
  const read = await readUploadForm(request, { fileField: "file", fields: ["intent", "completion", "checkpoint", "status", "employerName", "occupationCode", "salaryBand"], maxBytes: MAX_OUTCOME_IMPORT_BYTES });
  if (!read.ok) return data({ intent: "import", message: "outcomes.unit.import.unreadable" } as Reply, { status: read.problem === "tooLarge" ? 413 : 400 });
  const form = read.formData;
  const back = new URL(request.url);
  try {
    if (form.get("intent") === "import") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return data({ intent: "import", message: "outcomes.unit.import.unreadable" } as Reply, { status: 400 });
      const result = await importOutcomes(db, viewer, await file.text(), context.clientIp);
      if (result.ok) return { intent: "import", message: null, imported: result.imported } as Reply;
      return data({ intent: "import", message: null, rejected: result.rejected } as Reply, { status: 400 });
    }
    const submission = parseWithZod(form, { schema: outcomeEntrySchema });
    if (submission.status !== "success") return data({ intent: "record", message: form.get("intent") === "record" ? null : "outcomes.refusal.badRequest", result: submission.reply() } as Reply, { status: 400 });
    const { completion, checkpoint, status, employerName, occupationCode, salaryBand } = submission.value;
    const answer = { status, employerName, occupationCode, salaryBand };
    try {
      await recordOutcome(db, viewer, parseCompletionRef(completion)!, checkpoint, answer, context.clientIp);
    } catch (error) {
      if (error instanceof OutcomeRuleError && error.code === "unknownOccupation") {
        return data({ intent: "record", message: null, result: submission.reply({ fieldErrors: { occupationCode: ["outcomes.refusal.unknownOccupation"] } }) } as Reply, { status: 400 });
      }
      throw error;
    }
    back.search = "";
    back.searchParams.set("saved", "1");
    if (form.get("unit")) back.searchParams.set("unit", String(form.get("unit")));
    return redirect(back.pathname + back.search);
  } catch (error) {
    if (!(error instanceof OutcomeRuleError)) throw error;
    const refusal = outcomeRefusal(error.code);
    return data({ intent: "record", message: refusal.message } as Reply, { status: refusal.status });
  }
}

export default function UnitOutcomes() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const recordReply = reply?.intent === "record" ? reply : undefined;
  const [form, fields] = useZodForm(outcomeEntrySchema, {
    id: "record-outcome",
    lastResult: recordReply?.result,
    defaultValue: { completion: params.get("record") ?? undefined, checkpoint: (params.get("checkpoint") as never) ?? undefined, salaryBand: "undisclosed" },
  });
  if (!page.unit) {
    return (
      <div className="space-y-4">
        <h1>{t("outcomes.unit.title")}</h1>
        <p className="text-slate-700">{t("outcomes.unit.noUnit")}</p>
      </div>
    );
  }
  const importReply = reply?.intent === "import" ? reply : undefined;
  const rejected = importReply?.rejected ?? [];
  const report = rejected.length
    ? rejectedOutcomesCsv(rejected, [t("outcomes.unit.import.header.line"), t("outcomes.unit.import.header.completion"), t("outcomes.unit.import.header.checkpoint"), t("outcomes.unit.import.header.reason")], (r) => t(`outcomes.unit.reasons.${r}`))
    : null;
  const unitParam = page.units.length > 1 ? `unit=${page.unit.id}&` : "";
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.unit.name}</p>
        <h1>{t("outcomes.unit.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("outcomes.unit.lead")}</p>
      </header>
      {page.units.length > 1 ? (
        <nav aria-label={t("outcomes.unit.chooseUnit")} className="flex flex-wrap gap-2 text-sm">
          {page.units.map((u) => <Link key={u.id} to={`?unit=${u.id}`} aria-current={u.id === page.unit!.id ? "page" : undefined}>{u.name}</Link>)}
        </nav>
      ) : null}
      {params.get("saved") ? <FormMessage tone="success">{t("outcomes.unit.saved")}</FormMessage> : null}

      <section aria-labelledby="outcome-list" className="space-y-3">
        <h2 id="outcome-list">{t("outcomes.list.caption")}</h2>
        <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("outcomes.filters.title")}>
          {page.units.length > 1 ? <input type="hidden" name="unit" value={page.unit.id} /> : null}
          <StateAndCheckpointFilters state={page.query.state} checkpoint={page.query.checkpoint} checkpointId="checkpoint-filter" />
          <button type="submit" className="btn-primary">{t("outcomes.filters.apply")}</button>
        </Form>
        <p className="text-sm text-slate-700">{t("outcomes.list.total", { count: page.total })}</p>
        <CheckpointTable
          rows={page.rows}
          actions={(row) => (row.state === "upcoming" ? null : <Link to={`?${unitParam}record=${encodeURIComponent(row.completion)}&checkpoint=${row.checkpoint}#record`}>{t("outcomes.unit.record")}<span className="sr-only">: {row.name}, {t(`outcomes.checkpoint.${row.checkpoint}`)}</span></Link>)}
        />
        <Pagination page={page.page} pages={page.pages} />
      </section>

      <section aria-labelledby="record" id="record" className="card space-y-3">
        <h2 id="record-title">{t("outcomes.unit.record")}</h2>
        <p className="text-sm text-slate-700">{t("outcomes.unit.recordLead")}</p>
        {recordReply?.message ? <FormMessage>{t(recordReply.message as never)}</FormMessage> : null}
        {page.due.length === 0 ? <p className="text-slate-700">{t("outcomes.unit.nothingDue")}</p> : (
          <Form method="post" {...getFormProps(form)} className="space-y-4" aria-labelledby="record-title">
            <input type="hidden" name="intent" value="record" />
            {page.units.length > 1 ? <input type="hidden" name="unit" value={page.unit.id} /> : null}
            <div>
              <label htmlFor={fields.completion.id} className="field-label">{t("outcomes.fields.completion")}</label>
              <select {...getSelectProps(fields.completion)} key={fields.completion.key} className="field-input">
                <option value="">—</option>
                {page.due.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
              </select>
              <ErrorList id={fields.completion.errorId} errors={fields.completion.errors} />
            </div>
            <div>
              <label htmlFor={fields.checkpoint.id} className="field-label">{t("outcomes.fields.checkpoint")}</label>
              <select {...getSelectProps(fields.checkpoint)} key={fields.checkpoint.key} className="field-input">
                <option value="">—</option>
                {checkpoints.map((c) => <option key={c} value={c}>{t(`outcomes.checkpoint.${c}`)}</option>)}
              </select>
              <ErrorList id={fields.checkpoint.errorId} errors={fields.checkpoint.errors} />
            </div>
            <OutcomeFields fields={fields} occupations={page.occupations} />
            <button type="submit" className="btn-primary">{t("outcomes.unit.record")}</button>
          </Form>
        )}
      </section>

      <section aria-labelledby="import" className="card space-y-3">
        <h2 id="import">{t("outcomes.unit.import.title")}</h2>
        <p className="text-sm text-slate-700">{t("outcomes.unit.import.lead")}</p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(page.template)}`} download={t("outcomes.unit.import.templateFile")}>{t("outcomes.unit.import.template")}</a>
        {importReply?.imported !== undefined ? <FormMessage tone="success">{t("outcomes.unit.import.imported", { count: importReply.imported })}</FormMessage> : null}
        {importReply?.message ? <FormMessage>{t(importReply.message as never)}</FormMessage> : null}
        {report ? (
          <div className="space-y-3">
            <FormMessage><p className="font-semibold">{t("outcomes.unit.import.rejectedTitle", { count: rejected.length })}</p></FormMessage>
            <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(report)}`} download={t("outcomes.unit.import.reportFile")} className="btn-secondary inline-flex">{t("outcomes.unit.import.download")}</a>
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("outcomes.unit.import.rejectedTitle", { count: rejected.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("outcomes.unit.import.header.line")}</th>
                    <th scope="col">{t("outcomes.unit.import.header.completion")}</th>
                    <th scope="col">{t("outcomes.unit.import.header.checkpoint")}</th>
                    <th scope="col">{t("outcomes.unit.import.header.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rejected.slice(0, REPORT_ROWS_SHOWN).map((r) => (
                    <tr key={`${r.line}-${r.completion}`}>
                      <td>{r.line}</td>
                      <td className="break-all">{r.completion}</td>
                      <td>{r.checkpoint}</td>
                      <td>{t(`outcomes.unit.reasons.${r.reason}`)}</td>
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
            <label htmlFor="outcomes-file" className="field-label">{t("outcomes.unit.import.file")}</label>
            <input id="outcomes-file" name="file" type="file" accept=".csv,text/csv" required className="field-input" />
          </div>
          <button type="submit" className="btn-primary">{t("outcomes.unit.import.submit")}</button>
        </Form>
      </section>
    </div>
  );
}
