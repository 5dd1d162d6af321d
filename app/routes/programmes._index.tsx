import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listProgrammes } from "~/programmes/queries.server";
import { programmeTypes } from "~/programmes/types";
import { dbFrom } from "~/services.server";

export const meta: MetaFunction = () => [{ title: "培訓計畫 · Programmes" }];

const filtersSchema = z.object({ type: z.enum(programmeTypes).optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page.
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [locale, programmes] = await Promise.all([getLocale(request), listProgrammes(dbFrom(context), filters)]);
  return { locale, programmes, filters };
}

export default function ProgrammeList() {
  const { locale, programmes, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("programmes.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("programmes.lead")}</p>
      </header>
      <Form key={location.search} method="get" className="card flex flex-wrap items-end gap-4">
        <div className="min-w-64">
          <label htmlFor="type" className="field-label">{t("programmes.type")}</label>
          <select id="type" name="type" defaultValue={filters.type ?? ""} className="field-input">
            <option value="">{t("programmes.allTypes")}</option>
            {programmeTypes.map((type) => <option key={type} value={type}>{t(`programmeType.${type}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="btn-primary">{t("occupations.apply")}</button>
      </Form>
      <p role="status" className="text-sm text-slate-700">{t("programmes.count", { count: programmes.length })}</p>
      {programmes.length === 0 ? (
        <p className="card">{t("programmes.empty")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {programmes.map((p) => (
            <li key={p.key} className="card space-y-2">
              <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{t(`programmeType.${p.type}`)}</p>
              <h2 className="text-lg"><Link to={`/programmes/${p.key}`}>{pick(locale, p.titleZh, p.titleEn)}</Link></h2>
              <p className="text-sm text-slate-600">{pick(locale, p.providerZh, p.providerEn)}</p>
              <p className="text-sm text-slate-700">{pick(locale, p.summaryZh, p.summaryEn)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
