// Public aggregates: the outcomes module's rule (app/outcomes/privacy.ts: a group of fewer than 5
// people is suppressed, its figures blanked), plus one more step for tables with a shown total: when
// exactly one group is hidden, the next-smallest is hidden too, or the total minus the shown groups
// would give the hidden one away.
import { MIN_GROUP_SIZE, suppressSmallGroups } from "../outcomes/privacy";

export const MIN_PUBLIC_GROUP = MIN_GROUP_SIZE;

export function suppressGroups<G extends { size: number }, K extends keyof G>(groups: readonly G[], figures: readonly K[], minSize = MIN_GROUP_SIZE) {
  const first = suppressSmallGroups(groups, { sizeOf: (g) => g.size, figures, minSize });
  if (first.filter((g) => g.suppressed).length !== 1 || first.length < 2) return first;
  const shown = groups.map((g, i) => ({ g, i })).filter(({ i }) => !first[i]!.suppressed && groups[i]!.size > 0);
  const next = shown.sort((a, b) => a.g.size - b.g.size)[0];
  if (!next) return first;
  const again = suppressSmallGroups([next.g], { sizeOf: () => 1, figures, minSize: 2 })[0]!;
  return first.map((g, i) => (i === next.i ? again : g));
}
