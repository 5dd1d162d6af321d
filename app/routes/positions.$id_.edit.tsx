// Editing a draft or published position, by a member of its company. The form carries the version it
// was read at: if a colleague saved in between, the save is refused and the form keeps what was typed.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { PositionForm } from "~/positions/position-form";
import { defaultsFromPosition, positionFormOptions, toPositionInput } from "~/positions/position-form.server";
import { positionSchema } from "~/positions/position-schema";
import { getPositionFor, PositionRuleError, updatePosition } from "~/positions/positions.server";
import { positionRefusal } from "~/positions/refusals";

export const meta: MetaFunction = () => [{ title: "編輯職缺 · Edit position" }];

async function managedPosition(request: Request, context: AppLoadContext, id: string | undefined) {
  const viewer = requirePermission(request, context, "update:position:organisation");
  const view = await getPositionFor(context.services.db, viewer, id ?? "");
  if (!view) throw notFound();
  if (!view.manages) throw forbidden();
  return { viewer, view };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Members of the position's company.
  const { view } = await managedPosition(request, context, params.id);
  const locale = await getLocale(request);
  return {
    position: { id: view.position.id, title: view.position.title },
    editable: view.position.status === "draft" || view.position.status === "published",
    defaults: defaultsFromPosition(view),
    options: await positionFormOptions(context.services.db, locale),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, view } = await managedPosition(request, context, params.id);
  const submission = parseWithZod(await request.formData(), { schema: positionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), stale: false }, { status: 400 });
  const { version } = submission.value;
  if (version === undefined) return data({ result: submission.reply({ formErrors: ["positions.refusal.stale"] }), stale: true }, { status: 409 });
  try {
    await updatePosition(context.services.db, viewer, view.position.id, version, toPositionInput(submission.value, view.position.occupationId), context.clientIp);
    context.services.searchSync.wake();
    return redirect(`/positions/${view.position.id}`);
  } catch (error) {
    if (!(error instanceof PositionRuleError)) throw error;
    const refusal = positionRefusal(error.code);
    if (refusal.status === 404) throw notFound();
    // The typed values come back with the refusal, so nothing is lost.
    const reply = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.message] } }) : submission.reply({ formErrors: [refusal.message] });
    return data({ result: reply, stale: error.code === "stale" }, { status: refusal.status });
  }
}

export default function EditPosition() {
  const { position, editable, defaults, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <nav aria-label={t("positions.edit.breadcrumb")} className="text-sm">
        <Link to={`/positions/${position.id}`}>← {position.title}</Link>
      </nav>
      <header className="space-y-2">
        <h1>{t("positions.edit.title")}</h1>
        <p className="text-slate-700">{t("positions.edit.lead")}</p>
      </header>
      {editable ? (
        <PositionForm
          lastResult={actionData?.result}
          defaultValue={defaults}
          options={options}
          action={`/positions/${position.id}/edit`}
          submitLabel={t("positions.edit.save")}
          message={actionData?.stale ? (
            <FormMessage>
              {t("positions.edit.staleHelp")} <Link to={`/positions/${position.id}/edit`} reloadDocument>{t("positions.edit.reload")}</Link>
            </FormMessage>
          ) : null}
        />
      ) : (
        <FormMessage tone="info">{t("positions.refusal.notEditable")}</FormMessage>
      )}
    </div>
  );
}
