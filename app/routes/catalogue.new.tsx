// A new draft programme in the catalogue, by a training unit's staff (for their approved unit) or the office.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { CatalogueForm } from "~/programmes/catalogue-form";
import { catalogueFormOptions, defaultsForNew } from "~/programmes/catalogue-form.server";
import { programmeSchema } from "~/programmes/catalogue-schema";
import { CatalogueRuleError, createProgramme, isOffice, unitsOf } from "~/programmes/catalogue.server";
import { catalogueRefusal } from "~/programmes/refusals";

export const meta: MetaFunction = () => [{ title: "新增課程 · New programme" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  if (!isOffice(viewer) && unitsOf(viewer).length === 0) return { mayCreate: false as const };
  const locale = await getLocale(request);
  return { mayCreate: true as const, options: await catalogueFormOptions(context.services.db, viewer, locale, !isOffice(viewer)), defaults: defaultsForNew(viewer) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  const submission = parseWithZod(await request.formData(), { schema: programmeSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const programme = await createProgramme(context.services.db, viewer, submission.value, context.clientIp);
    context.services.searchSync.wake();
    return redirect(`/catalogue/${programme.key}/edit?saved=1`);
  } catch (error) {
    if (!(error instanceof CatalogueRuleError)) throw error;
    const refusal = catalogueRefusal(error.code);
    return data({ result: submission.reply({ formErrors: [refusal.message] }) }, { status: refusal.status });
  }
}

export default function NewProgramme() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1>{t("catalogue.newTitle")}</h1>
      {page.mayCreate ? (
        <CatalogueForm lastResult={actionData?.result} defaultValue={page.defaults} options={page.options} action="/catalogue/new" submitLabel={t("catalogue.saveDraft")} />
      ) : (
        <FormMessage tone="info">{t("catalogue.noUnit")}</FormMessage>
      )}
    </div>
  );
}
