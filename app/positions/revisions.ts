// What changed between two saved versions of a position, for its revision history.

/** The fields a company edits, in the order the history lists them. */
export const revisedFields = [
  "title",
  "description",
  "city",
  "salaryMinNtd",
  "salaryMaxNtd",
  "headcount",
  "applicationDeadline",
  "minEducation",
  "experience",
  "workingLanguages",
  "skillKeys",
  "educationFieldCodes",
  "openToOverseas",
  "supportsWorkPermit",
] as const;
export type RevisedField = (typeof revisedFields)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ between the earlier and the later snapshot. */
export function changedFields(earlier: unknown, later: unknown): RevisedField[] {
  const before = (earlier ?? {}) as Record<string, unknown>;
  const after = (later ?? {}) as Record<string, unknown>;
  return revisedFields.filter((field) => !same(before[field], after[field]));
}
