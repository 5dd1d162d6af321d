// KPIs read from real Postgres: filters, grouping, and whose units a viewer sees; demand against
// supply with completers, portal hires and overseas hires, each person counted once.
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { loadKpis, parseKpiFilter, visibleUnitIds } from "~/kpis/kpi-data.server";
import { loadDemandSupply } from "~/forecasts/demand-supply.server";
import { useDatabase } from "../auth/support";
import { makePerson } from "../placement/world";
import { makeKpiRound, makeKpiUnit, makeTrainee } from "./world";

const getDb = useDatabase();
const industry = (checkpoint: "completion" | "six_months" | "twelve_months", shortage = false) => ({ checkpoint, status: "industry" as const, employerName: "示範生技", isShortageOccupation: shortage });

let world: Awaited<ReturnType<typeof build>>;

async function build() {
  const db = getDb();
  const { round, programme } = await makeKpiRound(db, 2041);
  const a = await makeKpiUnit(db, round.id);
  const b = await makeKpiUnit(db, round.id);
  // Unit A: 3 completers, 2 in industry (one in a shortage occupation) → 2/3 meets the target.
  await makeTrainee(db, round.id, a.quota.id, 2041, { status: "completed", internshipMonths: 6, outcomes: [industry("completion", true)], links: [true] });
  await makeTrainee(db, round.id, a.quota.id, 2041, { status: "completed", internshipMonths: 6, outcomes: [{ checkpoint: "completion", status: "seeking" }, industry("six_months")], links: [true, false] });
  await makeTrainee(db, round.id, a.quota.id, 2041, { status: "completed", internshipMonths: 4, outcomes: [], links: [false] });
  // Unit B: 1 completer in academia, 1 terminated.
  await makeTrainee(db, round.id, b.quota.id, 2041, { status: "completed", internshipMonths: 7, outcomes: [{ checkpoint: "completion", status: "academia", employerName: "大學" }] });
  await makeTrainee(db, round.id, b.quota.id, 2041, { status: "terminated" });
  return { round, programme, a, b };
}

beforeAll(async () => {
  world = await build();
});

describe("loadKpis", () => {
  it("groups by unit with the hand-counted rates", async () => {
    const filter = parseKpiFilter(new URL(`http://x/?groupBy=unit&programme=${world.programme.id}`));
    const k = await loadKpis(getDb(), "zh-TW", filter, "all");
    const a = k.groups.find((g) => g.key === world.a.organisation.id)!.kpis;
    const b = k.groups.find((g) => g.key === world.b.organisation.id)!.kpis;
    expect(a.industryEmployment).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(a.meetsIndustryTarget).toBe(true);
    expect(a.longInternship).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(a.shortageOccupation).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(a.medianMonthsToEmployment).toBe(3); // 0 and 6
    expect(a.surveyResponse).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(b.completion).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(b.industryEmployment.rate).toBe(0);
    expect(k.total.industryEmployment).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(k.total.meetsIndustryTarget).toBe(false);
  });

  it("filters by year and unit", async () => {
    const none = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL(`http://x/?programme=${world.programme.id}&year=2040`)), "all");
    expect(none.total.trainees).toBe(0);
    const onlyB = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL(`http://x/?programme=${world.programme.id}&unit=${world.b.organisation.id}`)), "all");
    expect(onlyB.total.trainees).toBe(2);
  });

  it("shows unit staff only their own unit, whatever the filter asks", async () => {
    const staff = world.b.staff[0]!;
    const units = visibleUnitIds(staff);
    expect(units).toEqual([world.b.organisation.id]);
    const k = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL(`http://x/?groupBy=unit&unit=${world.a.organisation.id}`)), units);
    expect(k.total.trainees).toBe(0);
    const own = await loadKpis(getDb(), "zh-TW", parseKpiFilter(new URL("http://x/?groupBy=unit")), units);
    expect(own.groups.map((g) => g.key)).toEqual([world.b.organisation.id]);
    const talent = await makePerson(getDb(), ["talent"]);
    expect(visibleUnitIds(talent)).toEqual([]);
    const officer = await makePerson(getDb(), ["programme_officer"]);
    expect(visibleUnitIds(officer)).toBe("all");
  });

  it("ignores malformed filters instead of failing", () => {
    expect(parseKpiFilter(new URL("http://x/?groupBy=evil&year=abc&unit=1;drop"))).toEqual({ groupBy: "round" });
  });
});

