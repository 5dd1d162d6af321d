// Hostile query parameters and path segments: every API parameter (names from the API's own schemas,
// on every API route), every field of the pages' GET forms (search, filters, sorting) and `page` on
// every page of the access matrix, and every dynamic path segment of every route. The API answers 200
// or a 4xx JSON error that names the problem; pages answer 200 or a 4xx page that says why; nothing is
// a 5xx and nothing comes back unescaped.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { occupationApiParams, programmeApiParams, skillApiParams } from "../../app/api/params";
import { expectations, samplePaths } from "../access/matrix";
import { useApiServices } from "../api/support";
import { NUMBER_CORPUS, TEXT_CORPUS, hostileValue } from "./corpus";
import { harvestForms } from "./forms";
import { loadBuild, problemWith, send, type Answer } from "./support";
import { makeHostileWorld, type Actor, type HostileWorld } from "./world";

const services = useApiServices("hostile_params");
let world: HostileWorld;
let routes: Array<{ id: string; path: string; hasLoader: boolean }>;

beforeAll(async () => {
  world = await makeHostileWorld(services().db);
  const build = await loadBuild();
  routes = Object.values(build.routes)
    .filter((route) => route.id in samplePaths)
    .map((route) => ({ id: route.id, path: samplePaths[route.id]!, hasLoader: Boolean((route.module as { loader?: unknown }).loader) }));
});

/** The matrix's audiences, as this suite's signed-in people. */
const actorFor: Record<string, Actor> = {
  anonymous: "anonymous",
  talent: "talent",
  company_recruiter: "recruiter",
  programme_officer: "officer",
  admin: "admin",
  training_unit_staff: "unitStaff",
  reviewer: "reviewer",
};

/** Someone the access matrix lets through the route's loader (a 200 or a 404 for the sample record). */
function viewerFor(routeId: string): Actor {
  const row = expectations[routeId]?.loader ?? {};
  const through = Object.entries(row).find(([audience, outcome]) => (outcome === 200 || outcome === 404) && actorFor[audience]);
  return actorFor[through?.[0] ?? "anonymous"]!;
}

/** Values sent raw into a URL (already percent-encoded where they must be). */
const RAW_SEGMENTS = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "a%00b", "%ED%A0%80", "%FF%FE", "%zz", "'%20OR%20'1'%3D'1", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "-1", "99999999999999999999999", "a".repeat(4000)];
const QUERY_VALUES = [...TEXT_CORPUS.filter((v) => v.length < 1000), "a".repeat(10_000), ...NUMBER_CORPUS];

const query = (entries: Array<[string, string]>) => new URLSearchParams(entries).toString();

function problem(answer: Answer, values: string[], api: boolean): string | null {
  if (api && answer.status < 500 && !(answer.headers.get("Content-Type") ?? "").includes("json")) return `an API answer that is not JSON (${answer.status})`;
  return problemWith(answer, { values });
}

describe("hostile parameters", () => {
  it("API parameters: 200 or a JSON 4xx naming the problem", async () => {
    // Each search endpoint's own parameters; the others read none, so they get the first few (ignored, as documented).
    const schemas: Record<string, string[]> = {
      "routes/api.v1.occupations": Object.keys(occupationApiParams.shape),
      "routes/api.v1.programmes": Object.keys(programmeApiParams.shape),
      "routes/api.v1.skills": Object.keys(skillApiParams.shape),
    };
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.id.startsWith("routes/api.") && r.hasLoader)) {
      const names = schemas[route.id] ?? ["q", "limit"];
      const values = schemas[route.id] ? QUERY_VALUES : QUERY_VALUES.slice(0, 12);
      const base = route.path.split("?")[0]!;
      const check = async (search: string, values: string[]) => {
        const answer = await send(services(), null, { method: "GET", url: `${base}?${search}` });
        const found = problem(answer, values, true);
        if (found) problems.push(`${base}?${search.slice(0, 120)}: ${found}`);
      };
      for (const name of names) {
        for (const value of values) await check(query([[name, value]]), [value]);
        await check(`${name}=a&${name}=b`, []);
        await check(`${name}[]=a&${name}[x]=b`, []);
        await check(`${name}=%ED%A0%80%FF`, []);
      }
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), hostileValue), { minLength: 1, maxLength: 4 }), async (entries) => {
          await check(query(entries), entries.map(([, v]) => v));
        }),
        { numRuns: schemas[route.id] ? 15 : 3 },
      );
    }
    expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
  });

  it("pages: every GET form's fields, and ?page=, on every page of the access matrix", async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => !r.id.startsWith("routes/api.") && r.hasLoader)) {
      const actor = viewerFor(route.id);
      const viewer = await world.viewer(actor);
      const page = await send(services(), viewer, { method: "GET", url: route.path });
      if (page.status !== 200) continue;
      const url = new URL(route.path, "http://portal.test");
      const names = new Set<string>(["page", ...url.searchParams.keys()]);
      for (const form of harvestForms(page.text, route.path).filter((f) => f.method === "get")) {
        // Forms to other pages (the header's search box) are fuzzed there.
        if (form.action.split("?")[0] !== url.pathname) continue;
        for (const field of form.fields) names.add(field.name);
      }
      const values = ["-1", "0", "1e308", "NaN", "99999999999", '<script>alert("q")</script>', '"><img src=x onerror=alert(1)>', "a\u0000b", "a".repeat(10_000), "' OR '1'='1", "javascript:alert(1)"];
      for (const name of names) {
        for (const value of values) {
          const params = new URLSearchParams(url.search);
          params.set(name, value);
          const answer = await send(services(), viewer, { method: "GET", url: `${url.pathname}?${params}` });
          const found = problemWith(answer, { values: [value], baseline: page.text });
          if (found) problems.push(`${actor} GET ${url.pathname}?${name}=${JSON.stringify(value.slice(0, 40))}: ${found}`);
        }
        const repeated = await send(services(), viewer, { method: "GET", url: `${url.pathname}?${name}=1&${name}=2&${name}[x]=3` });
        const found = problemWith(repeated, { values: [] });
        if (found) problems.push(`${actor} GET ${url.pathname} with ${name} repeated: ${found}`);
      }
    }
    expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
  });

  it("path segments: a 404 or 400 that says so, never a 5xx", async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.hasLoader && /\$/.test(r.id))) {
      const actor = viewerFor(route.id);
      const viewer = await world.viewer(actor);
      const dynamic = route.id.replace(/^routes\//, "").split(".").map((segment) => segment.startsWith("$"));
      const sample = route.path.split("?")[0]!.split("/").slice(1);
      for (const raw of RAW_SEGMENTS) {
        for (const [index, isDynamic] of dynamic.entries()) {
          if (!isDynamic || index >= sample.length) continue;
          const segments = [...sample];
          segments[index] = raw;
          const path = `/${segments.join("/")}`;
          let answer: Answer;
          try {
            answer = await send(services(), viewer, { method: "GET", url: path });
          } catch (error) {
            // A URL the Request constructor refuses never reaches a server either.
            if (error instanceof TypeError) continue;
            throw error;
          }
          const found = problemWith(answer, { values: [decodeURIComponentSafe(raw)] });
          if (found) problems.push(`${actor} GET ${path.slice(0, 160)}: ${found}`);
        }
      }
    }
    expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
  });
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
