// Talent search for approved companies and the programme office, filtered on the server by role.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { forbidden, requireViewer } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { getLocale } from "~/i18n/locale.server";
import { query } from "~/search/params";
import { skillOptions } from "~/surveys/vocabulary.server";
import { SearchUnavailable } from "~/search/search.server";
import { searchTalents, talentSearchAccess, TALENTS_PAGE_SIZE, type TalentHit } from "~/talents/search.server";

export const meta: MetaFunction = () => [{ title: "人才搜尋 · Find talent" }];

const educationLevels = ["phd", "master", "college", "high_school"] as const;
const yearOptions = [1, 2, 3, 5, 10] as const;
const paramsSchema = z.object({
  q: query.catch(""),
  skill: z.string().regex(/^[a-z0-9-]{1,64}$/).optional().catch(undefined),
  education: z.enum(educationLevels).optional().catch(undefined),
  years: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Recruiters of approved companies and the programme office.
  const viewer = requireViewer(request, context);
  const access = talentSearchAccess(viewer);
  if (!access.allowed && access.reason === "notPermitted") throw forbidden();
  const locale = await getLocale(request);
  const params = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { db, search } = context.services;
  const skills = await skillOptions(db, locale);
  const base = { locale, params, skills, hits: [] as TalentHit[], total: 0, pages: 1 };
  if (!access.allowed) return data({ ...base, problem: "talents.companyNotApproved" as const }, { status: 403 });
  try {
    const result = await searchTalents(db, search, viewer, { q: params.q, skill: params.skill, highestEducation: params.education, minYears: params.years, page: params.page }, context.clientIp);
    return { ...base, hits: result.hits, total: result.total, pages: Math.max(1, Math.ceil(Math.min(result.total, 10_000) / TALENTS_PAGE_SIZE)), problem: null };
  } catch (error) {
    if (error instanceof SearchUnavailable) return data({ ...base, problem: "talents.unavailable" as const }, { status: 503 });
    throw error;
  }
}

export default function TalentSearch() {
  const { locale, params, skills, hits, total, pages, problem } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("talents.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("talents.lead")}</p>
      </header>
      {problem ? <FormMessage>{t(problem)}</FormMessage> : null}
      <Form method="get" role="search" className="card grid gap-4 sm:grid-cols-5 sm:items-end">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="field-label">{t("talents.query")}</label>
          <input id="q" name="q" type="search" defaultValue={params.q} maxLength={200} className="field-input" />
        </div>
        <div>
          <label htmlFor="skill" className="field-label">{t("talents.skill")}</label>
          <select id="skill" name="skill" defaultValue={params.skill ?? ""} className="field-input">
            <option value="">{t("talents.anySkill")}</option>
            {skills.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="education" className="field-label">{t("talents.education")}</label>
          <select id="education" name="education" defaultValue={params.education ?? ""} className="field-input">
            <option value="">{t("talents.anyEducation")}</option>
            {educationLevels.map((level) => <option key={level} value={level}>{t(`education.${level}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="years" className="field-label">{t("talents.minYears")}</label>
          <select id="years" name="years" defaultValue={params.years?.toString() ?? ""} className="field-input">
            <option value="">{t("talents.anyYears")}</option>
            {yearOptions.map((y) => <option key={y} value={y}>{t("talents.yearsOption", { count: y })}</option>)}
          </select>
        </div>
        <button type="submit" className="btn-primary sm:col-start-5">{t("talents.submit")}</button>
      </Form>
      {problem ? null : <p role="status" className="text-sm text-slate-700">{t("talents.count", { count: total })}</p>}
      {!problem && hits.length === 0 ? <p className="card text-slate-700">{t("talents.empty")}</p> : (
        <ul className="grid gap-3 md:grid-cols-2">
          {hits.map((hit) => (
            <li key={hit.id} className="card space-y-2">
              <h2 className="text-base">{hit.headline || t(`education.${(hit.highestEducation ?? "phd") as "phd"}`)}</h2>
              <p className="text-sm text-slate-700">
                {[hit.highestEducation ? t(`education.${hit.highestEducation as "phd"}`) : null, hit.yearsExperience != null ? t("talents.years", { count: hit.yearsExperience }) : null, hit.city, hit.countryOfResidence].filter(Boolean).join(" · ")}
              </p>
              <p className="text-sm">{t("common.labelValue", { label: t("talents.skills"), value: (locale === "en" ? hit.skillsEn : hit.skillsZh).join(locale === "en" ? ", " : "、") })}</p>
              <p className="text-sm">{t("common.labelValue", { label: t("talents.fields"), value: (locale === "en" ? hit.educationFieldsEn : hit.educationFieldsZh).map((f, i) => (locale === "en" ? `${f} (${hit.educationFieldCodes[i] ?? ""})` : `${f}（${hit.educationFieldCodes[i] ?? ""}）`)).join(locale === "en" ? ", " : "、") })}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={params.page} pages={pages} />
    </div>
  );
}
