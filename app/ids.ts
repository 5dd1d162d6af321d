// Record ids are UUIDs. Ids from a URL or a form are checked before they reach a query, so a
// malformed one is a 404 or a refusal rather than a Postgres cast error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A plain string answers true or false (its type cannot narrow); a possibly missing one is narrowed to string.
export function isUuid(value: string): boolean;
export function isUuid(value: string | null | undefined): value is string;
export function isUuid(value: string | null | undefined): boolean {
  return typeof value === "string" && UUID.test(value);
}
