import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SearchHit } from "~/components/search-hit";
import { getLocale } from "~/i18n/locale.server";
import { query } from "~/search/params";
import { facetsOf, searchPage, type FacetSelection } from "~/search/results.server";
import { searchKinds, type SearchKind } from "~/search/kinds";
import { FacetPanel } from "~/components/search-facets";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `${data.q} · 搜尋 Search` : "搜尋 · Search" }];

const pageParams = z.object({
  q: query.catch(""),
  kind: z.enum(["all", ...searchKinds]).catch("all"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
const facetValue = z.string().min(1).max(64).regex(/^[\p{L}\p{N} _.-]+$/u);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page. State lives in the URL: q, kind, page and facet values (repeatable).
  const url = new URL(request.url);
  const { q, kind, page } = pageParams.parse(Object.fromEntries(url.searchParams));
  const selection: FacetSelection = {};
  if (kind !== "all") {
    for (const field of facetsOf[kind]) {
      const values = url.searchParams.getAll(field).filter((v) => facetValue.safeParse(v).success);
      if (values.length > 0) selection[field] = values;
    }
    const skill = url.searchParams.get("skill");
    if (kind === "occupations" && skill && /^[a-z0-9-]{1,64}$/.test(skill)) selection.skillKeys = [skill];
  }
  const data = await searchPage(context.services, q, kind, selection, page);
  return { locale: await getLocale(request), q, kind, selection, data };
}

export default function SearchPage() {
  const { locale, q, kind, selection, data } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const kindLabel = (k: SearchKind) => t(`search.kinds.${k}`);
  const tabHref = (k: SearchKind | "all") => `/search?${new URLSearchParams({ ...(q ? { q } : {}), ...(k === "all" ? {} : { kind: k }) })}`;
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1>{q ? t("search.resultsFor", { q }) : t("search.title")}</h1>
        <Form method="get" action="/search" role="search" className="flex max-w-2xl gap-2">
          {kind !== "all" && <input type="hidden" name="kind" value={kind} />}
          <label htmlFor="search-page-q" className="sr-only">{t("search.label")}</label>
          <input id="search-page-q" name="q" type="search" defaultValue={q} maxLength={200} placeholder={t("search.placeholder")} className="field-input mt-0 flex-1" />
          <button type="submit" className="btn-primary">{t("search.submit")}</button>
        </Form>
        {data.degraded && <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("search.degraded")}</p>}
      </header>

      <nav aria-label={t("search.label")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {(["all", ...searchKinds] as const).map((k) => (
          <Link key={k} to={tabHref(k)} aria-current={k === kind ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm no-underline ${k === kind ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}>
            {k === "all" ? t("search.allResults") : kindLabel(k)}
          </Link>
        ))}
      </nav>

      {data.mode === "overview" ? (
        <Overview groups={data.groups} q={q} locale={locale} tabHref={tabHref} />
      ) : (
        <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
          <FacetPanel kind={data.kind} facets={data.facets} selection={selection} q={q} />
          <section aria-labelledby="results-heading" className="space-y-3">
            <h2 id="results-heading" className="sr-only">{kindLabel(data.kind)}</h2>
            <p role="status" className="text-sm text-slate-700">
              {"atLeast" in data.result && data.result.atLeast ? t("search.countAtLeast", { count: data.result.total }) : t("search.count", { count: data.result.total })}
            </p>
            {data.result.hits.length === 0 ? (
              <p className="card">{q ? t("search.none", { q }) : t("search.noneOfKind", { kind: kindLabel(data.kind) })}</p>
            ) : (
              <ul className="space-y-3">
                {data.result.hits.map((hit) => (
                  <li key={String(hit.id)}><SearchHit kind={data.kind} hit={hit} locale={locale} /></li>
                ))}
              </ul>
            )}
            <Pagination page={data.page} pages={data.pages} />
          </section>
        </div>
      )}
    </div>
  );
}

function Overview({ groups, q, locale, tabHref }: {
  groups: { kind: SearchKind; total: number; atLeast?: boolean; hits: Record<string, unknown>[] }[];
  q: string;
  locale: "zh-TW" | "en";
  tabHref: (k: SearchKind) => string;
}) {
  const { t } = useTranslation();
  const total = groups.reduce((n, g) => n + g.total, 0);
  return (
    <div className="space-y-8">
      <p role="status" className="text-sm text-slate-700">{t("search.count", { count: total })}</p>
      {total === 0 && <p className="card">{t("search.none", { q })}</p>}
      {groups.filter((g) => g.total > 0).map((group) => (
        <section key={group.kind} aria-labelledby={`group-${group.kind}`} className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`group-${group.kind}`}>{t(`search.kinds.${group.kind}`)} <span className="text-base font-normal text-slate-600">({group.total}{group.atLeast ? "+" : ""})</span></h2>
            {group.total > group.hits.length && (
              <Link to={tabHref(group.kind)}>{t("search.showAll", { count: group.total, kind: t(`search.kinds.${group.kind}`) })}</Link>
            )}
          </div>
          <ul className="grid gap-3 md:grid-cols-2">
            {group.hits.map((hit) => <li key={String(hit.id)}><SearchHit kind={group.kind} hit={hit} locale={locale} /></li>)}
          </ul>
        </section>
      ))}
    </div>
  );
}
