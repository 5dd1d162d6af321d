// Public, read-only: anyone may call it (no login, any origin). GET /api/v1/forecasts lists every survey's demand forecast, from Postgres.
import { allForecastRows } from "~/api/forecasts.server";
import { apiOk } from "~/api/http";
import { publicLoader, readOnlyAction } from "~/api/route.server";
import { dbFrom } from "~/services.server";

export const loader = publicLoader(async ({ context }) => apiOk({ rows: await allForecastRows(dbFrom(context)) }));

export const action = readOnlyAction;
