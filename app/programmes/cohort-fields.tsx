// The fields of a cohort (name, dates, places, iCAP level, enrolment close), shared by the new-cohort
// form on the programme page and the edit form on the cohort's own page.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";

type Meta = FieldMetadata<unknown>;

export function CohortFields({ fields }: { fields: { name: Meta; startsOn: Meta; endsOn: Meta; capacity: Meta; icapLevel: Meta; enrolmentClosesAt: Meta } }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("catalogue.cohorts.name")} meta={fields.name} />
      <Field label={t("catalogue.cohorts.startsOn")} meta={fields.startsOn} type="date" />
      <Field label={t("catalogue.cohorts.endsOn")} meta={fields.endsOn} type="date" />
      <Field label={t("catalogue.cohorts.capacity")} meta={fields.capacity} />
      <Field label={t("catalogue.cohorts.icapLevel")} meta={fields.icapLevel} hint={t("catalogue.cohorts.icapHint")} />
      <Field label={t("catalogue.cohorts.closesAt")} meta={fields.enrolmentClosesAt} type="datetime-local" />
    </>
  );
}