describe("loadDemandSupply", () => {
  it("sets the 2025 survey's forecast against completers, portal hires and overseas hires", async () => {
    const db = getDb();
    const code = "170190";
    const when = new Date(Date.UTC(2026, 2, 1));
    // Other test files record hires in this shared database too: compare with the figures before.
    const before = (await loadDemandSupply(db, "zh-TW", { survey: "precision-health-2025", scenario: "optimistic" }))!;
    const { round } = await makeKpiRound(db, 2042);
    const unit = await makeKpiUnit(db, round.id);
    const local = await makeTrainee(db, round.id, unit.quota.id, 2042, { status: "completed" });
    const overseas = await makeTrainee(db, round.id, unit.quota.id, 2042, { status: "completed", nationality: "JP" });
    const plain = await makeTrainee(db, round.id, unit.quota.id, 2042, { status: "completed" });
    const base = { checkpoint: "completion" as const, status: "industry" as const, employerName: "示範生技", occupationCode: code, isShortageOccupation: true, createdAt: when };
    await db.insert(t.employmentOutcomes).values([
      { ...base, userId: local.user.id, placementId: local.placement.id, source: "portal_hire" },
      { ...base, userId: overseas.user.id, placementId: overseas.placement.id, source: "portal_hire" },
      { ...base, userId: plain.user.id, placementId: plain.placement.id, source: "self_report" },
      // Someone still seeking is no supply; an outcome outside the forecast years is not counted.
      { ...base, status: "seeking", employerName: null, userId: plain.user.id, placementId: plain.placement.id, checkpoint: "six_months", source: "self_report" },
      { ...base, userId: local.user.id, placementId: local.placement.id, checkpoint: "twelve_months", source: "self_report", createdAt: new Date(Date.UTC(2030, 0, 5)) },
    ]);
    const ds = (await loadDemandSupply(db, "zh-TW", { survey: "precision-health-2025", scenario: "optimistic" }))!;
    expect(ds.years).toEqual([2025, 2026, 2027]);
    const added = (after: typeof ds, year: number) => {
      const now = after.yearly.find((y) => y.year === year)!;
      const then = before.yearly.find((y) => y.year === year)!;
      return { demand: now.demand, completers: now.completers - then.completers, portalHires: now.portalHires - then.portalHires, overseasHires: now.overseasHires - then.overseasHires, total: now.total - then.total, gap: (now.gap ?? 0) - (then.gap ?? 0) };
    };
    expect(added(ds, 2026)).toEqual({ demand: 774, completers: 3, portalHires: 2, overseasHires: 1, total: 3, gap: -3 });
    expect(added(ds, 2025)).toMatchObject({ completers: 0, total: 0 });
    const occupationYear = (of: typeof ds, year: number) => of.occupations.find((o) => o.code === code)?.byYear.find((y) => y.year === year) ?? { year, completers: 0, portalHires: 0, overseasHires: 0, total: 0 };
    const was = occupationYear(before, 2026);
    const now = occupationYear(ds, 2026);
    expect({ completers: now.completers - was.completers, portalHires: now.portalHires - was.portalHires, overseasHires: now.overseasHires - was.overseasHires, total: now.total - was.total }).toEqual({ completers: 3, portalHires: 2, overseasHires: 1, total: 3 });
    const flat = (await loadDemandSupply(db, "zh-TW", { survey: "precision-health-2025", scenario: "flat" }))!;
    expect(flat.yearly.map((y) => y.demand)).toEqual([676, 737, 803]);
  });
});
