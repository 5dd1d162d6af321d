// The outcome's fields, shared by the completer's survey and the unit's entry form: status, employer,
// occupation (the surveys' shortage occupations, or none) and salary band, each with its label and errors.
import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { outcomeStatuses, salaryBands } from "./checkpoints";

export interface OccupationChoice {
  code: string;
  title: string;
}

type Meta = FieldMetadata<unknown>;

export function OutcomeFields({ fields, occupations }: { fields: { status: Meta; employerName: Meta; occupationCode: Meta; salaryBand: Meta }; occupations: OccupationChoice[] }) {
  const { t } = useTranslation();
  const select = (meta: Meta) => {
    // The key goes on the element itself (React warns when it travels inside spread props).
    const { key: _key, ...props } = getSelectProps(meta);
    return { ...props, className: "field-input aria-[invalid=true]:border-red-600" };
  };
  const employer = getInputProps(fields.employerName, { type: "text", ariaDescribedBy: `${fields.employerName.id}-hint` });
  const occupation = getSelectProps(fields.occupationCode, { ariaDescribedBy: `${fields.occupationCode.id}-hint` });
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={fields.status.id} className="field-label">{t("outcomes.fields.status")}</label>
        <select {...select(fields.status)} key={fields.status.key}>
          <option value="">—</option>
          {outcomeStatuses.map((s) => <option key={s} value={s}>{t(`outcomes.status.${s}`)}</option>)}
        </select>
        <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
      </div>
      <div>
        <label htmlFor={fields.employerName.id} className="field-label">{t("outcomes.fields.employer")}</label>
        <p id={`${fields.employerName.id}-hint`} className="text-xs text-slate-600">{t("outcomes.fields.employerHint")}</p>
        <input {...employer} key={employer.key} className="field-input aria-[invalid=true]:border-red-600" />
        <ErrorList id={fields.employerName.errorId} errors={fields.employerName.errors} />
      </div>
      <div>
        <label htmlFor={fields.occupationCode.id} className="field-label">{t("outcomes.fields.occupation")}</label>
        <p id={`${fields.occupationCode.id}-hint`} className="text-xs text-slate-600">{t("outcomes.fields.occupationHint")}</p>
        <select {...occupation} key={occupation.key} className="field-input aria-[invalid=true]:border-red-600">
          <option value="">{t("outcomes.fields.occupationNone")}</option>
          {occupations.map((o) => <option key={o.code} value={o.code}>{`${o.code} ${o.title}`}</option>)}
        </select>
        <ErrorList id={fields.occupationCode.errorId} errors={fields.occupationCode.errors} />
      </div>
      <div>
        <label htmlFor={fields.salaryBand.id} className="field-label">{t("outcomes.fields.salaryBand")}</label>
        <select {...select(fields.salaryBand)} key={fields.salaryBand.key}>
          {salaryBands.map((b) => <option key={b} value={b}>{t(`outcomes.salaryBand.${b}`)}</option>)}
        </select>
        <ErrorList id={fields.salaryBand.errorId} errors={fields.salaryBand.errors} />
      </div>
    </div>
  );
}
