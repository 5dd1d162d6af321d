// Enrolment on the real database: seats while they last and then the waitlist; 30 parallel enrolments
// into 10 seats; a withdrawal moving the first on the waitlist up (mailed) and everyone behind one
// place; the enrolment close; attendance, completion and the certificate that needs it; changing a
// cohort (more places move the waitlist up; what would break seats, sessions or certificates is refused).
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { enrol, EnrolmentRuleError, issueCertificate, markCompleted, recordAttendance, updateCohort, withdraw } from "../../app/programmes/enrolment.server";
import { links, mailTo, useDatabase } from "../auth/support";
import { enrolmentOf, IP, makeUnit, publishedCohort, talent } from "./support";

const db = useDatabase();

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EnrolmentRuleError) return error.code;
    throw error;
  }
  return "accepted";
};

describe("enrolment with capacity and a waitlist", () => {
  it("30 parallel enrolments into 10 seats: exactly 10 enrolled and 20 waitlisted at places 1..20", async () => {
    const { unit, staff } = await makeUnit(db());
    const { cohort } = await publishedCohort(db(), staff, unit.id, { capacity: 10 });
    const talents = await Promise.all(Array.from({ length: 30 }, (_, i) => talent(db(), `crowd${i}`)));
    const results = await Promise.allSettled(talents.map((x) => enrol(db(), x.viewer, cohort.id)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await enrolmentOf(db(), cohort.id);
    expect(rows.filter((r) => r.status === "enrolled")).toHaveLength(10);
    const waitlisted = rows.filter((r) => r.status === "waitlisted").map((r) => r.waitlistPosition).sort((a, b) => a! - b!);
    expect(waitlisted).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("a withdrawal frees a seat for the first on the waitlist, mails them, and moves the rest up", async () => {
    const { unit, staff } = await makeUnit(db());
    const { cohort } = await publishedCohort(db(), staff, unit.id, { capacity: 1 });
    const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map((label) => talent(db(), label)));
    for (const x of [a!, b!, c!, d!]) await enrol(db(), x.viewer, cohort.id);
    const statusOf = async () => {
      const rows = await db().select().from(t.enrolments).where(eq(t.enrolments.cohortId, cohort.id)).orderBy(asc(t.enrolments.createdAt));
      return Object.fromEntries(rows.map((r) => [r.userId, r.status === "waitlisted" ? `waitlisted ${r.waitlistPosition}` : r.status]));
    };
    expect(await statusOf()).toEqual({ [a!.user.id]: "enrolled", [b!.user.id]: "waitlisted 1", [c!.user.id]: "waitlisted 2", [d!.user.id]: "waitlisted 3" });
    // Someone leaving the waitlist closes the gap behind them.
    await withdraw(db(), c!.viewer, cohort.id, links);
    expect(await statusOf()).toMatchObject({ [b!.user.id]: "waitlisted 1", [c!.user.id]: "withdrawn", [d!.user.id]: "waitlisted 2" });
    await withdraw(db(), a!.viewer, cohort.id, links);
    expect(await statusOf()).toEqual({ [a!.user.id]: "withdrawn", [b!.user.id]: "enrolled", [c!.user.id]: "withdrawn", [d!.user.id]: "waitlisted 1" });
    const mail = await mailTo(db(), b!.user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(cohort.name);
    expect(mail[0]!.textBody).toContain("http://portal.test/programmes/");
    expect(await mailTo(db(), d!.user.email)).toHaveLength(0);
    // Enrolling twice, or withdrawing when not enrolled, is refused.
    expect(await refusal(enrol(db(), b!.viewer, cohort.id))).toBe("alreadyEnrolled");
    expect(await refusal(withdraw(db(), a!.viewer, cohort.id, links))).toBe("notActive");
    // A withdrawn talent may enrol again, at the end of the waitlist.
    const again = await enrol(db(), a!.viewer, cohort.id);
    expect(again).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
  });

  it("refuses enrolment after the close, in an unpublished programme, and by anyone but a talent", async () => {
    const { unit, staff } = await makeUnit(db());
    const { cohort } = await publishedCohort(db(), staff, unit.id, { enrolmentClosesAt: new Date(Date.now() - 60_000) });
    const x = await talent(db());
    expect(await refusal(enrol(db(), x.viewer, cohort.id))).toBe("closed");
    expect(await refusal(enrol(db(), staff, cohort.id))).toBe("notTalent");
    const open = await publishedCohort(db(), staff, unit.id, { enrolmentClosesAt: new Date(Date.now() + 3_600_000) });
    expect((await enrol(db(), x.viewer, open.cohort.id)).status).toBe("enrolled");
    await db().update(t.programmes).set({ status: "draft" }).where(eq(t.programmes.id, open.programme.id));
    const y = await talent(db());
    expect(await refusal(enrol(db(), y.viewer, open.cohort.id))).toBe("notPublished");
  });
});

describe("attendance, completion and certificates", () => {
  it("records attendance per session, completes only enrolled talents and certifies only completions", async () => {
    const { unit, staff } = await makeUnit(db());
    const other = await makeUnit(db());
    const { cohort } = await publishedCohort(db(), staff, unit.id, { capacity: 2 });
    const [a, b, c] = await Promise.all(["a", "b", "c"].map((label) => talent(db(), label)));
    const ea = await enrol(db(), a!.viewer, cohort.id);
    const eb = await enrol(db(), b!.viewer, cohort.id);
    const ec = await enrol(db(), c!.viewer, cohort.id);
    expect(ec.status).toBe("waitlisted");

    await recordAttendance(db(), staff, cohort.id, "2027-03-02", [ea.id], IP);
    await recordAttendance(db(), staff, cohort.id, "2027-03-02", [ea.id, eb.id], IP);
    const marks = await db().select().from(t.attendance).where(eq(t.attendance.sessionOn, "2027-03-02"));
    const mine = marks.filter((m) => m.enrolmentId === ea.id || m.enrolmentId === eb.id);
    expect(mine).toHaveLength(2);
    expect(mine.every((m) => m.present)).toBe(true);
    expect(await refusal(recordAttendance(db(), staff, cohort.id, "2027-04-02", [], IP))).toBe("sessionOutsideCohort");
    expect(await refusal(recordAttendance(db(), other.staff, cohort.id, "2027-03-03", [], IP))).toBe("notStaff");

    expect(await refusal(issueCertificate(db(), staff, ea.id, IP))).toBe("notCompleted");
    expect(await refusal(markCompleted(db(), staff, ec.id, IP))).toBe("notEnrolled");
    expect(await refusal(markCompleted(db(), other.staff, ea.id, IP))).toBe("notStaff");
    await markCompleted(db(), staff, ea.id, IP);
    expect(await refusal(markCompleted(db(), staff, ea.id, IP))).toBe("notEnrolled");
    const certificate = await issueCertificate(db(), staff, ea.id, IP);
    expect(certificate.serial).toMatch(/^PHT-\d{4}-[0-9A-F]{8}$/);
    // Issuing again gives the same certificate.
    expect((await issueCertificate(db(), staff, ea.id, IP)).id).toBe(certificate.id);
  });

  it("a cohort's details change: more places move the waitlist up (mailed), and what would break seats, sessions or certificates is refused", async () => {
    const { unit, staff } = await makeUnit(db());
    const other = await makeUnit(db());
    const { cohort, programme } = await publishedCohort(db(), staff, unit.id, { capacity: 1, startsOn: "2027-03-01", endsOn: "2027-03-31" });
    const { cohort: sibling } = await publishedCohort(db(), staff, unit.id);
    await db().update(t.cohorts).set({ programmeId: programme.id }).where(eq(t.cohorts.id, sibling.id));
    const [a, b, c] = await Promise.all(["first", "second", "third"].map((label) => talent(db(), label)));
    for (const x of [a!, b!, c!]) await enrol(db(), x.viewer, cohort.id);
    const base = { name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn, capacity: 1, icapLevel: cohort.icapLevel, enrolmentClosesAt: null };
    const change = (input: Partial<typeof base>, viewer = staff) => updateCohort(db(), viewer, cohort.id, { ...base, ...input }, IP, links);

    // Two more places: both waitlisted move up in order, each mailed.
    await change({ capacity: 3 });
    const rows = await enrolmentOf(db(), cohort.id);
    expect(rows.map((r) => r.status).sort()).toEqual(["enrolled", "enrolled", "enrolled"]);
    expect(await mailTo(db(), b!.user.email)).toHaveLength(1);
    expect(await mailTo(db(), c!.user.email)).toHaveLength(1);

    expect(await refusal(change({ capacity: 2 }))).toBe("capacityBelowSeated");
    expect(await refusal(change({ capacity: 3, name: sibling.name }))).toBe("nameTaken");
    expect(await refusal(change({ capacity: 3 }, other.staff))).toBe("notStaff");
    await recordAttendance(db(), staff, cohort.id, "2027-03-20", [], IP);
    expect(await refusal(change({ capacity: 3, endsOn: "2027-03-15" }))).toBe("sessionsOutsideDates");
    await change({ capacity: 3, endsOn: "2027-04-15", name: `${cohort.name} (extended)` });

    // After a certificate: the name, dates and iCAP level it prints stay; places and the close may change.
    await markCompleted(db(), staff, rows[0]!.id, IP);
    await issueCertificate(db(), staff, rows[0]!.id, IP);
    const now = { ...base, capacity: 3, endsOn: "2027-04-15", name: `${cohort.name} (extended)` };
    expect(await refusal(updateCohort(db(), staff, cohort.id, { ...now, endsOn: "2027-04-30" }, IP, links))).toBe("certifiedDetails");
    expect(await refusal(updateCohort(db(), staff, cohort.id, { ...now, icapLevel: 5 }, IP, links))).toBe("certifiedDetails");
    await updateCohort(db(), staff, cohort.id, { ...now, capacity: 10, enrolmentClosesAt: new Date("2027-02-20T09:00:00Z") }, IP, links);
    const [saved] = await db().select().from(t.cohorts).where(eq(t.cohorts.id, cohort.id));
    expect(saved).toMatchObject({ capacity: 10, endsOn: "2027-04-15", name: `${cohort.name} (extended)` });
  });
});
