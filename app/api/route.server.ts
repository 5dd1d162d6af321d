// Wraps every public API loader: answers preflights, refuses writes, and turns every failure into
// the API's JSON error shape. Bad input is a 400, an unreachable search a 503 without internal
// detail, and so is an unreachable database; nothing a caller sends produces a 500.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isDatabaseUnavailable } from "../../db/unavailable";
import { SearchUnavailable } from "../search/search.server";
import { apiError, methodNotAllowed, preflight } from "./http";
import { InvalidParameter } from "./params";

export type ApiHandler = (args: LoaderFunctionArgs) => Promise<Response>;

export function publicLoader(handler: ApiHandler) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    const { method } = args.request;
    // Remix hands OPTIONS to loaders; the /api/ middleware normally answers it first.
    if (method === "OPTIONS") return preflight(args.request);
    if (method !== "GET" && method !== "HEAD") return methodNotAllowed(method);
    try {
      return await handler(args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Every non-GET method (POST, PUT, PATCH, DELETE) reaches a route's action: the API is read-only. */
export async function readOnlyAction({ request }: ActionFunctionArgs): Promise<Response> {
  return request.method === "OPTIONS" ? preflight(request) : methodNotAllowed(request.method);
}

function errorResponse(error: unknown): Response {
  if (error instanceof InvalidParameter) {
    return apiError(400, "invalid_parameter", error.message, { parameter: error.parameter });
  }
  if (error instanceof SearchUnavailable) {
    console.error(error);
    return apiError(503, "search_unavailable", "Search is temporarily unavailable; try again in a moment.", {
      headers: { "Retry-After": "5" },
    });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(error);
    return apiError(503, "database_unavailable", "The database is temporarily unavailable; try again in a moment.", {
      headers: { "Retry-After": "5" },
    });
  }
  console.error(error);
  return apiError(500, "internal_error", "Something went wrong on our side; try again later.");
}
