// The link in an invitation e-mail. Visitors are asked to log in or sign up as the invited address;
// accepting adds the membership and role and starts a new session, since privileges changed.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requestOrigin, requireViewer } from "~/auth/guards.server";
import { rotateSession } from "~/auth/session.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { acceptInvitation, findInvitation } from "~/organisations/invitations.server";

export const meta: MetaFunction = () => [{ title: "邀請 · Invitation" }];

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Anyone holding the link; accepting needs the invited account.
  const token = tokenSchema.safeParse(params.token);
  const found = token.success ? await findInvitation(context.services.db, token.data) : null;
  if (!found || found.state !== "open" || !found.invitation || !found.organisation) {
    const state = found?.state === "open" || !found ? "invalid" : found.state;
    return data({ state, invitation: null, signedInAs: null, here: "" }, { status: found?.state === "invalid" || !found ? 404 : 410 });
  }
  const locale = await getLocale(request);
  return {
    state: "open" as const,
    invitation: {
      email: found.invitation.email,
      role: found.invitation.role,
      organisation: pick(locale, found.organisation.nameZh, found.organisation.nameEn),
      inviter: found.inviterName,
    },
    here: new URL(request.url).pathname,
    signedInAs: context.viewer?.email ?? null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  // The invited account only (checked against the invitation's address).
  const viewer = requireViewer(request, context);
  const token = tokenSchema.safeParse(params.token);
  if (!token.success) return data({ reason: "invalid" as const }, { status: 404 });
  const db = context.services.db;
  const result = await acceptInvitation(db, viewer, token.data, context.clientIp);
  if (!result.ok) return data({ reason: result.reason }, { status: result.reason === "wrongAccount" ? 403 : result.reason === "invalid" ? 404 : 410 });
  const cookie = await rotateSession(db, viewer, requestOrigin(request, context));
  return redirect(`/organisations/${result.organisation.slug}`, { headers: { "Set-Cookie": cookie } });
}

export default function Invitation() {
  const { state, invitation, signedInAs, here } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!invitation) {
    return (
      <div className="card mx-auto max-w-md space-y-3" role="alert">
        <h1>{t("invitation.title")}</h1>
        <p>{t(`invitation.${state}`)}</p>
      </div>
    );
  }
  const wrongAccount = failed?.reason === "wrongAccount" || (signedInAs !== null && signedInAs !== invitation.email);
  return (
    <div className="card mx-auto max-w-md space-y-4">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.body", { inviter: invitation.inviter, email: invitation.email, organisation: invitation.organisation, role: t(`roles.${invitation.role}`) })}</p>
      {failed && failed.reason !== "wrongAccount" ? <FormMessage>{t(`invitation.${failed.reason}`)}</FormMessage> : null}
      {wrongAccount ? <FormMessage>{t("invitation.wrongAccount", { email: invitation.email })}</FormMessage> : null}
      {signedInAs === null ? (
        <>
          <p>{t("invitation.loginToAccept", { email: invitation.email })}</p>
          <p className="flex gap-3">
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="btn-primary">{t("auth.login")}</Link>
            <Link to="/signup" className="btn-secondary">{t("auth.signup")}</Link>
          </p>
        </>
      ) : wrongAccount ? null : (
        <Form method="post">
          <button type="submit" className="btn-primary">{t("invitation.accept")}</button>
        </Form>
      )}
    </div>
  );
}
