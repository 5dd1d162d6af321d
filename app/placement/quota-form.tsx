// A training unit's quota application form: focus, plan, courses, internship months and partners, and
// the trainees asked for. Saved as a draft or submitted to the office; plain controls, so it works
// without JavaScript. Partners are numbered rows; empty rows are skipped.
import { getFormProps, getInputProps, getTextareaProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { PARTNER_SLOTS, quotaPlanSchema, unitFocusValues } from "./quota-schema";

export type QuotaFormDefaults = Record<string, unknown>;

export function QuotaForm({ lastResult, defaultValue, action, mayStillSubmit }: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: QuotaFormDefaults;
  action: string;
  /** False while the unit is not approved yet: it may save a draft, not submit it. */
  mayStillSubmit: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(quotaPlanSchema, { lastResult, defaultValue, id: "quota" });
  const partners = fields.partners.getFieldList();
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-6">
      {form.errors?.length ? <FormMessage><ErrorList errors={form.errors} /></FormMessage> : null}
      <input type="hidden" name={fields.organisationId.name} value={String(fields.organisationId.initialValue ?? "")} />
      {fields.version.initialValue ? <input type="hidden" name={fields.version.name} value={String(fields.version.initialValue)} /> : null}

      <section aria-labelledby="quota-plan" className="card space-y-4">
        <h2 id="quota-plan">{t("placement.quota.planTitle")}</h2>
        <fieldset aria-describedby={fields.focus.errors ? fields.focus.errorId : undefined}>
          <legend className="field-label">{t("placement.quota.focus")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
            {unitFocusValues.map((focus) => (
              <label key={focus} className="flex items-center gap-2 text-sm">
                <input type="radio" name={fields.focus.name} value={focus} defaultChecked={fields.focus.initialValue === focus} required />
                {t(`placement.focus.${focus}`)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.focus.errorId} errors={fields.focus.errors} />
        </fieldset>
        <TextArea label={t("placement.quota.planZh")} hint={t("placement.quota.planHint")} meta={fields.planZh} rows={8} />
        <TextArea label={t("placement.quota.planEnOptional")} meta={fields.planEn} rows={5} />
        <TextArea label={t("placement.quota.courses")} hint={t("placement.quota.coursesHint")} meta={fields.courses} rows={5} />
      </section>

      <section aria-labelledby="quota-internship" className="card space-y-4">
        <h2 id="quota-internship">{t("placement.quota.internshipTitle")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberLike label={t("placement.quota.internshipMonths")} hint={t("placement.quota.internshipMonthsHint")} meta={fields.internshipMonths} />
          <NumberLike label={t("placement.quota.requested")} hint={t("placement.quota.requestedHint")} meta={fields.requestedTrainees} />
        </div>
        <fieldset aria-describedby={`${fields.partners.id}-hint ${fields.partners.errorId}`}>
          <legend className="field-label">{t("placement.quota.partners")}</legend>
          <p id={`${fields.partners.id}-hint`} className="text-xs text-slate-600">{t("placement.quota.partnersHint")}</p>
          <ErrorList id={fields.partners.errorId} errors={fields.partners.errors} />
          <ol className="mt-2 space-y-2">
            {Array.from({ length: PARTNER_SLOTS }, (_, i) => {
              const row = partners[i]?.getFieldset();
              const id = `${fields.partners.id}-${i}`;
              return (
                <li key={i} className="grid items-end gap-2 sm:grid-cols-3">
                  <div className="sm:col-span-2">
                    <label htmlFor={`${id}-name`} className="field-label">{t("placement.quota.partnerPlace", { n: String(i + 1) })}</label>
                    <input id={`${id}-name`} name={`${fields.partners.name}[${i}].name`} defaultValue={String(row?.name.initialValue ?? "")} maxLength={120} className="field-input" />
                    <ErrorList errors={row?.name.errors} />
                  </div>
                  <label className="flex items-center gap-2 pb-2 text-sm">
                    <input type="checkbox" name={`${fields.partners.name}[${i}].isMedicalCentre`} defaultChecked={row?.isMedicalCentre.initialValue === "on"} />
                    {t("placement.quota.isMedicalCentre")}
                  </label>
                </li>
              );
            })}
          </ol>
        </fieldset>
      </section>

      <div className="flex flex-wrap gap-3">
        <button type="submit" name={fields.intent.name} value="save" className="btn-secondary">{t("placement.quota.saveDraft")}</button>
        {mayStillSubmit ? <button type="submit" name={fields.intent.name} value="submit" className="btn-primary">{t("placement.quota.submit")}</button> : null}
      </div>
    </Form>
  );
}

function TextArea({ label, hint, meta, rows }: { label: string; hint?: string; meta: FieldMetadata<unknown>; rows: number }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      {hint ? <p id={hintId} className="text-xs text-slate-600">{hint}</p> : null}
      <textarea {...props} key={props.key} rows={rows} className="field-input aria-[invalid=true]:border-red-600" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function NumberLike({ label, hint, meta }: { label: string; hint: string; meta: FieldMetadata<unknown> }) {
  const hintId = `${meta.id}-hint`;
  const props = getInputProps(meta, { type: "text", ariaDescribedBy: hintId });
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
