// The programme office's PhD programme rounds: every round, newest year first, and the form for a new
// one (its calendar, stipend, preferences, total quota and review criteria). A new round is a draft.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { currentPhase, phaseLabelKey } from "~/placement/calendar";
import { explainRefusal } from "~/placement/refusal-text.server";
import { isPlacementRefusal } from "~/placement/refusals";
import { RoundForm } from "~/placement/round-form";
import { newRoundDefaults, toRoundInput } from "~/placement/round-form.server";
import { roundSchema } from "~/placement/round-schema";
import { createRound, listRounds, phdProgrammes } from "~/placement/rounds.server";

export const meta: MetaFunction = () => [{ title: "培訓計畫梯次 · Programme rounds" }];

const PAGE_SIZE = 20;
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:placement-round:any");
  const db = context.services.db;
  const locale = await getLocale(request);
  const { page: asked } = pageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows, total }, programmes] = await Promise.all([listRounds(db, { limit: PAGE_SIZE, offset: (asked - 1) * PAGE_SIZE }), phdProgrammes(db)]);
  const now = new Date();
  return {
    rounds: rows.map((r) => ({
      id: r.id,
      year: r.year,
      title: pick(locale, r.titleZh, r.titleEn),
      status: r.status,
      phase: currentPhase(r, now),
      unitApplicationsCloseAt: formatDateTime(r.unitApplicationsCloseAt, locale),
      totalQuota: r.totalQuota,
    })),
    page: asked,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    programmes: programmes.map((p) => ({ id: p.id, title: pick(locale, p.titleZh, p.titleEn) })),
    defaults: newRoundDefaults(programmes.length === 1 ? programmes[0]!.id : undefined),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const submission = parseWithZod(await request.formData(), { schema: roundSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const round = await createRound(context.services.db, officer, toRoundInput(submission.value), context.clientIp);
    return redirect(`/office/rounds/${round.id}`);
  } catch (error) {
    if (!isPlacementRefusal(error)) throw error;
    const refusal = explainRefusal(error, await getLocale(request));
    const reply = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.text] } }) : submission.reply({ formErrors: [refusal.text] });
    return data({ result: reply }, { status: refusal.status });
  }
}

export default function OfficeRounds() {
  const { rounds, page, pages, programmes, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{t("placement.office.roundsTitle")}</h1>
        <p className="max-w-3xl text-slate-700">{t("placement.office.roundsLead")}</p>
      </header>

      <section aria-labelledby="rounds-list" className="space-y-3">
        <h2 id="rounds-list">{t("placement.office.roundsList")}</h2>
        {rounds.length === 0 ? (
          <p className="card text-slate-700">{t("placement.office.noRounds")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("placement.round.year")}</th>
                  <th scope="col">{t("placement.round.title")}</th>
                  <th scope="col">{t("placement.round.status")}</th>
                  <th scope="col">{t("placement.round.phase")}</th>
                  <th scope="col">{t("placement.calendar.unitApplications")}</th>
                  <th scope="col">{t("placement.round.totalQuota")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <td>{r.year}</td>
                    <td><Link to={`/office/rounds/${r.id}`}>{r.title}</Link></td>
                    <td>{t(`placement.roundStatus.${r.status}`)}</td>
                    <td>{t(phaseLabelKey(r.phase))}</td>
                    <td>{r.unitApplicationsCloseAt}</td>
                    <td>{r.totalQuota}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} />
      </section>

      <section aria-labelledby="new-round" className="space-y-3">
        <h2 id="new-round">{t("placement.office.newRound")}</h2>
        {programmes.length === 0 ? (
          <FormMessage tone="info">{t("placement.office.noProgramme")}</FormMessage>
        ) : (
          <RoundForm lastResult={actionData?.result} defaultValue={defaults} programmes={programmes} submitLabel={t("placement.office.createRound")} />
        )}
      </section>
    </div>
  );
}
