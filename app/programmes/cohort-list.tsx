// A programme's cohorts on its public page: seats left, the talent's own status, and Enrol / Join the
// waitlist / Withdraw as plain form posts.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/forms";

export interface PublicCohort {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  seatsLeft: number;
  icapLevel: number | null;
  closed: boolean;
  mine: { status: string; waitlistPosition: number | null } | null;
}

export function CohortList({ cohorts, mayEnrol, signedIn, message, programmeKey }: { cohorts: PublicCohort[]; mayEnrol: boolean; signedIn: boolean; message: string | null; programmeKey: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cohorts-title" id="cohorts" className="card space-y-3">
      <h2 id="cohorts-title">{t("catalogue.enrol.cohorts")}</h2>
      {message ? <FormMessage>{t(message as never)}</FormMessage> : null}
      {!signedIn ? <p className="text-sm"><Link to={`/login?redirectTo=/programmes/${programmeKey}`}>{t("catalogue.enrol.logIn")}</Link></p> : null}
      <ul className="space-y-3">
        {cohorts.map((c) => {
          const active = c.mine && (c.mine.status === "enrolled" || c.mine.status === "waitlisted");
          return (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">
              <div>
                <p className="font-medium">{c.name}</p>
                <p className="text-sm text-slate-700">
                  {c.startsOn} – {c.endsOn} · {t("catalogue.enrol.seatsLeft", { left: String(c.seatsLeft), capacity: String(c.capacity) })}
                  {c.icapLevel !== null ? ` · ${t("catalogue.cohorts.icap", { level: String(c.icapLevel) })}` : ""}
                  {c.closed ? ` · ${t("catalogue.enrol.closed")}` : ""}
                </p>
                {c.mine ? (
                  <p className="text-sm font-medium">
                    {c.mine.status === "waitlisted" ? t("catalogue.enrol.waitlistedAt", { place: String(c.mine.waitlistPosition) }) : t(`catalogue.enrolmentStatus.${c.mine.status}` as never)}
                  </p>
                ) : null}
              </div>
              {mayEnrol ? (
                <Form method="post">
                  <input type="hidden" name="cohortId" value={c.id} />
                  {active ? (
                    <button type="submit" name="intent" value="withdraw" className="btn-secondary">{t("catalogue.enrol.withdraw", { cohort: c.name })}</button>
                  ) : !c.closed && (!c.mine || c.mine.status === "withdrawn") ? (
                    <button type="submit" name="intent" value="enrol" className="btn-primary">
                      {c.seatsLeft > 0 ? t("catalogue.enrol.enrol", { cohort: c.name }) : t("catalogue.enrol.join", { cohort: c.name })}
                    </button>
                  ) : null}
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
