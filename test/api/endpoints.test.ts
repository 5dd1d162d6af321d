// The public API's answers on the real survey data: search endpoints against Meilisearch indexes
// built for this file, the occupation record and forecasts from the database.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { loader as occupationLoader } from "../../app/routes/api.v1.occupations.$code";
import { loader as occupationsLoader } from "../../app/routes/api.v1.occupations";
import { loader as forecastsLoader } from "../../app/routes/api.v1.forecasts";
import { loader as programmesLoader } from "../../app/routes/api.v1.programmes";
import { loader as skillsLoader } from "../../app/routes/api.v1.skills";
import { call, useApiServices, type ApiResult } from "./support";

const services = useApiServices("api_endpoints");

interface Hit {
  code: string;
  survey: string;
  [field: string]: unknown;
}

const occupations = async (query: string) => call(occupationsLoader, `/api/v1/occupations${query}`, services());
const ids = (result: ApiResult) => (result.body.hits as Hit[]).map((h) => `${h.survey}:${h.code}`);

function expectJsonSuccess(result: ApiResult) {
  expect(result.status).toBe(200);
  expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  expect(result.headers.get("Cache-Control")).toBe("public, max-age=60");
  expect(result.headers.get("Access-Control-Allow-Origin")).toBe("*");
}

