import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration,
  useLocation, useRouteError, useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { defaultLocale, i18nFor, htmlLang, type Locale } from "./i18n/resources";
import { getLocale } from "./i18n/locale.server";
import { useNonce } from "./nonce";
import { SearchBox } from "./components/search-box";
import { AccountMenu } from "./components/account-menu";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [
  {
    title: !error
      ? "精準健康人才媒合平台 · Precision Health Talent Portal"
      : isRouteErrorResponse(error) && error.status === 503
        ? "服務暫時無法使用 · Temporarily unavailable"
        : "找不到這個頁面 · Page not found",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Every page: anyone may read it. Only what the header needs about the viewer goes to the browser.
  const viewer = context.viewer;
  return {
    locale: await getLocale(request),
    viewer: viewer && { displayName: viewer.displayName, roles: viewer.roles },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? defaultLocale;
  const i18n = i18nFor(locale);
  const nonce = useNonce();
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <I18nextProvider i18n={i18n}>
          <SiteHeader locale={locale} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const next: Locale = locale === "en" ? "zh-TW" : "en";
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium no-underline ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:no-underline"}`;
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
        {t("site.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link to="/" className="text-lg font-bold text-brand-800 no-underline hover:no-underline">
          {t("site.name")}
        </Link>
        <nav aria-label={t("site.mainNav")} className="flex flex-1 flex-wrap gap-1">
          <NavLink to="/occupations" className={navClass}>{t("nav.occupations")}</NavLink>
          <NavLink to="/programmes" className={navClass}>{t("nav.programmes")}</NavLink>
          <NavLink to="/tickets/new" className={navClass}>{t("tickets.nav")}</NavLink>
        </nav>
        <SearchBox />
        <AccountMenu />
        <form method="post" action="/locale">
          <input type="hidden" name="locale" value={next} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" className="btn-secondary" lang={htmlLang(next)} aria-label={t("site.switchToLabel")}>
            {t("site.switchTo")}
          </button>
        </form>
      </div>
    </header>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p>{t("site.footerSources")}</p>
        <p>{t("site.footerNote")}</p>
      </div>
    </footer>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // 503: the database is unreachable for a moment (server/unavailable.ts).
  const kind = status === 404 ? "notFound" : status === 503 ? "unavailable" : "error";
  return (
    <div className="card mx-auto max-w-xl space-y-3" role="alert">
      <h1>{t(`errors.${kind}Title`)}</h1>
      <p>{t(`errors.${kind}Body`)}</p>
      <Link to="/" className="btn-primary">{t("errors.backHome")}</Link>
    </div>
  );
}
