// Whose applications each viewer sees (app/auth/visibility.server.ts), on the real database: two
// companies with a position each, two training units in one placement round, their applicants, a
// reviewer, and every role looking at that world. The office sees everything, and its reads of
// personal data are written to the audit log.
import { randomBytes, randomUUID } from "node:crypto";
import { and, count, eq, inArray, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import type { Membership, Viewer } from "../../app/auth/session.server";
import {
  jobApplicationScope, listVisibleJobApplications, listVisibleTraineeApplications, listVisibleUnitApplications,
  traineeApplicationScope, unitApplicationScope,
} from "../../app/auth/visibility.server";
import { openTestDatabase } from "../support/services";

const tag = randomBytes(4).toString("hex");
const IP = "192.0.2.7";

// Ids are chosen here, so afterAll can remove whatever beforeAll got as far as creating.
const person = {
  t1: randomUUID(), t2: randomUUID(), recruiterA: randomUUID(), recruiterB: randomUUID(), loneRecruiter: randomUUID(),
  unit1Staff: randomUUID(), unit2Staff: randomUUID(), reviewer: randomUUID(), mentor: randomUUID(), officer: randomUUID(),
  admin: randomUUID(), talentReviewer: randomUUID(), recruiterTalent: randomUUID(),
};
type Person = keyof typeof person;
const org = { companyA: randomUUID(), companyB: randomUUID(), unit1: randomUUID(), unit2: randomUUID() };
const roundId = randomUUID();
const positionA = randomUUID();
const positionB = randomUUID();

/** Every record of the world by a readable name, so a failing assertion says who saw what. */
const names = new Map<string, string>();
const named = (name: string) => {
  const id = randomUUID();
  names.set(id, name);
  return id;
};
const job = { t1A: named("job T1→A"), t1B: named("job T1→B"), t2A: named("job T2→A"), t2B: named("job T2→B"), talentReviewerA: named("job TR→A"), recruiterTalentB: named("job RT→B") };
const trainee = { t1: named("trainee T1 (U1)"), t2: named("trainee T2 (U2, U1)") };
const quota = { u1: named("quota U1"), u2: named("quota U2") };
const ours = (ids: Record<string, string>) => Object.values(ids);
const labels = (ids: string[]) => ids.map((id) => names.get(id) ?? `someone else's ${id}`).sort();

let handle: DatabaseHandle;
let db: Database;
const memberships = new Map<string, Membership>();

function viewer(who: Person, roles: Role[], organisations: string[] = []): Viewer {
  return {
    id: person[who],
    email: `vis-${who.toLowerCase()}-${tag}@example.test`,
    displayName: `Visibility ${who}`,
    locale: "zh-TW",
    roles,
    memberships: organisations.map((id) => memberships.get(id)!),
    sessionId: "test",
  };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  const [occupation] = await db.select({ id: t.occupations.id }).from(t.occupations).limit(1);
  const [programme] = await db.select({ id: t.programmes.id }).from(t.programmes).limit(1);

  await db.insert(t.users).values(Object.keys(person).map((who) => ({ id: person[who as Person], email: viewer(who as Person, []).email, displayName: `Visibility ${who}` })));
  const grants: [Person, Role][] = [
    ["t1", "talent"], ["t2", "talent"], ["recruiterA", "company_recruiter"], ["recruiterB", "company_recruiter"], ["loneRecruiter", "company_recruiter"],
    ["unit1Staff", "training_unit_staff"], ["unit2Staff", "training_unit_staff"], ["reviewer", "reviewer"], ["mentor", "mentor"],
    ["officer", "programme_officer"], ["admin", "admin"], ["talentReviewer", "talent"], ["talentReviewer", "reviewer"],
    ["recruiterTalent", "company_recruiter"], ["recruiterTalent", "talent"],
  ];
  await db.insert(t.userRoles).values(grants.map(([who, role]) => ({ userId: person[who], role })));

  const organisations = [
    { id: org.companyA, kind: "company", nameEn: "Company A" },
    { id: org.companyB, kind: "company", nameEn: "Company B" },
    { id: org.unit1, kind: "training_unit", nameEn: "Unit 1" },
    { id: org.unit2, kind: "medical_centre", nameEn: "Unit 2" },
  ] as const;
  for (const { id, kind, nameEn } of organisations) {
    const row = { id, kind, nameEn, nameZh: `可見性${nameEn}`, slug: `vis-${nameEn.toLowerCase().replace(" ", "-")}-${tag}`, approval: "approved" as const, isOrgAdmin: true };
    await db.insert(t.organisations).values({ ...row, approvedAt: new Date() });
    memberships.set(id, { organisationId: id, slug: row.slug, kind, nameZh: row.nameZh, nameEn, approval: row.approval, isOrgAdmin: true });
  }
  const members: [Person, string][] = [["recruiterA", org.companyA], ["recruiterB", org.companyB], ["recruiterTalent", org.companyA], ["unit1Staff", org.unit1], ["unit2Staff", org.unit2]];
  await db.insert(t.memberships).values(members.map(([who, organisationId]) => ({ userId: person[who], organisationId, isOrgAdmin: true })));

  const position = { occupationId: occupation!.id, description: "-", city: "Taipei", headcount: 1, remainingHeadcount: 1, minEducation: "master", experience: "none", status: "published" } as const;
  await db.insert(t.positions).values([
    { ...position, id: positionA, organisationId: org.companyA, title: `A ${tag}` },
    { ...position, id: positionB, organisationId: org.companyB, title: `B ${tag}` },
  ]);
  const applied = (id: string, positionId: string, who: Person) => ({ id, positionId, talentUserId: person[who], origin: "applied", stage: "applied" }) as const;
  await db.insert(t.applications).values([
    applied(job.t1A, positionA, "t1"), applied(job.t1B, positionB, "t1"), applied(job.t2A, positionA, "t2"), applied(job.t2B, positionB, "t2"),
    applied(job.talentReviewerA, positionA, "talentReviewer"), applied(job.recruiterTalentB, positionB, "recruiterTalent"),
  ]);

  const day = (n: number) => new Date(Date.UTC(2031, 0, 1 + n));
  await db.insert(t.placementRounds).values({
    id: roundId, programmeId: programme!.id, year: 3000 + Math.floor(Math.random() * 6000), titleZh: `可見性 ${tag}`, titleEn: `Visibility ${tag}`,
    totalQuota: 10, maxPreferences: 2, unitApplicationsCloseAt: day(0), reviewCloseAt: day(10), registrationOpenAt: day(11), preferencesCloseAt: day(20),
    interviewsCloseAt: day(30), unitRankingCloseAt: day(40), matchAt: day(41), publishAt: day(42), checkInCloseAt: day(50), trainingStartsOn: "2031-03-01",
  });
  const unitPlan = { roundId, focus: "drugs", planZh: "計畫", courses: "課程", internshipMonths: 6, requestedTrainees: 2 } as const;
  await db.insert(t.unitQuotaApplications).values([{ ...unitPlan, id: quota.u1, unitOrganisationId: org.unit1 }, { ...unitPlan, id: quota.u2, unitOrganisationId: org.unit2 }]);
  const phd = { roundId, phdStatus: "obtained", phdObtainedOn: "2025-06-30", status: "submitted" } as const;
  await db.insert(t.traineeApplications).values([{ ...phd, id: trainee.t1, userId: person.t1 }, { ...phd, id: trainee.t2, userId: person.t2 }]);
  await db.insert(t.traineePreferences).values([
    { traineeApplicationId: trainee.t1, rank: 1, quotaApplicationId: quota.u1 },
    { traineeApplicationId: trainee.t2, rank: 1, quotaApplicationId: quota.u2 },
    { traineeApplicationId: trainee.t2, rank: 2, quotaApplicationId: quota.u1 },
  ]);
  await db.insert(t.reviewAssignments).values([
    { quotaApplicationId: quota.u1, reviewerUserId: person.reviewer },
    { quotaApplicationId: quota.u2, reviewerUserId: person.talentReviewer },
  ]);
});

