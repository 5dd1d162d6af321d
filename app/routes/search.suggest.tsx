// Instant results for the header search box (public, read-only JSON).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { hitHref, hitTitle } from "~/components/search-hit";
import { plain } from "~/components/highlighted";
import { getLocale } from "~/i18n/locale.server";
import { searchEverything } from "~/search/everything.server";
import { query } from "~/search/params";
import { SearchUnavailable } from "~/search/search.server";

export interface Suggestion {
  id: string;
  kind: "occupations" | "skills" | "programmes" | "positions";
  title: string;
  detail: string;
  href: string;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = query.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!parsed.success || parsed.data === "") return Response.json({ groups: [] });
  const locale = await getLocale(request);
  try {
    const groups = await searchEverything(context.services.search, parsed.data, 3);
    return Response.json({
      groups: groups
        .filter((g) => g.hits.length > 0)
        .map((g) => ({
          kind: g.kind,
          total: g.total,
          items: g.hits.map((hit): Suggestion => ({
            id: `${g.kind}:${plain(hit.id)}`,
            kind: g.kind,
            title: plain(hitTitle(g.kind, hit, locale)),
            detail: plain(g.kind === "occupations" ? hit.code : g.kind === "positions" ? (locale === "en" ? hit.organisationEn : hit.organisationZh) : ""),
            href: hitHref(g.kind, hit),
          })),
        })),
    });
  } catch (error) {
    if (error instanceof SearchUnavailable) return Response.json({ groups: [], unavailable: true }, { status: 503 });
    throw error;
  }
}
