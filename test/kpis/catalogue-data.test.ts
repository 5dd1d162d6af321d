// Catalogue enrolments on the KPI pages, read from real Postgres: grouped by programme they get their
// own row (hand-counted below); grouped by round or unit, for unit staff, or filtered to a unit, not.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { loadKpiPage } from "~/kpis/kpi-page.server";
import { loadCourseRecordsTable } from "~/kpis/records.server";
import { makePerson } from "../placement/world";
import { kpiFilterOptions, loadKpis, parseKpiFilter } from "~/kpis/kpi-data.server";
import { kpiTable } from "~/kpis/kpi-tables.server";
import { loadPublicOutcomes } from "~/kpis/public-outcomes.server";
import { useDatabase } from "../auth/support";
import { makeEnrollee, makeKpiCourse, makeKpiRound, makeKpiUnit, makeTrainee } from "./world";

const getDb = useDatabase();
let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const db = getDb();
  const { round, programme: phd } = await makeKpiRound(db, 2057);
  const unit = await makeKpiUnit(db, round.id);
  await makeTrainee(db, round.id, unit.quota.id, 2057, { status: "completed", internshipMonths: 6, outcomes: [{ checkpoint: "completion", status: "industry", employerName: "示範生技" }], links: [true] });
  const course = await makeKpiCourse(db, 2057);
  // 4 completers: 2 industry (one shortage), 1 academia, 1 unknown; 1 not completed; 1 enrolled; 1 waitlisted.
  await makeEnrollee(db, course.cohort.id, 2057, { status: "completed", outcomes: [{ checkpoint: "completion", status: "industry", employerName: "示範生技", isShortageOccupation: true }], links: [true] });
  await makeEnrollee(db, course.cohort.id, 2057, { status: "completed", outcomes: [{ checkpoint: "six_months", status: "industry", employerName: "示範醫材" }], links: [false, true] });
  await makeEnrollee(db, course.cohort.id, 2057, { status: "completed", outcomes: [{ checkpoint: "completion", status: "academia", employerName: "大學" }], links: [false] });
  await makeEnrollee(db, course.cohort.id, 2057, { status: "completed", links: [false] });
  await makeEnrollee(db, course.cohort.id, 2057, { status: "not_completed" });
  await makeEnrollee(db, course.cohort.id, 2057, { status: "enrolled" });
  await makeEnrollee(db, course.cohort.id, 2057, { status: "waitlisted" });
  return { round, phd, unit, course };
}

beforeAll(async () => {
  world = await build();
});

