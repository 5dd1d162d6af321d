// The position form for new positions and edits. Plain controls only (selects, checkboxes, text), so it
// works without JavaScript and from the keyboard; skills are ranked by picking one per numbered place.
import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { educationLevels, experienceBands, positionSchema, SKILL_SLOTS, type PositionFormDefaults } from "./position-schema";

export interface PositionFormOptions {
  skills: { key: string; label: string }[];
  educationFields: { code: string; label: string }[];
  languages: { tag: string; label: string }[];
  /** New positions: the viewer's companies (a choice only when there are several). */
  companies?: { id: string; name: string }[];
  today: string;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value !== "" ? [value] : []);
const isChecked = (value: unknown) => value === "on" || value === true || value === "true";

export function PositionForm({
  lastResult, defaultValue, options, action, submitLabel, message,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: PositionFormDefaults;
  options: PositionFormOptions;
  action: string;
  submitLabel: string;
  /** A message about the whole form (a stale save, say), shown above it. */
  message?: ReactNode;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(positionSchema, { lastResult, defaultValue, id: "position" });
  const skillValues = asList(fields.skillKeys.initialValue);
  const chosenLanguages = asList(fields.workingLanguages.initialValue);
  const chosenFields = asList(fields.educationFieldCodes.initialValue);
  const companies = options.companies ?? [];
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-6">
      {message}
      {form.errors?.length ? <FormMessage><ErrorList errors={form.errors} /></FormMessage> : null}
      {fields.version.initialValue ? <input type="hidden" name={fields.version.name} value={String(fields.version.initialValue)} /> : null}

      <section aria-labelledby="position-about" className="card grid gap-4 sm:grid-cols-2">
        <h2 id="position-about" className="sm:col-span-2">{t("positions.form.about")}</h2>
        {companies.length > 1 ? (
          <div className="sm:col-span-2">
            <Select label={t("positions.form.company")} meta={fields.organisationId} options={companies.map((c) => ({ value: c.id, label: c.name }))} />
          </div>
        ) : companies.length === 1 ? (
          <div className="sm:col-span-2">
            <input type="hidden" name={fields.organisationId.name} value={companies[0]!.id} />
            <p className="text-sm text-slate-700">{t("common.labelValue", { label: t("positions.form.company"), value: companies[0]!.name })}</p>
            <ErrorList id={fields.organisationId.errorId} errors={fields.organisationId.errors} />
          </div>
        ) : null}
        <div className="sm:col-span-2"><Field label={t("positions.form.title")} meta={fields.title} /></div>
        <div className="sm:col-span-2">
          <label htmlFor={fields.description.id} className="field-label">{t("positions.form.description")}</label>
          <textarea
            id={fields.description.id} name={fields.description.name} defaultValue={fields.description.initialValue} rows={6} maxLength={8000}
            required aria-invalid={fields.description.errors ? true : undefined} aria-describedby={fields.description.errors ? fields.description.errorId : undefined}
            className="field-input aria-[invalid=true]:border-red-600"
          />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <Field label={t("positions.form.city")} meta={fields.city} autoComplete="address-level2" />
      </section>

      <section aria-labelledby="position-pay" className="card grid gap-4 sm:grid-cols-2">
        <h2 id="position-pay" className="sm:col-span-2">{t("positions.form.pay")}</h2>
        <TextLike label={t("positions.form.salaryMin")} hint={t("positions.form.salaryHint")} meta={fields.salaryMinNtd} inputMode="numeric" />
        <TextLike label={t("positions.form.salaryMax")} hint={t("positions.form.salaryHint")} meta={fields.salaryMaxNtd} inputMode="numeric" />
        <TextLike label={t("positions.form.headcount")} hint={t("positions.form.headcountHint")} meta={fields.headcount} inputMode="numeric" />
        <TextLike label={t("positions.form.deadline")} hint={t("positions.form.deadlineHint")} meta={fields.applicationDeadline} type="date" min={options.today} />
      </section>

      <section aria-labelledby="position-requirements" className="card space-y-4">
        <h2 id="position-requirements">{t("positions.form.requirements")}</h2>
        <p className="text-sm text-slate-700">{t("positions.form.requirementsLead")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select label={t("positions.form.minEducation")} meta={fields.minEducation} options={educationLevels.map((level) => ({ value: level, label: t(`education.${level}`) }))} />
          <Select label={t("positions.form.experience")} meta={fields.experience} options={experienceBands.map((band) => ({ value: band, label: t(`experienceBand.${band}`) }))} />
        </div>
        <fieldset aria-describedby={`${fields.skillKeys.id}-hint ${fields.skillKeys.errorId}`}>
          <legend className="field-label">{t("positions.form.skills")}</legend>
          <p id={`${fields.skillKeys.id}-hint`} className="text-xs text-slate-600">{t("positions.form.skillsHint")}</p>
          <ol className="mt-2 grid gap-2 sm:grid-cols-2">
            {Array.from({ length: SKILL_SLOTS }, (_, i) => (
              <li key={i} className="flex items-center gap-2">
                <label htmlFor={`${fields.skillKeys.id}-${i}`} className="w-16 shrink-0 text-sm">{t("positions.form.skillPlace", { n: String(i + 1) })}</label>
                <select id={`${fields.skillKeys.id}-${i}`} name={`${fields.skillKeys.name}[${i}]`} defaultValue={skillValues[i] ?? ""} className="field-input mt-0">
                  <option value="">{t("positions.form.noSkill")}</option>
                  {options.skills.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
                </select>
              </li>
            ))}
          </ol>
          <ErrorList id={fields.skillKeys.errorId} errors={fields.skillKeys.errors} />
        </fieldset>
        <fieldset aria-describedby={`${fields.educationFieldCodes.id}-hint ${fields.educationFieldCodes.errorId}`}>
          <legend className="field-label">{t("positions.form.educationFields")}</legend>
          <p id={`${fields.educationFieldCodes.id}-hint`} className="text-xs text-slate-600">{t("positions.form.educationFieldsHint")}</p>
          <div className="mt-2 grid max-h-72 gap-1 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            {options.educationFields.map((f) => (
              <label key={f.code} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name={fields.educationFieldCodes.name} value={f.code} defaultChecked={chosenFields.includes(f.code)} className="mt-1" />
                {f.label}
              </label>
            ))}
          </div>
          <ErrorList id={fields.educationFieldCodes.errorId} errors={fields.educationFieldCodes.errors} />
        </fieldset>
      </section>

      <section aria-labelledby="position-languages" className="card space-y-4">
        <h2 id="position-languages">{t("positions.form.languagesAndOverseas")}</h2>
        <fieldset aria-describedby={fields.workingLanguages.errorId}>
          <legend className="field-label">{t("positions.form.languages")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {options.languages.map((l) => (
              <label key={l.tag} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={fields.workingLanguages.name} value={l.tag} defaultChecked={chosenLanguages.includes(l.tag)} />
                {l.label}
              </label>
            ))}
          </div>
          <ErrorList id={fields.workingLanguages.errorId} errors={fields.workingLanguages.errors} />
        </fieldset>
        <Checkbox label={t("positions.form.openToOverseas")} meta={fields.openToOverseas} />
        <Checkbox label={t("positions.form.supportsWorkPermit")} hint={t("positions.form.supportsWorkPermitHint")} meta={fields.supportsWorkPermit} />
      </section>

      <button type="submit" className="btn-primary">{submitLabel}</button>
    </Form>
  );
}

function TextLike({ label, hint, meta, type = "text", inputMode, min }: {
  label: string;
  hint: string;
  meta: FieldMetadata<unknown>;
  type?: "text" | "date";
  inputMode?: "numeric";
  min?: string;
}) {
  const hintId = `${meta.id}-hint`;
  const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
  // Number constraints from the schema do not apply to a text box; the server checks them.
  const { min: _min, max: _max, step: _step, ...rest } = props;
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      <p id={hintId} className="text-xs text-slate-600">{hint}</p>
      <input {...rest} key={props.key} inputMode={inputMode} min={min} className="field-input aria-[invalid=true]:border-red-600" />
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

function Checkbox({ label, hint, meta }: { label: string; hint?: string; meta: FieldMetadata<unknown> }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" id={meta.id} name={meta.name} defaultChecked={isChecked(meta.initialValue)} aria-invalid={meta.errors ? true : undefined} aria-describedby={describedBy} />
        {label}
      </label>
      {hint ? <p id={hintId} className="ml-6 text-xs text-slate-600">{hint}</p> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
