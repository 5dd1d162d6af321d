import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep every other URL parameter. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target === 1) params.delete("page");
    else params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label={t("search.pagination")} className="flex items-center justify-between gap-3 pt-2">
      {page > 1 ? <Link to={href(page - 1)} className="btn-secondary" rel="prev">{t("search.previous")}</Link> : <span />}
      <span className="text-sm text-slate-700">{t("search.page", { page: String(page), pages: String(pages) })}</span>
      {page < pages ? <Link to={href(page + 1)} className="btn-secondary" rel="next">{t("search.next")}</Link> : <span />}
    </nav>
  );
}