describe("GET /api/v1/occupations", () => {
  it("puts both surveys' rows of a code first when searching for the code", async () => {
    const result = await occupations("?q=070207");
    expectJsonSuccess(result);
    expect(ids(result).slice(0, 2).sort()).toEqual(["precision-health-2021:070207", "precision-health-2025:070207"]);
    expect(result.body).toMatchObject({ limit: 20, offset: 0 });
    expect(result.body.total).toBeGreaterThanOrEqual(2);
  });

  it("returns each hit in the documented shape, with the report's values", async () => {
    const result = await occupations("?q=070207&survey=precision-health-2021");
    expect(result.body.total).toBe(1);
    const hit = result.body.hits[0];
    expect(Object.keys(hit).sort()).toEqual(
      [
        "code", "title", "titleEn", "survey", "surveyYear", "description", "descriptionEn", "minEducation", "experience",
        "difficulty", "overseasNeeded", "icapLevel", "skills", "educationFields", "url",
      ].sort(),
    );
    expect(hit).toMatchObject({
      code: "070207",
      title: "生技醫藥",
      titleEn: "Biotechnology and pharmaceuticals",
      survey: "precision-health-2021",
      surveyYear: 2021,
      description: "主要從事生技、醫材、醫藥產品研發",
      minEducation: "master",
      experience: "2_to_5",
      difficulty: "hard",
      overseasNeeded: false,
      icapLevel: null,
      url: "/occupations/precision-health-2021/070207",
    });
    expect(hit.skills[0]).toEqual({ key: "rd", zh: "技術/產品/配方研究與開發", en: "Technology, product and formulation R&D" });
    expect(hit.educationFields).toContainEqual({ code: "05124", zh: "生物訊息及遺傳細學類", en: "Bioinformatics and genetics" });
  });

  it("finds 070207 for the Taiwanese abbreviation 生技 (synonym of 生物科技)", async () => {
    const result = await occupations("?q=生技");
    expectJsonSuccess(result);
    expect(ids(result).slice(0, 2).sort()).toEqual(["precision-health-2021:070207", "precision-health-2025:070207"]);
  });

  it("filters by survey: 15 rows in the 2021 survey, 13 in the 2025 survey", async () => {
    const y2021 = await occupations("?survey=precision-health-2021&limit=100");
    const y2025 = await occupations("?survey=precision-health-2025&limit=100");
    expect(y2021.body.total).toBe(15);
    expect(y2025.body.total).toBe(13);
    expect(y2021.body.hits).toHaveLength(15);
    expect(new Set((y2021.body.hits as Hit[]).map((h) => h.survey))).toEqual(new Set(["precision-health-2021"]));
    expect(new Set((y2025.body.hits as Hit[]).map((h) => h.survey))).toEqual(new Set(["precision-health-2025"]));
    expect((await occupations("?survey=no-such-survey")).body).toMatchObject({ hits: [], total: 0 });
  });

  it("without a query lists the newest survey first, each in the report's table order", async () => {
    const result = await occupations("?limit=100");
    expect(result.body.total).toBe(28);
    const rows = await services()
      .db.select({ survey: t.occupations.surveyKey, code: t.occupations.code, order: t.occupations.tableOrder, year: t.surveys.year })
      .from(t.occupations)
      .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey));
    rows.sort((a, b) => b.year - a.year || a.order - b.order);
    expect(ids(result)).toEqual(rows.map((r) => `${r.survey}:${r.code}`));
    expect(ids(result)[0]).toBe("precision-health-2025:070121");
  });

  it("combines difficulty and overseas filters", async () => {
    const hardOverseas = await occupations("?difficulty=hard&overseas=true&limit=100");
    expect(ids(hardOverseas).sort()).toEqual([
      "precision-health-2021:070121",
      "precision-health-2021:210103",
      "precision-health-2025:090107",
    ]);
    expect(hardOverseas.body.total).toBe(3);
    for (const hit of hardOverseas.body.hits) expect(hit).toMatchObject({ difficulty: "hard", overseasNeeded: true });

    const normal2025 = await occupations("?survey=precision-health-2025&difficulty=normal&overseas=0");
    expect(ids(normal2025).sort()).toEqual([
      "precision-health-2025:070109",
      "precision-health-2025:070207",
      "precision-health-2025:210205",
    ]);
  });

  it("filters by minimum education and experience, matching the database", async () => {
    const { db } = services();
    const [phd] = await db.select({ n: count() }).from(t.occupations).where(eq(t.occupations.minEducation, "phd"));
    const [none] = await db.select({ n: count() }).from(t.occupations).where(eq(t.occupations.experience, "none"));
    const byEducation = await occupations("?minEducation=phd&limit=100");
    expect(byEducation.body.total).toBe(phd!.n);
    for (const hit of byEducation.body.hits) expect(hit.minEducation).toBe("phd");
    const byExperience = await occupations("?experience=none&limit=100");
    expect(byExperience.body.total).toBe(none!.n);
    for (const hit of byExperience.body.hits) expect(hit.experience).toBe("none");
  });

  it("pages with limit and offset: pages join up to the full list, the total never changes", async () => {
    const all = ids(await occupations("?limit=100"));
    const paged: string[] = [];
    for (let offset = 0; offset < 30; offset += 6) {
      const page = await occupations(`?limit=6&offset=${offset}`);
      expect(page.body).toMatchObject({ total: 28, limit: 6, offset });
      paged.push(...ids(page));
    }
    expect(paged).toEqual(all);
    const past = await occupations("?offset=40");
    expect(past.body).toMatchObject({ hits: [], total: 28, offset: 40 });
    const searched = await occupations("?q=工程&limit=2&offset=1");
    const searchedAll = await occupations("?q=工程&limit=100");
    expect(searched.body.total).toBe(searchedAll.body.total);
    expect(ids(searched)).toEqual(ids(searchedAll).slice(1, 3));
  });

  it("treats empty parameters as not given (a form's empty fields)", async () => {
    const result = await occupations("?q=&survey=&difficulty=&overseas=&minEducation=&experience=&limit=&offset=");
    expectJsonSuccess(result);
    expect(result.body).toMatchObject({ total: 28, limit: 20, offset: 0 });
  });

  it("ignores unknown parameters, even repeated ones", async () => {
    const result = await occupations("?survey=precision-health-2025&utm_source=x&utm_source=y&page=3");
    expectJsonSuccess(result);
    expect(result.body.total).toBe(13);
  });

  it("answers HEAD like GET", async () => {
    const result = await call(occupationsLoader, "/api/v1/occupations?limit=1", services(), { method: "HEAD" });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  });
});

