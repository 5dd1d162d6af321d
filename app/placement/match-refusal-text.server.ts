// A refusal of the match or of a placement as a sentence in the page's language, with its HTTP status
// and field (match-rules.ts); the rounds' and quota applications' own refusals (a passed deadline, a
// round that does not exist) are put into words by refusal-text.server.ts.
import { formatDateTime } from "../i18n/format";
import { i18nFor, type Locale } from "../i18n/resources";
import { DeadlinePassedError, deadlineLabelKey } from "./calendar";
import { MatchRuleError, matchRefusal, PlacementRuleError } from "./match-rules";
import { QuotaRuleError } from "./quota-applications.server";
import { explainRefusal } from "./refusal-text.server";
import { RoundRuleError } from "./rounds.server";

export type MatchRefusalError = MatchRuleError | PlacementRuleError | DeadlinePassedError | RoundRuleError | QuotaRuleError;

export function isMatchRefusal(error: unknown): error is MatchRefusalError {
  return (
    error instanceof MatchRuleError ||
    error instanceof PlacementRuleError ||
    error instanceof DeadlinePassedError ||
    error instanceof RoundRuleError ||
    error instanceof QuotaRuleError
  );
}

export interface ExplainedRefusal {
  status: 400 | 403 | 404 | 409;
  text: string;
  field?: string;
}

export function explainMatchRefusal(error: MatchRefusalError, locale: Locale): ExplainedRefusal {
  if (!(error instanceof MatchRuleError) && !(error instanceof PlacementRuleError)) {
    const { status, text, field } = explainRefusal(error, locale);
    return { status, text, field };
  }
  const refusal = matchRefusal(error);
  const { t } = i18nFor(locale);
  const values = refusal.deadline ? { deadline: t(deadlineLabelKey(refusal.deadline.key)), at: formatDateTime(refusal.deadline.at, locale) } : {};
  return { status: refusal.status, text: String(t(refusal.message as never, values)), field: refusal.field };
}
