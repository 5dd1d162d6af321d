// Administrators grant and remove roles. Programme officer, reviewer and mentor exist only through here.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { roles } from "~/auth/permissions";
import { grantRole, listUsers, revokeRole, RoleRuleError, USERS_PAGE_SIZE } from "~/auth/roles.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction = () => [{ title: "使用者與角色 · Users and roles" }];

const querySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
const changeSchema = z.object({ intent: z.enum(["grant", "revoke"]), userId: z.string().min(1).max(100), role: z.enum(roles) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:user-role:any");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total } = await listUsers(context.services.db, { query: query.q || undefined, page: query.page });
  return { users: rows.map((u) => ({ ...u, verified: u.emailVerifiedAt !== null, emailVerifiedAt: undefined })), q: query.q ?? "", page: query.page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requirePermission(request, context, "manage:user-role:any");
  const parsed = changeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false, message: "validation.choose", email: "", role: "" }, { status: 400 });
  const { intent, userId, role } = parsed.data;
  const db = context.services.db;
  try {
    const email = intent === "grant" ? await grantRole(db, admin, userId, role, context.clientIp) : await revokeRole(db, admin, userId, role, context.clientIp);
    return { ok: true, message: intent === "grant" ? "admin.granted" : "admin.revokedRole", email, role };
  } catch (error) {
    if (error instanceof RoleRuleError) return data({ ok: false, message: error.code === "noSuchUser" ? "errors.notFoundTitle" : `admin.${error.code}`, email: "", role: "" }, { status: 409 });
    throw error;
  }
}

export default function AdminUsers() {
  const { users, q, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("admin.usersTitle")}</h1>
        <p className="text-slate-700">{t("admin.usersLead")}</p>
      </header>
      {result ? (
        <FormMessage tone={result.ok ? "success" : "error"}>
          {t(result.message as never, { email: result.email, role: result.role ? t(`roles.${result.role as (typeof roles)[number]}`) : "" })}
        </FormMessage>
      ) : null}
      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="field-label">{t("admin.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} className="field-input" />
        </div>
        <button type="submit" className="btn-secondary">{t("admin.searchSubmit")}</button>
      </Form>
      {users.length === 0 ? <p className="card text-slate-700">{t("admin.noUsers")}</p> : (
        <ul className="space-y-3">
          {users.map((u) => (
            <li key={u.id} className="card space-y-2">
              <h2 className="text-base">{u.displayName} <span className="text-sm font-normal text-slate-600">{u.email} · {u.verified ? t("admin.emailVerified") : t("admin.emailUnverified")}</span></h2>
              <ul className="flex flex-wrap gap-2">
                {u.roles.map((role) => (
                  <li key={role}>
                    <Form method="post" className="inline">
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="role" value={role} />
                      <button type="submit" name="intent" value="revoke" className="badge bg-brand-50 text-brand-800 hover:bg-red-50" aria-label={t("admin.revokeRole", { role: t(`roles.${role}`) })}>
                        {t(`roles.${role}`)} ×
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="userId" value={u.id} />
                <label className="sr-only" htmlFor={`role-${u.id}`}>{t("admin.grant")}</label>
                <select id={`role-${u.id}`} name="role" className="field-input w-auto">
                  {roles.filter((role) => !u.roles.includes(role)).map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
                </select>
                <button type="submit" name="intent" value="grant" className="btn-secondary">{t("admin.grant")}</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
