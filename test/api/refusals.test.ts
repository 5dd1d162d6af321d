// What the public API refuses, and how: a 400 naming the parameter for bad input, 405 for writes,
// 503 without internal detail when search is down, and never a 500 or Meilisearch's own words.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loader as notFoundLoader } from "../../app/routes/api.$";
import { action as forecastsAction, loader as forecastsLoader } from "../../app/routes/api.v1.forecasts";
import { action as occupationAction, loader as occupationLoader } from "../../app/routes/api.v1.occupations.$code";
import { action as occupationsAction, loader as occupationsLoader } from "../../app/routes/api.v1.occupations";
import { action as programmesAction, loader as programmesLoader } from "../../app/routes/api.v1.programmes";
import { action as skillsAction, loader as skillsLoader } from "../../app/routes/api.v1.skills";
import { call, unreachableSearch, useApiServices, type ApiResult } from "./support";

const services = useApiServices("api_refusals");

const searchEndpoints = {
  "/api/v1/occupations": occupationsLoader,
  "/api/v1/programmes": programmesLoader,
  "/api/v1/skills": skillsLoader,
} as const;
type SearchPath = keyof typeof searchEndpoints;

const get = (path: string) => {
  const base = path.split("?")[0] as SearchPath;
  return call(searchEndpoints[base], path, services());
};
const qs = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

