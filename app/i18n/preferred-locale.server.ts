// The language a signed-in person chose is kept on their account (users.locale), so it follows them to
// another device and is the language the portal's e-mail is written in. The `lang` cookie remains what
// a page is rendered in; these keep the two in step (docs/decisions/0016-work-permit-cases.md).
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { localeCookie } from "./locale.server";
import { isLocale, type Locale } from "./resources";

/** Stores the language a signed-in person switched to. */
export async function rememberLocale(db: Database, userId: string, locale: Locale): Promise<void> {
  await db.update(t.users).set({ locale, updatedAt: new Date() }).where(eq(t.users.id, userId));
}

/**
 * At sign-in: a language chosen on this browser (the cookie) is kept and stored on the account; without
 * one, the account's language becomes the cookie. Returns the Set-Cookie value to send, if any.
 */
export async function settleLocaleAtSignIn(db: Database, userId: string, request: Request): Promise<string | null> {
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(chosen)) {
    await rememberLocale(db, userId, chosen);
    return null;
  }
  const [user] = await db.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, userId));
  return user ? await localeCookie.serialize(user.locale) : null;
}
