// One mission for the office: who registered, the mutual pairs, scheduling by match score, a meeting
// added by hand (overlaps, past times and times outside the event refused), attendance and follow-ups.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { MeetingTable } from "~/missions/meeting-table";
import { addMeeting, meetingsFor, scheduleMission, scoredCandidates } from "~/missions/meetings.server";
import { addMeetingSchema } from "~/missions/mission-schema";
import { getMission, MissionRuleError, participantsOf } from "~/missions/missions.server";
import { missionRefusal } from "~/missions/refusals";
import { attendanceAction, refused } from "~/missions/route-actions.server";
import { instantToZoned } from "~/missions/time-zones";
import { chosenTimeZone } from "~/missions/viewer-zone.server";
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
  const viewer = requirePermission(request, context, "manage:mission:any");
  const db = context.services.db;
  const mission = await missionOr404(db, params.id ?? "");
  const [participants, candidates, meetings, zone, locale] = await Promise.all([
    participantsOf(db, mission.id), scoredCandidates(db, mission.id), meetingsFor(db, viewer, mission.id), chosenTimeZone(request), getLocale(request),
  ]);
  const title = (id: string) => participants.positions.find((p) => p.positionId === id);
  const talent = (id: string) => participants.talents.find((p) => p.userId === id)?.displayName ?? "";
  return {
    zone,
    mission: {
      id: mission.id, kind: mission.kind, title: locale === "en" ? mission.titleEn : mission.titleZh, startsAt: mission.startsAt.toISOString(), endsAt: mission.endsAt.toISOString(),
      timeZone: mission.timeZone, online: mission.online, venue: mission.venue, city: mission.city, country: mission.country, meetingMinutes: mission.meetingMinutes,
      defaultStart: instantToZoned(mission.startsAt, mission.timeZone),
    },
    counts: { positions: participants.positions.length, talents: participants.talents.length, mutual: candidates.length },
    pairs: candidates.map((c) => ({ value: `${c.positionId}|${c.talentId}`, label: `${title(c.positionId)?.title ?? ""} (${locale === "en" ? title(c.positionId)?.nameEn : title(c.positionId)?.nameZh}) × ${talent(c.talentId)} · ${c.score}` })),
    meetings: meetings.map((m) => ({
      id: m.id, startsAt: m.startsAt.toISOString(), status: m.status, followUp: m.followUp, positionTitle: m.positionTitle,
      organisation: locale === "en" ? m.organisationEn : m.organisationZh, talentName: m.talentName, mayRecord: true,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "manage:mission:any");
  const db = context.services.db;
  const mission = await missionOr404(db, params.id ?? "");
  const form = await request.formData();
  const publicUrl = context.services.env.PUBLIC_URL;
  const intent = form.get("intent");
  if (intent === "schedule") {
    try {
      const result = await scheduleMission(db, viewer, mission.id, publicUrl, context.clientIp);
      context.services.mail.wake();
      return { intent, ok: true as const, message: "missions.office.scheduled", field: null, ...result };
    } catch (error) {
      return refused(error, "schedule");
    }
  }
  if (intent === "addMeeting") {
    const submission = parseWithZod(form, { schema: addMeetingSchema });
    if (submission.status !== "success") {
      const [field, messages] = Object.entries(submission.error ?? {})[0] ?? ["pair", ["validation.choose"]];
      return data({ intent, ok: false as const, message: messages?.[0] ?? "validation.choose", field }, { status: 400 });
    }
    const [positionId, talentUserId] = submission.value.pair.split("|") as [string, string];
    try {
      await addMeeting(db, viewer, mission.id, { positionId, talentUserId, startsLocal: submission.value.startsLocal }, publicUrl, context.clientIp);
      context.services.mail.wake();
      return { intent, ok: true as const, message: "missions.office.added", field: null };
    } catch (error) {
      if (error instanceof MissionRuleError) {
        const refusal = missionRefusal(error.code);
        return data({ intent, ok: false as const, message: refusal.message, field: error.field ?? null }, { status: refusal.status });
      }
      throw error;
    }
  }
  if (intent === "attendance") return attendanceAction(db, viewer, mission.id, form, context.clientIp);
  return data({ intent: "unknown", ok: false as const, message: "validation.choose", field: null }, { status: 400 });
}

export default function OfficeMission() {
  const { mission, counts, pairs, meetings, zone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const message = (intent: string) =>
    result && result.intent === intent ? (
      <FormMessage tone={result.ok ? "success" : "error"}>
        {t(result.message as never, "added" in result && "noSlot" in result ? { added: result.added, noSlot: result.noSlot } : {})}
      </FormMessage>
    ) : null;
  const addError = result && result.intent === "addMeeting" && !result.ok ? result : null;
  return (
    <ViewerZone chosen={zone} fallback={mission.timeZone}>
      <div className="mx-auto max-w-6xl space-y-8">
        <header className="space-y-2">
          <p className="text-sm text-slate-600">{t(`missions.kinds.${mission.kind as "recruitment_mission"}`)}</p>
          <h1>{mission.title}</h1>
          <p><ZonedTime at={mission.startsAt} /> – <ZonedTime at={mission.endsAt} /></p>
          <p>{mission.online ? t("missions.online") : [mission.venue, mission.city, mission.country].filter(Boolean).join(", ")} · {t("missions.detail.meetingLength", { minutes: mission.meetingMinutes })}</p>
        </header>

        <section aria-labelledby="participants" className="card space-y-2">
          <h2 id="participants">{t("missions.office.participants")}</h2>
          <ul>
            <li>{t("missions.office.positionsCount", { count: counts.positions })}</li>
            <li>{t("missions.office.talentsCount", { count: counts.talents })}</li>
            <li>{t("missions.office.mutualCount", { count: counts.mutual })}</li>
          </ul>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="schedule" />
            <p className="text-sm text-slate-700">{t("missions.office.scheduleHint")}</p>
            <button type="submit" className="btn-primary">{t("missions.office.schedule")}</button>
          </Form>
          {message("schedule")}
        </section>

        <section aria-labelledby="meetings" className="space-y-3">
          <h2 id="meetings">{t("missions.detail.meetingsHeading")}</h2>
          {message("attendance")}
          <MeetingTable missionId={mission.id} meetings={meetings} />
        </section>

        <section aria-labelledby="add-meeting" className="card space-y-3">
          <h2 id="add-meeting">{t("missions.office.addMeeting")}</h2>
          {pairs.length === 0 ? (
            <p>{t("missions.office.noPairs")}</p>
          ) : (
            <Form method="post" className="grid gap-4 sm:grid-cols-3" noValidate>
              <input type="hidden" name="intent" value="addMeeting" />
              <div className="sm:col-span-2">
                <label htmlFor="pair" className="field-label">{t("missions.office.pair")}</label>
                <select id="pair" name="pair" required className="field-input" aria-invalid={addError?.field === "pair" || undefined} aria-describedby={addError?.field === "pair" ? "pair-error" : undefined}>
                  <option value="">{t("missions.office.choosePair")}</option>
                  {pairs.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
                </select>
                <ErrorList id="pair-error" errors={addError?.field === "pair" ? [addError.message] : null} />
              </div>
              <div>
                <label htmlFor="startsLocal" className="field-label">{t("missions.office.startsAt")} ({mission.timeZone})</label>
                <input id="startsLocal" name="startsLocal" type="datetime-local" required defaultValue={mission.defaultStart} className="field-input" aria-invalid={addError?.field === "startsLocal" || undefined} aria-describedby={addError?.field === "startsLocal" ? "starts-error" : undefined} />
                <ErrorList id="starts-error" errors={addError?.field === "startsLocal" ? [addError.message] : null} />
              </div>
              <div><button type="submit" className="btn-secondary">{t("missions.office.add")}</button></div>
            </Form>
          )}
          {addError && !addError.field ? <FormMessage>{t(addError.message as never)}</FormMessage> : null}
          {result?.intent === "addMeeting" && result.ok ? <FormMessage tone="success">{t("missions.office.added")}</FormMessage> : null}
        </section>
      </div>
    </ViewerZone>
  );
}
