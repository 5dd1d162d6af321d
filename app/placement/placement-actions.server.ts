// The progress forms' action, shared by the unit's and the office's pages: each intent parsed with its
// zod schema, the domain function called, and a refusal put beside its field (or above the form) in
// the page's language. The domain decides who may do what (unit staff, the office).
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { Viewer } from "../auth/session.server";
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/resources";
import { explainMatchRefusal, isMatchRefusal } from "./match-refusal-text.server";
import { addInternship, completePlacement, logCourseHours, setTrainingPeriod } from "./placements.server";
import { completeSchema, hoursSchema, internshipSchema, missedSchema, periodSchema, placementIntents, type PlacementIntent } from "./placement-schema";
import { markMissedCheckIn } from "./seats.server";

const schemas = { period: periodSchema, internship: internshipSchema, hours: hoursSchema, complete: completeSchema, missed: missedSchema } as const;

export interface PlacementReply {
  intent: PlacementIntent | null;
  placementId: string | null;
  ok: boolean;
  /** conform's reply for the form, with errors beside fields. */
  result: SubmissionResult<string[]> | null;
  /** A message about the whole row (already in the page's language, or an i18n key). */
  message: string | null;
  status: number;
}

export interface PlacementActionContext {
  db: Database;
  viewer: Viewer;
  locale: Locale;
  ip: string;
  publicUrl: string;
}

export async function handlePlacementAction(formData: FormData, { db, viewer, locale, ip, publicUrl }: PlacementActionContext): Promise<PlacementReply> {
  const intent = formData.get("intent");
  const placementId = typeof formData.get("placementId") === "string" ? String(formData.get("placementId")) : null;
  if (typeof intent !== "string" || !(placementIntents as readonly string[]).includes(intent)) {
    return { intent: null, placementId, ok: false, result: null, message: "matchRuns.validation.choose", status: 400 };
  }
  const submission = parseWithZod(formData, { schema: schemas[intent as PlacementIntent] });
  const reply = (ok: boolean, status: number, extra: Partial<PlacementReply> = {}): PlacementReply => ({
    intent: intent as PlacementIntent,
    placementId,
    ok,
    status,
    result: null,
    message: null,
    ...extra,
  });
  if (submission.status !== "success") return reply(false, 400, { result: submission.reply() });
  const value = submission.value;
  try {
    switch (value.intent) {
      case "period":
        await setTrainingPeriod(db, viewer, value.placementId, { startsOn: value.startsOn, endsOn: value.endsOn }, ip);
        return reply(true, 200, { result: submission.reply({ resetForm: false }), message: "matchRuns.progress.periodSaved" });
      case "internship":
        await addInternship(db, viewer, value.placementId, { partnerName: value.partnerName, isMedicalCentre: value.isMedicalCentre ?? false, startsOn: value.startsOn, endsOn: value.endsOn }, ip);
        return reply(true, 200, { result: submission.reply({ resetForm: true }), message: "matchRuns.progress.internshipAdded" });
      case "hours":
        await logCourseHours(db, viewer, value.placementId, { attendedOn: value.attendedOn, hours: value.hours, topic: value.topic }, ip);
        return reply(true, 200, { result: submission.reply({ resetForm: true }), message: "matchRuns.progress.hoursLogged" });
      case "complete":
        await completePlacement(db, viewer, value.placementId, ip);
        return reply(true, 200, { message: "matchRuns.progress.completed" });
      case "missed":
        await markMissedCheckIn(db, viewer, value.placementId, { publicUrl }, ip);
        return reply(true, 200, { message: "matchRuns.progress.markedMissed" });
    }
  } catch (error) {
    if (!isMatchRefusal(error)) throw error;
    const refusal = explainMatchRefusal(error, locale);
    // A refusal about a field this form has goes beside it; any other goes above the form.
    const beside = refusal.field && Object.hasOwn(schemas[value.intent].shape, refusal.field) ? refusal.field : null;
    const result = beside ? submission.reply({ fieldErrors: { [beside]: [refusal.text] } }) : submission.reply({ formErrors: [refusal.text] });
    return reply(false, refusal.status, { result, message: beside ? null : refusal.text });
  }
}
