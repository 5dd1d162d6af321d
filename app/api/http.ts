// The public read-only API's responses: JSON in UTF-8, one error shape, CORS open to every origin
// (nothing is behind a login, and no cookies are ever read), short public caching for answers.
// Used by the app/routes/api.v1.* modules and by the /api/ middleware in server/rate-limit.ts.

export type ApiErrorCode =
  | "invalid_parameter"
  | "not_found"
  | "method_not_allowed"
  | "rate_limited"
  | "search_unavailable"
  | "database_unavailable"
  | "internal_error";

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; parameter?: string };
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
export const SUCCESS_CACHE_CONTROL = "public, max-age=60";
export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** On every API response. No Access-Control-Allow-Credentials: the API never uses cookies. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After",
};

/** Header names a preflight may ask for, reflected back only when they look like header names. */
const headerList = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;

/** The headers of a 204 answer to a CORS preflight (OPTIONS). */
export function preflightHeaders(requestedHeaders: string | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Max-Age": "86400",
    Allow: ALLOWED_METHODS,
    "Cache-Control": "public, max-age=86400",
  };
  const requested = requestedHeaders?.trim();
  if (requested && requested.length <= 500 && headerList.test(requested)) headers["Access-Control-Allow-Headers"] = requested;
  return headers;
}

export function errorBody(code: ApiErrorCode, message: string, parameter?: string): ApiErrorBody {
  return { error: parameter === undefined ? { code, message } : { code, message, parameter } };
}

/** A JSON response with the API's content type and CORS headers. */
export function apiJson(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": JSON_CONTENT_TYPE, ...CORS_HEADERS, ...headers },
  });
}

/** 200 with the body, cacheable for a minute by browsers and shared caches. */
export const apiOk = (body: unknown) => apiJson(body, 200, { "Cache-Control": SUCCESS_CACHE_CONTROL });

/** An error in the API's one error shape; never cached. */
export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  options: { parameter?: string; headers?: Record<string, string> } = {},
): Response {
  return apiJson(errorBody(code, message, options.parameter), status, { "Cache-Control": "no-store", ...options.headers });
}

export const methodNotAllowed = (method: string) =>
  apiError(405, "method_not_allowed", `The public API is read-only: ${method} is not allowed, use GET.`, {
    headers: { Allow: ALLOWED_METHODS },
  });

export const preflight = (request: Request) =>
  new Response(null, { status: 204, headers: preflightHeaders(request.headers.get("Access-Control-Request-Headers")) });
