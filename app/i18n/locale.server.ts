// The visitor's language: a cookie set by the language switch; Traditional Chinese otherwise.
import { createCookie } from "@remix-run/node";
import { defaultLocale, isLocale, type Locale } from "./resources";

export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  // Not secret, so it needs no Secure flag; that also keeps it working on http://localhost.
  secure: false,
});

export async function getLocale(request: Request): Promise<Locale> {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}
