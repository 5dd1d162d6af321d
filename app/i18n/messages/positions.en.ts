import type { positionsZhTW } from "./positions.zh-TW";
import type { Widen } from "./widen";

export const positionsEn: Widen<typeof positionsZhTW> = {
  positions: {},
};
