// The database itself refuses impossible states, whatever the application code does.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import { openTestDatabase } from "../support/services";

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/** Runs a write in a transaction that is always rolled back, returning the error it raised, if any. */
async function attempt(write: (tx: Database) => Promise<unknown>): Promise<string> {
  const rollback = new Error("rollback");
  try {
    await db.transaction(async (tx) => {
      await write(tx as unknown as Database);
      throw rollback;
    });
  } catch (error) {
    if (error === rollback) return "accepted";
    const e = error as { message?: string; cause?: { message?: string; constraint_name?: string; constraint?: string } };
    return [e.message, e.cause?.message, e.cause?.constraint_name, e.cause?.constraint].filter(Boolean).join(" | ");
  }
  return "accepted";
}

const day = (offset: number) => new Date(Date.UTC(2027, 0, 1 + offset));

async function makeRound(tx: Database, overrides: Partial<typeof t.placementRounds.$inferInsert> = {}) {
  const [programme] = await tx.select().from(t.programmes).where(eq(t.programmes.key, "phd-training-employment"));
  const [round] = await tx
    .insert(t.placementRounds)
    .values({
      programmeId: programme!.id,
      year: 2000 + Math.floor(Math.random() * 1000),
      titleZh: "測試梯次",
      titleEn: "Test round",
      totalQuota: 10,
      maxPreferences: 2,
      unitApplicationsCloseAt: day(0),
      reviewCloseAt: day(10),
      registrationOpenAt: day(11),
      preferencesCloseAt: day(20),
      interviewsCloseAt: day(30),
      unitRankingCloseAt: day(40),
      matchAt: day(41),
      publishAt: day(42),
      checkInCloseAt: day(50),
      trainingStartsOn: "2027-03-01",
      ...overrides,
    })
    .returning();
  return round!;
}

async function makeUnit(tx: Database, roundId: string, requested = 5) {
  const [org] = await tx
    .insert(t.organisations)
    .values({ slug: `unit-${randomUUID().slice(0, 8)}`, kind: "training_unit", nameZh: "測試單位", nameEn: "Test unit" })
    .returning();
  const [application] = await tx
    .insert(t.unitQuotaApplications)
    .values({ roundId, unitOrganisationId: org!.id, focus: "drugs", planZh: "計畫", courses: "課程", internshipMonths: 6, requestedTrainees: requested })
    .returning();
  return application!;
}

async function makeTrainee(tx: Database, roundId: string) {
  const id = randomUUID();
  await tx.insert(t.users).values({ id, email: `${id}@example.test`, displayName: "測試" });
  const [application] = await tx
    .insert(t.traineeApplications)
    .values({ roundId, userId: id, phdStatus: "obtained", phdObtainedOn: "2025-06-30" })
    .returning();
  return application!;
}

describe("placement rounds and quotas", () => {
  it("accepts a well-formed round (so the refusals below are about the rule, not the fixture)", async () => {
    expect(await attempt((tx) => makeRound(tx))).toBe("accepted");
  });

  it("refuses a negative quota", async () => {
    expect(await attempt((tx) => makeRound(tx, { totalQuota: -1 }))).toMatch(/placement_rounds_quota/);
  });

  it("refuses a calendar whose deadlines are out of order", async () => {
    expect(await attempt((tx) => makeRound(tx, { matchAt: day(60) }))).toMatch(/placement_rounds_calendar/);
  });

  it("refuses an internship shorter than 6 months", async () => {
    const result = await attempt(async (tx) => {
      const round = await makeRound(tx);
      const unit = await makeUnit(tx, round.id);
      await tx.update(t.unitQuotaApplications).set({ internshipMonths: 5 }).where(eq(t.unitQuotaApplications.id, unit.id));
    });
    expect(result).toMatch(/unit_quota_internship/);
  });

  it("refuses allocations that add up to more than the round's total", async () => {
    const ok = await attempt(async (tx) => {
      const round = await makeRound(tx, { totalQuota: 10 });
      const a = await makeUnit(tx, round.id);
      const b = await makeUnit(tx, round.id);
      await tx.update(t.unitQuotaApplications).set({ allocatedQuota: 6, status: "allocated" }).where(eq(t.unitQuotaApplications.id, a.id));
      await tx.update(t.unitQuotaApplications).set({ allocatedQuota: 4, status: "allocated" }).where(eq(t.unitQuotaApplications.id, b.id));
    });
    expect(ok).toBe("accepted");
    const over = await attempt(async (tx) => {
      const round = await makeRound(tx, { totalQuota: 10 });
      const a = await makeUnit(tx, round.id);
      const b = await makeUnit(tx, round.id);
      await tx.update(t.unitQuotaApplications).set({ allocatedQuota: 6, status: "allocated" }).where(eq(t.unitQuotaApplications.id, a.id));
      await tx.update(t.unitQuotaApplications).set({ allocatedQuota: 5, status: "allocated" }).where(eq(t.unitQuotaApplications.id, b.id));
    });
    expect(over).toMatch(/quota_exceeds_round_total/);
  });
});

