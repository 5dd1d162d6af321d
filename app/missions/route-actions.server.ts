// Actions shared by the mission pages: recording a meeting's outcome, and the answer to a refusal.
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { Database } from "../../db/client";
import type { Viewer } from "../auth/session.server";
import { recordMeetingOutcome } from "./meetings.server";
import { attendanceSchema } from "./mission-schema";
import { MissionRuleError } from "./missions.server";
import { missionRefusal } from "./refusals";

/** A refusal as the page shows it: the message beside its field, or above the form. */
export function refused(error: unknown, intent: string) {
  if (!(error instanceof MissionRuleError)) throw error;
  const refusal = missionRefusal(error.code);
  return data({ intent, ok: false as const, message: refusal.message, field: error.field ?? null }, { status: refusal.status });
}

export async function attendanceAction(db: Database, viewer: Viewer, missionId: string, form: FormData, ip: string) {
  const submission = parseWithZod(form, { schema: attendanceSchema });
  if (submission.status !== "success") return data({ intent: "attendance", ok: false as const, message: "validation.choose", field: null }, { status: 400 });
  try {
    await recordMeetingOutcome(db, viewer, missionId, submission.value, ip);
    return { intent: "attendance", ok: true as const, message: "missions.detail.recorded", field: null };
  } catch (error) {
    return refused(error, "attendance");
  }
}
