// A training unit's view of the PhD programme: the rounds the office has opened and, for each of the
// viewer's units, its quota application: not started, a draft, submitted, returned (with the reasons),
// complete, or, once published, the quota allocated.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { currentPhase, hasPassed, phaseLabelKey } from "~/placement/calendar";
import { unitEntriesFor, unitsOf } from "~/placement/quota-applications.server";
import { listOpenedRounds } from "~/placement/rounds.server";

export const meta: MetaFunction = () => [{ title: "培訓單位員額申請 · Unit quota applications" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:unit-application:organisation");
  const db = context.services.db;
  const locale = await getLocale(request);
  const hasUnit = unitsOf(viewer).length > 0;
  const rounds = hasUnit ? await listOpenedRounds(db) : [];
  const now = new Date();
  return {
    hasUnit,
    rounds: await Promise.all(
      rounds.map(async (round) => ({
        id: round.id,
        title: pick(locale, round.titleZh, round.titleEn),
        phase: currentPhase(round, now),
        deadline: formatDateTime(round.unitApplicationsCloseAt, locale),
        applicationsClosed: hasPassed(round, "unitApplications", now),
        units: (await unitEntriesFor(db, viewer, round.id)).map((entry) => ({
          id: entry.organisationId,
          name: pick(locale, entry.nameZh, entry.nameEn),
          status: entry.application?.status ?? null,
          returnedReason: entry.application?.status === "returned" ? entry.application.returnedReason : null,
          allocatedQuota: entry.application?.allocatedQuota ?? null,
        })),
      })),
    ),
  };
}

export default function UnitRounds() {
  const { hasUnit, rounds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("placement.unit.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("placement.unit.lead")}</p>
      </header>
      {!hasUnit ? (
        <FormMessage tone="info">
          {t("placement.unit.noUnit")} <Link to="/organisations/new">{t("placement.unit.createUnit")}</Link>
        </FormMessage>
      ) : rounds.length === 0 ? (
        <p className="card text-slate-700">{t("placement.unit.noRounds")}</p>
      ) : (
        <ul className="space-y-4">
          {rounds.map((round) => (
            <li key={round.id} className="card space-y-3">
              <h2>{round.title}</h2>
              <p className="text-sm text-slate-700">
                {t("common.labelValue", { label: t("placement.round.phase"), value: t(phaseLabelKey(round.phase)) })}
                {" · "}
                {t("common.labelValue", { label: t("placement.calendar.unitApplications"), value: round.deadline })}
              </p>
              <ul className="space-y-2">
                {round.units.map((unit) => (
                  <li key={unit.id} className="rounded-md border border-slate-200 p-3">
                    <p>
                      <Link to={`/unit/rounds/${round.id}?unit=${unit.id}`}>{unit.name}</Link>
                      {" · "}
                      {unit.status ? t(`placement.quotaStatus.${unit.status}`) : round.applicationsClosed ? t("placement.unit.notApplied") : t("placement.unit.notStarted")}
                      {unit.allocatedQuota !== null && (unit.status === "allocated" || unit.status === "not_allocated")
                        ? ` · ${t("common.labelValue", { label: t("placement.quota.allocatedQuota"), value: String(unit.allocatedQuota) })}`
                        : null}
                    </p>
                    {unit.returnedReason ? <p className="text-sm text-red-800">{t("common.labelValue", { label: t("placement.quota.returnedReason"), value: unit.returnedReason })}</p> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
