// Shared start-up for the npm scripts (db:migrate, db:seed, search:reindex): same env, same lock,
// same services as the web server, always closed at the end so PGlite's folder is left clean.
import { EnvError, parseEnv } from "./env";
import { acquireInstanceLock } from "./instance-lock";
import { logger } from "./logger";
import { startServices, type Services, type StartOptions } from "./services";
import { describeStartupError } from "./startup-errors";

/** A refusal the user can act on: printed as one line, without a stack. */
export class CliError extends Error {}

export async function runCli(name: string, options: StartOptions, task: (services: Services) => Promise<void>) {
  let release: (() => void) | undefined;
  let services: Services | undefined;
  let code = 0;
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) return;
    interrupted = true;
    logger.warn(`${name}: interrupted`);
    void (async () => {
      await services?.close();
      release?.();
      process.exit(130);
    })();
  };
  // `on`, not `once`: tsx forwards the signal again, and a second one must not kill us mid-cleanup.
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  try {
    const env = parseEnv();
    release = acquireInstanceLock(env.DATA_DIR);
    // The scripts maintain data; mail is the web server's to send, unless a script asks for it.
    services = await startServices(env, logger, { mail: false, ...options });
    await task(services);
    logger.info(`${name}: done`);
  } catch (error) {
    const message = error instanceof EnvError || error instanceof CliError ? error.message : describeStartupError(error);
    if (message) process.stderr.write(`\n${name} failed: ${message}\n\n`);
    else logger.fatal({ err: error }, `${name} failed`);
    code = 1;
  } finally {
    await services?.close();
    release?.();
  }
  process.exit(code);
}
