// Tells "the database cannot be reached right now" apart from every other failure. A Postgres server
// restarting, shutting down or refusing connections is a 503 to the visitor (try again shortly), not a
// bug; postgres.js reconnects by itself on the next query, so nothing in the portal needs restarting.

/** Socket errors: the server is not listening, went away, or cannot be reached. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** postgres.js's own codes for a connection that closed, timed out or was ended. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "CONNECT_TIMEOUT"]);

/**
 * SQLSTATEs of a server that is going away or not accepting work: 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections,
 * and class 08, connection exceptions (08000, 08003, 08006 …).
 */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return true;
    }
    // drizzle wraps the driver's error in DrizzleQueryError (cause); a host with several addresses fails with an AggregateError.
    if (value instanceof AggregateError && value.errors.some(visit)) return true;
    return visit((value as { cause?: unknown }).cause);
  };
  return visit(error);
}
