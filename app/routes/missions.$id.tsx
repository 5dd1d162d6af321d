// One mission for its participants: talents register and tick the positions they want to meet;
// companies register published positions and tick the talents they want to meet (with the match
// score); both see their meetings in their own time zone, with a calendar file; the host company
// records attendance and follow-ups.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireViewer } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { MeetingTable } from "~/missions/meeting-table";
import { meetingsFor, scoresFor } from "~/missions/meetings.server";
import { companiesOf, getMission, markInterest, MissionRuleError, participantsOf, registerPosition, registerTalent, registrablePositions } from "~/missions/missions.server";
import { attendanceAction, refused } from "~/missions/route-actions.server";
import { isTimeZone, knownTimeZones } from "~/missions/time-zones";
import { chosenTimeZone, timeZoneCookie } from "~/missions/viewer-zone.server";
import { ViewerZone, ZonedTime } from "~/missions/zoned-time";

export const meta: MetaFunction = () => [{ title: "招募團 · Mission" }];

async function missionOr404(db: Parameters<typeof getMission>[0], id: string) {
  try {
    return await getMission(db, id);
  } catch (error) {
    if (error instanceof MissionRuleError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const mission = await missionOr404(db, params.id ?? "");
  const [participants, meetings, zone, locale] = await Promise.all([participantsOf(db, mission.id), meetingsFor(db, viewer, mission.id), chosenTimeZone(request), getLocale(request)]);
  const companies = companiesOf(viewer).map((c) => c.organisationId);
  const myPositions = participants.positions.filter((p) => companies.includes(p.organisationId));
  const isTalent = viewer.roles.includes("talent");
  const has = (side: "company" | "talent", positionId: string, talentId: string) => participants.interests.some((i) => i.side === side && i.positionId === positionId && i.talentId === talentId);
  const scores = await scoresFor(db, myPositions.map((p) => p.positionId), participants.talents.map((x) => x.userId));
  return {
    zone,
    zones: knownTimeZones(),
    over: mission.endsAt <= new Date(),
    mission: {
      id: mission.id, kind: mission.kind, title: locale === "en" ? mission.titleEn : mission.titleZh, description: locale === "en" ? mission.descriptionEn : mission.descriptionZh,
      startsAt: mission.startsAt.toISOString(), endsAt: mission.endsAt.toISOString(), timeZone: mission.timeZone, online: mission.online,
      venue: mission.venue, city: mission.city, country: mission.country, meetingMinutes: mission.meetingMinutes,
    },
    talent: isTalent
      ? {
          registered: participants.talents.some((x) => x.userId === viewer.id),
          positions: participants.positions.map((p) => ({
            positionId: p.positionId, title: p.title, company: locale === "en" ? p.nameEn : p.nameZh,
            mine: has("talent", p.positionId, viewer.id), theirs: has("company", p.positionId, viewer.id),
          })),
        }
      : null,
    company: companies.length
      ? {
          registrable: await registrablePositions(db, viewer, mission.id),
          positions: myPositions.map((p) => ({ positionId: p.positionId, title: p.title })),
          talents: participants.talents.map((x) => ({
            userId: x.userId, displayName: x.displayName, country: x.countryOfResidence,
            cells: myPositions.map((p) => ({ positionId: p.positionId, score: scores[`${p.positionId}|${x.userId}`] ?? 0, mine: has("company", p.positionId, x.userId), theirs: has("talent", p.positionId, x.userId) })),
          })),
        }
      : null,
    meetings: meetings.map((m) => ({
      id: m.id, startsAt: m.startsAt.toISOString(), status: m.status, followUp: m.followUp, positionTitle: m.positionTitle,
      organisation: locale === "en" ? m.organisationEn : m.organisationZh, talentName: m.talentName, mayRecord: companies.includes(m.hostOrganisationId),
    })),
  };
}

const uuidList = z.array(z.uuid()).max(500);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const mission = await missionOr404(db, params.id ?? "");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    switch (intent) {
      case "timeZone": {
        const zone = String(form.get("timeZone") ?? "");
        if (zone !== "" && !isTimeZone(zone)) return data({ intent, ok: false as const, message: "missions.refusal.unknownTimeZone", field: "timeZone" }, { status: 400 });
        return redirect(`/missions/${mission.id}`, { headers: { "Set-Cookie": await timeZoneCookie.serialize(zone, zone === "" ? { maxAge: 0 } : {}) } });
      }
      case "register":
        await registerTalent(db, viewer, mission.id);
        return { intent, ok: true as const, message: "missions.detail.registered", field: null };
      case "registerPosition": {
        const positionId = z.uuid().safeParse(form.get("positionId"));
        if (!positionId.success) return data({ intent, ok: false as const, message: "validation.choose", field: "positionId" }, { status: 400 });
        await registerPosition(db, viewer, mission.id, positionId.data);
        return { intent, ok: true as const, message: "missions.detail.interestSaved", field: null };
      }
      case "talentInterest": {
        const shown = uuidList.safeParse(form.getAll("shown"));
        const wanted = uuidList.safeParse(form.getAll("want"));
        if (!shown.success || !wanted.success) return data({ intent, ok: false as const, message: "validation.choose", field: null }, { status: 400 });
        for (const positionId of shown.data) await markInterest(db, viewer, mission.id, "talent", { positionId, talentUserId: viewer.id }, wanted.data.includes(positionId));
        return { intent, ok: true as const, message: "missions.detail.interestSaved", field: null };
      }
      case "companyInterest": {
        const pair = z.array(z.string().regex(/^[0-9a-f-]{36}\|[^|]{1,64}$/i)).max(5000);
        const shown = pair.safeParse(form.getAll("shown"));
        const wanted = pair.safeParse(form.getAll("want"));
        if (!shown.success || !wanted.success) return data({ intent, ok: false as const, message: "validation.choose", field: null }, { status: 400 });
        for (const cell of shown.data) {
          const [positionId, talentUserId] = cell.split("|") as [string, string];
          await markInterest(db, viewer, mission.id, "company", { positionId, talentUserId }, wanted.data.includes(cell));
        }
        return { intent, ok: true as const, message: "missions.detail.interestSaved", field: null };
      }
      case "attendance":
        return attendanceAction(db, viewer, mission.id, form, context.clientIp);
      default:
        return data({ intent, ok: false as const, message: "validation.choose", field: null }, { status: 400 });
    }
  } catch (error) {
    return refused(error, intent);
  }
}

