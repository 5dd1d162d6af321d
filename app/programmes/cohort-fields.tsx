// The fields of a cohort (name, dates, places, iCAP level, enrolment close), shared by the new-cohort
// form on the programme page and the edit form on the cohort's own page.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";

type Meta = FieldMetadata<unknown>;

export function CohortFields({ fields }: { fields: { name: Meta; startsOn: Meta; endsOn: Meta; capacity: Meta; icapLevel: Meta; enrolmentClosesAt: Meta } }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("catalogue.cohorts.name")} meta={fields.name} />
      <DateLike label={t("catalogue.cohorts.startsOn")} meta={fields.startsOn} type="date" />
      <DateLike label={t("catalogue.cohorts.endsOn")} meta={fields.endsOn} type="date" />
      <Field label={t("catalogue.cohorts.capacity")} meta={fields.capacity} />
      <Field label={t("catalogue.cohorts.icapLevel")} meta={fields.icapLevel} hint={t("catalogue.cohorts.icapHint")} />
      <DateLike label={t("catalogue.cohorts.closesAt")} meta={fields.enrolmentClosesAt} type="datetime-local" />
    </>
  );
}

function DateLike({ label, meta, type }: { label: string; meta: Meta; type: "date" | "datetime-local" }) {
  const props = getInputProps(meta, { type });
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      <input {...props} key={props.key} className="field-input aria-[invalid=true]:border-red-600" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** An instant as the Taipei wall-clock value a datetime-local input shows (UTC+8, no daylight saving). */
export const taipeiLocal = (instant: Date | string) => new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