function expectRefused(result: ApiResult, parameter: string) {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  expect(result.headers.get("Cache-Control")).toBe("no-store");
  expect(result.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(Object.keys(result.body)).toEqual(["error"]);
  expect(result.body.error).toEqual({ code: "invalid_parameter", message: expect.any(String), parameter });
  // English, and naming the parameter.
  expect(result.body.error.message).toMatch(new RegExp(`^${parameter} `));
  expect(result.body.error.message).toMatch(/^[\x20-\x7e]+$/);
}

/** Neither a 500 nor anything that reads like Meilisearch's own error text. */
function expectHandled(result: ApiResult) {
  expect([200, 400]).toContain(result.status);
  expect(JSON.stringify(result.body)).not.toMatch(/meili|invalid_search|filter expression|attribute `|at line|stack/i);
}

// Search errors are logged on the server; keep the test output quiet.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("invalid parameters → 400 naming the parameter", () => {
  it.each<[string, string]>([
    ["/api/v1/occupations?survey=Precision-Health", "survey"],
    ["/api/v1/occupations?survey=a%22b", "survey"],
    ["/api/v1/occupations?survey=" + "a".repeat(65), "survey"],
    ["/api/v1/occupations?difficulty=extreme", "difficulty"],
    ["/api/v1/occupations?difficulty=HARD", "difficulty"],
    ["/api/v1/occupations?overseas=yes", "overseas"],
    ["/api/v1/occupations?minEducation=kindergarten", "minEducation"],
    ["/api/v1/occupations?experience=lots", "experience"],
    ["/api/v1/occupations?limit=0", "limit"],
    ["/api/v1/occupations?limit=101", "limit"],
    ["/api/v1/occupations?limit=abc", "limit"],
    ["/api/v1/occupations?limit=1e1", "limit"],
    ["/api/v1/occupations?limit=0x10", "limit"],
    ["/api/v1/occupations?limit=5.5", "limit"],
    ["/api/v1/occupations?limit=%205", "limit"],
    ["/api/v1/occupations?limit=99999999999999999999", "limit"],
    ["/api/v1/occupations?offset=-1", "offset"],
    ["/api/v1/occupations?offset=10001", "offset"],
    ["/api/v1/programmes?type=workshop", "type"],
    ["/api/v1/programmes?limit=500", "limit"],
    ["/api/v1/programmes?offset=-5", "offset"],
    ["/api/v1/skills?limit=-1", "limit"],
    ["/api/v1/skills?offset=x", "offset"],
  ])("%s → parameter %s", async (path, parameter) => {
    expectRefused(await get(path), parameter);
  });

  it("says which values an enum accepts and what range a number has", async () => {
    expect((await get("/api/v1/occupations?difficulty=extreme")).body.error.message).toBe("difficulty must be one of: easy, normal, hard");
    expect((await get("/api/v1/programmes?type=x")).body.error.message).toBe(
      "type must be one of: spark_course, device_fellowship, phd_placement, industry_course",
    );
    expect((await get("/api/v1/skills?limit=0")).body.error.message).toBe("limit must be an integer from 1 to 100");
    expect((await get("/api/v1/occupations?offset=-1")).body.error.message).toBe("offset must be an integer from 0 to 10000");
  });

  it.each(Object.keys(searchEndpoints) as SearchPath[])("%s refuses a q over 200 characters and a 10 KB q", async (path) => {
    const long = await get(path + qs({ q: "基".repeat(201) }));
    expectRefused(long, "q");
    expect(long.body.error.message).toContain("200 characters");
    expectRefused(await get(path + qs({ q: "a".repeat(10_240) })), "q");
    expectRefused(await get(path + qs({ q: "生技 ".repeat(3_500) })), "q");
  });

  it("counts q after cleaning: 200 characters plus surrounding spaces and control characters are fine", async () => {
    const result = await get("/api/v1/occupations" + qs({ q: `  \u0000${"x".repeat(200)}\u0007  ` }));
    expect(result.status).toBe(200);
  });

  it.each<[string, string]>([
    ["/api/v1/occupations?survey=precision-health-2021&survey=precision-health-2025", "survey"],
    ["/api/v1/occupations?survey=precision-health-2021&survey=precision-health-2021", "survey"],
    ["/api/v1/occupations?q=a&q=b", "q"],
    ["/api/v1/occupations?limit=5&offset=0&limit=10", "limit"],
    ["/api/v1/programmes?type=spark_course&type=industry_course", "type"],
    ["/api/v1/skills?offset=1&offset=2", "offset"],
  ])("refuses the repeated parameter in %s", async (path, parameter) => {
    const result = await get(path);
    expectRefused(result, parameter);
    expect(result.body.error.message).toContain("more than once");
  });
});

describe("hostile input is a 400 or a normal answer, never a 500", () => {
  it("strips control characters from q instead of failing", async () => {
    const plain = await get("/api/v1/occupations?q=070207");
    const dirty = await get("/api/v1/occupations" + qs({ q: "\u0000070207\u0007\u001b[31m\u007f\u0085" }));
    expect(dirty.status).toBe(200);
    expect(dirty.body.hits.slice(0, 2)).toEqual(plain.body.hits.slice(0, 2));
    // Nothing but control characters (and the private-use highlight markers) is an empty query.
    const empty = await get("/api/v1/occupations" + qs({ q: "\u0000\u0001\ue000\ue001\t\n" }));
    expect(empty.status).toBe(200);
    expect(empty.body.total).toBe(28);
  });

  it("treats filter syntax in q as words to search for", async () => {
    for (const q of ['" OR 1=1', "' OR '1'='1", 'surveyKey = "x" OR code EXISTS', "*", "\\", '"', "NOT", "_geoRadius(0,0,1)", "<script>"]) {
      const result = await get("/api/v1/occupations" + qs({ q }));
      expect(result.status, q).toBe(200);
      expectHandled(result);
    }
  });

  it("refuses filter syntax in filter parameters", async () => {
    for (const [name, value] of [
      ["survey", 'a"b'],
      ["survey", 'precision-health-2025" OR surveyKey EXISTS OR "'],
      ["survey", "precision-health-2025' OR 1=1 --"],
      ["difficulty", 'hard" OR difficulty = "easy'],
      ["overseas", "true OR overseasNeeded = false"],
    ]) {
      expectRefused(await get("/api/v1/occupations" + qs({ [name!]: value! })), name!);
    }
    expectRefused(await get("/api/v1/programmes" + qs({ type: 'industry_course" OR type EXISTS' })), "type");
  });

  it("answers every nasty value of every parameter with 200 or 400", async () => {
    const nasty = [
      "", " ", "0", "-0", "1", "100", "null", "undefined", "true", "[]", "{}", "%", "%%", "%00", "\u0000", "\uffff", "😀",
      "a".repeat(300), '"', "'", "\\", "\\\"", "${x}", "__proto__", "constructor", "toString", "../../", "NaN", "Infinity", "1e309",
    ];
    const parameters: Record<SearchPath, string[]> = {
      "/api/v1/occupations": ["q", "survey", "difficulty", "overseas", "minEducation", "experience", "limit", "offset"],
      "/api/v1/programmes": ["q", "type", "limit", "offset"],
      "/api/v1/skills": ["q", "limit", "offset"],
    };
    for (const [path, names] of Object.entries(parameters) as [SearchPath, string[]][]) {
      for (const name of [...names, "__proto__", "constructor"]) {
        for (const value of nasty) {
          const result = await get(`${path}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
          expectHandled(result);
          if (result.status === 400) expect(result.body.error.parameter).toBe(name);
        }
      }
    }
    // Broken percent-encoding is decoded leniently by URLSearchParams, never thrown.
    expectHandled(await get("/api/v1/occupations?q=%E0%A4%A&survey=%ZZ"));
    // A lone surrogate (CESU-8 bytes) becomes U+FFFD.
    expectHandled(await get("/api/v1/occupations?q=%ED%A0%80"));
    expectRefused(await get("/api/v1/occupations?survey=%ED%A0%80"), "survey");
  });
});

