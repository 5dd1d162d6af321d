// CSRF protection for every mutating request: the browser's Origin header (or, failing that, the
// Referer) must name this site. Together with SameSite=Lax session cookies, a page elsewhere cannot
// make a signed-in user's browser change anything here. Requests with neither header are refused too.
import type { RequestHandler } from "express";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function sameOriginWrites(): RequestHandler {
  return (req, res, next) => {
    // The public API never reads the session cookie and is read-only (405 for writes), so it is exempt.
    if (safeMethods.has(req.method) || req.path.startsWith("/api/")) return next();
    const host = req.get("host");
    // A present Origin is final (even "null"); the Referer only stands in when there is no Origin.
    const origin = req.get("origin");
    const claimed = origin !== undefined ? originHost(origin) : originHost(req.get("referer"));
    if (host && claimed === host.toLowerCase()) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("這個要求不是從本網站送出的，已拒絕。請回到頁面重新送出。\nThis request did not come from this site and was refused. Go back to the page and submit it again.\n");
  };
}

function originHost(value: string | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return null;
  }
}