afterAll(async () => {
  if (db) {
    // The round takes its quota and trainee applications, preferences and review assignments with it;
    // the organisations their positions, applications and memberships.
    await db.delete(t.placementRounds).where(eq(t.placementRounds.id, roundId));
    await db.delete(t.organisations).where(inArray(t.organisations.id, Object.values(org)));
    // The audit log keeps the officer's reads (it is append-only and holds no foreign key to users).
    await db.delete(t.users).where(inArray(t.users.id, Object.values(person)));
  }
  await handle?.close();
});

/** What each viewer may see, of every record in the database (not only this world's). */
interface Expectation {
  who: string;
  viewer: () => Viewer;
  jobs: string[];
  trainees: string[];
  quotas: string[];
}
const nothing = { jobs: [], trainees: [], quotas: [] };
const expectations: Expectation[] = [
  { who: "talent T1", viewer: () => viewer("t1", ["talent"]), jobs: [job.t1A, job.t1B], trainees: [trainee.t1], quotas: [] },
  { who: "talent T2", viewer: () => viewer("t2", ["talent"]), jobs: [job.t2A, job.t2B], trainees: [trainee.t2], quotas: [] },
  { who: "recruiter of A", viewer: () => viewer("recruiterA", ["company_recruiter"], [org.companyA]), jobs: [job.t1A, job.t2A, job.talentReviewerA], trainees: [], quotas: [] },
  { who: "recruiter of B", viewer: () => viewer("recruiterB", ["company_recruiter"], [org.companyB]), jobs: [job.t1B, job.t2B, job.recruiterTalentB], trainees: [], quotas: [] },
  { who: "recruiter with no membership", viewer: () => viewer("loneRecruiter", ["company_recruiter"]), ...nothing },
  // A membership grants nothing the role does not: a recruiter who also belongs to a unit sees none of its trainees.
  { who: "recruiter of A, also a member of U1", viewer: () => viewer("recruiterA", ["company_recruiter"], [org.companyA, org.unit1]), jobs: [job.t1A, job.t2A, job.talentReviewerA], trainees: [], quotas: [] },
  { who: "staff of U1", viewer: () => viewer("unit1Staff", ["training_unit_staff"], [org.unit1]), jobs: [], trainees: [trainee.t1, trainee.t2], quotas: [quota.u1] },
  { who: "staff of U2 (a medical centre)", viewer: () => viewer("unit2Staff", ["training_unit_staff"], [org.unit2]), jobs: [], trainees: [trainee.t2], quotas: [quota.u2] },
  { who: "reviewer of U1", viewer: () => viewer("reviewer", ["reviewer"]), jobs: [], trainees: [], quotas: [quota.u1] },
  { who: "mentor", viewer: () => viewer("mentor", ["mentor"]), ...nothing },
  { who: "user with no role", viewer: () => viewer("mentor", []), ...nothing },
  { who: "talent and reviewer of U2", viewer: () => viewer("talentReviewer", ["talent", "reviewer"]), jobs: [job.talentReviewerA], trainees: [], quotas: [quota.u2] },
  { who: "recruiter of A who applied to B", viewer: () => viewer("recruiterTalent", ["company_recruiter", "talent"], [org.companyA]), jobs: [job.t1A, job.t2A, job.talentReviewerA, job.recruiterTalentB], trainees: [], quotas: [] },
];

