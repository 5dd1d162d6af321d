import type { matchingZhTW } from "./matching.zh-TW";
import type { Widen } from "./widen";

export const matchingEn: Widen<typeof matchingZhTW> = {
  matching: {},
};
