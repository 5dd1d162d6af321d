import type { Widen } from "./widen";
import type { mailZhTW } from "./mail.zh-TW";

export const mailEn: Widen<typeof mailZhTW> = {
};
