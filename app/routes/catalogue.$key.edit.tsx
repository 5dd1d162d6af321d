// Editing one programme of the catalogue: its facts, its status (draft → published → archived) and its
// cohorts. Unit staff edit their approved unit's programmes; the office edits all, and alone those from the reports.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { CatalogueForm } from "~/programmes/catalogue-form";
import { catalogueFormOptions, defaultsFromProgramme } from "~/programmes/catalogue-form.server";
import { programmeSchema } from "~/programmes/catalogue-schema";
import { CatalogueRuleError, getProgrammeForManager, setProgrammeStatus, updateProgramme } from "~/programmes/catalogue.server";
import { CohortFields } from "~/programmes/cohort-fields";
import { cohortSchema, taipeiInstant } from "~/programmes/cohort-schema";
import { cohortsOf, createCohort, EnrolmentRuleError } from "~/programmes/enrolment.server";
import { catalogueRefusal, enrolmentRefusal } from "~/programmes/refusals";

export const meta: MetaFunction = () => [{ title: "編輯課程 · Edit programme" }];

async function managed(context: LoaderFunctionArgs["context"], viewer: Parameters<typeof getProgrammeForManager>[1], key: string) {
  try {
    return await getProgrammeForManager(context.services.db, viewer, key);
  } catch (error) {
    if (error instanceof CatalogueRuleError) throw error.code === "notFound" ? notFound() : forbidden();
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  const found = await managed(context, viewer, params.key ?? "");
  const locale = await getLocale(request);
  return {
    key: found.programme.key,
    status: found.programme.status,
    title: pick(locale, found.programme.titleZh, found.programme.titleEn),
    saved: new URL(request.url).searchParams.has("saved"),
    defaults: defaultsFromProgramme(found),
    options: await catalogueFormOptions(context.services.db, viewer, locale, false),
    cohorts: await cohortsOf(context.services.db, found.programme.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  const key = params.key ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  const db = context.services.db;
  try {
    if (intent === "publish" || intent === "archive") {
      await setProgrammeStatus(db, viewer, key, intent === "publish" ? "published" : "archived", context.clientIp);
      context.services.searchSync.wake();
      return redirect(`/catalogue/${key}/edit`);
    }
    if (intent === "cohort") {
      const submission = parseWithZod(form, { schema: cohortSchema });
      if (submission.status !== "success") return data({ form: "cohort" as const, result: submission.reply() }, { status: 400 });
      const v = submission.value;
      try {
        const cohort = await createCohort(db, viewer, key, { name: v.name, startsOn: v.startsOn, endsOn: v.endsOn, capacity: v.capacity, icapLevel: v.icapLevel ?? null, enrolmentClosesAt: v.enrolmentClosesAt ? taipeiInstant(v.enrolmentClosesAt) : null }, context.clientIp);
        return redirect(`/catalogue/${key}/cohorts/${cohort.id}`);
      } catch (error) {
        if (!(error instanceof EnrolmentRuleError)) throw error;
        const refusal = enrolmentRefusal(error.code);
        return data({ form: "cohort" as const, result: submission.reply({ formErrors: [refusal.message] }) }, { status: refusal.status });
      }
    }
    const submission = parseWithZod(form, { schema: programmeSchema });
    if (submission.status !== "success") return data({ form: "programme" as const, result: submission.reply() }, { status: 400 });
    try {
      await updateProgramme(db, viewer, key, submission.value, context.clientIp);
    } catch (error) {
      if (!(error instanceof CatalogueRuleError)) throw error;
      const refusal = catalogueRefusal(error.code);
      return data({ form: "programme" as const, result: submission.reply({ formErrors: [refusal.message] }) }, { status: refusal.status });
    }
    context.services.searchSync.wake();
    return redirect(`/catalogue/${key}/edit?saved=1`);
  } catch (error) {
    if (!(error instanceof CatalogueRuleError)) throw error;
    const refusal = catalogueRefusal(error.code);
    return data({ form: "status" as const, result: null, message: refusal.message }, { status: refusal.status });
  }
}

export default function EditProgramme() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <nav aria-label={t("catalogue.breadcrumb")} className="text-sm"><Link to="/catalogue">← {t("catalogue.title")}</Link></nav>
      <header className="space-y-2">
        <h1>{page.title}</h1>
        <p>{t("common.labelValue", { label: t("catalogue.statusLabel"), value: t(`catalogue.status.${page.status}`) })}</p>
      </header>
      {page.saved ? <FormMessage tone="success">{t("catalogue.saved")}</FormMessage> : null}
      {actionData && "message" in actionData ? <FormMessage>{t(actionData.message as never)}</FormMessage> : null}
      <Form method="post" className="flex flex-wrap gap-3">
        {page.status !== "published" ? <button type="submit" name="intent" value="publish" className="btn-primary">{t("catalogue.publish")}</button> : null}
        {page.status === "published" ? (
          <>
            <Link to={`/programmes/${page.key}`}>{t("catalogue.viewPublic")}</Link>
            <button type="submit" name="intent" value="archive" className="btn-secondary">{t("catalogue.archive")}</button>
          </>
        ) : null}
      </Form>
      <CatalogueForm
        lastResult={actionData?.form === "programme" ? actionData.result : undefined}
        defaultValue={page.defaults}
        options={page.options}
        action={`/catalogue/${page.key}/edit`}
        submitLabel={t("catalogue.save")}
      />
      <section aria-labelledby="cohorts" className="card space-y-4">
        <h2 id="cohorts">{t("catalogue.cohorts.title")}</h2>
        {page.cohorts.length === 0 ? <p className="text-slate-700">{t("catalogue.cohorts.empty")}</p> : (
          <ul className="space-y-1">
            {page.cohorts.map((c) => (
              <li key={c.id}>
                <Link to={`/catalogue/${page.key}/cohorts/${c.id}`}>{c.name}</Link>{" "}
                {t("catalogue.cohorts.summary", { starts: c.startsOn, ends: c.endsOn, left: String(c.seatsLeft), capacity: String(c.capacity), waitlisted: String(c.waitlisted) })}
              </li>
            ))}
          </ul>
        )}
        <NewCohortForm lastResult={actionData?.form === "cohort" ? actionData.result : undefined} action={`/catalogue/${page.key}/edit`} />
      </section>
    </div>
  );
}

function NewCohortForm({ lastResult, action }: { lastResult?: SubmissionResult<string[]> | null; action: string }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(cohortSchema, { lastResult, id: "cohort" });
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
      <h3 className="sm:col-span-2">{t("catalogue.cohorts.new")}</h3>
      {form.errors?.length ? <div className="sm:col-span-2"><FormMessage><ErrorList errors={form.errors} /></FormMessage></div> : null}
      <input type="hidden" name="intent" value="cohort" />
      <CohortFields fields={fields} />
      <div className="sm:col-span-2"><button type="submit" className="btn-primary">{t("catalogue.cohorts.create")}</button></div>
    </Form>
  );
}
