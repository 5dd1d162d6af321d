// A refusal of the PhD programme's rules as a sentence in the page's language, for actions to put
// beside the field it concerns or above the form (refusals.ts says which, and the HTTP status).
import { i18nFor, type Locale } from "../i18n/resources";
import { describeDeadlinePassed, type DeadlinePassedError } from "./calendar";
import type { QuotaRuleError } from "./quota-applications.server";
import { placementRefusal, type Refusal } from "./refusals";
import type { RoundRuleError } from "./rounds.server";

export function explainRefusal(error: DeadlinePassedError | QuotaRuleError | RoundRuleError, locale: Locale): Refusal & { text: string } {
  const refusal = placementRefusal(error);
  const { t } = i18nFor(locale);
  const text = refusal.deadline
    ? describeDeadlinePassed({ deadline: refusal.deadline.key, at: new Date(refusal.deadline.at) }, t, locale)
    : t(refusal.message as never, refusal.values ?? {});
  return { ...refusal, text: String(text) };
}
