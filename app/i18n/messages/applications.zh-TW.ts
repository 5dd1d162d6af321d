// Applications: Traditional Chinese. applications.en.ts must have exactly the same keys.
export const applicationsZhTW = {
  applications: {},
} as const;
