// Public, read-only: anyone may call it (no login, any origin). GET /api/v1/skills searches the skills vocabulary.
import { searchSkills } from "~/api/catalogue.server";
import { apiOk } from "~/api/http";
import { readParams, skillApiParams } from "~/api/params";
import { publicLoader, readOnlyAction } from "~/api/route.server";

export const loader = publicLoader(async ({ request, context }) => {
  const params = readParams(request, skillApiParams);
  return apiOk(await searchSkills(context.services.search, params));
});

export const action = readOnlyAction;
