// The programme office's follow-up of every completer: due checkpoints first, filters by unit, programme,
// state and checkpoint, verification of recorded outcomes, and a button that mails due survey links now
// (the server also does it hourly). Every list it shows is logged as a personal-data read.
import { StateAndCheckpointFilters } from "~/outcomes/list-filters";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { CheckpointTable } from "~/outcomes/checkpoint-table";
import { checkpointView, completerFacets, listCheckpoints } from "~/outcomes/completers.server";
import { OUTCOME_PAGE_SIZE, readOutcomeListQuery } from "~/outcomes/list-query";
import { verificationSchema } from "~/outcomes/outcome-schema";
import { OutcomeRuleError, setVerification } from "~/outcomes/outcomes.server";
import { outcomeRefusal } from "~/outcomes/refusals";
import { sendOutcomeSurveys } from "~/outcomes/surveys.server";

export const meta: MetaFunction = () => [{ title: "結訓學員就業追蹤 · Completers' employment" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:employment-outcome:any");
  const db = context.services.db;
  const query = readOutcomeListQuery(new URL(request.url));
  const locale = await getLocale(request);
  const { rows, total } = await listCheckpoints(db, viewer, { unitId: query.unit, programme: query.programme, state: query.state, checkpoint: query.checkpoint }, { limit: OUTCOME_PAGE_SIZE, offset: (query.page - 1) * OUTCOME_PAGE_SIZE });
  await logPersonalDataRead(db, viewer, "employment-outcome", [...new Set(rows.map((r) => r.userId))], context.clientIp);
  const facets = await completerFacets(db, viewer);
  const units = new Map<string, string>();
  const programmes = new Map<string, string>();
  for (const f of facets) {
    if (f.unitId) units.set(f.unitId, pick(locale, f.unitZh ?? "", f.unitEn ?? ""));
    if (f.programmeId) programmes.set(f.programmeId, pick(locale, f.programmeZh ?? "", f.programmeEn ?? ""));
  }
  return {
    rows: rows.map((r) => checkpointView(r, locale)),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / OUTCOME_PAGE_SIZE)),
    query,
    units: [...units].map(([id, name]) => ({ id, name })),
    programmes: [...programmes].map(([id, name]) => ({ id, name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "approve:employment-outcome:any");
  const form = await request.formData();
  const db = context.services.db;
  const back = new URL(request.url);
  if (form.get("intent") === "send") {
    const result = await sendOutcomeSurveys(db, { publicUrl: context.services.env.PUBLIC_URL });
    context.services.mail.wake();
    back.searchParams.set("sent", String(result.sent));
    back.searchParams.set("reminded", String(result.reminded));
    return redirect(back.pathname + back.search);
  }
  const submission = parseWithZod(form, { schema: verificationSchema });
  if (submission.status !== "success") return data({ message: "outcomes.refusal.badRequest" }, { status: 400 });
  try {
    await setVerification(db, officer, submission.value.outcomeId, submission.value.verification, context.clientIp);
  } catch (error) {
    if (!(error instanceof OutcomeRuleError)) throw error;
    const refusal = outcomeRefusal(error.code);
    return data({ message: refusal.message }, { status: refusal.status });
  }
  back.searchParams.set("saved", "1");
  return redirect(back.pathname + back.search);
}

export default function OfficeOutcomes() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const sent = params.get("sent");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("outcomes.office.title")}</h1>
        <p className="text-slate-700">{t("outcomes.office.lead")}</p>
      </header>
      {actionData?.message ? <FormMessage>{t(actionData.message as never)}</FormMessage> : null}
      {sent !== null ? <FormMessage tone="success">{t("outcomes.office.sent", { sent: String(Number(sent) || 0), reminded: String(Number(params.get("reminded")) || 0) })}</FormMessage> : null}
      {params.get("saved") ? <FormMessage tone="success">{t("outcomes.office.saved")}</FormMessage> : null}
      <Form method="post">
        <input type="hidden" name="intent" value="send" />
        <button type="submit" className="btn-secondary">{t("outcomes.office.sendNow")}</button>
      </Form>
      <Form method="get" className="card flex flex-wrap items-end gap-3" aria-label={t("outcomes.filters.title")}>
        <div>
          <label htmlFor="unit" className="field-label">{t("outcomes.filters.unit")}</label>
          <select id="unit" name="unit" defaultValue={page.query.unit ?? ""} className="field-input">
            <option value="">{t("outcomes.filters.anyUnit")}</option>
            {page.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="programme" className="field-label">{t("outcomes.filters.programme")}</label>
          <select id="programme" name="programme" defaultValue={page.query.programme ?? ""} className="field-input">
            <option value="">{t("outcomes.filters.anyProgramme")}</option>
            <option value="phd">{t("outcomes.list.phd")}</option>
            {page.programmes.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <StateAndCheckpointFilters state={page.query.state} checkpoint={page.query.checkpoint} checkpointId="checkpoint" />
        <button type="submit" className="btn-primary">{t("outcomes.filters.apply")}</button>
      </Form>
      <section aria-labelledby="outcome-list" className="space-y-3">
        <h2 id="outcome-list">{t("outcomes.list.caption")}</h2>
        <p className="text-sm text-slate-700">{t("outcomes.list.total", { count: page.total })}</p>
        <CheckpointTable
          rows={page.rows}
          actions={(row) =>
            row.outcomeId ? (
              <Form method="post" className="inline-flex gap-2">
                <input type="hidden" name="intent" value="verify" />
                <input type="hidden" name="outcomeId" value={row.outcomeId} />
                {row.verification !== "verified" ? <button type="submit" name="verification" value="verified" className="btn-secondary">{t("outcomes.office.verify", { name: row.name })}</button> : null}
                {row.verification !== "disputed" ? <button type="submit" name="verification" value="disputed" className="btn-secondary">{t("outcomes.office.dispute", { name: row.name })}</button> : null}
              </Form>
            ) : null
          }
        />
        <Pagination page={page.page} pages={page.pages} />
      </section>
    </div>
  );
}
