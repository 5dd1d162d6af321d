// Mail messages, Traditional Chinese. mail.en.ts must have exactly the same keys.
export const mailZhTW = {
} as const;
