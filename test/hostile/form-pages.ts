// Where each route's forms are found: for every route with an action, the pages (and who views them)
// whose HTML holds a form posting to it. The field names come from those pages, so a field added to a
// form is fuzzed without touching this table; a new route with an action fails the suite until it is
// listed here (as it must be in test/access/matrix.ts). Listed in the order they are fuzzed: forms that
// end things (closing a position, withdrawing, logging out) come after the forms that need them open.
import type { Actor, HostileWorld } from "./world";

export interface FormPage {
  actor: Actor;
  url: string;
}

export const formPages: Record<string, (w: HostileWorld) => FormPage[]> = {
  "routes/spark._index": () => [{ actor: "talent", url: "/spark" }],
  "routes/office.spark._index": () => [{ actor: "officer", url: "/office/spark" }],
  "routes/office.spark.$id": (w) => [{ actor: "officer", url: `/office/spark/${w.ids.sparkIntake}` }],
  "routes/mentor": () => [{ actor: "sparkMentor", url: "/mentor" }],
  // The demo day before the team pages: the leads' withdraw forms take the selected team off the demo day.
  "routes/spark.demo-days.$id": (w) => [
    { actor: "officer", url: `/spark/demo-days/${w.ids.demoDay}` },
    { actor: "recruiter", url: `/spark/demo-days/${w.ids.demoDay}` },
  ],
  "routes/spark.teams.$id": (w) => [
    { actor: "sparkFormingLead", url: `/spark/teams/${w.ids.sparkFormingTeam}` },
    { actor: "sparkLead", url: `/spark/teams/${w.ids.sparkSelectedTeam}` },
  ],
  "routes/login": () => [{ actor: "anonymous", url: "/login" }],
  "routes/signup": () => [{ actor: "anonymous", url: "/signup" }],
  "routes/forgot-password": () => [{ actor: "anonymous", url: "/forgot-password" }],
  "routes/reset-password": (w) => [{ actor: "anonymous", url: `/reset-password?token=${w.tokens.reset}` }],
  "routes/verify-email": (w) => [{ actor: "anonymous", url: `/verify-email?token=${w.tokens.verify}` }],
  "routes/locale": () => [{ actor: "anonymous", url: "/occupations" }],
  "routes/account.password": () => [{ actor: "plain", url: "/account/password" }],
  "routes/organisations.new": () => [{ actor: "plain", url: "/organisations/new" }],
  "routes/profile": () => [{ actor: "talent", url: "/profile" }],
  "routes/profile.cv": () => [{ actor: "talent", url: "/profile" }],
  "routes/positions.new": (w) => [{ actor: "recruiter", url: `/positions/new?occupation=${w.ids.occupation}` }],
  "routes/positions.$id_.edit": (w) => [{ actor: "recruiter", url: `/positions/${w.ids.draftPosition}/edit` }],
  "routes/positions.$id_.candidates": (w) => [{ actor: "recruiter", url: `/positions/${w.ids.publishedPosition}/candidates` }],
  "routes/applications.$id": (w) => [
    { actor: "recruiter", url: `/applications/${w.ids.application}` },
    { actor: "invitedTalent", url: `/applications/${w.ids.invitation}` },
    { actor: "talent", url: `/applications/${w.ids.application}` },
  ],
  "routes/work-permits.$id": (w) => [
    { actor: "overseasTalent", url: `/work-permits/${w.ids.workPermitCase}` },
    { actor: "recruiter", url: `/work-permits/${w.ids.workPermitCase}` },
  ],
  "routes/positions.$id": (w) => [
    { actor: "freshTalent", url: `/positions/${w.ids.publishedPosition}` },
    { actor: "recruiter", url: `/positions/${w.ids.draftPosition}` },
    { actor: "recruiter", url: `/positions/${w.ids.publishedPosition}` },
  ],
  "routes/invitations.$token": (w) => [{ actor: "plain", url: `/invitations/${w.tokens.invitation}` }],
  "routes/organisations.$slug": (w) => [
    { actor: "recruiter", url: `/organisations/${w.ids.companySlug}` },
    { actor: "draftAdmin", url: `/organisations/${w.ids.draftCompanySlug}` },
  ],
  "routes/office.organisations": () => [{ actor: "officer", url: "/office/organisations" }],
  "routes/office.rounds._index": () => [{ actor: "officer", url: "/office/rounds" }],
  "routes/office.rounds.$id": (w) => [
    { actor: "officer", url: `/office/rounds/${w.ids.draftRound}` },
    { actor: "officer", url: `/office/rounds/${w.ids.openRound}` },
  ],
  "routes/unit.rounds.$id": (w) => [{ actor: "freshUnitStaff", url: `/unit/rounds/${w.ids.openRound}` }],
  "routes/office.quota-applications.$id": (w) => [{ actor: "officer", url: `/office/quota-applications/${w.ids.quotaApplication}` }],
  "routes/review.$id": (w) => [{ actor: "reviewer", url: `/review/${w.ids.assignment}` }],
  "routes/programmes.$key": (w) => [{ actor: "freshTalent", url: `/programmes/${w.ids.programmeKey}` }],
  "routes/catalogue.new": () => [{ actor: "catalogueStaff", url: "/catalogue/new" }],
  "routes/catalogue.$key.edit": (w) => [{ actor: "catalogueStaff", url: `/catalogue/${w.ids.programmeKey}/edit` }],
  "routes/catalogue.$key.cohorts.$id": (w) => [{ actor: "catalogueStaff", url: `/catalogue/${w.ids.programmeKey}/cohorts/${w.ids.cohort}` }],
  "routes/office.outcomes": () => [{ actor: "officer", url: "/office/outcomes" }],
  "routes/unit.outcomes": () => [{ actor: "outcomeUnitStaff", url: "/unit/outcomes" }],
  "routes/outcome-survey.$token": (w) => [{ actor: "anonymous", url: `/outcome-survey/${w.tokens.outcomeSurvey}` }],
  "routes/phd": (w) => [{ actor: "trainee", url: `/phd?round=${w.ids.registrationRound}` }],
  "routes/unit.rounds.$id_.applicants": (w) => [{ actor: "registrationUnitStaff", url: `/unit/rounds/${w.ids.registrationRound}/applicants` }],
  "routes/office.rounds.$id_.trainees": (w) => [{ actor: "officer", url: `/office/rounds/${w.ids.registrationRound}/trainees` }],
  "routes/unit.rounds.$id_.match": (w) => [{ actor: "matchUnitStaff", url: `/unit/rounds/${w.ids.matchRound}/match` }],
  "routes/unit.rounds.$id_.placements": (w) => [{ actor: "matchUnitStaff", url: `/unit/rounds/${w.ids.matchRound}/placements` }],
  "routes/office.rounds.$id_.placements": (w) => [{ actor: "officer", url: `/office/rounds/${w.ids.matchRound}/placements` }],
  "routes/phd_.result": () => [{ actor: "matchedTrainee", url: "/phd/result" }],
  "routes/office.rounds.$id_.match": (w) => [
    { actor: "officer", url: `/office/rounds/${w.ids.unmatchedRound}/match` },
    { actor: "officer", url: `/office/rounds/${w.ids.matchRound}/match` },
  ],
  "routes/office.missions._index": () => [{ actor: "officer", url: "/office/missions" }],
  "routes/office.missions.$id": (w) => [{ actor: "officer", url: `/office/missions/${w.ids.mission}` }],
  "routes/missions.$id": (w) => [
    { actor: "talent", url: `/missions/${w.ids.mission}` },
    { actor: "recruiter", url: `/missions/${w.ids.mission}` },
  ],
  "routes/tickets.new": () => [
    { actor: "anonymous", url: "/tickets/new" },
    { actor: "talent", url: "/tickets/new" },
  ],
  "routes/tickets.$id": (w) => [
    { actor: "talent", url: `/tickets/${w.ids.ticket}` },
    { actor: "officer", url: `/tickets/${w.ids.ticket}` },
  ],
  "routes/office.calendar": (w) => [{ actor: "officer", url: `/office/calendar?year=${w.ids.calendarYear}` }],
  "routes/admin.users": () => [{ actor: "admin", url: "/admin/users" }],
  "routes/account._index": () => [{ actor: "plain", url: "/account" }],
  "routes/logout": () => [{ actor: "plain", url: "/account" }],
};

/** A pattern for the paths a route id answers (Remix v2 flat routes: dots are slashes, $x a segment). */
export function routePattern(routeId: string): RegExp {
  const segments = routeId
    .replace(/^routes\//, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment === "$" ? ".*" : segment.startsWith("$") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^/${segments.join("/")}/?$`);
}

/** The route a form's action path reaches: of the patterns that match, the one with fewest parameters. */
export function routeOf(routeIds: string[], action: string): string | null {
  const pathname = action.split("?")[0]!;
  const matching = routeIds.filter((id) => id.startsWith("routes/") && routePattern(id).test(pathname));
  const params = (id: string) => (id.match(/\$/g) ?? []).length;
  return matching.sort((a, b) => params(a) - params(b))[0] ?? null;
}
