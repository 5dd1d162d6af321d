// The two ways of searching positions that the benchmark compares, behind one small HTTP server:
//   GET /search?q=…  → the portal's Meilisearch path (searchIndex through search/client.ts)
//   GET /ilike?q=…   → the naive Postgres equivalent (ILIKE over title, description and skills)
// Queries are validated with the portal's own query schema; SQL is parameterised by drizzle.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, desc, eq, exists, ilike, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import * as t from "../db/schema";
import { query as querySchema } from "../app/search/params";
import { searchIndex } from "../app/search/search.server";
import type { SearchContext } from "../search/reindex";

export const PAGE_SIZE = 20;
export const LIST_FIELDS = ["id", "title", "organisationZh", "organisationEn", "city", "openToOverseas", "salaryMinNtd", "salaryMaxNtd"];

/** Escapes LIKE's wildcards so the query is matched literally (backslash is the default escape). */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function ilikeSearch(db: Database, q: string, limit = PAGE_SIZE) {
  const pattern = likePattern(q);
  const skillMatch = db
    .select({ one: sql`1` })
    .from(t.positionSkills)
    .innerJoin(t.skills, eq(t.skills.key, t.positionSkills.skillKey))
    .where(and(eq(t.positionSkills.positionId, t.positions.id), ilike(t.skills.zh, pattern)));
  const rows = await db
    .select({
      id: t.positions.id,
      title: t.positions.title,
      city: t.positions.city,
      salaryMinNtd: t.positions.salaryMinNtd,
      salaryMaxNtd: t.positions.salaryMaxNtd,
      publishedAt: t.positions.publishedAt,
      organisationZh: t.organisations.nameZh,
      organisationEn: t.organisations.nameEn,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .where(
      and(
        eq(t.positions.status, "published"),
        eq(t.organisations.approval, "approved"),
        or(ilike(t.positions.title, pattern), ilike(t.positions.description, pattern), exists(skillMatch)),
      ),
    )
    .orderBy(desc(t.positions.publishedAt))
    .limit(limit);
  return { total: rows[0]?.total ?? 0, hits: rows.map(({ total: _total, ...hit }) => hit) };
}

export interface BenchServer {
  url: string;
  /** Time from request to response inside the server, ms, per route; cleared by the caller. */
  serverMs: { search: number[]; ilike: number[] };
  close(): Promise<void>;
}

export async function startBenchServer(db: Database, search: SearchContext): Promise<BenchServer> {
  const serverMs: BenchServer["serverMs"] = { search: [], ilike: [] };
  const server = http.createServer((req, res) => {
    const received = performance.now();
    const send = (status: number, body: unknown, route?: keyof typeof serverMs) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
      res.end(text);
      if (route) serverMs[route].push(performance.now() - received);
    };
    const url = new URL(req.url ?? "/", "http://bench.local");
    const parsed = querySchema.safeParse(url.searchParams.get("q") ?? "");
    if (!parsed.success) return send(400, { error: "invalid_query" });
    const q = parsed.data;
    let answer: Promise<unknown>;
    let route: keyof typeof serverMs;
    if (url.pathname === "/search") {
      route = "search";
      // The fields a result list shows, as the portal's results page asks for them (app/search/results.server.ts).
      answer = searchIndex(search, "positions", { q, limit: PAGE_SIZE, retrieve: LIST_FIELDS }).then((r) => ({
        total: r.total,
        processingTimeMs: r.processingTimeMs,
        hits: r.hits,
      }));
    } else if (url.pathname === "/ilike") {
      route = "ilike";
      answer = ilikeSearch(db, q);
    } else {
      return send(404, { error: "not_found" });
    }
    answer.then(
      (body) => send(200, body, route),
      (error: unknown) => send(500, { error: (error as Error).message }, route),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serverMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
