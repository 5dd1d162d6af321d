import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import { updateAccountDetails } from "~/auth/accounts.server";
import { displayNameField } from "~/auth/fields";
import { requirePermission } from "~/auth/guards.server";
import { blankSessionCookie, endAllSessions, endOtherSessions, listSessions } from "~/auth/session.server";
import { useZodForm } from "~/components/use-zod-form";
import { Field, FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { formatDateTime } from "~/i18n/format";
import { locales, pick } from "~/i18n/resources";

export const meta: MetaFunction = () => [{ title: "我的帳號 · My account" }];

const profileSchema = z.object({ displayName: displayNameField, locale: z.enum(locales, { error: "validation.choose" }) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:account:own");
  const locale = await getLocale(request);
  const sessions = await listSessions(context.services.db, viewer.id);
  return {
    viewer: { displayName: viewer.displayName, email: viewer.email, locale: viewer.locale, roles: viewer.roles },
    memberships: viewer.memberships.map((m) => ({ slug: m.slug, name: pick(locale, m.nameZh, m.nameEn), kind: m.kind, approval: m.approval, isOrgAdmin: m.isOrgAdmin })),
    mayCreateOrganisation: viewer.roles.some((role) => role === "company_recruiter" || role === "training_unit_staff"),
    sessions: sessions.map((s) => ({
      current: s.id === viewer.sessionId,
      key: s.createdAt.toISOString() + (s.id === viewer.sessionId ? "*" : ""),
      createdAt: formatDateTime(s.createdAt, locale),
      expiresAt: formatDateTime(new Date(Math.min(s.expiresAt.getTime(), s.absoluteExpiresAt.getTime())), locale),
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:account:own");
  const db = context.services.db;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "logout-others") {
    const ended = await endOtherSessions(db, viewer);
    await recordAudit(db, { actorUserId: viewer.id, action: "sessions-ended", entity: "user", entityId: viewer.id, detail: { others: ended }, ip: context.clientIp });
    return { result: undefined, saved: false, othersEnded: ended };
  }
  if (intent === "logout-everywhere") {
    await endAllSessions(db, viewer.id);
    await recordAudit(db, { actorUserId: viewer.id, action: "sessions-ended", entity: "user", entityId: viewer.id, detail: { all: true }, ip: context.clientIp });
    return redirect("/login?notice=logged-out", { headers: { "Set-Cookie": blankSessionCookie(db) } });
  }
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false, othersEnded: null }, { status: 400 });
  await updateAccountDetails(db, viewer.id, submission.value);
  return { result: submission.reply(), saved: true, othersEnded: null };
}

export default function Account() {
  const { viewer, memberships, mayCreateOrganisation, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(profileSchema, { lastResult: actionData?.result, defaultValue: { displayName: viewer.displayName, locale: viewer.locale } });
  return (
    <div className="space-y-8">
      <h1>{t("account.title")}</h1>
      {actionData?.saved ? <FormMessage tone="success">{t("account.profileSaved")}</FormMessage> : null}
      {actionData?.othersEnded != null ? <FormMessage tone="success">{t("account.othersLoggedOut", { count: actionData.othersEnded })}</FormMessage> : null}

      <section aria-labelledby="profile" className="card space-y-4">
        <h2 id="profile">{t("account.profile")}</h2>
        <p className="text-sm text-slate-700">{t("common.labelValue", { label: t("auth.email"), value: viewer.email })}</p>
        <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3 sm:items-end">
          <Field label={t("auth.displayName")} meta={fields.displayName} autoComplete="name" />
          <div>
            <label htmlFor={fields.locale.id} className="field-label">{t("account.language")}</label>
            <select id={fields.locale.id} name={fields.locale.name} defaultValue={fields.locale.initialValue} className="field-input">
              <option value="zh-TW">繁體中文</option>
              <option value="en">English</option>
            </select>
          </div>
          <button type="submit" className="btn-primary">{t("account.saveProfile")}</button>
        </Form>
        <p><Link to="/account/password">{t("account.changePassword")}</Link></p>
      </section>

      <section aria-labelledby="roles" className="card space-y-3">
        <h2 id="roles">{t("account.roles")}</h2>
        <ul className="flex flex-wrap gap-2">
          {viewer.roles.map((role) => <li key={role} className="badge bg-brand-50 text-brand-800">{t(`roles.${role}`)}</li>)}
        </ul>
        <h2>{t("account.organisations")}</h2>
        {memberships.length === 0 ? <p className="text-slate-700">{t("account.noOrganisations")}</p> : (
          <ul className="space-y-1">
            {memberships.map((m) => (
              <li key={m.slug}>
                <Link to={`/organisations/${m.slug}`}>{m.name}</Link>{" "}
                <span className="text-sm text-slate-600">{t(`organisationKind.${m.kind}`)} · {t(`approval.${m.approval}`)}{m.isOrgAdmin ? ` · ${t("account.admin")}` : ""}</span>
              </li>
            ))}
          </ul>
        )}
        {mayCreateOrganisation ? <Link to="/organisations/new" className="btn-secondary">{t("account.createOrganisation")}</Link> : null}
      </section>

      <section aria-labelledby="sessions" className="card space-y-3">
        <h2 id="sessions">{t("account.sessions")}</h2>
        <p className="text-sm text-slate-700">{t("account.sessionsLead")}</p>
        <table className="data-table">
          <thead>
            <tr><th scope="col">{t("account.signedInAt")}</th><th scope="col">{t("account.device")}</th><th scope="col">{t("account.ipAddress")}</th><th scope="col">{t("account.expiresAt")}</th></tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.key}>
                <td>{s.createdAt}{s.current ? <strong className="ml-2 badge bg-green-100 text-green-900">{t("account.thisSession")}</strong> : null}</td>
                <td className="max-w-xs truncate" title={s.userAgent ?? undefined}>{s.userAgent ?? t("account.unknownDevice")}</td>
                <td>{s.ipAddress ?? "–"}</td>
                <td>{s.expiresAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="logout-others" className="btn-secondary">{t("account.logoutOthers")}</button>
          <button type="submit" name="intent" value="logout-everywhere" className="btn-secondary">{t("account.logoutEverywhere")}</button>
        </Form>
      </section>
    </div>
  );
}
