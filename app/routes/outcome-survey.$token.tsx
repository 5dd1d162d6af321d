// The completer's employment survey, reached from the mailed link without logging in. The link works
// once: an answered, expired, replaced or unknown link gets a page saying so (410 / 404), never the form.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { surveyAnswerSchema } from "~/outcomes/outcome-schema";
import { OutcomeFields } from "~/outcomes/outcome-fields";
import { occupationChoices } from "~/outcomes/outcomes.server";
import { answerSurvey, viewSurvey, type SurveyRefusal } from "~/outcomes/surveys.server";

export const meta: MetaFunction = () => [{ title: "就業情形調查 · Employment survey" }, { name: "referrer", content: "no-referrer" }];

const statusOf = (reason: SurveyRefusal) => (reason === "invalid" ? 404 : reason === "alreadyVerified" ? 409 : 410);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Anyone holding the link.
  const db = context.services.db;
  const view = await viewSurvey(db, params.token ?? "");
  if (!view.ok) {
    const answered = view.reason === "used" && new URL(request.url).searchParams.get("answered") === "1";
    return data({ survey: null, reason: answered ? ("answered" as const) : view.reason, occupations: [] }, { status: answered ? 200 : statusOf(view.reason) });
  }
  const locale = await getLocale(request);
  const occupations = (await occupationChoices(db)).map((o) => ({ code: o.code, title: pick(locale, o.titleZh, o.titleEn) }));
  return {
    survey: { name: view.name, checkpoint: view.checkpoint, programme: pick(locale, view.programme.zh, view.programme.en), unit: pick(locale, view.unit.zh, view.unit.en), expiresOn: view.expiresAt.toISOString().slice(0, 10) },
    reason: null,
    occupations,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Anyone holding the link.
  const token = params.token ?? "";
  const submission = parseWithZod(await request.formData(), { schema: surveyAnswerSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), reason: null }, { status: 400 });
  const result = await answerSurvey(context.services.db, token, submission.value, context.clientIp);
  if (result.ok) return redirect(`/outcome-survey/${token}?answered=1`);
  if (result.reason === "unknownOccupation") return data({ result: submission.reply({ fieldErrors: { occupationCode: ["outcomes.refusal.unknownOccupation"] } }), reason: null }, { status: 400 });
  return data({ result: null, reason: result.reason }, { status: statusOf(result.reason) });
}

function Problem({ reason }: { reason: SurveyRefusal | "answered" }) {
  const { t } = useTranslation();
  const [title, body] =
    reason === "answered" ? ["outcomes.survey.thanksTitle", "outcomes.survey.thanksBody"]
    : reason === "used" ? ["outcomes.survey.usedTitle", "outcomes.survey.usedBody"]
    : reason === "expired" ? ["outcomes.survey.expiredTitle", "outcomes.survey.expiredBody"]
    : reason === "alreadyVerified" ? ["outcomes.survey.alreadyVerifiedTitle", "outcomes.refusal.alreadyVerified"]
    : ["outcomes.survey.invalidTitle", "outcomes.survey.invalidBody"];
  return (
    <section className="card mx-auto max-w-xl space-y-3">
      <h1>{t(title as never)}</h1>
      <FormMessage tone={reason === "answered" ? "success" : "error"}>{t(body as never)}</FormMessage>
    </section>
  );
}

export default function OutcomeSurvey() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(surveyAnswerSchema, { lastResult: actionData?.result });
  const reason = actionData?.reason ?? loaded.reason;
  if (reason || !loaded.survey) return <Problem reason={reason ?? "invalid"} />;
  const survey = loaded.survey;
  return (
    <Form method="post" {...getFormProps(form)} className="card mx-auto max-w-xl space-y-4">
      <h1>{t("outcomes.survey.title")}</h1>
      <p>{t("outcomes.survey.lead", { name: survey.name, checkpoint: t(`outcomes.checkpoint.${survey.checkpoint}`), programme: survey.programme, unit: survey.unit })}</p>
      <FormMessage tone="info">{t("outcomes.survey.expires", { date: survey.expiresOn })}</FormMessage>
      <OutcomeFields fields={fields} occupations={loaded.occupations} />
      <p className="text-sm text-slate-700">{t("outcomes.survey.privacy")}</p>
      <button type="submit" className="btn-primary w-full">{t("outcomes.survey.submit")}</button>
    </Form>
  );
}
