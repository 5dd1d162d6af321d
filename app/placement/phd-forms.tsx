// The forms of a talent's PhD programme application (/phd): eligibility with the evidence upload, and
// the ranked preferences. Plain forms that post to the page, so they work without JavaScript.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { RankedListEditor, type RankedOption } from "./ranked-list-editor";
import { eligibilitySchema } from "./trainee-schema";

export interface EligibilityDefaults {
  version?: string;
  phdStatus?: string;
  phdDate?: string;
}

export function EligibilityForm({ roundId, defaults, lastResult, hasEvidence }: {
  roundId: string;
  defaults: EligibilityDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  hasEvidence: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(eligibilitySchema, { id: "eligibility", lastResult, defaultValue: defaults });
  const hintId = `${fields.evidence.id}-hint`;
  const dateHintId = `${fields.phdDate.id}-hint`;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
      {form.errors?.length ? <FormMessage><ErrorList errors={form.errors} /></FormMessage> : null}
      <input type="hidden" name="intent" value="eligibility" />
      <input type="hidden" name="roundId" value={roundId} />
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <fieldset aria-describedby={fields.phdStatus.errors ? fields.phdStatus.errorId : undefined}>
        <legend className="field-label">{t("trainees.eligibility.status")}</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {(["obtained", "expected"] as const).map((status) => (
            <label key={status} className="flex items-center gap-2 text-sm">
              <input type="radio" name={fields.phdStatus.name} value={status} defaultChecked={defaults.phdStatus === status} required />
              {t(`trainees.phdStatus.${status}`)}
            </label>
          ))}
        </div>
        <ErrorList id={fields.phdStatus.errorId} errors={fields.phdStatus.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.phdDate.id} className="field-label">{t("trainees.eligibility.date")}</label>
        <p id={dateHintId} className="text-xs text-slate-600">{t("trainees.eligibility.dateHint")}</p>
        <input
          id={fields.phdDate.id}
          name={fields.phdDate.name}
          type="date"
          required
          defaultValue={defaults.phdDate ?? ""}
          aria-invalid={fields.phdDate.errors ? true : undefined}
          aria-describedby={fields.phdDate.errors ? `${dateHintId} ${fields.phdDate.errorId}` : dateHintId}
          className="field-input max-w-xs aria-[invalid=true]:border-red-600"
        />
        <ErrorList id={fields.phdDate.errorId} errors={fields.phdDate.errors} />
      </div>
      <div>
        <label htmlFor={fields.evidence.id} className="field-label">{t("trainees.eligibility.evidence")}</label>
        <p id={hintId} className="text-xs text-slate-600">{hasEvidence ? t("trainees.eligibility.evidenceReplaceHint") : t("trainees.eligibility.evidenceHint")}</p>
        <input
          id={fields.evidence.id}
          name={fields.evidence.name}
          type="file"
          accept="application/pdf"
          required={!hasEvidence}
          aria-invalid={fields.evidence.errors ? true : undefined}
          aria-describedby={fields.evidence.errors ? `${hintId} ${fields.evidence.errorId}` : hintId}
          className="field-input aria-[invalid=true]:border-red-600"
        />
        <ErrorList id={fields.evidence.errorId} errors={fields.evidence.errors} />
      </div>
      <button type="submit" className="btn-primary">{defaults.version ? t("trainees.eligibility.save") : t("trainees.eligibility.start")}</button>
    </Form>
  );
}

export function PreferencesForm({ roundId, version, items, options, max, errors, focus, submitted }: {
  roundId: string;
  version: number;
  items: string[];
  options: RankedOption[];
  max: number;
  errors?: string[] | null;
  focus?: string | null;
  submitted: boolean;
}) {
  const { t } = useTranslation();
  const button = submitted ? t("trainees.list.resubmit") : t("trainees.list.submit");
  return (
    <Form method="post" id="preferences" className="space-y-4">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="version" value={String(version)} />
      <RankedListEditor
        // A new list from the server (after a post without JavaScript, or a new version) starts afresh.
        key={`${version}:${items.join(",")}`}
        id="units"
        legend={t("trainees.list.unitsLegend")}
        hint={`${t("trainees.list.lead", { max: String(max) })} ${t("trainees.list.unsavedHint", { button })}`}
        empty={t("trainees.list.empty")}
        addLabel={t("trainees.list.addLabel")}
        rankKey="trainees.list.rank"
        items={items}
        options={options}
        max={max}
        errors={errors}
        focus={focus}
      />
      <button type="submit" name="intent" value="submit" className="btn-primary">{button}</button>
    </Form>
  );
}
