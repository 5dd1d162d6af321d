// The forms of a placement's progress (training period, an internship, common-course hours), each a
// plain POST form that works without JavaScript, with conform's constraints and errors beside fields.
import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { hoursSchema, internshipSchema, periodSchema } from "./placement-schema";

type Reply = SubmissionResult<string[]> | null | undefined;

function Input({ label, meta, type = "text", inputMode }: { label: string; meta: FieldMetadata<unknown>; type?: "text" | "date"; inputMode?: "decimal" }) {
  const props = getInputProps(meta, { type });
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      <input {...props} key={props.key} inputMode={inputMode} className="field-input aria-[invalid=true]:border-red-600" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function PeriodForm({ placementId, startsOn, endsOn, lastResult }: { placementId: string; startsOn: string; endsOn: string; lastResult: Reply }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(periodSchema, { id: `period-${placementId}`, lastResult, defaultValue: { intent: "period", placementId, startsOn, endsOn } });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="period" />
      <input type="hidden" name="placementId" value={placementId} />
      <Input label={t("matchRuns.progress.startsOn")} meta={fields.startsOn} type="date" />
      <Input label={t("matchRuns.progress.endsOn")} meta={fields.endsOn} type="date" />
      <button type="submit" className="btn-secondary">{t("matchRuns.progress.savePeriod")}</button>
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  );
}

export function InternshipForm({ placementId, lastResult }: { placementId: string; lastResult: Reply }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(internshipSchema, { id: `internship-${placementId}`, lastResult });
  const medical = getInputProps(fields.isMedicalCentre, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="internship" />
      <input type="hidden" name="placementId" value={placementId} />
      <Input label={t("matchRuns.progress.partner")} meta={fields.partnerName} />
      <div className="flex items-end gap-2 pb-2">
        <input {...medical} key={medical.key} className="h-4 w-4" />
        <label htmlFor={fields.isMedicalCentre.id}>{t("matchRuns.progress.medicalCentre")}</label>
      </div>
      <Input label={t("matchRuns.progress.startsOn")} meta={fields.startsOn} type="date" />
      <Input label={t("matchRuns.progress.endsOn")} meta={fields.endsOn} type="date" />
      <div className="sm:col-span-2">
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-secondary">{t("matchRuns.progress.addInternship")}</button>
      </div>
    </Form>
  );
}

export function HoursForm({ placementId, lastResult }: { placementId: string; lastResult: Reply }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(hoursSchema, { id: `hours-${placementId}`, lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="hours" />
      <input type="hidden" name="placementId" value={placementId} />
      <Input label={t("matchRuns.progress.attendedOn")} meta={fields.attendedOn} type="date" />
      <Input label={t("matchRuns.progress.hours")} meta={fields.hours} inputMode="decimal" />
      <Input label={t("matchRuns.progress.topic")} meta={fields.topic} />
      <button type="submit" className="btn-secondary">{t("matchRuns.progress.logHours")}</button>
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  );
}

/** A one-button form for an intent on a placement (completion, a missed check-in). */
export function PlacementButton({ placementId, intent, label, primary }: { placementId: string; intent: "complete" | "missed"; label: string; primary?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="placementId" value={placementId} />
      <button type="submit" className={primary ? "btn-primary" : "btn-secondary"}>{label}</button>
    </Form>
  );
}
