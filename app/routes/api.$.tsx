// Public, read-only: anyone may call it. Any other /api/ path answers a JSON 404 instead of the site's HTML page.
import { apiError } from "~/api/http";
import { publicLoader, readOnlyAction } from "~/api/route.server";

export const loader = publicLoader(async () =>
  apiError(404, "not_found", "No such API endpoint. See /api/v1/occupations, /api/v1/programmes, /api/v1/skills and /api/v1/forecasts."),
);

export const action = readOnlyAction;