export default function MissionPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { mission } = page;
  const message = (intent: string) =>
    result && result.intent === intent ? <FormMessage tone={result.ok ? "success" : "error"}>{t(result.message as never)}</FormMessage> : null;
  return (
    <ViewerZone chosen={page.zone} fallback={mission.timeZone}>
      <div className="mx-auto max-w-6xl space-y-8">
        <header className="space-y-2">
          <p className="text-sm text-slate-600">{t(`missions.kinds.${mission.kind as "recruitment_mission"}`)}</p>
          <h1>{mission.title}</h1>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("missions.detail.when")}</dt>
            <dd><ZonedTime at={mission.startsAt} /> – <ZonedTime at={mission.endsAt} /></dd>
            <dt className="font-medium">{t("missions.detail.where")}</dt>
            <dd>{mission.online ? t("missions.online") : [mission.venue, mission.city, mission.country].filter(Boolean).join(", ")} · {t("missions.detail.meetingLength", { minutes: mission.meetingMinutes })}</dd>
          </dl>
          {mission.description ? <p className="max-w-3xl whitespace-pre-line text-slate-700">{mission.description}</p> : null}
          <ZoneChooser zones={page.zones} chosen={page.zone} />
          {page.over ? <FormMessage tone="info">{t("missions.detail.over")}</FormMessage> : null}
        </header>

        {!page.talent && !page.company ? <FormMessage tone="info">{t("missions.detail.notParticipant")}</FormMessage> : null}

        {page.talent ? (
          <section aria-labelledby="talent-side" className="space-y-3">
            <h2 id="talent-side">{t("missions.detail.positionsHeading")}</h2>
            {message("register")}
            {!page.talent.registered ? (
              <Form method="post"><input type="hidden" name="intent" value="register" /><button type="submit" className="btn-primary" disabled={page.over}>{t("missions.detail.register")}</button></Form>
            ) : page.talent.positions.length === 0 ? (
              <p className="card">{t("missions.detail.noPositions")}</p>
            ) : (
              <Form method="post" className="space-y-3">
                <input type="hidden" name="intent" value="talentInterest" />
                <table className="data-table">
                  <caption>{t("missions.detail.positionsCaption")}</caption>
                  <thead><tr><th scope="col">{t("missions.detail.position")}</th><th scope="col">{t("missions.detail.company")}</th><th scope="col">{t("missions.detail.interest")}</th><th scope="col">{t("missions.detail.theyAreInterested")}</th></tr></thead>
                  <tbody>
                    {page.talent.positions.map((p) => (
                      <tr key={p.positionId}>
                        <th scope="row">{p.title}</th>
                        <td>{p.company}</td>
                        <td>
                          <input type="hidden" name="shown" value={p.positionId} />
                          <input type="checkbox" name="want" value={p.positionId} defaultChecked={p.mine} id={`want-${p.positionId}`} aria-label={`${t("missions.detail.interest")}: ${p.title}`} />
                        </td>
                        <td>{p.theirs ? "✓" : ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button type="submit" className="btn-primary" disabled={page.over}>{t("missions.detail.saveInterest")}</button>
              </Form>
            )}
            {message("talentInterest")}
          </section>
        ) : null}

        {page.company ? (
          <section aria-labelledby="company-side" className="space-y-3">
            <h2 id="company-side">{t("missions.detail.talentsHeading")}</h2>
            {page.company.registrable.length > 0 ? (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="registerPosition" />
                <div>
                  <label htmlFor="positionId" className="field-label">{t("missions.detail.positionToRegister")}</label>
                  <select id="positionId" name="positionId" className="field-input" required>
                    {page.company.registrable.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
                  </select>
                </div>
                <button type="submit" className="btn-secondary" disabled={page.over}>{t("missions.detail.registerPosition")}</button>
              </Form>
            ) : <p className="text-sm text-slate-700">{t("missions.detail.noRegistrable")}</p>}
            {message("registerPosition")}
            {page.company.positions.length === 0 ? null : page.company.talents.length === 0 ? (
              <p className="card">{t("missions.detail.noTalents")}</p>
            ) : (
              <Form method="post" className="space-y-3">
                <input type="hidden" name="intent" value="companyInterest" />
                <table className="data-table">
                  <caption>{t("missions.detail.talentsCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("missions.detail.talent")}</th>
                      <th scope="col">{t("missions.detail.country")}</th>
                      {page.company.positions.map((p) => <th key={p.positionId} scope="col">{p.title} · {t("missions.detail.score")}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {page.company.talents.map((x) => (
                      <tr key={x.userId}>
                        <th scope="row">{x.displayName}</th>
                        <td>{x.country ?? ""}</td>
                        {x.cells.map((c) => (
                          <td key={c.positionId}>
                            <input type="hidden" name="shown" value={`${c.positionId}|${x.userId}`} />
                            <label className="inline-flex items-center gap-1">
                              <input type="checkbox" name="want" value={`${c.positionId}|${x.userId}`} defaultChecked={c.mine} />
                              <span>{c.score}</span>
                              <span className="sr-only">{t("missions.detail.interest")}: {x.displayName}</span>
                            </label>
                            {c.theirs ? <span title={t("missions.detail.theyAreInterested")}> ✓<span className="sr-only">{t("missions.detail.theyAreInterested")}</span></span> : null}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button type="submit" className="btn-primary" disabled={page.over}>{t("missions.detail.saveInterest")}</button>
              </Form>
            )}
            {message("companyInterest")}
          </section>
        ) : null}

        <section aria-labelledby="meetings" className="space-y-3">
          <h2 id="meetings">{t("missions.detail.meetingsHeading")}</h2>
          {message("attendance")}
          <MeetingTable missionId={mission.id} meetings={page.meetings} />
        </section>
      </div>
    </ViewerZone>
  );
}

function ZoneChooser({ zones, chosen }: { zones: string[]; chosen: string | null }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="timeZone" />
      <div>
        <label htmlFor="timeZone" className="field-label">{t("missions.detail.timeZone")}</label>
        {/* Keyed by the saved choice, so a new one shows after saving; not by the zone shown, which changes
            once the page hydrates and would reset a choice made before that. */}
        <select id="timeZone" name="timeZone" defaultValue={chosen ?? ""} className="field-input" key={chosen ?? ""}>
          <option value="">{t("missions.detail.browserZone")}</option>
          {zones.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </div>
      <button type="submit" className="btn-secondary">{t("missions.detail.saveTimeZone")}</button>
    </Form>
  );
}