const personalDataReads = async (actorUserId: string) =>
  db.select().from(t.auditLog).where(and(eq(t.auditLog.actorUserId, actorUserId), eq(t.auditLog.action, "personal-data-read"))).orderBy(t.auditLog.id);

async function countWhere(table: PgTable, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row!.n;
}

describe("what each viewer sees", () => {
  for (const expected of expectations) {
    it(`${expected.who} sees exactly their own share, and no read of theirs is logged`, async () => {
      const who = expected.viewer();
      const before = (await personalDataReads(who.id)).length;
      const jobs = await listVisibleJobApplications(db, who, IP);
      const trainees = await listVisibleTraineeApplications(db, who, IP);
      const quotas = await listVisibleUnitApplications(db, who);
      expect(labels(jobs.map((row) => row.id)), "job applications").toEqual(labels(expected.jobs));
      expect(labels(trainees.map((row) => row.id)), "trainee applications").toEqual(labels(expected.trainees));
      expect(labels(quotas.map((row) => row.id)), "unit quota applications").toEqual(labels(expected.quotas));
      expect(await personalDataReads(who.id)).toHaveLength(before);
    });
  }

  it("the scopes in a count query give the same numbers as the lists", async () => {
    for (const expected of expectations) {
      const who = expected.viewer();
      expect(await countWhere(t.applications, jobApplicationScope(who)), `${expected.who}: job applications`).toBe(expected.jobs.length);
      expect(await countWhere(t.traineeApplications, traineeApplicationScope(who)), `${expected.who}: trainee applications`).toBe(expected.trainees.length);
      expect(await countWhere(t.unitQuotaApplications, unitApplicationScope(who)), `${expected.who}: unit quota applications`).toBe(expected.quotas.length);
    }
  });

  it("a detail query for someone else's record finds nothing", async () => {
    const t1 = viewer("t1", ["talent"]);
    expect(await listVisibleJobApplications(db, t1, IP, eq(t.applications.id, job.t2A))).toEqual([]);
    expect(await listVisibleTraineeApplications(db, t1, IP, eq(t.traineeApplications.id, trainee.t2))).toEqual([]);
    const unit2 = viewer("unit2Staff", ["training_unit_staff"], [org.unit2]);
    expect(await listVisibleTraineeApplications(db, unit2, IP, eq(t.traineeApplications.id, trainee.t1))).toEqual([]);
    expect(await listVisibleUnitApplications(db, unit2, eq(t.unitQuotaApplications.id, quota.u1))).toEqual([]);
    expect(await listVisibleUnitApplications(db, viewer("reviewer", ["reviewer"]), eq(t.unitQuotaApplications.id, quota.u2))).toEqual([]);
  });

  it("a unit does not see a trainee's list until it is submitted, nor after it is withdrawn", async () => {
    const unit1 = viewer("unit1Staff", ["training_unit_staff"], [org.unit1]);
    const t2 = eq(t.traineeApplications.id, trainee.t2);
    try {
      for (const status of ["draft", "withdrawn"] as const) {
        await db.update(t.traineeApplications).set({ status }).where(t2);
        expect(await listVisibleTraineeApplications(db, unit1, IP, t2)).toEqual([]);
        expect(await listVisibleTraineeApplications(db, viewer("t2", ["talent"]), IP, t2)).toHaveLength(1);
      }
    } finally {
      await db.update(t.traineeApplications).set({ status: "submitted" }).where(t2);
    }
    expect(await listVisibleTraineeApplications(db, unit1, IP, t2)).toHaveLength(1);
  });
});

