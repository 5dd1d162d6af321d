// Accounts messages, Traditional Chinese. accounts.en.ts must have exactly the same keys.
export const accountsZhTW = {
} as const;
