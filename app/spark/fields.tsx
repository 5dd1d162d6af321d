// Labelled fields for the SPARK forms: the error list sits beside the field and the last value typed
// comes back after a refusal. Errors are i18n keys from app/spark/schemas.ts or the domain's refusals.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormMessage } from "~/components/forms";

export interface FormReply {
  intent: string;
  errors: Record<string, string[] | undefined>;
  values: Record<string, unknown>;
  message: string | null;
}

interface FieldProps {
  form: string;
  name: string;
  label: string;
  reply?: FormReply | null;
  required?: boolean;
}

const idOf = (form: string, name: string) => `${form}-${name}`;

function pieces({ form, name, reply }: FieldProps) {
  const mine = reply?.intent === form ? reply : null;
  const errors = mine?.errors[name];
  const value = mine?.values[name];
  return { id: idOf(form, name), errors, value: typeof value === "string" || typeof value === "number" ? String(value) : undefined };
}

export function TextField(props: FieldProps & { type?: "text" | "email" | "date" | "number" | "time"; min?: string; max?: string; maxLength?: number; rows?: number }) {
  const { id, errors, value } = pieces(props);
  const common = {
    id,
    name: props.name,
    required: props.required ?? true,
    defaultValue: value,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": errors ? `${id}-error` : undefined,
    className: "field-input aria-[invalid=true]:border-red-600",
  };
  return (
    <div>
      <label htmlFor={id} className="field-label">{props.label}</label>
      {props.rows ? <textarea {...common} rows={props.rows} maxLength={props.maxLength} /> : <input {...common} type={props.type ?? "text"} min={props.min} max={props.max} maxLength={props.maxLength} />}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: Array<{ value: string; label: string }> }) {
  const { id, errors, value } = pieces(props);
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="field-label">{props.label}</label>
      <select id={id} name={props.name} required defaultValue={value ?? ""} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : undefined} className="field-input">
        <option value="" disabled>{t("spark.choose")}</option>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

/**
 * The refusal of a form the page no longer shows (its team was withdrawn meanwhile, or it was posted from
 * elsewhere), shown once at the top so it is never lost. `shown`: the forms the page renders.
 */
export function UnshownReply({ reply, shown }: { reply?: FormReply | null; shown: string[] }) {
  const { t } = useTranslation();
  if (!reply || shown.includes(reply.intent)) return null;
  if (reply.message) return <ReplyMessage reply={reply} form={reply.intent} />;
  // A schema refusal has only field errors, and the fields are not on the page: say them here.
  const errors = Object.values(reply.errors).flatMap((list) => list ?? []);
  return errors.length > 0 ? <FormMessage>{errors.map((key) => t(key as never)).join(" ")}</FormMessage> : null;
}

/** The refusal of a form that is not about one field, shown above it. */
export function ReplyMessage({ reply, form, children }: { reply?: FormReply | null; form: string; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!reply || reply.intent !== form || !reply.message) return <>{children}</>;
  return <FormMessage>{t(reply.message as never)}</FormMessage>;
}
