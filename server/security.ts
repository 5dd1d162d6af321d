// Security headers on every response. The CSP allows scripts only from this origin or carrying the
// per-request nonce (never 'unsafe-inline'), so an injected <script> never runs; no other site may
// frame a page. HSTS goes out only in production and only over HTTPS: the request came over TLS (or
// through a trusted proxy that says so), or the portal's public address is https:// (TLS ends at a
// proxy the portal does not trust to say so). Over plain HTTP on a laptop it would only get in the way.
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

export interface SecurityHeaderOptions {
  production: boolean;
  /** The address people reach the portal at (PUBLIC_URL); https:// turns HSTS on in production. */
  publicUrl?: string;
}

/** The headers set here; see the note on res.append below. */
const OWN_HEADERS = new Set(["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "strict-transport-security"]);

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const httpsPublicUrl = options.publicUrl?.startsWith("https:") ?? false;
  return (req, res, next) => {
    // The Remix adapter copies a route's headers with res.append, which would send "nosniff, nosniff"
    // when a route sets one of these itself (the CV download does): the route's value replaces ours.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) => {
      if (OWN_HEADERS.has(field.toLowerCase()) && value !== undefined) return res.setHeader(field, value);
      return append(field, value);
    };
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (options.production && (req.secure || httpsPublicUrl)) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}
