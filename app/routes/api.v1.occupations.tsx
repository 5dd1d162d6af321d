// Public, read-only: anyone may call it (no login, any origin). GET /api/v1/occupations searches the surveys' shortage occupations.
import { searchOccupations } from "~/api/occupations.server";
import { apiOk } from "~/api/http";
import { occupationApiParams, readParams } from "~/api/params";
import { publicLoader, readOnlyAction } from "~/api/route.server";

export const loader = publicLoader(async ({ request, context }) => {
  const params = readParams(request, occupationApiParams);
  return apiOk(await searchOccupations(context.services.search, params));
});

export const action = readOnlyAction;
