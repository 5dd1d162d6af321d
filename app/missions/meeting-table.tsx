// The meeting schedule of a mission, in the viewer's zone, with the calendar file and (for the office
// and the host company) attendance and the follow-up note.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useViewerZone, ZonedTime } from "./zoned-time";

export interface MeetingRow {
  id: string;
  startsAt: string;
  status: "proposed" | "confirmed" | "held" | "cancelled" | "no_show";
  followUp: string | null;
  positionTitle: string | null;
  organisation: string;
  talentName: string | null;
  mayRecord: boolean;
}

export function MeetingTable({ missionId, meetings }: { missionId: string; meetings: MeetingRow[] }) {
  const { t } = useTranslation();
  const zone = useViewerZone();
  if (meetings.length === 0) return <p className="card">{t("missions.detail.noMeetings")}</p>;
  return (
    <table className="data-table">
      <caption>{t("missions.detail.meetingsCaption", { zone })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("missions.detail.time")}</th>
          <th scope="col">{t("missions.detail.company")}</th>
          <th scope="col">{t("missions.detail.position")}</th>
          <th scope="col">{t("missions.detail.talent")}</th>
          <th scope="col">{t("missions.detail.status")}</th>
          <th scope="col">{t("missions.detail.calendar")}</th>
          <th scope="col">{t("missions.detail.followUp")}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id}>
            <th scope="row"><ZonedTime at={m.startsAt} /></th>
            <td>{m.organisation}</td>
            <td>{m.positionTitle}</td>
            <td>{m.talentName}</td>
            <td>{t(`missions.status.${m.status}`)}</td>
            <td><Link to={`/missions/${missionId}/meetings/${m.id}.ics`} reloadDocument>{t("missions.detail.downloadIcs")}</Link></td>
            <td>
              {m.mayRecord ? (
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="attendance" />
                  <input type="hidden" name="meetingId" value={m.id} />
                  <label className="sr-only" htmlFor={`status-${m.id}`}>{t("missions.detail.status")}</label>
                  <select id={`status-${m.id}`} name="status" defaultValue={m.status === "proposed" ? "confirmed" : m.status} className="field-input w-auto">
                    {(["confirmed", "held", "no_show", "cancelled"] as const).map((s) => <option key={s} value={s}>{t(`missions.status.${s}`)}</option>)}
                  </select>
                  <label className="sr-only" htmlFor={`follow-${m.id}`}>{t("missions.detail.followUp")}</label>
                  <input id={`follow-${m.id}`} name="followUp" defaultValue={m.followUp ?? ""} maxLength={2000} className="field-input w-48" />
                  <button type="submit" className="btn-secondary">{t("missions.detail.record")}</button>
                </Form>
              ) : (m.followUp ?? "")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
