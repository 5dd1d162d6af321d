// The access matrix: every route's loader and action, called as anonymous and as each role, against
// the outcome this table expects. The route list comes from the built app, so a new route that is not
// in the table fails here: nobody can add a page without saying who may use it.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApiServices } from "../api/support";
import { audiences, createAudienceUsers, type Audience, type AudienceUsers } from "./audiences";
import { expectations, samplePaths, type Outcome } from "./matrix";

const services = useApiServices("access");
let build: ServerBuild;
let users: AudienceUsers;

beforeAll(async () => {
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  users = await createAudienceUsers(services().db);
});

afterAll(async () => {
  await users?.cleanup();
});

async function call(method: "GET" | "POST", url: string, audience: Audience): Promise<Response> {
  const { db, search } = services();
  const handler = createRequestHandler(build, "production");
  const request = new Request(`http://portal.test${url}`, {
    method,
    headers: { Origin: "http://portal.test", Host: "portal.test", ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: method === "POST" ? "" : undefined,
    redirect: "manual",
  });
  const viewer = await users.viewerFor(audience);
  const env = { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" };
  const context = {
    services: { db, search, env, mail: { wake: () => {}, devInbox: true }, searchSync: { wake: () => {} } },
    cspNonce: "",
    clientIp: "127.0.0.1",
    viewer,
  };
  const response = await handler(request, context as never);
  if (response.status === 500) console.error(method, url, audience, await response.clone().text());
  return response;
}

function outcomeOf(response: Response): Outcome {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("Location") ?? "";
    return location.startsWith("/login") ? "login" : `redirect:${location.split("?")[0]}`;
  }
  return response.status as Outcome;
}

describe("access matrix", () => {
  it("lists every route of the app, and only those", () => {
    const routes = Object.values(build.routes);
    const needed = routes.flatMap((route) => {
      const module = route.module as { loader?: unknown; action?: unknown };
      return [module.loader ? `${route.id} loader` : null, module.action ? `${route.id} action` : null].filter(Boolean);
    });
    const listed = Object.entries(expectations).flatMap(([id, e]) => [e.loader ? `${id} loader` : null, e.action ? `${id} action` : null].filter(Boolean));
    expect([...listed].sort()).toEqual([...needed].sort());
    for (const id of Object.keys(expectations)) expect(samplePaths[id], `a sample path for ${id}`).toBeDefined();
  });

  for (const [routeId, expected] of Object.entries(expectations)) {
    for (const kind of ["loader", "action"] as const) {
      const table = expected[kind];
      if (!table) continue;
      it(`${routeId} ${kind}`, async () => {
        const actual: Partial<Record<Audience, Outcome>> = {};
        for (const audience of audiences) actual[audience] = outcomeOf(await call(kind === "loader" ? "GET" : "POST", samplePaths[routeId]!, audience));
        expect(actual).toEqual(table);
      });
    }
  }

  it("a route without an action refuses POST with 405", async () => {
    const response = await call("POST", "/occupations", "anonymous");
    expect(response.status).toBe(405);
  });
});
