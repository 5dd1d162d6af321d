// The public outcomes page: completion and industry employment by round year and by programme,
// aggregates only, with groups of fewer than 5 completers suppressed (and their complement).
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/resources";
import { computeKpis, groupBy } from "./compute";
import { loadKpis } from "./kpi-data.server";
import { percent } from "./kpi-tables.server";
import { suppressGroups } from "./suppression";

export interface PublicRow {
  label: string;
  size: number | null;
  completionPct: number | null;
  industryPct: number | null;
  suppressed: boolean;
}

export async function loadPublicOutcomes(db: Database, locale: Locale) {
  const data = await loadKpis(db, locale, { groupBy: "programme" }, "all");
  const rowsFor = (groups: Map<string, typeof data.placements>) =>
    suppressGroups(
      [...groups.entries()].map(([label, placements]) => {
        const k = computeKpis(placements, data.outcomes, data.links);
        return { label, size: k.completed, completionPct: percent(k.completion), industryPct: percent(k.industryEmployment) };
      }),
      ["size", "completionPct", "industryPct"],
    ) as PublicRow[];
  const total = data.total.completed >= 5 ? { size: data.total.completed, completionPct: percent(data.total.completion), industryPct: percent(data.total.industryEmployment) } : null;
  return {
    byYear: rowsFor(groupBy(data.placements, (p) => String(p.roundYear))),
    byProgramme: rowsFor(groupBy(data.placements, (p) => p.programmeTitle)),
    total,
  };
}
