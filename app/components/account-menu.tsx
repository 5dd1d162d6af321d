// The header's account links: log in / sign up for visitors; account, office, admin and log out for users.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCan, useViewer } from "~/auth/use-viewer";

export function AccountMenu() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const isOffice = useCan("approve:organisation:any");
  const isAdmin = useCan("manage:user-role:any");
  const findsTalent = useCan("read:talent-profile:organisation");
  const recruits = useCan("create:position:organisation");
  const hasProfile = useCan("update:talent-profile:own");
  const managesRounds = useCan("manage:placement-round:any");
  const unitStaff = useCan("update:unit-application:organisation");
  const reviews = useCan("create:unit-review:assigned");
  const appliesToPhd = useCan("create:trainee-application:own");
  const runsMissions = useCan("manage:mission:any");
  const talentJoins = useCan("update:mission:own");
  const companyJoins = useCan("update:mission:organisation");
  const answersTickets = useCan("manage:ticket:any");
  const readsKpis = useCan("read:placement:any");
  const readsUnitKpis = useCan("read:placement:organisation");
  const hasOutcomes = useCan("read:employment-outcome:own");
  if (!viewer) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link to="/login" className="btn-secondary">{t("auth.login")}</Link>
        <Link to="/signup" className="btn-primary">{t("auth.signup")}</Link>
      </div>
    );
  }
  return (
    <nav aria-label={t("auth.account")} className="flex flex-wrap items-center gap-2 text-sm">
      {hasProfile ? <Link to="/my">{t("matching.my.nav")}</Link> : null}
      {hasProfile ? <Link to="/profile">{t("profile.nav")}</Link> : null}
      {appliesToPhd ? <Link to="/phd">{t("trainees.nav")}</Link> : null}
      {recruits ? <Link to="/company">{t("applications.dashboard.nav")}</Link> : null}
      {findsTalent ? <Link to="/talents">{t("talents.nav")}</Link> : null}
      {isOffice ? <Link to="/office/organisations">{t("office.nav")}</Link> : null}
      {isOffice ? <Link to="/office/work-permits">{t("workPermit.office.nav")}</Link> : null}
      {managesRounds ? <Link to="/office/rounds">{t("placement.nav.rounds")}</Link> : null}
      {unitStaff ? <Link to="/unit/rounds">{t("placement.nav.unit")}</Link> : null}
      {managesRounds ? <Link to="/office/outcomes">{t("outcomes.nav.office")}</Link> : unitStaff ? <Link to="/unit/outcomes">{t("outcomes.nav.unit")}</Link> : null}
      {readsKpis ? <Link to="/office/kpis">{t("kpis.nav.office")}</Link> : readsUnitKpis ? <Link to="/unit/kpis">{t("kpis.nav.unit")}</Link> : null}
      {readsKpis ? <Link to="/office/demand-supply">{t("demandSupply.nav")}</Link> : null}
      {readsKpis ? <Link to="/office/forecast-tool">{t("forecastTool.nav")}</Link> : null}
      {readsKpis ? <Link to={`/office/report/${new Date().getFullYear()}`}>{t("annualReport.nav")}</Link> : null}
      {hasOutcomes ? <Link to="/my/outcomes">{t("outcomes.nav.my")}</Link> : null}
      {reviews ? <Link to="/review">{t("placement.nav.review")}</Link> : null}
      {talentJoins || companyJoins ? <Link to="/missions">{t("missions.nav")}</Link> : null}
      {runsMissions ? <Link to="/office/missions">{t("missions.officeNav")}</Link> : null}
      {answersTickets ? <Link to="/office/tickets">{t("tickets.officeNav")}</Link> : <Link to="/tickets">{t("tickets.mine.title")}</Link>}
      {answersTickets ? <Link to="/office/calendar">{t("tickets.calendar.nav")}</Link> : null}
      {isAdmin ? <Link to="/admin/users">{t("admin.nav")}</Link> : null}
      <Link to="/account">{viewer.displayName}</Link>
      <Form method="post" action="/logout">
        <button type="submit" className="btn-secondary">{t("auth.logout")}</button>
      </Form>
    </nav>
  );
}
