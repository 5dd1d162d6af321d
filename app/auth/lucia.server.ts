// The only module that knows about Lucia (in maintenance; see docs/decisions/0008). Everything else
// uses the functions in session.server.ts, so replacing Lucia means rewriting this file only.
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

/** A session ends after this long without a request… */
export const SESSION_IDLE = new TimeSpan(12, "h");
/** …and this long after sign-in, however active it is. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = "portal_session";

const instances = new WeakMap<Database, ReturnType<typeof createLucia>>();

function createLucia(db: Database) {
  const adapter = new DrizzlePostgreSQLAdapter(db, t.sessions, t.users);
  return new Lucia(adapter, {
    sessionExpiresIn: SESSION_IDLE,
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: {
        // Secure in production (browsers accept Secure cookies from http://localhost too).
        secure: process.env.NODE_ENV === "production",
        sameSite: "lax",
      },
    },
    getSessionAttributes: (attributes) => ({
      absoluteExpiresAt: attributes.absoluteExpiresAt,
      ipAddress: attributes.ipAddress,
      userAgent: attributes.userAgent,
      createdAt: attributes.createdAt,
    }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      displayName: attributes.displayName,
      locale: attributes.locale,
      emailVerifiedAt: attributes.emailVerifiedAt,
    }),
  });
}

export function luciaFor(db: Database) {
  let lucia = instances.get(db);
  if (!lucia) instances.set(db, (lucia = createLucia(db)));
  return lucia;
}

type UserRow = typeof t.users.$inferSelect;
type SessionRow = typeof t.sessions.$inferSelect;

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: Omit<UserRow, "id">;
    DatabaseSessionAttributes: Pick<SessionRow, "absoluteExpiresAt" | "ipAddress" | "userAgent" | "createdAt">;
  }
}
