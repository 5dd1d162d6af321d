// Shared by server and browser code (the list matches db/schema/enums.ts programme_type).
export const programmeTypes = ["spark_course", "device_fellowship", "phd_placement", "industry_course"] as const;
export type ProgrammeType = (typeof programmeTypes)[number];
