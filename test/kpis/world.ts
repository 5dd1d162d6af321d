// A KPI world written straight into the tables: a programme of its own, a round, units, and trainees
// whose placement status, internships, outcomes and survey links the test chooses.
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { makeUser } from "../auth/support";
import { makeProgramme, makeUnit } from "../placement/world";

type PlacementStatus = (typeof t.placements.$inferInsert)["status"];
type OutcomeInsert = typeof t.employmentOutcomes.$inferInsert;

export async function makeKpiRound(db: Database, year: number) {
  const programme = await makeProgramme(db);
  const at = (day: number) => new Date(Date.UTC(year - 1, 0, 1 + day));
  const [round] = await db
    .insert(t.placementRounds)
    .values({
      programmeId: programme.id, year, titleZh: `${year} 年梯次`, titleEn: `${year} round`, status: "published", totalQuota: 20,
      unitApplicationsCloseAt: at(0), reviewCloseAt: at(1), registrationOpenAt: at(2), preferencesCloseAt: at(3), interviewsCloseAt: at(4),
      unitRankingCloseAt: at(5), matchAt: at(6), publishAt: at(7), checkInCloseAt: at(8), trainingStartsOn: `${year}-01-01`,
    })
    .returning();
  return { programme, round: round! };
}

export async function makeKpiUnit(db: Database, roundId: string) {
  const unit = await makeUnit(db, { staff: 1 });
  const [quota] = await db
    .insert(t.unitQuotaApplications)
    .values({ roundId, unitOrganisationId: unit.organisation.id, focus: "drugs", planZh: "計畫", courses: "課程", internshipMonths: 6, requestedTrainees: 10, status: "allocated", allocatedQuota: 10 })
    .returning();
  return { ...unit, quota: quota! };
}

export interface TraineeSpec {
  status: PlacementStatus;
  internshipMonths?: number;
  outcomes?: Omit<OutcomeInsert, "userId" | "placementId" | "source">[];
  links?: boolean[];
  nationality?: string;
}

export async function makeTrainee(db: Database, roundId: string, quotaApplicationId: string, year: number, spec: TraineeSpec) {
  const user = await makeUser(db, { label: "kpi-trainee", roles: ["talent"] });
  if (spec.nationality) await db.insert(t.talentProfiles).values({ userId: user.id, nationality: spec.nationality });
  const [application] = await db.insert(t.traineeApplications).values({ roundId, userId: user.id, phdStatus: "obtained", phdObtainedOn: `${year - 2}-06-30`, status: "submitted", submittedAt: new Date() }).returning();
  const started = ["checked_in", "completed", "terminated"].includes(spec.status!);
  const ended = ["declined", "withdrawn"].includes(spec.status!);
  const [placement] = await db
    .insert(t.placements)
    .values({
      roundId, traineeApplicationId: application!.id, quotaApplicationId, status: spec.status,
      checkInBy: new Date(Date.UTC(year, 0, 1)), checkedInAt: started ? new Date(Date.UTC(year, 0, 1)) : null,
      endedAt: ended ? new Date(Date.UTC(year, 0, 1)) : null, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`,
      completedAt: spec.status === "completed" ? new Date(Date.UTC(year, 11, 31)) : null,
    })
    .returning();
  if (spec.internshipMonths) {
    const end = new Date(Date.UTC(year, spec.internshipMonths, 1)).toISOString().slice(0, 10);
    await db.insert(t.internships).values({ placementId: placement!.id, partnerName: "示範生技", startsOn: `${year}-01-01`, endsOn: end });
  }
  for (const o of spec.outcomes ?? []) {
    await db.insert(t.employmentOutcomes).values({ ...o, userId: user.id, placementId: placement!.id, source: "unit_report" });
  }
  const linkCheckpoints = ["completion", "six_months", "twelve_months"] as const;
  for (const [i, answered] of (spec.links ?? []).entries()) {
    await db.insert(t.outcomeSurveyTokens).values({
      tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"), userId: user.id, placementId: placement!.id, checkpoint: linkCheckpoints[i]!,
      expiresAt: new Date(Date.now() + 86_400_000), usedAt: answered ? new Date() : null,
    });
  }
  return { user, placement: placement! };
}

type EnrolmentStatus = (typeof t.enrolments.$inferInsert)["status"];

/** A catalogue course with one cohort starting in the given year. */
export async function makeKpiCourse(db: Database, year: number) {
  const tag = randomBytes(4).toString("hex");
  const [programme] = await db
    .insert(t.programmes)
    .values({ key: `kpi-course-${tag}`, type: "spark_course", providerZh: "測試學院", providerEn: "Test academy", titleZh: `測試課程 ${tag}`, titleEn: `Test course ${tag}`, summaryZh: "測試", summaryEn: "Test", status: "published" })
    .returning();
  const [cohort] = await db.insert(t.cohorts).values({ programmeId: programme!.id, name: `${year} 班`, startsOn: `${year}-03-01`, endsOn: `${year}-06-30`, capacity: 30 }).returning();
  return { programme: programme!, cohort: cohort! };
}

export interface EnrolleeSpec {
  status: EnrolmentStatus;
  outcomes?: Omit<OutcomeInsert, "userId" | "enrolmentId" | "source">[];
  links?: boolean[];
}

let waitlistPlace = 0;

export async function makeEnrollee(db: Database, cohortId: string, year: number, spec: EnrolleeSpec) {
  const user = await makeUser(db, { label: "kpi-enrollee", roles: ["talent"] });
  const [enrolment] = await db
    .insert(t.enrolments)
    .values({
      cohortId, userId: user.id, status: spec.status,
      waitlistPosition: spec.status === "waitlisted" ? ++waitlistPlace : null,
      completedAt: spec.status === "completed" ? new Date(Date.UTC(year, 5, 30)) : null,
    })
    .returning();
  for (const o of spec.outcomes ?? []) {
    await db.insert(t.employmentOutcomes).values({ ...o, userId: user.id, enrolmentId: enrolment!.id, source: "self_report" });
  }
  const linkCheckpoints = ["completion", "six_months", "twelve_months"] as const;
  for (const [i, answered] of (spec.links ?? []).entries()) {
    await db.insert(t.outcomeSurveyTokens).values({
      tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"), userId: user.id, enrolmentId: enrolment!.id, checkpoint: linkCheckpoints[i]!,
      expiresAt: new Date(Date.now() + 86_400_000), usedAt: answered ? new Date() : null,
    });
  }
  return { user, enrolment: enrolment! };
}
