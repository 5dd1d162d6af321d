// A position's ranked candidates, for the members of its company (the programme office may look, and
// its reads are audited): every candidate with the parts of their score, filters and sort in the URL,
// and an invitation to apply for talents who opened their profile and have not applied. Named `$id_` so
// it is a page of its own rather than nested in the position page's <Outlet>.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inviteTalent, PipelineRuleError } from "~/applications/pipeline.server";
import { notFound, requirePermission } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { CityFilter, RankingFilters } from "~/components/ranking-filters";
import { ScoreBreakdown, type MatchNames } from "~/components/score-breakdown";
import { useZodForm } from "~/components/use-zod-form";
import { getLocale } from "~/i18n/locale.server";
import { matchNames } from "~/matching/names.server";
import { rankingOptions, rankingParams } from "~/matching/ranking-params";
import { rankCandidatesForPosition, type CandidateResult } from "~/matching/ranking.server";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "候選人排名 · Ranked candidates" }];

const PAGE_SIZE = 20;
const inviteSchema = z.object({
  talentUserId: z.string({ error: "matching.candidates.errors.invalid" }).min(1, "matching.candidates.errors.invalid").max(100, "matching.candidates.errors.invalid"),
  note: z.string().trim().max(2000, "matching.candidates.tooLong").default(""),
});

const refusals = {
  alreadyApplied: { message: "matching.candidates.errors.alreadyApplied", status: 409 },
  notDiscoverable: { message: "matching.candidates.errors.notDiscoverable", status: 409 },
  notOpen: { message: "matching.candidates.errors.notOpen", status: 409 },
  notMember: { message: "matching.candidates.errors.notMember", status: 403 },
  notFound: { message: "matching.candidates.errors.notFound", status: 404 },
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Members of the position's company, and the office (read-only, audited); anyone else finds nothing.
  const viewer = requirePermission(request, context, "read:application:organisation");
  const query = rankingParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = context.services.db;
  const ranking = await rankCandidatesForPosition(db, viewer, params.id ?? "", rankingOptions({ ...query, sort: query.sort === "newest" ? "total" : query.sort }, PAGE_SIZE));
  if (!ranking) throw notFound();
  await logPersonalDataRead(db, viewer, "talent-profile", ranking.results.map((r) => r.talentUserId), context.clientIp);
  const names = await matchNames(db, await getLocale(request), ranking.results.map((r) => r.score));
  return { ...ranking, query, names };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:application:organisation");
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), talentUserId: null as string | null, invited: false }, { status: 400 });
  const { talentUserId, note } = submission.value;
  const positionId = params.id ?? "";
  try {
    if (!isUuid(positionId)) throw new PipelineRuleError("notFound");
    await inviteTalent(context.services.db, viewer, positionId, talentUserId, note, { publicUrl: context.services.env.PUBLIC_URL });
  } catch (error) {
    if (!(error instanceof PipelineRuleError)) throw error;
    const refusal = refusals[error.code as keyof typeof refusals] ?? { message: `applications.refusal.${error.code}`, status: 409 };
    return data({ result: submission.reply({ formErrors: [refusal.message] }), talentUserId, invited: false }, { status: refusal.status });
  }
  context.services.mail.wake();
  return { result: submission.reply({ resetForm: true }), talentUserId, invited: true };
}

export default function PositionCandidates() {
  const { position, member, query, names, results, total, page, pages, pageSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("matching.candidates.title")}</h1>
        <p className="text-lg text-slate-800">{t("matching.candidates.position", { title: position.title })}</p>
        <p className="max-w-3xl text-slate-700">{t("matching.candidates.lead")}</p>
        <p className="flex flex-wrap gap-4">
          <Link to={`/positions/${position.id}`}>{t("matching.candidates.positionPage")}</Link>
          <Link to={`/positions/${position.id}/applicants`}>{t("matching.candidates.applicants")}</Link>
        </p>
      </header>
      {member ? null : <FormMessage tone="info">{t("matching.candidates.officeView")}</FormMessage>}
      {position.companyApproved ? null : <FormMessage tone="info">{t("matching.candidates.companyNotApproved")}</FormMessage>}
      {member && position.companyApproved && !position.invitable ? <FormMessage tone="info">{t("matching.candidates.notInvitable")}</FormMessage> : null}
      {actionData && actionData.talentUserId === null ? <FormMessage>{t("matching.candidates.errors.invalid")}</FormMessage> : null}

      <RankingFilters params={query}>
        <CityFilter value={query.city} />
      </RankingFilters>

      <p role="status" className="text-sm text-slate-700">{t("matching.candidates.count", { count: total })}</p>
      {results.length === 0 ? <p className="card text-slate-700">{t("matching.candidates.empty")}</p> : (
        <ol className="space-y-4">
          {results.map((candidate, i) => (
            <CandidateCard
              key={candidate.talentUserId}
              candidate={candidate}
              rank={(page - 1) * pageSize + i + 1}
              names={names}
              mayInvite={member && position.invitable && candidate.discoverable && candidate.application === null}
              lastResult={actionData?.talentUserId === candidate.talentUserId ? actionData : null}
            />
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

function CandidateCard({ candidate, rank, names, mayInvite, lastResult }: { candidate: CandidateResult; rank: number; names: MatchNames; mayInvite: boolean; lastResult: ActionResult | null }) {
  const { t } = useTranslation();
  const headingId = `candidate-${candidate.talentUserId}`;
  return (
    <li aria-labelledby={headingId} className="card space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg">
          <span className="mr-2 text-sm font-normal text-slate-700">{t("matching.candidates.rank", { rank: String(rank) })}</span>
          {candidate.displayName}
        </h2>
        <span className="badge bg-slate-100 text-slate-800">
          {candidate.application ? t("matching.candidates.stage", { stage: t(`applications.stage.${candidate.application.stage}`) }) : t("matching.candidates.notApplicant")}
        </span>
      </div>
      <p className="text-slate-700">{candidate.headline || t("matching.candidates.noHeadline")}</p>
      <ScoreBreakdown score={candidate.score} names={names} />
      {lastResult?.invited ? <FormMessage tone="success">{t("matching.candidates.invited", { name: candidate.displayName })}</FormMessage> : null}
      {mayInvite || (lastResult && !lastResult.invited) ? <InviteForm talentUserId={candidate.talentUserId} lastResult={lastResult} /> : null}
    </li>
  );
}

function InviteForm({ talentUserId, lastResult }: { talentUserId: string; lastResult: ActionResult | null }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(inviteSchema, { id: `invite-${talentUserId}`, lastResult: lastResult?.result });
  return (
    <details open={!!form.errors?.length || !!fields.note.errors?.length} className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer font-semibold text-brand-800">{t("matching.candidates.invite")}</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name={fields.talentUserId.name} value={talentUserId} />
        <div>
          <label htmlFor={fields.note.id} className="field-label">{t("matching.candidates.note")}</label>
          <textarea id={fields.note.id} name={fields.note.name} defaultValue={fields.note.initialValue} rows={2} maxLength={2000} className="field-input"
            aria-invalid={fields.note.errors?.length ? true : undefined} aria-describedby={fields.note.errors?.length ? fields.note.errorId : undefined} />
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary">{t("matching.candidates.sendInvite")}</button>
      </Form>
    </details>
  );
}
