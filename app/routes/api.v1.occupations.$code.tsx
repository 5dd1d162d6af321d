// Public, read-only: anyone may call it (no login, any origin). GET /api/v1/occupations/:code gives one code in every survey, from Postgres.
import { apiError, apiOk } from "~/api/http";
import { occupationInEverySurvey } from "~/api/occupations.server";
import { InvalidParameter } from "~/api/params";
import { publicLoader, readOnlyAction } from "~/api/route.server";
import { dbFrom } from "~/services.server";

export const loader = publicLoader(async ({ params, context }) => {
  const code = params.code ?? "";
  if (!/^[0-9]{6}$/.test(code)) throw new InvalidParameter("code", "code must be a 6-digit occupation code, e.g. 070207");
  const surveys = await occupationInEverySurvey(dbFrom(context), code);
  if (surveys.length === 0) return apiError(404, "not_found", `No survey reports occupation code ${code}.`);
  return apiOk({ code, surveys });
});

export const action = readOnlyAction;
