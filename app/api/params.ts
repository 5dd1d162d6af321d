// Reading an API request's query string: only the parameters an endpoint knows are looked at
// (others are ignored), each may appear once, an empty value counts as not given, and a bad value
// becomes a 400 naming the parameter in English. The schemas are the shared ones in
// app/search/params.ts, with stricter integers for limit and offset.
import { z } from "zod";
import { MAX_QUERY_LENGTH, occupationSearchParams, programmeSearchParams, skillSearchParams } from "../search/params";

export class InvalidParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Plain decimal digits only: "1e1", "0x10", " 5" and "5.0" are refused rather than guessed at. */
const integer = (min: number, max: number, fallback: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^[0-9]{1,7}$/, { message })
    .transform(Number)
    .pipe(z.number().int().min(min, { message }).max(max, { message }))
    .default(fallback);
};

const paging = { limit: integer(1, 100, 20), offset: integer(0, 10_000, 0) };

export const occupationApiParams = occupationSearchParams.extend(paging);
export const programmeApiParams = programmeSearchParams.omit({ location: true }).extend(paging);
export const skillApiParams = skillSearchParams.extend(paging);

/** English for the shared schemas' message keys. */
const messageKeys: Record<string, string> = {
  query_too_long: `must be at most ${MAX_QUERY_LENGTH} characters once control characters and extra spaces are removed`,
  invalid_survey: "must be a survey key (lowercase letters, digits and hyphens), e.g. precision-health-2025",
};

function describe(parameter: string, issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `${parameter} must be one of: ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_type") return `${parameter} must be given once, as text`;
  const known = messageKeys[issue.message];
  if (known) return `${parameter} ${known}`;
  if (issue.message.startsWith("must ")) return `${parameter} ${issue.message}`;
  return `${parameter} is not valid`;
}

/** Validates the known parameters of the request's query string, or throws InvalidParameter. */
export function readParams<T extends z.ZodObject>(request: Request, schema: T): z.output<T> {
  const known = new Set(Object.keys(schema.shape));
  const values: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (!known.has(key)) continue;
    // A repeated parameter is ambiguous (which one counts?), so it is refused even if both agree.
    if (Object.hasOwn(values, key)) throw new InvalidParameter(key, `${key} was given more than once; give it once`);
    values[key] = value;
  }
  for (const key of Object.keys(values)) if (values[key] === "") delete values[key];
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const parameter = String(issue.path[0] ?? "query");
  throw new InvalidParameter(parameter, describe(parameter, issue));
}
