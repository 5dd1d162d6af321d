import type { Widen } from "./widen";
import type { accountsZhTW } from "./accounts.zh-TW";

export const accountsEn: Widen<typeof accountsZhTW> = {
};
