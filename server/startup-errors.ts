// Turns the failures a person can fix (bad settings, a taken port, an unreachable server) into
// one sentence. Anything else is a bug and is logged with its stack.
import { DatabaseUnavailableError } from "../db/client";
import { MeiliStartError } from "../search/server";
import { EnvError } from "./env";
import { InstanceLockedError } from "./instance-lock";
import { SearchUnavailableError } from "./services";

export function describeStartupError(error: unknown): string | null {
  if (
    error instanceof EnvError ||
    error instanceof InstanceLockedError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof SearchUnavailableError ||
    error instanceof MeiliStartError
  ) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") {
    const port = (error as { port?: number }).port;
    return `port ${port ?? ""} is already in use. Stop whatever uses it, or set PORT to another port.`;
  }
  if (code === "EACCES") return `permission denied: ${(error as Error).message}`;
  return null;
}
