// The same-origin check for writes on a real Express server: a write must carry this site's Origin (or,
// without one, its Referer); reads and the public API pass.
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameOriginWrites } from "../../server/csrf";

let server: Server;
let port: number;
let self: string;

beforeAll(async () => {
  const app = express();
  app.use(sameOriginWrites());
  app.all("*", (req, res) => res.type("text/plain").send(`passed ${req.method} ${req.path}`));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  port = (server.address() as AddressInfo).port;
  self = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** node:http rather than fetch, so Origin, Referer and Host are exactly what the test says. */
function send(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "x=1" : undefined);
  });
}

describe("sameOriginWrites", () => {
  it("refuses a write with neither Origin nor Referer, in both languages", async () => {
    const refused = await send("POST", "/login");
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("This request did not come from this site");
    expect(refused.body).toContain("已拒絕");
    for (const method of ["PUT", "PATCH", "DELETE"]) expect((await send(method, "/account")).status).toBe(403);
  });

  it("refuses a write from another origin", async () => {
    for (const origin of ["http://evil.test", `http://127.0.0.1:${port + 1}`, `http://127.0.0.1:${port}.evil.test`, "http://127.0.0.1", "not a url"]) {
      expect((await send("POST", "/login", { Origin: origin })).status, origin).toBe(403);
    }
  });

  it("passes a write from this origin, whatever the case of the host", async () => {
    expect(await send("POST", "/login", { Origin: self })).toEqual({ status: 200, body: "passed POST /login" });
    expect((await send("POST", "/login", { Origin: `HTTP://127.0.0.1:${port}` })).status).toBe(200);
    expect((await send("DELETE", "/account/sessions", { Origin: self })).status).toBe(200);
  });

  it("falls back to the Referer when there is no Origin", async () => {
    expect((await send("POST", "/login", { Referer: `${self}/login?redirectTo=%2Faccount` })).status).toBe(200);
    expect((await send("POST", "/login", { Referer: "http://evil.test/page" })).status).toBe(403);
    expect((await send("POST", "/login", { Referer: `http://evil.test/?${self}` })).status).toBe(403);
    // A foreign Origin is not rescued by a matching Referer.
    expect((await send("POST", "/login", { Origin: "http://evil.test", Referer: `${self}/login` })).status).toBe(403);
  });

  it('refuses "Origin: null" (sandboxed frames, data: pages)', async () => {
    expect((await send("POST", "/login", { Origin: "null" })).status).toBe(403);
    expect((await send("POST", "/login", { Origin: "null", Referer: "http://evil.test/" })).status).toBe(403);
    // A present Origin is final: a same-site Referer does not rescue "null".
    expect((await send("POST", "/login", { Origin: "null", Referer: `${self}/login` })).status).toBe(403);
  });

  it("passes reads whatever their headers", async () => {
    expect(await send("GET", "/account")).toEqual({ status: 200, body: "passed GET /account" });
    expect((await send("GET", "/account", { Origin: "http://evil.test" })).status).toBe(200);
    expect((await send("HEAD", "/account", { Origin: "http://evil.test" })).status).toBe(200);
    expect((await send("OPTIONS", "/account")).status).toBe(200);
  });

  it("leaves the public API to its own middleware", async () => {
    expect(await send("POST", "/api/v1/occupations", { Origin: "http://evil.test" })).toEqual({ status: 200, body: "passed POST /api/v1/occupations" });
    expect((await send("POST", "/api/v1/occupations")).status).toBe(200);
    // Only the /api/ folder: a page whose path merely starts alike is checked.
    expect((await send("POST", "/apiary")).status).toBe(403);
  });
});
