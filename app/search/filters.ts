// Builds Meilisearch filter expressions from validated values only. Values are quoted and escaped,
// so a facet value can never change the expression's structure.
export const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export type FilterValue = string | number | boolean;

/** { field: value | values[] } → `field = "a" AND (other = "b" OR other = "c")`. Undefined is skipped. */
export function buildFilter(conditions: Record<string, FilterValue | FilterValue[] | undefined>): string | undefined {
  const parts: string[] = [];
  for (const [field, raw] of Object.entries(conditions)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(field)) throw new Error(`Invalid filter field ${field}`);
    if (raw === undefined) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length === 0) continue;
    const terms = values.map((v) => `${field} = ${typeof v === "string" ? quote(v) : String(v)}`);
    parts.push(terms.length === 1 ? terms[0]! : `(${terms.join(" OR ")})`);
  }
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}