describe("the programme office", () => {
  const office = () => viewer("officer", ["programme_officer"]);
  const allIds = async (table: typeof t.applications | typeof t.traineeApplications | typeof t.unitQuotaApplications) =>
    (await db.select({ id: table.id }).from(table)).map((row) => row.id).sort();

  it("sees every application in the database, as do admins", async () => {
    for (const who of [office(), viewer("admin", ["admin"])]) {
      const scoped = async (table: typeof t.applications | typeof t.traineeApplications | typeof t.unitQuotaApplications, scope: SQL) =>
        (await db.select({ id: table.id }).from(table).where(scope)).map((row) => row.id).sort();
      expect(await scoped(t.applications, jobApplicationScope(who))).toEqual(await allIds(t.applications));
      expect(await scoped(t.traineeApplications, traineeApplicationScope(who))).toEqual(await allIds(t.traineeApplications));
      expect(await scoped(t.unitQuotaApplications, unitApplicationScope(who))).toEqual(await allIds(t.unitQuotaApplications));
    }
    expect((await listVisibleUnitApplications(db, office())).map((row) => row.id).sort()).toEqual(await allIds(t.unitQuotaApplications));
  });

  it("writes one personal-data-read audit row per list, naming the ids it returned", async () => {
    const before = (await personalDataReads(person.officer)).length;
    const jobs = await listVisibleJobApplications(db, office(), IP, inArray(t.applications.id, ours(job)));
    const trainees = await listVisibleTraineeApplications(db, office(), IP, inArray(t.traineeApplications.id, ours(trainee)));
    expect(labels(jobs.map((row) => row.id))).toEqual(labels(ours(job)));
    expect(labels(trainees.map((row) => row.id))).toEqual(labels(ours(trainee)));

    const logged = (await personalDataReads(person.officer)).slice(before);
    expect(logged.map(({ entity, ip }) => ({ entity, ip }))).toEqual([{ entity: "application", ip: IP }, { entity: "trainee-application", ip: IP }]);
    expect(labels((JSON.parse(logged[0]!.detail!) as { ids: string[] }).ids)).toEqual(labels(ours(job)));
    expect(labels((JSON.parse(logged[1]!.detail!) as { ids: string[] }).ids)).toEqual(labels(ours(trainee)));

    // An unfiltered list names every application it returned.
    const everything = await listVisibleJobApplications(db, office(), IP);
    expect(everything.map((row) => row.id).sort()).toEqual(await allIds(t.applications));
    const [all] = (await personalDataReads(person.officer)).slice(before + 2);
    expect((JSON.parse(all!.detail!) as { ids: string[] }).ids.sort()).toEqual(await allIds(t.applications));
  });

  it("logs nothing when a list returns nobody, and nothing for unit quota applications", async () => {
    const before = (await personalDataReads(person.officer)).length;
    expect(await listVisibleJobApplications(db, office(), IP, eq(t.applications.id, randomUUID()))).toEqual([]);
    expect(await listVisibleTraineeApplications(db, office(), IP, eq(t.traineeApplications.id, randomUUID()))).toEqual([]);
    expect(await listVisibleUnitApplications(db, office())).not.toEqual([]);
    expect(await personalDataReads(person.officer)).toHaveLength(before);
  });

  it("the same list as a talent writes no audit row", async () => {
    const before = (await personalDataReads(person.t1)).length;
    expect(await listVisibleJobApplications(db, viewer("t1", ["talent"]), IP)).toHaveLength(2);
    expect(await listVisibleTraineeApplications(db, viewer("t1", ["talent"]), IP)).toHaveLength(1);
    expect(await personalDataReads(person.t1)).toHaveLength(before);
  });
});
