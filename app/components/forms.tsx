// Form fields for conform + zod forms: a label, the input, and its errors translated into the user's
// language, tied together with aria attributes so screen readers announce them.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((error) => (
        // Errors are i18n keys from the zod schemas; anything else is shown as it came.
        <li key={error}>{t(error as never, { defaultValue: error })}</li>
      ))}
    </ul>
  );
}

type InputType = "text" | "email" | "password" | "url" | "search" | "date" | "datetime-local";

export function Field({
  label,
  meta,
  type = "text",
  hint,
  autoComplete,
  autoFocus,
}: {
  label: string;
  // unknown: coerced fields (numbers typed as text) have no narrower input type.
  meta: FieldMetadata<unknown>;
  type?: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className="field-label">{label}</label>
      {hint ? <p id={hintId} className="text-xs text-slate-600">{hint}</p> : null}
      <input {...props} key={props.key} autoComplete={autoComplete} autoFocus={autoFocus} className="field-input aria-[invalid=true]:border-red-600" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A message about the whole form (not one field), announced when it appears. */
export function FormMessage({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: ReactNode }) {
  const colours = { error: "border-red-300 bg-red-50 text-red-800", success: "border-green-300 bg-green-50 text-green-900", info: "border-sky-300 bg-sky-50 text-sky-900" };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${colours[tone]}`}>
      {children}
    </div>
  );
}
