// Trainees' display names by trainee application id, for lists that show who moved or who holds a seat.
import { eq, inArray } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Reader } from "./rounds.server";

export async function applicantNames(db: Reader, applicationIds: string[]): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: t.traineeApplications.id, name: t.users.displayName })
    .from(t.traineeApplications)
    .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
    .where(inArray(t.traineeApplications.id, applicationIds));
  return new Map(rows.map((r) => [r.id, r.name]));
}
