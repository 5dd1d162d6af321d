// The ranking pages' URL parameters (filters, sort, page), shared by the candidates page and the
// talent's recommendations. Bad values fall back to "no filter" rather than failing the page.
import { z } from "zod";
import type { PartKey } from "./score";

export const SCORE_OPTIONS = [90, 80, 70, 60, 50, 40, 30] as const;
export const PART_SORTS = ["skills", "educationField", "minimumEducation", "experience", "languages", "location"] as const satisfies readonly PartKey[];

/** `total` is the score's own order; a part key orders by that part's points; `newest` (positions) by publication. */
export type SortKey = "total" | PartKey | "newest";

const blankIsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const rankingParams = z.object({
  minScore: z.preprocess(blankIsAbsent, z.coerce.number().int().min(0).max(100).optional()).catch(undefined),
  allSkills: z.preprocess(blankIsAbsent, z.literal("1").optional()).catch(undefined),
  city: z.preprocess(blankIsAbsent, z.string().trim().max(60).optional()).catch(undefined),
  sort: z.enum(["total", ...PART_SORTS, "newest"]).catch("total"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type RankingParams = z.infer<typeof rankingParams>;

/** The options the ranking functions take, from parsed parameters. */
export function rankingOptions(params: RankingParams, pageSize: number) {
  return { minScore: params.minScore, allSkills: params.allSkills === "1", city: params.city, sort: params.sort satisfies SortKey, page: params.page, pageSize };
}
