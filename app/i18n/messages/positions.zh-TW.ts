// Positions: Traditional Chinese. positions.en.ts must have exactly the same keys.
export const positionsZhTW = {
  positions: {},
} as const;
