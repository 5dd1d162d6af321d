// The programme office's approval queue for new companies and training units.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { decideApproval, listPendingOrganisations, OrganisationRuleError } from "~/organisations/organisations.server";

export const meta: MetaFunction = () => [{ title: "單位審核 · Organisation approvals" }];

const schema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), organisationId: z.uuid(), reason: z.string().max(2000).optional() }),
  z.object({ decision: z.literal("reject"), organisationId: z.uuid(), reason: z.string({ error: "validation.reasonRequired" }).trim().min(1, "validation.reasonRequired").max(2000, "validation.tooLong") }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "approve:organisation:any");
  const locale = await getLocale(request);
  const pending = await listPendingOrganisations(context.services.db);
  return {
    pending: pending.map((o) => ({ id: o.id, slug: o.slug, name: pick(locale, o.nameZh, o.nameEn), kind: o.kind, city: o.city, submittedAt: formatDateTime(o.updatedAt, locale) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "approve:organisation:any");
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return data({ ok: false, message: issue?.message.startsWith("validation.") ? issue.message : "validation.choose", forId: null as string | null }, { status: 400 });
  }
  const { decision, organisationId, reason } = parsed.data;
  try {
    const organisation = await decideApproval(context.services.db, officer, organisationId, { approved: decision === "approve", reason }, { publicUrl: context.services.env.PUBLIC_URL }, context.clientIp);
    context.services.mail.wake();
    const locale = await getLocale(request);
    return { ok: true, message: decision === "approve" ? "office.approvedDone" : "office.rejectedDone", forId: pick(locale, organisation.nameZh, organisation.nameEn) };
  } catch (error) {
    if (error instanceof OrganisationRuleError) return data({ ok: false, message: "organisation.notPending", forId: null }, { status: 409 });
    throw error;
  }
}

export default function OfficeOrganisations() {
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("office.approvalsTitle")}</h1>
        <p className="text-slate-700">{t("office.approvalsLead")}</p>
      </header>
      {result ? <FormMessage tone={result.ok ? "success" : "error"}>{t(result.message as never, { name: result.forId ?? "" })}</FormMessage> : null}
      {pending.length === 0 ? <p className="card text-slate-700">{t("office.noPending")}</p> : (
        <ul className="space-y-4">
          {pending.map((o) => (
            <li key={o.id} className="card space-y-3">
              <h2><Link to={`/organisations/${o.slug}`}>{o.name}</Link></h2>
              <p className="text-sm text-slate-700">{t(`organisationKind.${o.kind}`)}{o.city ? ` · ${o.city}` : ""} · {t("office.submittedAt")} {o.submittedAt}</p>
              <Form method="post" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="organisationId" value={o.id} />
                <div className="min-w-64 flex-1">
                  <label htmlFor={`reason-${o.id}`} className="field-label">{t("office.reason")}</label>
                  <input id={`reason-${o.id}`} name="reason" className="field-input" maxLength={2000} />
                </div>
                <button type="submit" name="decision" value="approve" className="btn-primary">{t("office.approve")}</button>
                <button type="submit" name="decision" value="reject" className="btn-secondary">{t("office.reject")}</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