describe("methods", () => {
  const actions = [
    ["/api/v1/occupations", occupationsAction],
    ["/api/v1/occupations/070207", occupationAction],
    ["/api/v1/programmes", programmesAction],
    ["/api/v1/skills", skillsAction],
    ["/api/v1/forecasts", forecastsAction],
  ] as const;

  it.each(actions)("POST, PUT, PATCH and DELETE %s → 405 JSON", async (path, action) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const result = await call(action, path, services(), { method, params: { code: "070207" } });
      expect(result.status).toBe(405);
      expect(result.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(result.body.error).toEqual({ code: "method_not_allowed", message: expect.stringContaining(method) });
    }
  });

  it("answers an OPTIONS preflight with 204 and the allowed methods", async () => {
    const result = await call(occupationsLoader, "/api/v1/occupations", services(), {
      method: "OPTIONS",
      headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "accept-language" },
    });
    expect(result.status).toBe(204);
    expect(result.body).toBeNull();
    expect(result.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(result.headers.get("Access-Control-Allow-Methods")).toBe("GET, OPTIONS");
    expect(result.headers.get("Access-Control-Allow-Headers")).toBe("accept-language");
    // A preflight asking for odd header names gets none reflected.
    const odd = await call(occupationsLoader, "/api/v1/occupations", services(), {
      method: "OPTIONS",
      headers: { "Access-Control-Request-Headers": "x-a;evil" },
    });
    expect(odd.headers.get("Access-Control-Allow-Headers")).toBeNull();
    const viaAction = await call(forecastsAction, "/api/v1/forecasts", services(), { method: "OPTIONS" });
    expect(viaAction.status).toBe(204);
  });
});

describe("search unavailable → 503", () => {
  it.each(Object.keys(searchEndpoints) as SearchPath[])("%s answers 503 search_unavailable without internal detail", async (path) => {
    const result = await call(searchEndpoints[path], `${path}?q=070207`, { db: services().db, search: unreachableSearch() });
    expect(result.status).toBe(503);
    expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    expect(result.headers.get("Retry-After")).toBe("5");
    expect(result.body).toEqual({ error: { code: "search_unavailable", message: expect.any(String) } });
    expect(result.body.error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|meili|index/i);
  });

  it("still refuses bad parameters with 400 first", async () => {
    const result = await call(occupationsLoader, "/api/v1/occupations?limit=0", { db: services().db, search: unreachableSearch() });
    expectRefused(result, "limit");
  });

  it("does not affect the endpoints read from the database", async () => {
    const down = { db: services().db, search: unreachableSearch() };
    expect((await call(forecastsLoader, "/api/v1/forecasts", down)).status).toBe(200);
    expect((await call(occupationLoader, "/api/v1/occupations/070207", down, { params: { code: "070207" } })).status).toBe(200);
  });
});

describe("unknown API paths", () => {
  it("answer 404 JSON", async () => {
    const result = await call(notFoundLoader, "/api/v1/nothing/here", services(), { params: { "*": "nothing/here" } });
    expect(result.status).toBe(404);
    expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(result.body.error.code).toBe("not_found");
  });
});
