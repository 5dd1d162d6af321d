// The public outcomes page: completion and industry employment by year and by programme (PhD placements
// and catalogue enrolments),
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
  // Placements and catalogue enrolments together, by the round's or the cohort's year and by programme.
  type Member = { placement: (typeof data.placements)[number] } | { enrolment: (typeof data.enrolments)[number] };
  const members: Member[] = [...data.placements.map((placement) => ({ placement })), ...data.enrolments.map((enrolment) => ({ enrolment }))];
  const rowsFor = (groups: Map<string, Member[]>) =>
    suppressGroups(
      [...groups.entries()].map(([label, group]) => {
        const placements = group.flatMap((m) => ("placement" in m ? [m.placement] : []));
        const enrolments = group.flatMap((m) => ("enrolment" in m ? [m.enrolment] : []));
        const k = computeKpis(placements, data.outcomes, data.links, enrolments, data.evidence);
        return { label, size: k.completed, completionPct: percent(k.completion), industryPct: percent(k.industryEmployment) };
      }),
      ["size", "completionPct", "industryPct"],
    ) as PublicRow[];
  const total = data.total.completed >= 5 ? { size: data.total.completed, completionPct: percent(data.total.completion), industryPct: percent(data.total.industryEmployment) } : null;
  return {
    byYear: rowsFor(new Map([...groupBy(members, (m) => String("placement" in m ? m.placement.roundYear : m.enrolment.year))].sort(([a], [b]) => a.localeCompare(b)))),
    byProgramme: rowsFor(groupBy(members, (m) => ("placement" in m ? m.placement.programmeTitle : m.enrolment.programmeTitle))),
    total,
  };
}
