// The KPI pages' filters, read from the URL; a value that does not parse is ignored, not an error.
import { z } from "zod";

export const groupings = ["round", "unit", "programme"] as const;
export type Grouping = (typeof groupings)[number];

const uuid = z.string().uuid();
export const kpiFilterSchema = z.object({
  groupBy: z.enum(groupings).catch("round"),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  programme: uuid.optional().catch(undefined),
  unit: uuid.optional().catch(undefined),
  round: uuid.optional().catch(undefined),
});
export type KpiFilter = z.infer<typeof kpiFilterSchema>;

export function parseKpiFilter(url: URL): KpiFilter {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  return kpiFilterSchema.parse(raw);
}

