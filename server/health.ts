// /healthz: is the portal up, and can it reach its database and search?
import type { RequestHandler } from "express";
import type { Services } from "./services";

export function healthHandler(getServices: () => Services | null, getPhase: () => string): RequestHandler {
  return async (_req, res) => {
    const services = getServices();
    if (!services) {
      res.status(503).json({ status: getPhase(), database: { ok: false }, search: { ok: false } });
      return;
    }
    const [database, search] = await Promise.all([
      timed(() => services.database.ping()),
      timed(async () => {
        const health = await services.search.client.health();
        if (health.status !== "available") throw new Error(health.status);
      }),
    ]);
    const ok = database.ok && search.ok;
    res.status(database.ok ? 200 : 503).json({
      status: ok ? "ok" : "degraded",
      database: { ...database, kind: services.database.kind },
      search,
    });
  };
}

async function timed(check: () => Promise<void>) {
  const started = performance.now();
  try {
    await withTimeout(check(), 2_000);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}
