import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { CohortList } from "~/programmes/cohort-list";
import { enrolmentIntentSchema } from "~/programmes/cohort-schema";
import { cohortsOf, enrol, EnrolmentRuleError, myEnrolmentsIn, withdraw } from "~/programmes/enrolment.server";
import { enrolmentRefusal } from "~/programmes/refusals";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { getProgramme } from "~/programmes/queries.server";
import { dbFrom } from "~/services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.programme.titleZh} · ${data.programme.titleEn}` : "Not found" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Public page.
  const key = params.key ?? "";
  if (!/^[a-z0-9-]{1,64}$/.test(key)) throw new Response("Not found", { status: 404 });
  const found = await getProgramme(dbFrom(context), key);
  if (!found) throw new Response("Not found", { status: 404 });
  const viewer = context.viewer;
  const [cohorts, mine] = await Promise.all([
    cohortsOf(dbFrom(context), found.programme.id),
    viewer ? myEnrolmentsIn(dbFrom(context), viewer.id, found.programme.id) : [],
  ]);
  const mayEnrol = !!viewer && can(viewer.roles, "create:enrolment:own");
  const now = Date.now();
  return {
    locale: await getLocale(request),
    ...found,
    enrolment: {
      mayEnrol,
      signedIn: !!viewer,
      cohorts: cohorts.map((c) => ({
        id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, capacity: c.capacity, seatsLeft: c.seatsLeft, icapLevel: c.icapLevel,
        closesAt: c.enrolmentClosesAt?.toISOString() ?? null, closed: !!c.enrolmentClosesAt && c.enrolmentClosesAt.getTime() <= now,
        mine: mine.find((m) => m.cohortId === c.id) ?? null,
      })),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "create:enrolment:own");
  const parsed = enrolmentIntentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ message: "catalogue.refusal.badRequest" }, { status: 400 });
  try {
    if (parsed.data.intent === "enrol") await enrol(dbFrom(context), viewer, parsed.data.cohortId);
    else {
      await withdraw(dbFrom(context), viewer, parsed.data.cohortId, { publicUrl: context.services.env.PUBLIC_URL });
      context.services.mail.wake();
    }
  } catch (error) {
    if (!(error instanceof EnrolmentRuleError)) throw error;
    const refusal = enrolmentRefusal(error.code);
    return data({ message: refusal.message }, { status: refusal.status });
  }
  return redirect(`/programmes/${params.key}#cohorts`);
}

export default function ProgrammePage() {
  const { locale, programme: p, rules, targets, skills, occupations, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const numberFormat = new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-TW");
  return (
    <article className="space-y-8">
      <nav aria-label="breadcrumb" className="text-sm"><Link to="/programmes">← {t("programmes.back")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{t(`programmeType.${p.type}`)}</p>
        <h1>{pick(locale, p.titleZh, p.titleEn)}</h1>
        <p className="text-slate-600">{t("common.labelValue", { label: t("programmes.provider"), value: pick(locale, p.providerZh, p.providerEn) })}</p>
        <p className="max-w-3xl text-slate-800">{pick(locale, p.summaryZh, p.summaryEn)}</p>
      </header>

      {(p.durationMonths !== null || p.monthlyStipendNtd !== null || p.capacityPerYear !== null) && (
        <dl className="grid gap-3 sm:grid-cols-3">
          {p.durationMonths !== null && <Fact label={t("programmes.duration")} value={t("programmes.months", { count: p.durationMonths })} />}
          {p.monthlyStipendNtd !== null && <Fact label={t("programmes.stipend")} value={`NT$${numberFormat.format(p.monthlyStipendNtd)}`} />}
          {p.capacityPerYear !== null && <Fact label={t("programmes.capacity")} value={numberFormat.format(p.capacityPerYear)} />}
        </dl>
      )}

      {enrolment.cohorts.length > 0 && <CohortList {...enrolment} message={actionData?.message ?? null} programmeKey={p.key} />}

      <section aria-labelledby="rules" className="card space-y-3">
        <h2 id="rules">{t("programmes.rules")}</h2>
        <ol className="list-decimal space-y-2 pl-5">
          {rules.map((r) => <li key={r.position}>{pick(locale, r.zh, r.en)}</li>)}
        </ol>
      </section>

      {targets.length > 0 && (
        <section aria-labelledby="targets" className="card space-y-3">
          <h2 id="targets">{t("programmes.targets")}</h2>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("programmes.targets")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("programmes.targets")}</th>
                  <th scope="col">{t("forecast.year")}</th>
                  <th scope="col" className="text-right">#</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((x) => (
                  <tr key={x.id}>
                    <th scope="row" className="font-normal">{pick(locale, x.labelZh, x.labelEn)}</th>
                    <td>{x.year ?? t("programmes.perYear")}</td>
                    <td className="text-right tabular-nums">{numberFormat.format(x.value)} {pick(locale, x.unitZh, x.unitEn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="skills" className="card space-y-3">
          <h2 id="skills">{t("programmes.skillsTaught")}</h2>
          <ul className="space-y-1">
            {skills.map((s) => (
              <li key={s.key} className="flex justify-between gap-3">
                <span>{pick(locale, s.zh, s.en)}</span>
                <span className="text-sm text-slate-600">{t("programmes.level", { level: String(s.level) })}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="occupations" className="card space-y-3">
          <h2 id="occupations">{t("programmes.targetOccupations")}</h2>
          <ul className="list-disc space-y-1 pl-5">
            {occupations.map((o) => (
              <li key={o.code}>
                <Link to={`/occupations/${o.surveyKey}/${o.code}`}>{pick(locale, o.titleZh, o.titleEn)}</Link> ({o.code})
              </li>
            ))}
          </ul>
        </section>
      </div>
      {p.sourceFile && (
        <p className="text-xs text-slate-600">{t("programmes.source", { file: p.sourceFile, location: p.sourceLocation ?? "" })}</p>
      )}
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="card flex flex-col-reverse">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold">{value}</dd>
    </div>
  );
}
