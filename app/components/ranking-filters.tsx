// The filter-and-sort form of the ranking pages: a plain GET form, so the choices live in the URL, work
// without JavaScript and come back with the browser's back button (the form is re-keyed on the URL so
// its fields show the restored values).
import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PART_SORTS, SCORE_OPTIONS, type RankingParams } from "~/matching/ranking-params";

export function RankingFilters({ params, newest = false, children }: { params: RankingParams; newest?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form key={location.search} method="get" aria-labelledby="ranking-filters" className="card grid gap-4 sm:grid-cols-4 sm:items-end">
      <h2 id="ranking-filters" className="text-base sm:col-span-4">{t("matching.filters.legend")}</h2>
      <div>
        <label htmlFor="minScore" className="field-label">{t("matching.filters.minScore")}</label>
        <select id="minScore" name="minScore" defaultValue={params.minScore?.toString() ?? ""} className="field-input">
          <option value="">{t("matching.filters.anyScore")}</option>
          {SCORE_OPTIONS.map((score) => <option key={score} value={score}>{t("matching.filters.scoreOption", { score: String(score) })}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="sort" className="field-label">{t("matching.filters.sort")}</label>
        <select id="sort" name="sort" defaultValue={params.sort} className="field-input">
          <option value="total">{t("matching.filters.sortTotal")}</option>
          {PART_SORTS.map((key) => <option key={key} value={key}>{t("matching.filters.sortPart", { part: t(`matching.part.${key}`) })}</option>)}
          {newest ? <option value="newest">{t("matching.filters.sortNewest")}</option> : null}
        </select>
      </div>
      {children}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="allSkills" value="1" defaultChecked={params.allSkills === "1"} />
        {t("matching.filters.allSkills")}
      </label>
      <button type="submit" className="btn-primary sm:col-start-4">{t("matching.filters.submit")}</button>
    </Form>
  );
}

/** A free-text city filter, for the pages where a city means something. */
export function CityFilter({ value }: { value: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor="city" className="field-label">{t("matching.filters.city")}</label>
      <input id="city" name="city" defaultValue={value ?? ""} maxLength={60} autoComplete="address-level2" className="field-input" />
    </div>
  );
}
