// The portal's web server: validates the environment, takes the data-folder lock, listens at once
// (answering 503 while it starts), brings up the database and search, then serves the Remix app.
// SIGINT/SIGTERM close everything in order, so PGlite and Meilisearch leave their data clean.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { EnvError, parseEnv, type Env } from "./env";
import { healthHandler } from "./health";
import { acquireInstanceLock } from "./instance-lock";
import { loadContextFor } from "./load-context";
import { logger } from "./logger";
import { publicApiMiddleware } from "./rate-limit";
import { pageCache } from "./page-cache";
import { securityHeaders } from "./security";
import { startServices, type Services } from "./services";
import { describeStartupError } from "./startup-errors";
import { databaseUnavailableHandler, withDatabaseUnavailable } from "./unavailable";
import { sameOriginWrites } from "./csrf";
import { withBadInputRefused } from "./bad-input";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  const env = parseEnv();
  const buildFile = path.join(root, "build", "index.js");
  if (!existsSync(buildFile)) throw new EnvError("The app is not built: run `npm run build` (npm start does it for you).");
  // Unreadable form bodies and text Postgres cannot store are a 4xx, not a 500 (server/bad-input.ts).
  const build = withBadInputRefused((await import(pathToFileURL(buildFile).href)) as ServerBuild);
  const releaseLock = acquireInstanceLock(env.DATA_DIR);
  try {
    await serve(env, build, releaseLock);
  } catch (error) {
    releaseLock();
    throw error;
  }
}

async function serve(env: Env, build: ServerBuild, releaseLock: () => void) {
  // Set together once everything is up, so /healthz never says "ok" before pages are served.
  let ready: { services: Services; handler: express.RequestHandler } | null = null;
  let phase = "starting";

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  // Fast settings (gzip level 1, brotli quality 1): compressing every page and API answer was the
  // largest single cost in a CPU profile under load; the size difference on HTML is small.
  app.use(compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }));
  app.use(securityHeaders({ production: env.NODE_ENV === "production", publicUrl: env.PUBLIC_URL }));
  app.use(sameOriginWrites());
  app.get("/healthz", healthHandler(() => ready?.services ?? null, () => phase));
  // The public JSON API: CORS preflights, per-client rate limit, read-only (see server/rate-limit.ts).
  app.use("/api/", publicApiMiddleware({ limit: env.API_RATE_LIMIT_PER_MINUTE }));
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  // Only a path that names a file (favicon.svg, robots.txt) looks on disk: a stat per page or API
  // request showed as a tenth of the CPU under load.
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (/\/[^/]+\.[A-Za-z0-9]{1,8}$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  // Public pages as anonymous visitors see them, and the public API's answers (which say they may be
  // kept a minute), kept a few seconds; any write, and any change to a search index, forgets them all.
  const cache = pageCache({ ttlMs: env.PAGE_CACHE_SECONDS * 1000 });
  app.use(cache.middleware);
  app.all("*", (req, res, next) => {
    if (ready) return ready.handler(req, res, next);
    if (req.path.startsWith("/api/")) {
      res.status(503).setHeader("Retry-After", "2").json({ error: { code: "starting", message: "The portal is starting; try again in a moment." } });
      return;
    }
    res.status(503).setHeader("Retry-After", "2").type("text/plain; charset=utf-8").send("入口網站啟動中，請稍候。The portal is starting; try again in a moment.\n");
  });
  // The session lookup runs before Remix: a database that is down there is a 503 too, not a 500.
  app.use(databaseUnavailableHandler(logger));

  const server = await listen(app, env.PORT, env.HOST);
  logger.info({ url: `http://localhost:${env.PORT}` }, "listening (starting services)");
  const starting = startServices(env, logger, { onSearchSynced: cache.clear });

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    phase = "stopping";
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took over 20 s; exiting");
      process.exit(1);
    }, 20_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    // A signal during start-up waits for the services being started, then closes them too.
    const services = await starting.catch(() => null);
    await services?.close();
    releaseLock();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  let services: Services;
  try {
    services = await starting;
  } catch (error) {
    if (shuttingDown) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  if (shuttingDown) return;
  const handler = createRequestHandler({
    build: withDatabaseUnavailable(build, logger),
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => loadContextFor(services, req, res),
  });
  ready = { services, handler };
  phase = "ready";
  logger.info({ url: `http://localhost:${env.PORT}` }, "portal ready");
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

main().catch((error: unknown) => {
  const message = describeStartupError(error);
  if (message) {
    // A known problem: one clear line, no stack.
    process.stderr.write(`\nThe portal could not start: ${message}\n\n`);
  } else {
    logger.fatal({ err: error }, "the portal could not start");
  }
  process.exit(1);
});
