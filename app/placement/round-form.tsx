// The round form for a new round and a draft's edits. Plain controls only, so it works without
// JavaScript; dates are typed in Taipei time in the programme's order, criteria in numbered rows.
import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { deadlineColumns, deadlineKeys, deadlineLabelKey } from "./calendar";
import { CRITERION_SLOTS, roundSchema, type RoundFormDefaults } from "./round-schema";

export function RoundForm({
  lastResult, defaultValue, programmes, submitLabel, intent,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: RoundFormDefaults;
  programmes: { id: string; title: string }[];
  submitLabel: string;
  /** Sent as `intent`, for pages whose action does more than one thing. */
  intent?: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(roundSchema, { lastResult, defaultValue, id: "round" });
  const criteria = fields.criteria.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {form.errors?.length ? <FormMessage><ErrorList errors={form.errors} /></FormMessage> : null}

      <section aria-labelledby="round-basics" className="card grid gap-4 sm:grid-cols-2">
        <h3 id="round-basics" className="sm:col-span-2">{t("placement.roundForm.basics")}</h3>
        {programmes.length === 1 ? (
          <div className="sm:col-span-2">
            <input type="hidden" name={fields.programmeId.name} value={programmes[0]!.id} />
            <p className="text-sm text-slate-700">{t("common.labelValue", { label: t("placement.roundForm.programme"), value: programmes[0]!.title })}</p>
            <ErrorList id={fields.programmeId.errorId} errors={fields.programmeId.errors} />
          </div>
        ) : (
          <div className="sm:col-span-2">
            <label htmlFor={fields.programmeId.id} className="field-label">{t("placement.roundForm.programme")}</label>
            <select
              id={fields.programmeId.id} name={fields.programmeId.name} defaultValue={String(fields.programmeId.initialValue ?? "")} required
              aria-invalid={fields.programmeId.errors ? true : undefined} aria-describedby={fields.programmeId.errors ? fields.programmeId.errorId : undefined} className="field-input"
            >
              {programmes.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
            <ErrorList id={fields.programmeId.errorId} errors={fields.programmeId.errors} />
          </div>
        )}
        <NumberLike label={t("placement.roundForm.year")} hint={t("placement.roundForm.yearHint")} meta={fields.year} />
        <NumberLike label={t("placement.roundForm.totalQuota")} hint={t("placement.roundForm.totalQuotaHint")} meta={fields.totalQuota} />
        <Field label={t("placement.roundForm.titleZh")} meta={fields.titleZh} />
        <Field label={t("placement.roundForm.titleEn")} meta={fields.titleEn} />
        <NumberLike label={t("placement.roundForm.stipend")} hint={t("placement.roundForm.stipendHint")} meta={fields.monthlyStipendNtd} />
        <NumberLike label={t("placement.roundForm.maxPreferences")} hint={t("placement.roundForm.maxPreferencesHint")} meta={fields.maxPreferences} />
      </section>

      <section aria-labelledby="round-calendar" className="card space-y-4">
        <h3 id="round-calendar">{t("placement.roundForm.calendar")}</h3>
        <p className="text-sm text-slate-700">{t("placement.roundForm.calendarHint")}</p>
        <ol className="grid gap-4 sm:grid-cols-2">
          {deadlineKeys.map((key) => {
            const meta = fields[deadlineColumns[key]];
            return (
              <li key={key}>
                <Field label={t(deadlineLabelKey(key))} meta={meta} type="datetime-local" />
              </li>
            );
          })}
          <li><Field label={t("placement.roundForm.trainingStartsOn")} meta={fields.trainingStartsOn} type="date" /></li>
        </ol>
      </section>

      <fieldset aria-describedby={`${fields.criteria.id}-hint ${fields.criteria.errorId}`} className="card space-y-3">
        <legend className="px-1 text-base font-semibold">{t("placement.roundForm.criteria")}</legend>
        <p id={`${fields.criteria.id}-hint`} className="text-sm text-slate-700">{t("placement.roundForm.criteriaHint")}</p>
        <ErrorList id={fields.criteria.errorId} errors={fields.criteria.errors} />
        <ol className="space-y-3">
          {Array.from({ length: CRITERION_SLOTS }, (_, i) => {
            const row = criteria[i]?.getFieldset();
            const name = (field: string) => `${fields.criteria.name}[${i}].${field}`;
            const id = (field: string) => `${fields.criteria.id}-${i}-${field}`;
            const initial = (field: "key" | "labelZh" | "labelEn" | "weight" | "maxScore") => String(row?.[field].initialValue ?? "");
            const errors = (field: "key" | "labelZh" | "labelEn" | "weight" | "maxScore") => row?.[field].errors;
            return (
              <li key={i} className="grid gap-2 border-t border-slate-100 pt-3 sm:grid-cols-6">
                <p aria-hidden="true" className="text-sm font-medium sm:col-span-6">{t("placement.roundForm.criterionPlace", { n: String(i + 1) })}</p>
                {(["key", "labelZh", "labelEn", "weight", "maxScore"] as const).map((field) => (
                  <div key={field} className={field === "labelZh" || field === "labelEn" ? "sm:col-span-2" : field === "key" ? "sm:col-span-2" : ""}>
                    <label htmlFor={id(field)} className="field-label">
                      <span className="sr-only">{t("placement.roundForm.criterionPlace", { n: String(i + 1) })} </span>
                      {t(`placement.roundForm.criterion.${field}`)}
                    </label>
                    <input
                      id={id(field)} name={name(field)} defaultValue={initial(field)} inputMode={field === "weight" || field === "maxScore" ? "decimal" : undefined}
                      aria-invalid={errors(field) ? true : undefined} aria-describedby={errors(field) ? `${id(field)}-error` : undefined}
                      className="field-input aria-[invalid=true]:border-red-600"
                    />
                    <ErrorList id={`${id(field)}-error`} errors={errors(field)} />
                  </div>
                ))}
              </li>
            );
          })}
        </ol>
      </fieldset>

      <button type="submit" className="btn-primary">{submitLabel}</button>
    </Form>
  );
}

function NumberLike({ label, hint, meta }: { label: string; hint: string; meta: FieldMetadata<unknown> }) {
  const hintId = `${meta.id}-hint`;
  const props = getInputProps(meta, { type: "text", ariaDescribedBy: hintId });
  // Number constraints from the schema do not apply to a text box; the server checks them.
  const { min: _min, max: _max, step: _step, ...rest } = props;
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      <p id={hintId} className="text-xs text-slate-600">{hint}</p>
      <input {...rest} key={props.key} inputMode="numeric" className="field-input aria-[invalid=true]:border-red-600" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
