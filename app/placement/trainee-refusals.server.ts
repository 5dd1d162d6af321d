// What the trainee and unit-selection pages answer when a rule refuses a request: an HTTP status, the
// sentence in the page's language, and the form field to show it beside (none: above the form). A
// passed deadline names the deadline and when it passed. 404 and 403 are for the route to throw.
import { i18nFor, type Locale } from "../i18n/resources";
import { formatDateTime } from "../i18n/format";
import { formatCalendarDate } from "../positions/format";
import { DeadlinePassedError, describeDeadlinePassed } from "./calendar";
import { RoundRuleError, type Round } from "./rounds.server";
import { RankingRuleError, TraineeRuleError, type RankingRuleCode, type TraineeRuleCode } from "./trainee-rules";

export type TraineeRefusable = DeadlinePassedError | TraineeRuleError | RankingRuleError | RoundRuleError;

export interface TraineeRefusal {
  status: 400 | 403 | 404 | 409;
  text: string;
  field?: string;
}

export function isTraineeRefusal(error: unknown): error is TraineeRefusable {
  return error instanceof DeadlinePassedError || error instanceof TraineeRuleError || error instanceof RankingRuleError || error instanceof RoundRuleError;
}

const traineeFields: Partial<Record<TraineeRuleCode, string>> = {
  phdDate: "phdDate",
  phdObtainedInFuture: "phdDate",
  phdAfterTrainingStart: "phdDate",
  evidenceMissing: "evidence",
  evidenceEmpty: "evidence",
  evidenceTooLarge: "evidence",
  evidenceNotPdf: "evidence",
  noPreferences: "items",
  tooManyPreferences: "items",
  unitTwice: "items",
  unitNotInRound: "items",
  scoreOutOfRange: "score",
};
const traineeInput = new Set<TraineeRuleCode>(["phdDate", "phdObtainedInFuture", "phdAfterTrainingStart", "evidenceMissing", "evidenceEmpty", "evidenceTooLarge", "evidenceNotPdf", "noPreferences", "tooManyPreferences", "unitTwice", "unitNotInRound", "scoreOutOfRange"]);

const rankingFields: Partial<Record<RankingRuleCode, string>> = {
  endsBeforeStarts: "endsAt",
  afterInterviewDeadline: "endsAt",
  interviewOverlap: "startsAt",
  locationRequired: "location",
  notApplicant: "items",
  applicantTwice: "items",
};
const rankingInput = new Set<RankingRuleCode>(["endsBeforeStarts", "afterInterviewDeadline", "locationRequired", "notApplicant", "applicantTwice"]);

/** The refusal in the page's language. `round` fills in dates some messages name. */
export function explainTraineeRefusal(error: TraineeRefusable, locale: Locale, round?: Pick<Round, "trainingStartsOn" | "interviewsCloseAt"> | null): TraineeRefusal {
  const { t } = i18nFor(locale);
  const say = (key: string, values: Record<string, string> = {}) => String(t(key as never, values));
  if (error instanceof DeadlinePassedError) return { status: 409, text: describeDeadlinePassed(error, t, locale) };
  if (error instanceof RoundRuleError) return error.code === "notFound" ? { status: 404, text: say("placement.refusal.roundNotFound") } : { status: 409, text: say(`placement.refusal.${error.code}`) };
  const place = error.detail === undefined ? undefined : String(error.detail + 1);
  if (error instanceof TraineeRuleError) {
    const code = error.code;
    const status = code === "notFound" ? 404 : code === "notTalent" || code === "notOffice" ? 403 : traineeInput.has(code) ? 400 : 409;
    const key = code === "unitTwice" && place === undefined ? "unitTwiceAnywhere" : code;
    const values = { n: place ?? "", max: String(error.detail ?? ""), start: round ? formatCalendarDate(round.trainingStartsOn, locale) : "" };
    return { status, text: say(`trainees.refusal.${key}`, values), field: traineeFields[code] };
  }
  const code = error.code;
  const status = code === "notFound" ? 404 : code === "notMember" ? 403 : rankingInput.has(code) ? 400 : 409;
  const key = code === "stale" ? "rankingStale" : code === "notFound" ? "interviewNotFound" : code === "applicantTwice" && place === undefined ? "applicantTwiceAnywhere" : code === "notApplicant" && place === undefined ? "applicantNotFound" : code;
  const values = { n: place ?? "", at: round ? formatDateTime(round.interviewsCloseAt, locale) : "" };
  return { status, text: say(`trainees.refusal.${key}`, values), field: rankingFields[code] };
}
