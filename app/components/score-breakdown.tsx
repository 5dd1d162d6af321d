// A match score, explained: the total out of 100 and, for every part, its weight, the points earned, a
// word for whether it is met (never colour alone) and a sentence with the facts behind it. The same
// component shows a candidate to a company and a position or occupation to a talent.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { MatchScore, Part } from "~/matching/score";

/** Names in the viewer's language, resolved by the loader (matching/names.server.ts). */
export interface MatchNames {
  skills: Record<string, string>;
  fields: Record<string, string>;
  languages: Record<string, string>;
  countries: Record<string, string>;
}

const FIELDS_NAMED = 3;

type Status = "met" | "partly" | "notMet";
const statusOf = (part: Part): Status => (part.met ? "met" : part.earned > 0 ? "partly" : "notMet");
const statusStyle: Record<Status, { mark: string; className: string }> = {
  met: { mark: "✓", className: "bg-green-100 text-green-900" },
  partly: { mark: "◐", className: "bg-amber-100 text-amber-900" },
  notMet: { mark: "✗", className: "bg-red-100 text-red-900" },
};

export function ScoreBreakdown({ score, names }: { score: MatchScore; names: MatchNames }) {
  const { t, i18n } = useTranslation();
  const points = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <div className="space-y-3">
      <p className="flex items-baseline gap-2">
        <span className="text-sm text-slate-700">{t("matching.score.label")}</span>
        <span className="text-2xl font-bold text-slate-900">{score.total}</span>
        <span className="text-sm text-slate-700">/ 100</span>
      </p>
      <dl aria-label={t("matching.score.parts")} className="divide-y divide-slate-100 text-sm">
        {score.parts.map((part) => {
          const status = statusOf(part);
          return (
            <div key={part.key} className="grid gap-x-3 py-1.5 sm:grid-cols-[12rem_1fr]">
              <dt className="flex flex-wrap items-center gap-2 font-medium text-slate-800">
                {t(`matching.part.${part.key}`)}
                <span className="tabular-nums text-slate-700">{t("matching.score.points", { earned: points.format(part.earned), weight: points.format(part.weight) })}</span>
                <span className={`badge ${statusStyle[status].className}`}>
                  <span aria-hidden="true" className="mr-1">{statusStyle[status].mark}</span>
                  {t(`matching.status.${status}`)}
                </span>
              </dt>
              <dd className="text-slate-700">{describePart(part, names, t)}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

/** The sentence behind one part, e.g. "3 of 5 required skills (2 solid, 1 weak): missing GMP". */
export function describePart(part: Part, names: MatchNames, t: TFunction): string {
  const list = (items: readonly string[], map: Record<string, string>) => items.map((item) => map[item] ?? item).join(t("matching.listSeparator"));
  switch (part.key) {
    case "skills": {
      if (part.required === 0) return t("matching.skills.none");
      const weak = part.weak.length;
      return [
        t("matching.skills.count", { count: part.required, covered: String(part.covered.length) }),
        weak > 0 ? t("matching.skills.levels", { solid: String(part.covered.length - weak), weak: String(weak) }) : "",
        part.missing.length > 0 ? t("matching.skills.missing", { list: list(part.missing, names.skills) }) : "",
      ].join("");
    }
    case "educationField": {
      if (part.match === "any") return t("matching.field.any");
      const required = part.requiredCode ?? "";
      const field = part.degree ? names.fields[part.degree.fieldCode] ?? part.degree.fieldCode : "";
      if (part.match === "none") {
        // Some surveys accept ten fields: name the first few (their preferred ones) and count the rest.
        if (part.required.length <= FIELDS_NAMED) return t("matching.field.none", { required: list(part.required, names.fields) });
        const named = list(part.required.slice(0, FIELDS_NAMED), names.fields);
        return t("matching.field.noneMany", { required: named, total: String(part.required.length), more: String(part.required.length - FIELDS_NAMED) });
      }
      return t(`matching.field.${part.match}`, { field, required: names.fields[required] ?? required });
    }
    case "minimumEducation": {
      const required = t(`education.${part.required}`);
      if (part.highest === null) return part.required === "high_school" ? t("matching.education.any") : t("matching.education.none", { required });
      return t("matching.education.has", { required, highest: t(`education.${part.highest}`) });
    }
    case "experience":
      return part.band === "any"
        ? t("matching.experience.any", { count: part.years })
        : t("matching.experience.band", { count: part.years, band: t(`experienceBand.${part.band}`) });
    case "languages": {
      if (part.required === 0) return t("matching.languages.none");
      const clauses = [];
      if (part.covered.length > 0) {
        const weak = part.weak.length > 0 ? t("matching.languages.weak", { list: list(part.weak, names.languages) }) : "";
        clauses.push(t("matching.languages.has", { list: list(part.covered, names.languages) }) + weak);
      }
      if (part.missing.length > 0) clauses.push(t("matching.languages.missing", { list: list(part.missing, names.languages) }));
      return clauses.join(t("matching.clauseSeparator"));
    }
    case "location": {
      if (part.match === "any") return t("matching.location.any");
      const country = part.country ? names.countries[part.country] ?? part.country : null;
      const place = [part.city, country].filter(Boolean).join(t("matching.listSeparator")) || t("matching.location.unknown");
      return t(`matching.location.${part.match}`, { place });
    }
  }
}