describe("GET /api/v1/occupations/:code", () => {
  const byCode = (code: string) =>
    call(occupationLoader, `/api/v1/occupations/${encodeURIComponent(code)}`, services(), { params: { code } });

  it("gives the code in every survey that has it, newest first, from the database", async () => {
    const result = await byCode("070207");
    expectJsonSuccess(result);
    expect(result.body.code).toBe("070207");
    const [newest, older] = result.body.surveys;
    expect(result.body.surveys).toHaveLength(2);
    expect(newest).toMatchObject({
      code: "070207",
      title: "生物科技研發人員",
      titleEn: "Biotechnology R&D Specialist",
      survey: "precision-health-2025",
      surveyYear: 2024,
      minEducation: "college",
      experience: "under_2",
      difficulty: "normal",
      overseasNeeded: false,
      url: "/occupations/precision-health-2025/070207",
    });
    expect(older).toMatchObject({ survey: "precision-health-2021", surveyYear: 2021, title: "生技醫藥", difficulty: "hard" });
    expect(newest.shortageReasons.map((r: { key: string }) => r.key)).toEqual([
      "new-role", "skills-mismatch", "poaching-turnover", "insufficient-supply", "unattractive-pay",
    ]);
    expect(older.shortageReasons.map((r: { key: string }) => r.key)).toEqual(["insufficient-supply", "poaching-turnover", "skills-mismatch"]);
    for (const reason of newest.shortageReasons) expect(Object.keys(reason).sort()).toEqual(["en", "key", "zh"]);
    expect(newest.skills).toContainEqual({ key: "rd", zh: "技術/產品/配方研究與開發", en: "Technology, product and formulation R&D" });
    expect(newest.educationFields).toContainEqual({ code: "05124", zh: "生物訊息及遺傳細學類", en: "Bioinformatics and genetics" });

    // Each survey carries its own forecast, in year then scenario order.
    expect(newest.forecast).toHaveLength(9);
    expect(newest.forecast.slice(0, 3)).toEqual([
      { survey: "precision-health-2025", year: 2025, scenario: "optimistic", newDemand: 710, sharePct: 4.1, employment: null, revenue: null },
      { survey: "precision-health-2025", year: 2025, scenario: "flat", newDemand: 676, sharePct: 3.9, employment: null, revenue: null },
      { survey: "precision-health-2025", year: 2025, scenario: "conservative", newDemand: 642, sharePct: 3.7, employment: null, revenue: null },
    ]);
    expect(older.forecast[0]).toEqual({
      survey: "precision-health-2021", year: 2022, scenario: "optimistic", newDemand: 695, sharePct: null, employment: 14995, revenue: 639,
    });
  });

  it("answers 404 JSON for a well-formed code no survey reports", async () => {
    const result = await byCode("999999");
    expect(result.status).toBe(404);
    expect(result.body).toEqual({ error: { code: "not_found", message: expect.stringContaining("999999") } });
    expect(result.headers.get("Cache-Control")).toBe("no-store");
  });

  it.each(["7020", "0702071", "07020a", "０７０２０７", "070207 ", "../etc"])("answers 400 for the malformed code %j", async (code) => {
    const result = await byCode(code);
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: "invalid_parameter", parameter: "code" });
    expect(result.body.error.message).toMatch(/^code /);
  });
});

