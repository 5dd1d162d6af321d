// The viewer's chosen time zone for mission times, kept in a cookie; without one the browser's zone
// is used once the page runs in it (app/missions/zoned-time.tsx).
import { createCookie } from "@remix-run/node";
import { isTimeZone } from "./time-zones";

export const timeZoneCookie = createCookie("tz", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365, secure: false });

export async function chosenTimeZone(request: Request): Promise<string | null> {
  const value: unknown = await timeZoneCookie.parse(request.headers.get("Cookie"));
  return isTimeZone(value) ? value : null;
}
