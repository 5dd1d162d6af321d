// Posting a shortage position. It starts from a survey occupation (?occupation=<id>), whose required
// skills, education fields, minimum education and experience fill the form; the company edits them and
// saves a draft, which it publishes from the position's page. Without an occupation, choose one first.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "~/auth/guards.server";
import type { Viewer } from "~/auth/session.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { pick, type Locale } from "~/i18n/resources";
import { listOccupations, listSurveys } from "~/occupations/queries.server";
import { PositionForm } from "~/positions/position-form";
import { defaultsFromOccupation, positionFormOptions, toPositionInput } from "~/positions/position-form.server";
import { positionSchema } from "~/positions/position-schema";
import { createPosition, PositionRuleError, prefillFromOccupation } from "~/positions/positions.server";
import { positionRefusal } from "~/positions/refusals";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "刊登職缺 · Post a position" }];

const companiesOf = (viewer: Viewer, locale: Locale) =>
  viewer.memberships.filter((m) => m.kind === "company").map((m) => ({ id: m.organisationId, name: pick(locale, m.nameZh, m.nameEn) }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "create:position:organisation");
  const db = context.services.db;
  const locale = await getLocale(request);
  const companies = companiesOf(viewer, locale);
  if (companies.length === 0) return { mode: "noCompany" as const };
  const occupationId = new URL(request.url).searchParams.get("occupation");
  if (!occupationId) {
    const [surveys, occupations] = await Promise.all([listSurveys(db), listOccupations(db, {})]);
    return {
      mode: "choose" as const,
      surveys: [...surveys].reverse().map((s) => ({
        key: s.key,
        title: pick(locale, s.titleZh, s.titleEn),
        occupations: occupations.filter((o) => o.surveyKey === s.key).map((o) => ({ id: o.id, label: `${pick(locale, o.titleZh, o.titleEn)} (${o.code})` })),
      })),
    };
  }
  const found = isUuid(occupationId) ? await prefillFromOccupation(db, occupationId) : null;
  if (!found) throw notFound();
  return {
    mode: "form" as const,
    occupation: { id: found.occupation.id, code: found.occupation.code, surveyKey: found.occupation.surveyKey, title: pick(locale, found.occupation.titleZh, found.occupation.titleEn) },
    companies,
    defaults: defaultsFromOccupation(found, locale, companies.length === 1 ? companies[0]!.id : undefined),
    options: { ...(await positionFormOptions(db, locale)), companies },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "create:position:organisation");
  const db = context.services.db;
  const submission = parseWithZod(await request.formData(), { schema: positionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const occupationId = new URL(request.url).searchParams.get("occupation");
  const found = isUuid(occupationId) ? await prefillFromOccupation(db, occupationId) : null;
  if (!found) return data({ result: submission.reply({ formErrors: ["positions.refusal.noOccupation"] }) }, { status: 400 });
  const organisationId = submission.value.organisationId;
  if (!organisationId) return data({ result: submission.reply({ fieldErrors: { organisationId: ["validation.choose"] } }) }, { status: 400 });
  try {
    const position = await createPosition(db, viewer, organisationId, toPositionInput(submission.value, found.occupation.id), context.clientIp);
    context.services.searchSync.wake();
    return redirect(`/positions/${position.id}`);
  } catch (error) {
    if (!(error instanceof PositionRuleError)) throw error;
    const refusal = positionRefusal(error.code);
    const reply = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.message] } }) : submission.reply({ formErrors: [refusal.message] });
    return data({ result: reply }, { status: refusal.status });
  }
}

export default function NewPosition() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1>{t("positions.new.title")}</h1>
        <p className="text-slate-700">{t("positions.new.lead")}</p>
      </header>
      {page.mode === "noCompany" ? (
        <FormMessage tone="info">
          {t("positions.new.noCompany")} <Link to="/organisations/new">{t("positions.new.createCompany")}</Link>
        </FormMessage>
      ) : page.mode === "choose" ? (
        <Form method="get" className="card space-y-4">
          <div>
            <label htmlFor="occupation" className="field-label">{t("positions.new.chooseOccupation")}</label>
            <p id="occupation-hint" className="text-xs text-slate-600">{t("positions.new.chooseHint")}</p>
            <select id="occupation" name="occupation" required aria-describedby="occupation-hint" className="field-input">
              {page.surveys.map((s) => (
                <optgroup key={s.key} label={s.title}>
                  {s.occupations.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary">{t("positions.new.continue")}</button>
        </Form>
      ) : (
        <>
          <p className="card text-sm text-slate-700">
            {t("positions.new.fromOccupation")}{" "}
            <Link to={`/occupations/${page.occupation.surveyKey}/${page.occupation.code}`}>{page.occupation.title} ({page.occupation.code})</Link>
            {" · "}
            <Link to="/positions/new">{t("positions.new.otherOccupation")}</Link>
          </p>
          <PositionForm
            lastResult={actionData?.result}
            defaultValue={page.defaults}
            options={page.options}
            action={`/positions/new?occupation=${page.occupation.id}`}
            submitLabel={t("positions.new.save")}
          />
        </>
      )}
    </div>
  );
}