describe("GET /api/v1/programmes", () => {
  const programmes = (query: string) => call(programmesLoader, `/api/v1/programmes${query}`, services());

  it("lists every published programme by English title when there is no query", async () => {
    const result = await programmes("?limit=100");
    expectJsonSuccess(result);
    const [published] = await services().db.select({ n: count() }).from(t.programmes).where(eq(t.programmes.status, "published"));
    expect(result.body.total).toBe(published!.n);
    const titles = (result.body.hits as { titleEn: string }[]).map((h) => h.titleEn);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("returns each programme in the documented shape", async () => {
    const result = await programmes("?q=SPARK&limit=1");
    const hit = result.body.hits[0];
    expect(Object.keys(hit).sort()).toEqual(
      ["key", "type", "title", "titleEn", "summary", "summaryEn", "provider", "providerEn", "skills", "targetOccupationCodes", "url"].sort(),
    );
    expect(hit).toMatchObject({
      key: "spark-translational",
      type: "spark_course",
      title: "推動生醫與醫療器材轉譯加值人才培訓計畫（SPARK模式）",
      providerEn: "National Science Council (NSC, now the National Science and Technology Council)",
      url: "/programmes/spark-translational",
    });
    expect(hit.targetOccupationCodes).toEqual(expect.arrayContaining(["070207", "170105"]));
    expect(hit.skills).toContainEqual({ key: "rd", zh: "技術/產品/配方研究與開發", en: "Technology, product and formulation R&D" });
  });

  it("filters by type", async () => {
    const result = await programmes("?type=industry_course&limit=100");
    expect(result.body.total).toBe(5);
    expect((result.body.hits as { key: string }[]).map((h) => h.key).sort()).toEqual([
      "device-regulatory-seed", "drug-regulatory-seed", "hta-courses", "moe-industry-academia-alliance", "pharma-industry-training",
    ]);
    expect((await programmes("?type=phd_placement")).body.hits.map((h: { key: string }) => h.key)).toEqual(["phd-training-employment"]);
  });

  it("pages consistently", async () => {
    const all = await programmes("?limit=100");
    const page = await programmes("?limit=3&offset=3");
    expect(page.body).toMatchObject({ total: all.body.total, limit: 3, offset: 3 });
    expect(page.body.hits).toEqual(all.body.hits.slice(3, 6));
  });

  it("ignores the UI-only location parameter and other unknown ones", async () => {
    expect((await programmes("?location=" + "x".repeat(500))).body.total).toBe((await programmes("")).body.total);
  });
});

describe("GET /api/v1/skills", () => {
  const skills = (query: string) => call(skillsLoader, `/api/v1/skills${query}`, services());

  it("holds every skill, those most occupations need first", async () => {
    const result = await skills("?limit=100");
    expectJsonSuccess(result);
    const [all] = await services().db.select({ n: count() }).from(t.skills);
    expect(result.body.total).toBe(all!.n);
    const counts = (result.body.hits as { occupationCodes: string[] }[]).map((h) => h.occupationCodes.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("finds a skill by an alias, in the documented shape", async () => {
    const result = await skills("?q=研發");
    const hit = result.body.hits[0];
    expect(Object.keys(hit).sort()).toEqual(["aliases", "en", "key", "occupationCodes", "programmeKeys", "zh"]);
    expect(hit).toMatchObject({ key: "rd", zh: "技術/產品/配方研究與開發", en: "Technology, product and formulation R&D" });
    expect(hit.aliases).toEqual(expect.arrayContaining(["研發", "R&D"]));
    expect(hit.occupationCodes).toEqual(expect.arrayContaining(["070121", "070207"]));
    expect(hit.programmeKeys).toEqual(expect.arrayContaining(["spark-translational", "device-fellowship"]));
  });

  it("pages consistently", async () => {
    const all = await skills("?limit=100");
    const page = await skills("?limit=4&offset=2");
    expect(page.body).toMatchObject({ total: all.body.total, limit: 4, offset: 2 });
    expect(page.body.hits).toEqual(all.body.hits.slice(2, 6));
  });
});

describe("GET /api/v1/forecasts", () => {
  it("lists all 18 published rows by survey year, year and scenario, null where the report gives none", async () => {
    const result = await call(forecastsLoader, "/api/v1/forecasts?ignored=1", services());
    expectJsonSuccess(result);
    const rows = result.body.rows as {
      survey: string; year: number; scenario: string; newDemand: number; sharePct: number | null; employment: number | null; revenue: number | null;
    }[];
    expect(rows).toHaveLength(18);
    expect(Object.keys(result.body)).toEqual(["rows"]);
    for (const row of rows) expect(Object.keys(row)).toEqual(["survey", "year", "scenario", "newDemand", "sharePct", "employment", "revenue"]);

    expect(rows.map((r) => `${r.year}:${r.scenario}`)).toEqual(
      [2022, 2023, 2024, 2025, 2026, 2027].flatMap((year) => ["optimistic", "flat", "conservative"].map((s) => `${year}:${s}`)),
    );
    expect(rows.slice(0, 9).every((r) => r.survey === "precision-health-2021")).toBe(true);
    expect(rows.slice(9).every((r) => r.survey === "precision-health-2025")).toBe(true);

    expect(rows.find((r) => r.year === 2025 && r.scenario === "flat")).toEqual({
      survey: "precision-health-2025", year: 2025, scenario: "flat", newDemand: 676, sharePct: 3.9, employment: null, revenue: null,
    });
    // The 2021 survey gives employment and revenue (hundred million NTD) but no share.
    expect(rows[0]).toEqual({
      survey: "precision-health-2021", year: 2022, scenario: "optimistic", newDemand: 695, sharePct: null, employment: 14995, revenue: 639,
    });
    expect(rows.filter((r) => r.survey === "precision-health-2021").every((r) => r.sharePct === null && r.employment !== null)).toBe(true);
    expect(rows.filter((r) => r.survey === "precision-health-2025").every((r) => r.employment === null && r.revenue === null)).toBe(true);
  });
});
