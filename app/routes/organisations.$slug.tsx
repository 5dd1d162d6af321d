// An organisation's own page: approval status, members and invitations. Its members see it, the
// programme office sees every one; only its admins (or a portal admin) change anything.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { emailField } from "~/auth/fields";
import { forbidden, notFound, requireViewer } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { useZodForm } from "~/components/use-zod-form";
import { Field, FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { inviteColleague, revokeInvitation } from "~/organisations/invitations.server";
import {
  getOrganisationBySlug, listMembers, memberRoleFor, membershipOf, OrganisationRuleError, pendingInvitations, removeMember, submitForApproval,
  type OrganisationKind,
} from "~/organisations/organisations.server";

export const meta: MetaFunction = () => [{ title: "單位 · Organisation" }];

const inviteSchema = z.object({ intent: z.literal("invite"), email: emailField });
const actionSchema = z.discriminatedUnion("intent", [
  inviteSchema,
  z.object({ intent: z.literal("submit-for-approval") }),
  z.object({ intent: z.literal("remove-member"), userId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: z.uuid() }),
]);

async function organisationFor(request: Request, context: AppLoadContext, slug: string | undefined) {
  const viewer = requireViewer(request, context);
  const organisation = slug ? await getOrganisationBySlug(context.services.db, slug) : null;
  if (!organisation) throw notFound();
  const membership = membershipOf(viewer, organisation.id);
  if (!membership && !can(viewer.roles, "read:organisation:any")) throw forbidden();
  const manages = Boolean(membership?.isOrgAdmin) || can(viewer.roles, "manage:membership:any");
  return { viewer, organisation, manages };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Members of the organisation, and the programme office.
  const { organisation, manages } = await organisationFor(request, context, params.slug);
  const db = context.services.db;
  const locale = await getLocale(request);
  const [members, invitations] = await Promise.all([listMembers(db, organisation.id), manages ? pendingInvitations(db, organisation.id) : []]);
  return {
    organisation: {
      name: pick(locale, organisation.nameZh, organisation.nameEn),
      otherName: pick(locale, organisation.nameEn, organisation.nameZh),
      kind: organisation.kind,
      approval: organisation.approval,
      city: organisation.city,
      website: organisation.website,
      memberRole: memberRoleFor[organisation.kind as OrganisationKind],
    },
    manages,
    members: members.map(({ locale: _mailLocale, ...m }) => ({ ...m, joinedAt: formatDateTime(m.joinedAt, locale) })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, expiresAt: formatDateTime(i.expiresAt, locale) })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  // Organisation admins (and portal admins) only.
  const { viewer, organisation, manages } = await organisationFor(request, context, params.slug);
  if (!manages) throw forbidden();
  const db = context.services.db;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: actionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null, refusal: null }, { status: 400 });
  const value = submission.value;
  try {
    switch (value.intent) {
      case "invite":
        await inviteColleague(db, viewer, organisation, value.email, { publicUrl: context.services.env.PUBLIC_URL }, context.clientIp);
        context.services.mail.wake();
        return { result: submission.reply({ resetForm: true }), done: { key: "organisation.invited", email: value.email }, refusal: null };
      case "submit-for-approval":
        await submitForApproval(db, viewer, organisation, context.clientIp);
        return { result: undefined, done: { key: "organisation.submitted", email: "" }, refusal: null };
      case "remove-member":
        await removeMember(db, viewer, organisation.id, value.userId, context.clientIp);
        return { result: undefined, done: { key: "organisation.removed", email: "" }, refusal: null };
      case "revoke-invitation":
        await revokeInvitation(db, viewer, organisation.id, value.invitationId, context.clientIp);
        return { result: undefined, done: { key: "organisation.revoked", email: "" }, refusal: null };
    }
  } catch (error) {
    if (!(error instanceof OrganisationRuleError)) throw error;
    if (value.intent === "invite") return data({ result: submission.reply({ fieldErrors: { email: [`organisation.${error.code}`] } }), done: null, refusal: null }, { status: 409 });
    return data({ result: undefined, done: null, refusal: `organisation.${error.code}` }, { status: 409 });
  }
}

const notices = { draft: "organisation.draftNotice", pending: "organisation.pendingNotice", rejected: "organisation.rejectedNotice", approved: "organisation.approvedNotice" } as const;

export default function OrganisationPage() {
  const { organisation, manages, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [inviteForm, inviteFields] = useZodForm(inviteSchema, { id: "invite", lastResult: actionData?.result });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1>{organisation.name}</h1>
        <p className="text-slate-700">{organisation.otherName} · {t(`organisationKind.${organisation.kind}`)}{organisation.city ? ` · ${organisation.city}` : ""}</p>
        {organisation.website ? <a href={organisation.website} rel="noopener noreferrer nofollow">{organisation.website}</a> : null}
      </header>
      {actionData?.done ? <FormMessage tone="success">{t(actionData.done.key as never, { email: actionData.done.email })}</FormMessage> : null}
      {actionData?.refusal ? <FormMessage>{t(actionData.refusal as never)}</FormMessage> : null}

      <section aria-labelledby="status" className="card space-y-3">
        <h2 id="status">{t("common.labelValue", { label: t("organisation.status"), value: t(`approval.${organisation.approval}`) })}</h2>
        <p>{t(notices[organisation.approval])}</p>
        {manages && (organisation.approval === "draft" || organisation.approval === "rejected") ? (
          <Form method="post">
            <button type="submit" name="intent" value="submit-for-approval" className="btn-primary">{t("organisation.submitForApproval")}</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="members" className="card space-y-3">
        <h2 id="members">{t("organisation.members")}</h2>
        <ul className="divide-y divide-slate-200">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {m.displayName} <span className="text-sm text-slate-600">{m.email}</span>
                {m.isOrgAdmin ? <span className="badge ml-2 bg-brand-50 text-brand-800">{t("organisation.memberAdmin")}</span> : null}
              </span>
              {manages ? (
                <Form method="post">
                  <input type="hidden" name="userId" value={m.userId} />
                  <button type="submit" name="intent" value="remove-member" className="btn-secondary" aria-label={t("organisation.removeConfirm", { name: m.displayName })}>
                    {t("organisation.remove")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {manages ? (
        <section aria-labelledby="invite-heading" className="card space-y-4">
          <h2 id="invite-heading">{t("organisation.invite")}</h2>
          <p className="text-sm text-slate-700">{t("organisation.inviteLead", { role: t(`roles.${organisation.memberRole}`) })}</p>
          <Form method="post" {...getFormProps(inviteForm)} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="invite" />
            <div className="min-w-64 flex-1"><Field label={t("auth.email")} meta={inviteFields.email} type="email" autoComplete="off" /></div>
            <button type="submit" className="btn-primary">{t("organisation.inviteSubmit")}</button>
          </Form>
          <h3>{t("organisation.pendingInvitations")}</h3>
          {invitations.length === 0 ? <p className="text-sm text-slate-700">{t("organisation.noPendingInvitations")}</p> : (
            <ul className="divide-y divide-slate-200">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>{i.email} <span className="text-sm text-slate-600">{t("organisation.expires")} {i.expiresAt}</span></span>
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" name="intent" value="revoke-invitation" className="btn-secondary">{t("organisation.revoke")}</button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
