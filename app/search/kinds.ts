export const searchKinds = ["occupations", "skills", "programmes", "positions"] as const;
export type SearchKind = (typeof searchKinds)[number];
