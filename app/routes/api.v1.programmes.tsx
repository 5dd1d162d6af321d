// Public, read-only: anyone may call it (no login, any origin). GET /api/v1/programmes searches the published training programmes.
import { searchProgrammes } from "~/api/catalogue.server";
import { apiOk } from "~/api/http";
import { programmeApiParams, readParams } from "~/api/params";
import { publicLoader, readOnlyAction } from "~/api/route.server";

export const loader = publicLoader(async ({ request, context }) => {
  const params = readParams(request, programmeApiParams);
  return apiOk(await searchProgrammes(context.services.search, params));
});

export const action = readOnlyAction;
