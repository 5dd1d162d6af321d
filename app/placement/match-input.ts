// The JSON format of a match's input, read by `npm run match` and by anyone auditing a stored run:
// { "applicants": { "<id>": ["<unitId>", ...] }, "units": { "<unitId>": { "capacity": n, "ranking": ["<id>", ...] } } }
// Every problem is reported in words that name the applicant or unit at fault.
import { z } from "zod";
import type { MatchInput } from "./match";

const capacityMessage = (issue: { input?: unknown }) =>
  issue.input === undefined ? "capacity is missing" : `capacity must be a whole number of seats, 0 or more, not ${JSON.stringify(issue.input)}`;

// Custom words for a value of the wrong type only; zod's own say better what else went wrong.
const wrongType = (message: string) => (issue: { code?: string }) => (issue.code === "invalid_type" ? message : undefined);

const idList = (kind: "unit" | "applicant") =>
  z.array(z.string({ error: `must be ${kind === "unit" ? "a unit" : "an applicant"} id (a string)` }), { error: wrongType(`must be a list of ${kind} ids`) });

export const matchInputSchema = z
  .object(
    {
      applicants: z.record(z.string().min(1, "an applicant id must not be empty"), idList("unit"), {
        error: wrongType('"applicants" must be an object: applicant id → list of unit ids, most wanted first'),
      }),
      units: z.record(
        z.string().min(1, "a unit id must not be empty"),
        z
          .object(
            {
              capacity: z.number({ error: capacityMessage }).int({ error: capacityMessage }).min(0, { error: capacityMessage }),
              ranking: idList("applicant"),
            },
            { error: wrongType('must be { "capacity": n, "ranking": [applicant ids, best first] }') },
          )
          .strict(),
        { error: wrongType('"units" must be an object: unit id → { "capacity": n, "ranking": [applicant ids] }') },
      ),
    },
    { error: wrongType('expected an object with "applicants" and "units"') },
  )
  .strict()
  .superRefine(({ applicants, units }, ctx) => {
    const problem = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });
    for (const [applicant, preferences] of Object.entries(applicants)) {
      const seen = new Map<string, number>();
      preferences.forEach((unit, index) => {
        const path = ["applicants", applicant, index];
        if (!Object.hasOwn(units, unit)) problem(`applicant "${applicant}" lists unit "${unit}", which is not among the units`, path);
        const earlier = seen.get(unit);
        if (earlier !== undefined) problem(`applicant "${applicant}" lists unit "${unit}" twice (preferences ${earlier + 1} and ${index + 1})`, path);
        else seen.set(unit, index);
      });
    }
    for (const [unit, { ranking }] of Object.entries(units)) {
      const seen = new Map<string, number>();
      ranking.forEach((applicant, index) => {
        const path = ["units", unit, "ranking", index];
        if (!Object.hasOwn(applicants, applicant)) problem(`unit "${unit}" ranks applicant "${applicant}", who is not among the applicants`, path);
        const earlier = seen.get(applicant);
        if (earlier !== undefined) problem(`unit "${unit}" ranks applicant "${applicant}" twice (places ${earlier + 1} and ${index + 1})`, path);
        else seen.set(applicant, index);
      });
    }
  });

export type MatchInputParse = { ok: true; input: MatchInput } | { ok: false; problems: string[] };

/** Where an issue is, in words: `unit "u2", ranking place 3` rather than `units.u2.ranking.2`. */
function describePath(path: readonly PropertyKey[]): string {
  const [part, id, ...rest] = path.map(String);
  if (part === undefined) return "the input";
  const who = part === "applicants" ? `applicant "${id}"` : part === "units" ? `unit "${id}"` : `${part}.${id}`;
  if (part === "applicants" && rest.length === 1) return `${who}, preference ${Number(rest[0]) + 1}`;
  if (part === "units" && rest[0] === "ranking" && rest.length === 2) return `${who}, ranking place ${Number(rest[1]) + 1}`;
  if (part === "units" && rest[0] === "capacity") return who; // the message says "capacity"
  return [who, ...rest].join(" ");
}

const MAX_PROBLEMS = 20;

export function parseMatchInput(value: unknown): MatchInputParse {
  // zod drops a "__proto__" key without a word; refuse it instead of losing an applicant or a unit.
  for (const part of ["applicants", "units"]) {
    const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    if (typeof record === "object" && record !== null && Object.hasOwn(record, "__proto__")) {
      return { ok: false, problems: [`"__proto__" cannot be an id in "${part}"`] };
    }
  }
  const parsed = matchInputSchema.safeParse(value);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    // A bad key's own words are one level down; the custom checks and top-level messages name their place.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return issue.code === "custom" || issue.path.length === 1 ? message : `${describePath(issue.path)}: ${message}`;
  });
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), `… and ${more} more problem${more === 1 ? "" : "s"}`] };
  }
  return { ok: false, problems };
}

/** The same, from the text of a file. */
export function parseMatchInputJson(text: string): MatchInputParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`the input is not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseMatchInput(value);
}
