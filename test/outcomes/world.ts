// Shared by the outcome tests: a training unit with staff and a published course cohort, and talents
// who enrolled and completed it (completion moved back in time when a test needs later checkpoints).
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { enrol, markCompleted } from "../../app/programmes/enrolment.server";
import { makeUnit, publishedCohort, talent, IP } from "../programmes/support";

export { IP };

export async function outcomeWorld(db: Database, capacity = 20) {
  const { unit, staff, office } = await makeUnit(db);
  const { programme, cohort } = await publishedCohort(db, staff, unit.id, { capacity });
  return { unit, staff, office, programme, cohort };
}

export type OutcomeWorld = Awaited<ReturnType<typeof outcomeWorld>>;

/** A talent who completed the world's cohort `monthsAgo` months ago (0: just now). */
export async function completer(db: Database, world: OutcomeWorld, monthsAgo = 0) {
  const person = await talent(db, "completer");
  const enrolment = await enrol(db, person.viewer, world.cohort.id);
  await markCompleted(db, world.staff, enrolment.id, IP);
  if (monthsAgo > 0) {
    const completedAt = new Date();
    completedAt.setUTCMonth(completedAt.getUTCMonth() - monthsAgo);
    completedAt.setUTCDate(completedAt.getUTCDate() - 1);
    await db.update(t.enrolments).set({ completedAt }).where(eq(t.enrolments.id, enrolment.id));
  }
  return { ...person, enrolmentId: enrolment.id, ref: { kind: "enrolment" as const, id: enrolment.id } };
}

/** A surveyed shortage occupation code. */
export async function shortageCode(db: Database) {
  const [row] = await db.select({ code: t.occupations.code }).from(t.occupations).limit(1);
  return row!.code;
}
