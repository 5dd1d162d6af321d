// Matching: Traditional Chinese. matching.en.ts must have exactly the same keys.
export const matchingZhTW = {
  matching: {},
} as const;
