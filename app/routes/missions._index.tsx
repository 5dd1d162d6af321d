// Upcoming recruitment missions and matchmaking fairs, for signed-in talents and companies to join.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/auth/guards.server";
import { listMissions } from "~/missions/missions.server";
import { chosenTimeZone } from "~/missions/viewer-zone.server";
import { ViewerZone, ZonedTime } from "~/missions/zoned-time";

export const meta: MetaFunction = () => [{ title: "招募團與媒合會 · Missions and fairs" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireViewer(request, context);
  const [missions, zone] = await Promise.all([listMissions(context.services.db, { limit: 50 }), chosenTimeZone(request)]);
  return {
    zone,
    missions: missions.map((m) => ({ id: m.id, kind: m.kind, titleZh: m.titleZh, titleEn: m.titleEn, startsAt: m.startsAt.toISOString(), online: m.online, city: m.city, country: m.country })),
  };
}

export default function Missions() {
  const { missions, zone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <ViewerZone chosen={zone} fallback="Asia/Taipei">
      <div className="mx-auto max-w-5xl space-y-6">
        <header className="space-y-2">
          <h1>{t("missions.list.title")}</h1>
          <p className="max-w-3xl text-slate-700">{t("missions.list.lead")}</p>
        </header>
        {missions.length === 0 ? (
          <p className="card">{t("missions.list.empty")}</p>
        ) : (
          <table className="data-table">
            <caption>{t("missions.list.caption")}</caption>
            <thead>
              <tr><th scope="col">{t("missions.list.name")}</th><th scope="col">{t("missions.list.kind")}</th><th scope="col">{t("missions.list.when")}</th><th scope="col">{t("missions.list.where")}</th></tr>
            </thead>
            <tbody>
              {missions.map((m) => (
                <tr key={m.id}>
                  <th scope="row"><Link to={`/missions/${m.id}`}>{i18n.language === "en" ? m.titleEn : m.titleZh}</Link></th>
                  <td>{t(`missions.kinds.${m.kind as "recruitment_mission"}`)}</td>
                  <td><ZonedTime at={m.startsAt} /></td>
                  <td>{m.online ? t("missions.online") : [m.city, m.country].filter(Boolean).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </ViewerZone>
  );
}
