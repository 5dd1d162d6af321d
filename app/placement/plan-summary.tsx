// A unit's plan as the office, its reviewers and the unit read it: focus, plan, courses, internship
// months with the named partners, and the trainees asked for.
import { useTranslation } from "react-i18next";
import type { QuotaApplicationView } from "./quota-applications.server";

export interface PlanSummaryData {
  focus: QuotaApplicationView["application"]["focus"];
  planZh: string;
  planEn: string | null;
  courses: string;
  internshipMonths: number;
  requestedTrainees: number;
  partners: { name: string; isMedicalCentre: boolean }[];
}

export function planSummary({ application: a, partners }: Pick<QuotaApplicationView, "application" | "partners">): PlanSummaryData {
  return { focus: a.focus, planZh: a.planZh, planEn: a.planEn, courses: a.courses, internshipMonths: a.internshipMonths, requestedTrainees: a.requestedTrainees, partners };
}

export function PlanSummary({ plan }: { plan: PlanSummaryData }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan" className="card space-y-4">
      <h2 id="plan">{t("placement.quota.planTitle")}</h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div><dt className="text-sm text-slate-600">{t("placement.quota.focus")}</dt><dd>{t(`placement.focus.${plan.focus}`)}</dd></div>
        <div><dt className="text-sm text-slate-600">{t("placement.quota.internshipMonths")}</dt><dd>{t("placement.quota.months", { count: plan.internshipMonths })}</dd></div>
        <div><dt className="text-sm text-slate-600">{t("placement.quota.requested")}</dt><dd>{plan.requestedTrainees}</dd></div>
      </dl>
      <div>
        <h3>{t("placement.quota.planZh")}</h3>
        <p className="whitespace-pre-line">{plan.planZh}</p>
      </div>
      {plan.planEn ? (
        <div>
          <h3>{t("placement.quota.planEn")}</h3>
          <p lang="en" className="whitespace-pre-line">{plan.planEn}</p>
        </div>
      ) : null}
      <div>
        <h3>{t("placement.quota.courses")}</h3>
        <p className="whitespace-pre-line">{plan.courses}</p>
      </div>
      <div>
        <h3>{t("placement.quota.partners")}</h3>
        <ul className="list-disc pl-5">
          {plan.partners.map((p) => <li key={p.name}>{p.name} · {t(p.isMedicalCentre ? "placement.quota.medicalCentre" : "placement.quota.company")}</li>)}
        </ul>
      </div>
    </section>
  );
}
