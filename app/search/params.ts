// The search parameters people and programs may send, validated once for the UI and the API.
import { z } from "zod";

/** Control characters and the private-use range (used for highlighting) are removed from queries. */
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff]/g;

export const MAX_QUERY_LENGTH = 200;

export const query = z
  .string()
  .max(MAX_QUERY_LENGTH * 4, { message: "query_too_long" })
  .transform((value) => value.replace(unsafeCharacters, " ").replace(/\s+/g, " ").trim())
  .pipe(z.string().max(MAX_QUERY_LENGTH, { message: "query_too_long" }));

const surveyKey = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: "invalid_survey" });
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const occupationSearchParams = z.object({
  q: query.default(""),
  survey: surveyKey.optional(),
  difficulty: z.enum(["easy", "normal", "hard"]).optional(),
  overseas: bool.optional(),
  minEducation: z.enum(["high_school", "college", "master", "phd"]).optional(),
  experience: z.enum(["none", "under_2", "2_to_5", "over_5", "any"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const programmeSearchParams = z.object({
  q: query.default(""),
  type: z.enum(["spark_course", "device_fellowship", "phd_placement", "industry_course"]).optional(),
  location: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const skillSearchParams = z.object({
  q: query.default(""),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** Reads URLSearchParams into an object, refusing repeated parameters (ambiguous input). */
export function paramsObject(params: URLSearchParams): Record<string, string> | { duplicate: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in out) return { duplicate: key };
    out[key] = value;
  }
  return out;
}
