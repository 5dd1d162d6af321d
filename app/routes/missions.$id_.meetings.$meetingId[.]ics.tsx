// A meeting's calendar file (RFC 5545), for the office, the host company's people and the guest.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { meetingCalendar } from "~/missions/meetings.server";
import { MissionRuleError } from "~/missions/missions.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  try {
    const ics = await meetingCalendar(context.services.db, viewer, params.id ?? "", params.meetingId ?? "", context.services.env.PUBLIC_URL, await getLocale(request));
    return new Response(ics, {
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="meeting.ics"', "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof MissionRuleError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}
