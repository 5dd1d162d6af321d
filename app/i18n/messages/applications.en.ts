import type { applicationsZhTW } from "./applications.zh-TW";
import type { Widen } from "./widen";

export const applicationsEn: Widen<typeof applicationsZhTW> = {
  applications: {},
};
