// Every form's conform set-up in one place: constraints and validation from the route's zod schema,
// checked on blur, and once shown, an error clears as the field is corrected (clearing it only on
// blur would move the submit button from under the pointer mid-click).
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType, input, output } from "zod/v4/core";

type FormShape = Record<string, unknown>;

export function useZodForm<Schema extends $ZodType<FormShape, FormShape>>(
  schema: Schema,
  options: { lastResult?: SubmissionResult<string[]> | null; defaultValue?: DefaultValue<input<Schema>>; id?: string },
) {
  return useForm<input<Schema>, output<Schema>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
