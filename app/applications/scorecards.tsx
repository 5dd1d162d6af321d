// Interview scorecards on the application page: every interviewer's card, the average per criterion,
// and the viewer's own card as radio groups (1–5 per criterion, then the overall recommendation).
import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { recommendations, scorecardSchema, type Recommendation } from "./forms";

export interface Criterion {
  key: string;
  label: string;
}

export interface ScorecardView {
  id: string;
  interviewer: string;
  recommendation: Recommendation;
  notes: string;
  updatedAt: string;
  scores: Record<string, number>;
}

export interface CriterionAverage extends Criterion {
  /** Formatted to one decimal, or null when nobody scored it. */
  average: string | null;
}

const scale = ["1", "2", "3", "4", "5"] as const;

export function ScorecardList({ criteria, cards, averages }: { criteria: Criterion[]; cards: ScorecardView[]; averages: CriterionAverage[] }) {
  const { t } = useTranslation();
  if (cards.length === 0) return <p className="text-slate-700">{t("applications.scorecards.none")}</p>;
  return (
    <div className="space-y-4">
      {criteria.length > 0 ? (
        <table className="w-full max-w-xl text-left text-sm">
          <caption className="text-left font-semibold">{t("applications.scorecards.averagesCaption", { count: cards.length })}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4">{t("applications.scorecards.criterion")}</th>
              <th scope="col" className="py-2">{t("applications.scorecards.average")}</th>
            </tr>
          </thead>
          <tbody>
            {averages.map((a) => (
              <tr key={a.key} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-4 font-normal">{a.label}</th>
                <td className="py-2">{a.average ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ul className="space-y-3">
        {cards.map((card) => (
          <li key={card.id} className="rounded-md border border-slate-200 p-4">
            <h3 className="text-base">{t("applications.scorecards.interviewer", { name: card.interviewer })}</h3>
            <p className="text-xs text-slate-600">{t("applications.scorecards.updatedAt", { at: card.updatedAt })}</p>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t("applications.scorecards.recommendation")}</dt>
              <dd>{t(`applications.recommendation.${card.recommendation}`)}</dd>
              {criteria.map((c) => (
                <Fragment key={c.key}>
                  <dt className="font-medium">{c.label}</dt>
                  <dd>{card.scores[c.key] ? t("applications.scorecards.scoreValue", { score: String(card.scores[c.key]) }) : "—"}</dd>
                </Fragment>
              ))}
              <dt className="font-medium">{t("applications.scorecards.notes")}</dt>
              <dd className="whitespace-pre-line">{card.notes || t("applications.scorecards.noNotes")}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ScorecardForm({ criteria, own, lastResult }: { criteria: Criterion[]; own: ScorecardView | null; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(scorecardSchema, {
    id: "scorecard",
    lastResult,
    defaultValue: own
      ? { intent: "scorecard", scores: Object.fromEntries(Object.entries(own.scores).map(([k, v]) => [k, String(v)])), recommendation: own.recommendation, notes: own.notes }
      : { intent: "scorecard" },
  });
  const scores = fields.scores.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="scorecard" />
      {criteria.length === 0 ? <p className="text-sm text-slate-700">{t("applications.scorecards.noCriteria")}</p> : null}
      {criteria.map((c) => {
        const field = scores[c.key]!;
        return (
          <fieldset key={c.key} aria-describedby={field.errors ? field.errorId : undefined} className="space-y-1">
            <legend className="field-label">{c.label}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {scale.map((n) => (
                <label key={n} className="inline-flex items-center gap-1 text-sm">
                  <input type="radio" name={field.name} value={n} defaultChecked={field.initialValue === n} />
                  {t(`applications.scorecards.scale.${n}`)}
                </label>
              ))}
            </div>
            <ErrorList id={field.errorId} errors={field.errors} />
          </fieldset>
        );
      })}
      <fieldset aria-describedby={fields.recommendation.errors ? fields.recommendation.errorId : undefined} className="space-y-1">
        <legend className="field-label">{t("applications.scorecards.recommendation")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {recommendations.map((r) => (
            <label key={r} className="inline-flex items-center gap-1 text-sm">
              <input type="radio" name={fields.recommendation.name} value={r} defaultChecked={fields.recommendation.initialValue === r} />
              {t(`applications.recommendation.${r}`)}
            </label>
          ))}
        </div>
        <ErrorList id={fields.recommendation.errorId} errors={fields.recommendation.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.notes.id} className="field-label">{t("applications.scorecards.notes")}</label>
        <textarea {...getTextareaProps(fields.notes)} key={fields.notes.key} rows={3} className="field-input" />
        <ErrorList id={fields.notes.errorId} errors={fields.notes.errors} />
      </div>
      <button type="submit" className="btn-primary">{t("applications.scorecards.save")}</button>
    </Form>
  );
}
