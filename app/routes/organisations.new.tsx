import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { useZodForm } from "~/components/use-zod-form";
import { ErrorList, Field, FormMessage } from "~/components/forms";
import { createOrganisation, memberRoleFor, OrganisationRuleError, type OrganisationKind } from "~/organisations/organisations.server";

export const meta: MetaFunction = () => [{ title: "建立單位 · Create an organisation" }];

const kinds = ["company", "training_unit", "medical_centre"] as const satisfies readonly OrganisationKind[];
const schema = z.object({
  kind: z.enum(kinds, { error: "validation.choose" }),
  nameZh: z.string({ error: "validation.nameZh" }).trim().min(1, "validation.nameZh").max(120, "validation.tooLong"),
  nameEn: z.string({ error: "validation.nameEn" }).trim().max(120, "validation.tooLong").regex(/^[A-Za-z]/, "validation.nameEn"),
  city: z.string().trim().max(40, "validation.tooLong").optional(),
  website: z.url({ protocol: /^https?$/, error: "validation.url" }).max(300, "validation.tooLong").optional(),
});

export function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "create:organisation:own");
  // Offer only the kinds the viewer's roles may create.
  return { kinds: kinds.filter((kind) => viewer.roles.includes(memberRoleFor[kind])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "create:organisation:own");
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const organisation = await createOrganisation(context.services.db, viewer, submission.value, context.clientIp);
    return redirect(`/organisations/${organisation.slug}`);
  } catch (error) {
    if (error instanceof OrganisationRuleError) return data({ result: submission.reply({ fieldErrors: { kind: ["organisation.wrongRoleForKind"] } }) }, { status: 403 });
    throw error;
  }
}

export default function NewOrganisation() {
  const { kinds: allowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result, defaultValue: { kind: allowed[0] } });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <h1>{t("organisation.newTitle")}</h1>
        <p className="text-slate-700">{t("organisation.newLead")}</p>
      </header>
      {allowed.length === 0 ? <FormMessage>{t("organisation.wrongRoleForKind")}</FormMessage> : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <fieldset aria-describedby={fields.kind.errorId}>
          <legend className="field-label">{t("organisation.kind")}</legend>
          <div className="mt-1 space-y-1">
            {allowed.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm">
                <input type="radio" name={fields.kind.name} value={kind} defaultChecked={fields.kind.initialValue === kind} />
                {t(`organisationKind.${kind}`)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <Field label={t("organisation.nameZh")} meta={fields.nameZh} autoComplete="organization" />
        <Field label={t("organisation.nameEn")} meta={fields.nameEn} />
        <Field label={t("organisation.city")} meta={fields.city} autoComplete="address-level2" />
        <Field label={t("organisation.website")} meta={fields.website} type="url" autoComplete="url" />
        <button type="submit" className="btn-primary" disabled={allowed.length === 0}>{t("organisation.create")}</button>
      </Form>
    </div>
  );
}
