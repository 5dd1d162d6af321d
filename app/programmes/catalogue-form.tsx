// The catalogue form for new programmes and edits: plain controls (text, selects, checkboxes) so it
// works without JavaScript and from the keyboard. Each vocabulary skill has a level select (empty: not taught).
import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { catalogueTypes, programmeLanguages, programmeSchema } from "./catalogue-schema";

export interface CatalogueFormOptions {
  skills: { key: string; label: string }[];
  occupations: { code: string; label: string }[];
  /** New programmes by unit staff: the viewer's approved units. */
  units: { id: string; name: string }[];
}

export type CatalogueFormDefaults = Record<string, string | string[] | undefined>;

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value !== "" ? [value] : []);

export function CatalogueForm({ lastResult, defaultValue, options, action, submitLabel }: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: CatalogueFormDefaults;
  options: CatalogueFormOptions;
  action: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(programmeSchema, { lastResult, defaultValue, id: "programme" });
  const chosenSkills = new Map(asList(fields.skills.initialValue).map((v) => v.split(":") as [string, string]));
  const chosenCodes = asList(fields.occupationCodes.initialValue);
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-6">
      {form.errors?.length ? <FormMessage><ErrorList errors={form.errors} /></FormMessage> : null}
      <section aria-labelledby="programme-about" className="card grid gap-4 sm:grid-cols-2">
        <h2 id="programme-about" className="sm:col-span-2">{t("catalogue.form.about")}</h2>
        {options.units.length > 0 ? (
          <Select label={t("catalogue.form.unit")} meta={fields.organisationId} options={options.units.map((u) => ({ value: u.id, label: u.name }))} />
        ) : null}
        <Select label={t("catalogue.form.type")} meta={fields.type} options={catalogueTypes.map((type) => ({ value: type, label: t(`programmeType.${type}`) }))} />
        <Field label={t("catalogue.form.providerZh")} meta={fields.providerZh} />
        <Field label={t("catalogue.form.providerEn")} meta={fields.providerEn} />
        <Field label={t("catalogue.form.titleZh")} meta={fields.titleZh} />
        <Field label={t("catalogue.form.titleEn")} meta={fields.titleEn} />
        <TextArea label={t("catalogue.form.summaryZh")} meta={fields.summaryZh} required />
        <TextArea label={t("catalogue.form.summaryEn")} meta={fields.summaryEn} required />
        <TextArea label={t("catalogue.form.scheduleZh")} meta={fields.scheduleZh} />
        <TextArea label={t("catalogue.form.scheduleEn")} meta={fields.scheduleEn} />
        <TextArea label={t("catalogue.form.eligibilityZh")} meta={fields.eligibilityZh} />
        <TextArea label={t("catalogue.form.eligibilityEn")} meta={fields.eligibilityEn} />
        <Select label={t("catalogue.form.language")} meta={fields.language} options={programmeLanguages.map((l) => ({ value: l, label: t(`catalogue.language.${l}`) }))} />
        <Field label={t("catalogue.form.city")} meta={fields.city} />
      </section>
      <section aria-labelledby="programme-numbers" className="card grid gap-4 sm:grid-cols-2">
        <h2 id="programme-numbers" className="sm:col-span-2">{t("catalogue.form.numbers")}</h2>
        <Field label={t("catalogue.form.durationMonths")} meta={fields.durationMonths} hint={t("catalogue.form.optional")} />
        <Field label={t("catalogue.form.capacityPerYear")} meta={fields.capacityPerYear} hint={t("catalogue.form.optional")} />
        <Field label={t("catalogue.form.feeNtd")} meta={fields.feeNtd} hint={t("catalogue.form.moneyHint")} />
        <Field label={t("catalogue.form.monthlyStipendNtd")} meta={fields.monthlyStipendNtd} hint={t("catalogue.form.moneyHint")} />
      </section>
      <fieldset className="card space-y-3" aria-describedby={`${fields.skills.id}-hint ${fields.skills.errorId}`}>
        <legend className="field-label">{t("catalogue.form.skills")}</legend>
        <p id={`${fields.skills.id}-hint`} className="text-xs text-slate-600">{t("catalogue.form.skillsHint")}</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {options.skills.map((s, i) => (
            <div key={s.key} className="flex items-center gap-2">
              <label htmlFor={`skill-${s.key}`} className="flex-1 text-sm">{s.label}</label>
              <select id={`skill-${s.key}`} name={`${fields.skills.name}[${i}]`} defaultValue={chosenSkills.has(s.key) ? `${s.key}:${chosenSkills.get(s.key)}` : ""} className="field-input mt-0 w-40">
                <option value="">{t("catalogue.form.notTaught")}</option>
                {[1, 2, 3, 4, 5].map((level) => <option key={level} value={`${s.key}:${level}`}>{t("programmes.level", { level: String(level) })}</option>)}
              </select>
            </div>
          ))}
        </div>
        <ErrorList id={fields.skills.errorId} errors={fields.skills.errors} />
      </fieldset>
      <fieldset className="card space-y-3" aria-describedby={fields.occupationCodes.errorId}>
        <legend className="field-label">{t("catalogue.form.occupations")}</legend>
        <div className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2">
          {options.occupations.map((o) => (
            <label key={o.code} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={fields.occupationCodes.name} value={o.code} defaultChecked={chosenCodes.includes(o.code)} className="mt-1" />
              {o.label}
            </label>
          ))}
        </div>
        <ErrorList id={fields.occupationCodes.errorId} errors={fields.occupationCodes.errors} />
      </fieldset>
      <button type="submit" className="btn-primary">{submitLabel}</button>
    </Form>
  );
}

function TextArea({ label, meta, required = false }: { label: string; meta: FieldMetadata<unknown>; required?: boolean }) {
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      <textarea
        id={meta.id} name={meta.name} defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""} rows={3} required={required}
        aria-invalid={meta.errors ? true : undefined} aria-describedby={meta.errors ? meta.errorId : undefined} className="field-input aria-[invalid=true]:border-red-600"
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function Select({ label, meta, options }: { label: string; meta: FieldMetadata<unknown>; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      <select
        id={meta.id} name={meta.name} defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""} required
        aria-invalid={meta.errors ? true : undefined} aria-describedby={meta.errors ? meta.errorId : undefined} className="field-input"
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

