// A talent's skill gap to a target occupation: the required skills they lack or hold below level 3,
// and the published programmes that teach them, ordered by how much of the gap each closes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { talentGap } from "~/gaps/coverage.server";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { SOLID_LEVEL } from "~/matching/score";
import { listOccupations, listSurveys } from "~/occupations/queries.server";
import { dbFrom } from "~/services.server";

export const meta: MetaFunction = () => [{ title: "我的能力缺口 · My skill gap" }];

const paramsSchema = z.object({ occupation: z.string().uuid().optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:talent-profile:own");
  const db = dbFrom(context);
  const locale = await getLocale(request);
  const query = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [surveys, occupations, gap] = await Promise.all([
    listSurveys(db),
    listOccupations(db, {}),
    query.occupation ? talentGap(db, viewer.id, query.occupation) : null,
  ]);
  if (query.occupation && !gap) throw notFound();
  const name = (s: { zh: string; en: string }) => pick(locale, s.zh, s.en);
  const title = (p: { titleZh: string; titleEn: string }) => pick(locale, p.titleZh, p.titleEn);
  const skill = (s: { key: string; zh: string; en: string }) => ({ key: s.key, name: name(s) });
  return {
    selected: query.occupation ?? "",
    groups: [...surveys].reverse().map((s) => ({
      key: s.key,
      title: pick(locale, s.titleZh, s.titleEn),
      occupations: occupations.filter((o) => o.surveyKey === s.key).map((o) => ({ id: o.id, title: `${title(o)} (${o.code})` })),
    })),
    gap: gap && {
      occupation: { title: title(gap.occupation), path: `/occupations/${gap.occupation.surveyKey}/${gap.occupation.code}` },
      listsSkills: gap.listsSkills,
      required: gap.required.map((s) => ({ ...skill(s), talentLevel: s.talentLevel })),
      missingCount: gap.missing.length,
      programmes: gap.programmes.map((p) => ({ key: p.key, title: title(p), targetsOccupation: p.targetsOccupation, closes: p.closes.map(skill), raises: p.raises.map(skill) })),
      unclosed: gap.unclosed.map(skill),
    },
  };
}

export default function MyGap() {
  const { selected, groups, gap } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("gaps.talent.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("gaps.talent.lead")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-4">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="occupation" className="field-label">{t("gaps.talent.target")}</label>
          <select id="occupation" name="occupation" defaultValue={selected} required className="field-input">
            <option value="">{t("gaps.talent.choose")}</option>
            {groups.map((g) => (
              <optgroup key={g.key} label={g.title}>
                {g.occupations.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">{t("gaps.talent.show")}</button>
      </Form>

      {!gap ? <p className="card text-slate-700">{t("gaps.talent.chooseFirst")}</p> : (
        <>
          {!gap.listsSkills && (
            <FormMessage tone="info">{t("gaps.talent.emptyProfile")} <Link to="/profile">{t("gaps.talent.fillProfile")}</Link></FormMessage>
          )}
          <section aria-labelledby="required" className="space-y-3">
            <h2 id="required">{t("gaps.talent.requiredHeading", { occupation: gap.occupation.title })}</h2>
            <div className="overflow-x-auto">
              <table className="data-table bg-white">
                <caption className="sr-only">{t("gaps.talent.requiredHeading", { occupation: gap.occupation.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("gaps.talent.skill")}</th>
                    <th scope="col">{t("gaps.talent.yourLevel")}</th>
                    <th scope="col">{t("gaps.talent.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {gap.required.map((s) => <RequiredSkillRow key={s.key} name={s.name} talentLevel={s.talentLevel} />)}
                </tbody>
              </table>
            </div>
            <p><Link to={gap.occupation.path}>{t("gaps.talent.occupationPage")}</Link></p>
          </section>

          {gap.missingCount === 0 ? <p className="card text-slate-700">{t("gaps.talent.noGap")}</p> : (
            <section aria-labelledby="closing" className="space-y-3">
              <h2 id="closing">{t("gaps.talent.programmesHeading")}</h2>
              <p className="text-sm text-slate-700">{t("gaps.talent.programmesLead")}</p>
              {gap.programmes.length === 0 ? <p className="card text-slate-700">{t("gaps.talent.noProgrammes")}</p> : (
                <ol className="space-y-3">
                  {gap.programmes.map((p) => (
                    <li key={p.key} className="card space-y-1">
                      <h3 className="text-lg"><Link to={`/programmes/${p.key}`}>{p.title}</Link></h3>
                      {p.targetsOccupation && <p className="text-sm text-slate-700">{t("gaps.talent.targets")}</p>}
                      {p.closes.length > 0 && <p className="text-sm">{t("gaps.talent.closes")} {p.closes.map((s) => s.name).join(" · ")}</p>}
                      {p.raises.length > 0 && <p className="text-sm text-slate-700">{t("gaps.talent.raises")} {p.raises.map((s) => s.name).join(" · ")}</p>}
                    </li>
                  ))}
                </ol>
              )}
              {gap.unclosed.length > 0 && (
                <div className="card space-y-2">
                  <h3 className="text-base">{t("gaps.talent.unclosedHeading")}</h3>
                  <ul className="list-disc pl-5">{gap.unclosed.map((s) => <li key={s.key}>{s.name}</li>)}</ul>
                </div>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

function RequiredSkillRow({ name, talentLevel }: { name: string; talentLevel: number | null }) {
  const { t } = useTranslation();
  const status = talentLevel === null ? "absent" : talentLevel >= SOLID_LEVEL ? "held" : "partial";
  const tone = { held: "bg-emerald-100 text-emerald-900", partial: "bg-amber-100 text-amber-900", absent: "bg-red-100 text-red-900" }[status];
  const symbol = { held: "✓", partial: "◐", absent: "✕" }[status];
  return (
    <tr>
      <th scope="row" className="bg-transparent font-normal">{name}</th>
      <td>{talentLevel === null ? t("gaps.talent.notListed") : t("gaps.talent.level", { level: String(talentLevel) })}</td>
      <td><span className={`rounded px-2 py-0.5 font-semibold ${tone}`}><span aria-hidden="true">{symbol} </span>{t(`gaps.talent.${status}`)}</span></td>
    </tr>
  );
}
