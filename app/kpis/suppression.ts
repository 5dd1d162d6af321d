// Public pages show aggregates only, and hide any group smaller than 5 people (issue 8, privacy):
// a rate over 3 people says too much about each of them. The group's size is what decides, so a
// suppressed row shows neither its rate nor its count. (Reconcile with app/outcomes/privacy.ts
// suppressSmallGroups when that module lands: the threshold and the rule are the same.)
export const MIN_PUBLIC_GROUP = 5;

export type Suppressed<T> = { suppressed: true; label: string } | ({ suppressed: false; label: string } & T);

export function suppressSmallGroup<T extends object>(label: string, size: number, value: T, min = MIN_PUBLIC_GROUP): Suppressed<T> {
  return size < min ? { suppressed: true, label } : { suppressed: false, label, ...value };
}

/**
 * Suppresses the small groups, and when exactly one group is hidden among shown ones whose total is
 * also shown, hides the next-smallest too: otherwise the hidden one is the total minus the rest.
 */
export function suppressGroups<T extends object>(rows: { label: string; size: number; value: T }[], min = MIN_PUBLIC_GROUP): Suppressed<T>[] {
  const hidden = new Set(rows.filter((r) => r.size < min).map((r) => r.label));
  if (hidden.size === 1 && rows.length > 1) {
    const next = rows.filter((r) => !hidden.has(r.label)).sort((a, b) => a.size - b.size)[0];
    if (next) hidden.add(next.label);
  }
  return rows.map((r) => (hidden.has(r.label) ? { suppressed: true, label: r.label } : { suppressed: false, label: r.label, ...r.value }));
}
