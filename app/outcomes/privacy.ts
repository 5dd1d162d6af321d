// Who sees outcomes: individual records only the programme office (every read logged as a
// personal-data-read), the trainee's own unit and the talent themself — see employmentOutcomeScope in
// app/auth/visibility.server.ts and completerScope in ./completers.server.ts. Anything shown to the
// public, or to anyone outside that circle, is an aggregate, and an aggregate over fewer than
// MIN_GROUP_SIZE people is suppressed: a small group's rate would point at a person. Pure.

export const MIN_GROUP_SIZE = 5;


/**
 * Marks groups smaller than `minSize` as suppressed and blanks their figures (every key listed in
 * `figures` becomes null), so a page cannot show them by mistake. The group's size (`sizeOf`) is the
 * number of people it is about, e.g. completers in the denominator of a rate. Groups of zero stay as
 * they are (there is nobody to identify).
 */
export function suppressSmallGroups<G extends object, K extends keyof G>(
  groups: readonly G[],
  options: { sizeOf: (group: G) => number; figures: readonly K[]; minSize?: number },
): Array<(G & { suppressed: false }) | (Omit<G, K> & { [P in K]: null } & { suppressed: true })> {
  const minSize = options.minSize ?? MIN_GROUP_SIZE;
  return groups.map((group) => {
    const size = options.sizeOf(group);
    if (size === 0 || size >= minSize) return { ...group, suppressed: false as const };
    const blanked = { ...group } as Record<string, unknown>;
    for (const key of options.figures) blanked[key as string] = null;
    return { ...(blanked as Omit<G, K> & { [P in K]: null }), suppressed: true as const };
  });
}

/** True when a total may be published: nobody, or at least `minSize` people. */
export const publishable = (size: number, minSize = MIN_GROUP_SIZE) => size === 0 || size >= minSize;
