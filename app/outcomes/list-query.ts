// The outcome lists' URL filters (?unit=&programme=&state=&checkpoint=&page=): a value that is not one
// of the choices is ignored rather than refused, as the other list pages do. Pure.
import { z } from "zod";
import { checkpoints } from "./checkpoints";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OUTCOME_PAGE_SIZE = 50;

export const outcomeListQuery = z.object({
  unit: z.string().regex(uuid).optional().catch(undefined),
  programme: z.union([z.literal("phd"), z.string().regex(uuid)]).optional().catch(undefined),
  state: z.enum(["due", "recorded", "upcoming"]).optional().catch(undefined),
  checkpoint: z.enum(checkpoints).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function readOutcomeListQuery(url: URL) {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  return outcomeListQuery.parse(raw);
}