describe("ranked preferences", () => {
  it("refuses two units at the same rank, the same unit twice, and more than the round allows", async () => {
    const setup = async (tx: Database) => {
      const round = await makeRound(tx, { maxPreferences: 2 });
      const units = [await makeUnit(tx, round.id), await makeUnit(tx, round.id), await makeUnit(tx, round.id)];
      const trainee = await makeTrainee(tx, round.id);
      return { round, units, trainee };
    };
    expect(
      await attempt(async (tx) => {
        const { units, trainee } = await setup(tx);
        await tx.insert(t.traineePreferences).values([
          { traineeApplicationId: trainee.id, rank: 1, quotaApplicationId: units[0]!.id },
          { traineeApplicationId: trainee.id, rank: 2, quotaApplicationId: units[1]!.id },
        ]);
      }),
    ).toBe("accepted");
    expect(
      await attempt(async (tx) => {
        const { units, trainee } = await setup(tx);
        await tx.insert(t.traineePreferences).values([
          { traineeApplicationId: trainee.id, rank: 1, quotaApplicationId: units[0]!.id },
          { traineeApplicationId: trainee.id, rank: 1, quotaApplicationId: units[1]!.id },
        ]);
      }),
    ).toMatch(/trainee_preferences_pkey|duplicate key/);
    expect(
      await attempt(async (tx) => {
        const { units, trainee } = await setup(tx);
        await tx.insert(t.traineePreferences).values([
          { traineeApplicationId: trainee.id, rank: 1, quotaApplicationId: units[0]!.id },
          { traineeApplicationId: trainee.id, rank: 2, quotaApplicationId: units[0]!.id },
        ]);
      }),
    ).toMatch(/trainee_preferences_unit_once/);
    expect(
      await attempt(async (tx) => {
        const { units, trainee } = await setup(tx);
        await tx.insert(t.traineePreferences).values([
          { traineeApplicationId: trainee.id, rank: 1, quotaApplicationId: units[0]!.id },
          { traineeApplicationId: trainee.id, rank: 2, quotaApplicationId: units[1]!.id },
          { traineeApplicationId: trainee.id, rank: 3, quotaApplicationId: units[2]!.id },
        ]);
      }),
    ).toMatch(/too_many_preferences/);
  });

  it("lets a unit rank only applicants who listed it, each once", async () => {
    const result = await attempt(async (tx) => {
      const round = await makeRound(tx);
      const unit = await makeUnit(tx, round.id);
      const trainee = await makeTrainee(tx, round.id);
      const [list] = await tx.insert(t.unitRankLists).values({ quotaApplicationId: unit.id }).returning();
      await tx.insert(t.unitRankEntries).values({ rankListId: list!.id, rank: 1, traineeApplicationId: trainee.id });
    });
    expect(result).toMatch(/ranked_applicant_did_not_apply/);
  });
});

describe("other rules", () => {
  it("keeps the audit log append-only", async () => {
    expect(await attempt((tx) => tx.insert(t.auditLog).values({ action: "read", entity: "test" }))).toBe("accepted");
    expect(
      await attempt(async (tx) => {
        await tx.insert(t.auditLog).values({ action: "read", entity: "test" });
        await tx.update(t.auditLog).set({ action: "changed" });
      }),
    ).toMatch(/audit_log_append_only/);
    expect(
      await attempt(async (tx) => {
        await tx.insert(t.auditLog).values({ action: "read", entity: "test" });
        await tx.delete(t.auditLog);
      }),
    ).toMatch(/audit_log_append_only/);
  });

  it("caps a SPARK team at 5 members", async () => {
    const build = (members: number) =>
      attempt(async (tx) => {
        const lead = randomUUID();
        await tx.insert(t.users).values({ id: lead, email: `${lead}@example.test`, displayName: "lead" });
        const [programme] = await tx.select().from(t.programmes).where(eq(t.programmes.key, "spark-translational"));
        const [team] = await tx
          .insert(t.sparkTeams)
          .values({ programmeId: programme!.id, year: 2027, projectTitle: "p", clinicalNeed: "n", technology: "x", stage: "discovery", leadUserId: lead })
          .returning();
        for (let i = 0; i < members; i++) {
          await tx.insert(t.sparkTeamMembers).values({ teamId: team!.id, email: `m${i}@example.test`, role: i === 0 ? "physician" : "researcher" });
        }
      });
    expect(await build(5)).toBe("accepted");
    expect(await build(6)).toMatch(/spark_team_too_large/);
  });

  it("refuses a position whose salary range or headcount is impossible", async () => {
    const insert = (values: Partial<typeof t.positions.$inferInsert>) =>
      attempt(async (tx) => {
        const [org] = await tx.insert(t.organisations).values({ slug: `co-${randomUUID().slice(0, 8)}`, kind: "company", nameZh: "公司", nameEn: "Co" }).returning();
        const [occupation] = await tx.select().from(t.occupations).limit(1);
        await tx.insert(t.positions).values({
          organisationId: org!.id, occupationId: occupation!.id, title: "t", description: "d", city: "台北市",
          headcount: 2, remainingHeadcount: 2, minEducation: "master", experience: "any", ...values,
        });
      });
    expect(await insert({})).toBe("accepted");
    expect(await insert({ salaryMinNtd: 90000, salaryMaxNtd: 50000 })).toMatch(/positions_salary/);
    expect(await insert({ headcount: 1, remainingHeadcount: 2 })).toMatch(/positions_headcount/);
    expect(await insert({ headcount: 0, remainingHeadcount: 0 })).toMatch(/positions_headcount/);
    expect(await insert({ status: "filled" })).toMatch(/positions_filled_means_none_left/);
  });

  it("refuses malformed reference data", async () => {
    expect(await attempt((tx) => tx.insert(t.occupationCodes).values({ code: "12345" }))).toMatch(/occupation_codes_code/);
    expect(await attempt((tx) => tx.insert(t.educationFields).values({ code: "ab", zh: "x", en: "x" }))).toMatch(/education_fields_code/);
    expect(await attempt((tx) => tx.execute(sql`update occupations set icap_level = 9`))).toMatch(/occupations_icap_level/);
    expect(await attempt((tx) => tx.execute(sql`update forecasts set new_demand = -1`))).toMatch(/forecasts_new_demand/);
  });
});