describe("catalogue programmes on the KPI pages", () => {
  it("grouped by programme, a catalogue programme has its own hand-counted row", async () => {
    const k = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL("http://x/?groupBy=programme&year=2057")), "all");
    const course = k.groups.find((g) => g.key === world.course.programme.id)!;
    expect(course.label).toBe(world.course.programme.titleZh);
    expect(course.kpis.trainees).toBe(6);
    expect(course.kpis.completion).toEqual({ numerator: 4, denominator: 6, rate: 4 / 6 });
    expect(course.kpis.industryEmployment).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(course.kpis.shortageOccupation).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(course.kpis.surveyResponse).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    expect(course.kpis.longInternship.rate).toBeNull();
    const phd = k.groups.find((g) => g.key === world.phd.id)!;
    expect(phd.kpis.industryEmployment).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(phd.kpis.longInternship).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    // Total over both: 5 completers, 3 in industry; links 3 answered of 6.
    expect(k.total.industryEmployment).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(k.total.surveyResponse).toEqual({ numerator: 3, denominator: 6, rate: 0.5 });
  });

  it("the table shows — for the internship share of a catalogue programme", async () => {
    const k = await loadKpis(getDb(), "en", parseKpiFilter(new URL(`http://x/?groupBy=programme&programme=${world.course.programme.id}`)), "all");
    expect(k.groups.map((g) => g.key)).toEqual([world.course.programme.id]);
    const table = kpiTable("en", k.groups, k.total);
    const row = table.rows[0]!;
    expect(row[0]).toBe(world.course.programme.titleEn);
    expect(row[5]).toBe(50); // industry %
    expect(row[7]).toBeNull(); // ≥ 6 months internship: not applicable
    expect(row[11]).toBe(40); // response %
  });

  it("grouping by round or unit, a unit filter, or a unit's staff leave enrolments out", async () => {
    const byRound = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL("http://x/?groupBy=round&year=2057")), "all");
    expect(byRound.groups.map((g) => g.key)).toEqual([world.round.id]);
    expect(byRound.total.trainees).toBe(1);
    const byUnit = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL("http://x/?groupBy=unit&year=2057")), "all");
    expect(byUnit.groups.map((g) => g.key)).toEqual([world.unit.organisation.id]);
    const unitFiltered = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL(`http://x/?groupBy=programme&unit=${world.unit.organisation.id}`)), "all");
    expect(unitFiltered.groups.map((g) => g.key)).toEqual([world.phd.id]);
    const staffView = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL("http://x/?groupBy=programme")), [world.unit.organisation.id]);
    expect(staffView.groups.map((g) => g.key)).toEqual([world.phd.id]);
    const otherYear = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL(`http://x/?groupBy=programme&year=2058&programme=${world.course.programme.id}`)), "all");
    expect(otherYear.total.trainees).toBe(0);
  });

  it("the office's filter offers the catalogue programme and its cohort's year; a unit's staff do not see it", async () => {
    const office = await kpiFilterOptions(getDb(), "zh-TW", "all");
    expect(office.programmes.map((p) => p.id)).toContain(world.course.programme.id);
    expect(office.years).toContain(2057);
    const staff = await kpiFilterOptions(getDb(), "zh-TW", [world.unit.organisation.id]);
    expect(staff.programmes.map((p) => p.id)).not.toContain(world.course.programme.id);
  });

  it("the public page counts the course's completers (4 are under 5: suppressed)", async () => {
    const pub = await loadPublicOutcomes(getDb(), "zh-TW");
    const row = pub.byProgramme.find((r) => r.label === world.course.programme.titleZh)!;
    expect(row.suppressed).toBe(true);
    expect(row.industryPct).toBeNull();
  });

  it("the office drills down from a catalogue programme's row to its participants, each with the latest outcome, audited", async () => {
    const page = await loadKpiPage(getDb(), "en", new URL(`http://x/office/kpis?groupBy=programme&year=2057`), "all", "/office/kpis/records");
    const k = await loadKpis(getDb(), "en", parseKpiFilter(new URL("http://x/?groupBy=programme&year=2057")), "all");
    const index = k.groups.findIndex((g) => g.key === world.course.programme.id);
    const link = page.page!.drillLinks![index]!;
    expect(link.href).toBe(`/office/kpis/records?year=2057&programme=${world.course.programme.id}`);

    const officer = await makePerson(getDb(), ["programme_officer"]);
    const filter = parseKpiFilter(new URL(`http://x${link.href}`));
    const { table, total } = await loadCourseRecordsTable(getDb(), officer, "192.0.2.7", "en", filter, 1);
    // Six participants (the waitlisted one is not one): 4 completed, 1 not completed, 1 still enrolled.
    expect(total).toBe(6);
    const statuses = table.rows.map((r) => r[4]).sort();
    expect(statuses).toEqual(["Completed", "Completed", "Completed", "Completed", "Enrolled", "Not completed"]);
    expect(table.rows.every((r) => r[2] === world.course.programme.titleEn && r[3] === 2057)).toBe(true);
    const latest = table.rows.map((r) => `${r[5]} / ${r[6]} / ${r[7]}`).sort();
    expect(latest).toEqual([
      "6 months after / Industry / No",
      "At completion / Academia / No",
      "At completion / Industry / Yes",
      "No record yet / No record yet / —",
      "No record yet / No record yet / —",
      "No record yet / No record yet / —",
    ]);
    const reads = await getDb().select().from(t.auditLog).where(and(eq(t.auditLog.actorUserId, officer.id), eq(t.auditLog.action, "personal-data-read"), eq(t.auditLog.entity, "enrolment")));
    expect(reads.map((r) => (JSON.parse(r.detail!) as { ids: string[] }).ids.length)).toEqual([6]);

    // A PhD round's row holds placements only.
    const byRound = await loadCourseRecordsTable(getDb(), officer, "192.0.2.7", "en", parseKpiFilter(new URL(`http://x/?round=${world.round.id}`)), 1);
    expect(byRound.total).toBe(0);
  });
});
