// Brings up what the portal depends on, in order: database (migrated, seeded) and search (indexed).
// Used by the web server, the npm scripts and the tests, so all of them start the same way.
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import { openDatabase, type Database, type DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import * as t from "../db/schema";
import { loadSurveyData, SEED_HASH_KEY } from "../seeds/load";
import { loadDemoData } from "../seeds/demo/load";
import { readSurveyData } from "../seeds/read";
import { createSearchClient } from "../search/client";
import { expectedDocumentCounts } from "../search/documents/qualifying";
import { SETTINGS_VERSION, indexNames } from "../search/indexes";
import { indexUid, reindexAll, type SearchContext } from "../search/reindex";
import { startMeilisearch, type MeiliServer } from "../search/server";
import { startSyncWorker, type SyncWorker } from "../search/sync-worker";
import { createMailTransport } from "../app/mail/transport.server";
import { startMailWorker, type MailWorker } from "../app/mail/worker.server";
import { pruneAccountRecords } from "../app/auth/housekeeping.server";
import { startOutboxWorker } from "../db/outbox-worker";
import { startSurveyWorker } from "../app/outcomes/worker.server";
import type { Env } from "./env";
import type { Logger } from "./logger";

export interface Services {
  env: Env;
  database: DatabaseHandle;
  db: Database;
  search: SearchContext;
  /** Drains the index-job queue; call wake() after a write that enqueued jobs. */
  searchSync: SyncWorker;
  /** Sends the outbox; call wake() after a write that enqueued mail. devInbox: no SMTP_URL, so /dev/mail lists it. */
  mail: { wake(): void; devInbox: boolean };
  close(): Promise<void>;
}

export class SearchUnavailableError extends Error {}

const INDEXED_KEY = "search:indexed";

export interface StartOptions {
  /** Load survey data and index it (default true). */
  seed?: boolean;
  /** Start or connect to Meilisearch (default true). */
  search?: boolean;
  /** Run the mail worker that drains the outbox (default true). */
  mail?: boolean;
  /** Called after the search sync worker changed an index (server/main.ts forgets cached API answers). */
  onSearchSynced?: () => void;
}

export async function startServices(env: Env, log: Logger, options: StartOptions = {}): Promise<Services> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch((error) => log.error({ err: error }, "shutdown step failed"));
    closers.length = 0;
  };
  try {
    const database = await step(log, "Opening the database", () =>
      openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR, "pg") }),
    );
    closers.push(() => database.close());
    log.info({ database: database.describe }, "database open");

    // Search is reached before anything is written, so a bad MEILI_URL changes nothing.
    let search: SearchContext = { client: undefined as unknown as Meilisearch, prefix: "" };
    if (options.search ?? true) search = await connectSearch(env, log, closers);

    await step(log, "Applying migrations", () => migrateDatabase(database));

    // Mail queued before this start goes out while the data loads.
    const mail = startMail(database.db, env, log, options.mail ?? true, closers);

    // Ended sessions, old failed sign-ins and long-expired links: deleted at start and hourly.
    const housekeeping = startOutboxWorker({
      drain: () => pruneAccountRecords(database.db),
      onError: (error) => log.error({ err: error }, "housekeeping failed"),
      intervalMs: 60 * 60_000,
    });
    closers.push(() => housekeeping.stop());

    // Employment-outcome survey links and reminders: at start and hourly, with the mail (idempotent).
    if (options.mail ?? true) {
      const surveys = startSurveyWorker(database.db, { publicUrl: env.PUBLIC_URL }, {
        wakeMail: () => mail.wake(),
        onSent: (result) => log.info({ ...result }, "outcome surveys mailed"),
        onError: (error) => log.error({ err: error }, "outcome surveys failed"),
      });
      closers.push(() => surveys.stop());
    }

    const seed = options.seed ?? true;
    if (seed) {
      const data = readSurveyData();
      await step(log, "Loading survey and programme data", () =>
        loadSurveyData(database.db, data, (what, done, total) => log.info({ progress: `${done}/${total}` }, `loaded ${what}`)),
      );
      if (env.LOAD_DEMO_DATA) await step(log, "Loading demo data", () => loadDemoData(database.db));
    }

    if (seed && (options.search ?? true)) await indexIfStale(database.db, search, log, env);

    let searchSync: SyncWorker = { wake: () => {}, stop: async () => {} };
    if (options.search ?? true) {
      const worker = startSyncWorker(database.db, search, {
        onResult: (result) => {
          if (result.synced > 0) options.onSearchSynced?.();
          if (result.failed > 0) log.warn({ ...result }, "search sync: some index jobs failed; they will be retried");
          else log.debug({ ...result }, "search sync");
        },
        onError: (error) => log.error({ err: error }, "search sync failed"),
      });
      closers.push(() => worker.stop());
      searchSync = worker;
    }
    return { env, database, db: database.db, search, searchSync, mail, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function startMail(db: Database, env: Env, log: Logger, run: boolean, closers: Array<() => Promise<void>>): Services["mail"] {
  const devInbox = !env.SMTP_URL;
  if (!run) return { wake: () => {}, devInbox };
  if (devInbox) {
    // Fine on a laptop; on a public server it means nobody receives confirmation or reset links.
    const level = env.PUBLIC_URL.startsWith("https:") ? "warn" : "info";
    log[level](`no SMTP_URL: e-mail is written to the log and listed at ${env.PUBLIC_URL}/dev/mail (from this machine only); set SMTP_URL to send it`);
  }
  const transport = createMailTransport(env, log);
  const worker: MailWorker = startMailWorker(db, transport, {
    onResult: (result) =>
      result.retrying + result.failed > 0
        ? log.warn({ ...result }, "mail: some messages were not accepted; they are retried with backoff")
        : log.info({ ...result }, "mail sent"),
    onError: (error) => log.error({ err: error }, "mail delivery failed"),
  });
  closers.push(async () => {
    await worker.stop();
    transport.close?.();
  });
  return { wake: () => worker.wake(), devInbox };
}

async function connectSearch(env: Env, log: Logger, closers: Array<() => Promise<void>>): Promise<SearchContext> {
  if (env.MEILI_URL) {
    const client = createSearchClient(env.MEILI_URL, env.MEILI_MASTER_KEY);
    const healthy = await client.isHealthy().catch(() => false);
    if (!healthy) throw new SearchUnavailableError(`Meilisearch at ${env.MEILI_URL} is not reachable (MEILI_URL)`);
    log.info({ url: env.MEILI_URL }, "search connected");
    return { client, prefix: process.env.MEILI_INDEX_PREFIX ?? "" };
  }
  const server: MeiliServer = await step(log, "Starting Meilisearch", () =>
    startMeilisearch({ dataDir: env.DATA_DIR, bin: env.MEILI_BIN, log: (line) => log.warn({ meili: line }) }),
  );
  closers.push(() => server.stop());
  log.info({ url: server.url }, "search started");
  return { client: createSearchClient(server.url, server.masterKey), prefix: "" };
}

/** Rebuilds the indexes when the data, the settings or the index contents no longer match. */
async function indexIfStale(db: Database, search: SearchContext, log: Logger, env: Env) {
  const [seedHash] = await db.select().from(t.appMeta).where(eq(t.appMeta.key, SEED_HASH_KEY));
  const wanted = `${seedHash?.value ?? ""}:settings-${SETTINGS_VERSION}:demo-${env.LOAD_DEMO_DATA}`;
  const [marker] = await db.select().from(t.appMeta).where(eq(t.appMeta.key, INDEXED_KEY));
  const expected = await expectedDocumentCounts(db);
  let stale = marker?.value !== wanted;
  for (const name of indexNames) {
    if (stale) break;
    const stats = await search.client.index(indexUid(search, name)).getStats().catch(() => null);
    stale = !stats || stats.numberOfDocuments !== expected[name];
  }
  if (!stale) {
    log.info("search indexes are up to date");
    return;
  }
  await step(log, "Building search indexes", () =>
    reindexAll(db, search, (index, done, total) => log.info({ progress: `${done}/${total}` }, `indexed ${index}`)),
  );
  await db
    .insert(t.appMeta)
    .values({ key: INDEXED_KEY, value: wanted })
    .onConflictDoUpdate({ target: t.appMeta.key, set: { value: wanted } });
}

async function step<T>(log: Logger, what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log.info(`${what}…`);
  const result = await run();
  log.info({ ms: Math.round(performance.now() - started) }, `${what}: done`);
  return result;
}
