// Skill-gap coverage of a survey: its occupations × the skills they require, each cell counting the
// published programmes that teach the skill, then the skills nobody teaches and who teaches the rest.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CoverageLegend, CoverageMatrixTable, type MatrixRow } from "~/gaps/coverage-matrix";
import { coverageMatrix } from "~/gaps/coverage.server";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listSurveys } from "~/occupations/queries.server";
import { dbFrom } from "~/services.server";

export const meta: MetaFunction = () => [{ title: "能力缺口涵蓋 · Skill-gap coverage" }];

// Filters live in the URL; unknown values are ignored, so a stale link still shows a matrix.
const paramsSchema = z.object({
  survey: z.string().regex(/^[a-z0-9-]{1,64}$/).optional().catch(undefined),
  occupation: z.string().uuid().optional().catch(undefined),
  skill: z.string().regex(/^[a-z0-9-]{1,64}$/).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page.
  const db = dbFrom(context);
  const query = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [locale, surveys] = await Promise.all([getLocale(request), listSurveys(db)]);
  const survey = surveys.find((s) => s.key === query.survey) ?? surveys.at(-1);
  const matrix = survey ? await coverageMatrix(db, { survey: survey.key }) : { skills: [], rows: [], uncovered: [], teaching: {} };
  const name = (s: { zh: string; en: string }) => pick(locale, s.zh, s.en);
  const title = (p: { titleZh: string; titleEn: string }) => pick(locale, p.titleZh, p.titleEn);
  const occupation = matrix.rows.find((r) => r.occupation.id === query.occupation)?.occupation;
  const skill = matrix.skills.find((s) => s.key === query.skill);
  const rows = matrix.rows.filter((r) => (!occupation || r.occupation.id === occupation.id) && (!skill || r.cells.some((c) => c.skillKey === skill.key)));
  const shownSkills = new Set(rows.flatMap((r) => r.cells.map((c) => c.skillKey)));
  const columns = matrix.skills.filter((s) => (skill ? s.key === skill.key : shownSkills.has(s.key)));
  return {
    separator: locale === "en" ? "; " : "、",
    surveys: surveys.map((s) => ({ key: s.key, title: pick(locale, s.titleZh, s.titleEn) })),
    survey: survey ? { key: survey.key, title: pick(locale, survey.titleZh, survey.titleEn) } : null,
    filters: { occupation: occupation?.id ?? "", skill: skill?.key ?? "" },
    occupationOptions: matrix.rows.map((r) => ({ id: r.occupation.id, title: title(r.occupation) })),
    skillOptions: matrix.skills.map((s) => ({ key: s.key, name: name(s) })),
    columns: columns.map((s) => ({ key: s.key, name: name(s) })),
    rows: rows.map((r): MatrixRow => ({
      id: r.occupation.id,
      code: r.occupation.code,
      title: title(r.occupation),
      covered: r.covered,
      required: r.required,
      cells: Object.fromEntries(r.cells.map((c) => [c.skillKey, c.programmes.map(title)])),
    })),
    uncovered: matrix.uncovered.map((u) => ({ key: u.skill.key, name: name(u.skill), occupations: u.occupations.map((o) => ({ code: o.code, title: title(o) })) })),
    teaching: columns.map((s) => ({ key: s.key, name: name(s), programmes: (matrix.teaching[s.key] ?? []).map((p) => ({ key: p.key, title: title(p), level: p.level })) })),
  };
}

export default function GapCoverage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("gaps.matrix.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("gaps.matrix.lead")}</p>
      </header>
      <nav aria-label={t("gaps.matrix.surveys")}>
        <ul className="flex flex-wrap gap-2">
          {data.surveys.map((s) => (
            <li key={s.key}>
              <Link to={`/gaps?survey=${s.key}`} aria-current={data.survey?.key === s.key ? "page" : undefined}
                className={`btn ${data.survey?.key === s.key ? "bg-brand-700 text-white hover:text-white" : "border border-slate-300 bg-white text-slate-800"}`}>
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!data.survey || data.occupationOptions.length === 0 ? <p className="card text-slate-700">{t("gaps.matrix.empty")}</p> : (
        <>
          <Form key={location.search} method="get" className="card grid gap-4 sm:grid-cols-3 sm:items-end" aria-label={t("gaps.matrix.filters")}>
            <input type="hidden" name="survey" value={data.survey.key} />
            <div>
              <label htmlFor="occupation" className="field-label">{t("gaps.matrix.occupation")}</label>
              <select id="occupation" name="occupation" defaultValue={data.filters.occupation} className="field-input">
                <option value="">{t("gaps.matrix.anyOccupation")}</option>
                {data.occupationOptions.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="skill" className="field-label">{t("gaps.matrix.skill")}</label>
              <select id="skill" name="skill" defaultValue={data.filters.skill} className="field-input">
                <option value="">{t("gaps.matrix.anySkill")}</option>
                {data.skillOptions.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
              </select>
            </div>
            <div className="flex gap-2">
              <button type="submit" className="btn-primary">{t("gaps.matrix.apply")}</button>
              <Link to={`/gaps?survey=${data.survey.key}`} className="btn-secondary">{t("gaps.matrix.clear")}</Link>
            </div>
          </Form>
          <CoverageLegend />
          {data.rows.length === 0 ? <p className="card text-slate-700">{t("gaps.matrix.noMatch")}</p> : (
            <CoverageMatrixTable caption={t("gaps.matrix.caption", { survey: data.survey.title })} survey={data.survey.key} columns={data.columns} rows={data.rows} />
          )}
          <UncoveredSkills survey={data.survey.key} uncovered={data.uncovered} separator={data.separator} />
          <section aria-labelledby="teaching" className="space-y-3">
            <h2 id="teaching">{t("gaps.matrix.teachingHeading")}</h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {data.teaching.map((s) => (
                <li key={s.key} className="card space-y-1">
                  <h3 className="text-base">{s.name}</h3>
                  {s.programmes.length === 0 ? <p className="text-sm text-slate-700">{t("gaps.matrix.teachingNone")}</p> : (
                    <ul className="list-disc pl-5 text-sm">
                      {s.programmes.map((p) => <li key={p.key}><Link to={`/programmes/${p.key}`}>{p.title}</Link> · {t("gaps.matrix.programmeLevel", { level: String(p.level) })}</li>)}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

function UncoveredSkills({ survey, uncovered, separator }: { survey: string; separator: string; uncovered: { key: string; name: string; occupations: { code: string; title: string }[] }[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="uncovered" className="card space-y-3">
      <h2 id="uncovered">{t("gaps.matrix.uncoveredHeading")}</h2>
      {uncovered.length === 0 ? <p className="text-slate-700">{t("gaps.matrix.uncoveredNone")}</p> : (
        <>
          <p className="text-sm text-slate-700">{t("gaps.matrix.uncoveredCount", { count: uncovered.length })}</p>
          <ul className="space-y-2">
            {uncovered.map((u) => (
              <li key={u.key}>
                <strong>{u.name}</strong>
                <span className="text-sm text-slate-700"> · {t("gaps.matrix.requiredBy")} </span>
                {u.occupations.map((o, i) => (
                  <span key={o.code} className="text-sm">{i > 0 ? separator : ""}<Link to={`/occupations/${survey}/${o.code}`}>{o.title}</Link></span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
