// Who may call what: for every route module, the outcome of a GET (loader) and of an empty-form POST
// (action) for each audience. "login" is a redirect to the login page; an action that answers 400 let
// the caller through and refused only the empty form.
import { audiences, MATRIX_ORGANISATION_SLUG, type Audience } from "./audiences";

export type Outcome = 200 | 400 | 403 | 404 | 405 | 410 | "login" | `redirect:${string}`;
type Row = Record<Audience, Outcome>;

const all = (outcome: Outcome): Row => Object.fromEntries(audiences.map((a) => [a, outcome])) as Row;
const signedIn = (outcome: Outcome): Row => ({ ...all(outcome), anonymous: "login" });
const signedOut = (outcome: Outcome): Row => ({ ...all("redirect:/account"), anonymous: outcome });
/** Signed-in users get `denied` unless listed. */
const only = (allowed: Partial<Row>, denied: Outcome = 403): Row => ({ ...signedIn(denied), ...allowed });

const office = { programme_officer: 200, admin: 200 } as const;
const officeNotFound = { programme_officer: 404, admin: 404 } as const;

export const samplePaths: Record<string, string> = {
  root: "/",
  "routes/_index": "/",
  "routes/occupations._index": "/occupations",
  "routes/occupations.$survey.$code": "/occupations/precision-health-2025/070121",
  "routes/programmes._index": "/programmes",
  "routes/programmes.$key": "/programmes/spark-translational",
  "routes/catalogue._index": "/catalogue",
  "routes/catalogue.new": "/catalogue/new",
  "routes/catalogue.$key.edit": "/catalogue/no-such-programme/edit",
  "routes/catalogue.$key.cohorts.$id": "/catalogue/no-such-programme/cohorts/00000000-0000-4000-8000-000000000000",
  "routes/certificates.$code": "/certificates/AAAAAAAAAAAAAAAAAAAAAA",
  "routes/certificates.$code_.pdf": "/certificates/AAAAAAAAAAAAAAAAAAAAAA/pdf",
  "routes/my.programmes": "/my/programmes",
  "routes/spark._index": "/spark",
  "routes/spark.teams.$id": "/spark/teams/00000000-0000-4000-8000-000000000000",
  "routes/spark.teams.$id_.evidence.$milestoneId": "/spark/teams/00000000-0000-4000-8000-000000000000/evidence/00000000-0000-4000-8000-000000000000",
  "routes/spark.demo-days.$id": "/spark/demo-days/00000000-0000-4000-8000-000000000000",
  "routes/office.spark._index": "/office/spark",
  "routes/office.spark.$id": "/office/spark/00000000-0000-4000-8000-000000000000",
  "routes/mentor": "/mentor",
  "routes/search": "/search?q=GMP",
  "routes/search.suggest": "/search/suggest?q=GMP",
  "routes/api.v1.occupations": "/api/v1/occupations",
  "routes/api.v1.occupations.$code": "/api/v1/occupations/070121",
  "routes/api.v1.programmes": "/api/v1/programmes",
  "routes/api.v1.skills": "/api/v1/skills",
  "routes/api.v1.forecasts": "/api/v1/forecasts",
  "routes/api.$": "/api/v1/no-such-thing",
  "routes/locale": "/locale",
  "routes/login": "/login",
  "routes/signup": "/signup",
  "routes/check-email": "/check-email?email=someone%40example.test",
  "routes/verify-email": "/verify-email?token=not-a-token",
  "routes/forgot-password": "/forgot-password",
  "routes/reset-password": "/reset-password?token=not-a-token",
  "routes/logout": "/logout",
  "routes/account._index": "/account",
  "routes/account.password": "/account/password",
  "routes/organisations.new": "/organisations/new",
  "routes/organisations.$slug": `/organisations/${MATRIX_ORGANISATION_SLUG}`,
  "routes/invitations.$token": "/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "routes/office.organisations": "/office/organisations",
  "routes/admin.users": "/admin/users",
  "routes/dev.mail": "/dev/mail",
  "routes/talents._index": "/talents?q=GMP",
  "routes/profile": "/profile",
  "routes/profile.cv": "/profile/cv",
  "routes/talents.$userId.cv": "/talents/00000000-0000-4000-8000-000000000000/cv",
  "routes/positions.new": "/positions/new",
  "routes/positions.$id": "/positions/00000000-0000-4000-8000-000000000000",
  "routes/positions.$id_.edit": "/positions/00000000-0000-4000-8000-000000000000/edit",
  "routes/positions.$id_.applicants": "/positions/00000000-0000-4000-8000-000000000000/applicants",
  "routes/applications.$id": "/applications/00000000-0000-4000-8000-000000000000",
  "routes/work-permits.$id": "/work-permits/00000000-0000-4000-8000-000000000000",
  "routes/work-permits.$id_.documents.$documentId": "/work-permits/00000000-0000-4000-8000-000000000000/documents/00000000-0000-4000-8000-000000000000",
  "routes/office.work-permits": "/office/work-permits",
  "routes/company._index": "/company",
  "routes/positions.$id_.candidates": "/positions/00000000-0000-4000-8000-000000000000/candidates",
  "routes/my._index": "/my",
  "routes/my.recommendations": "/my/recommendations?kind=occupations",
  "routes/office.rounds._index": "/office/rounds",
  "routes/office.rounds.$id": "/office/rounds/00000000-0000-4000-8000-000000000000",
  "routes/office.quota-applications.$id": "/office/quota-applications/00000000-0000-4000-8000-000000000000",
  "routes/unit.rounds._index": "/unit/rounds",
  "routes/unit.rounds.$id": "/unit/rounds/00000000-0000-4000-8000-000000000000",
  "routes/review._index": "/review",
  "routes/review.$id": "/review/00000000-0000-4000-8000-000000000000",
  "routes/programmes.phd.rounds.$year": "/programmes/phd/rounds/2099",
  "routes/phd": "/phd",
  "routes/phd_.receipts.$id": "/phd/receipts/00000000-0000-4000-8000-000000000000",
  "routes/phd_.evidence.$id": "/phd/evidence/00000000-0000-4000-8000-000000000000",
  "routes/office.rounds.$id_.trainees": "/office/rounds/00000000-0000-4000-8000-000000000000/trainees",
  "routes/unit.rounds.$id_.applicants": "/unit/rounds/00000000-0000-4000-8000-000000000000/applicants",
  "routes/office.rounds.$id_.match": "/office/rounds/00000000-0000-4000-8000-000000000000/match",
  "routes/office.match-runs.$runId.$file": "/office/match-runs/00000000-0000-4000-8000-000000000000/input.json",
  "routes/office.rounds.$id_.placements": "/office/rounds/00000000-0000-4000-8000-000000000000/placements",
  "routes/unit.rounds.$id_.match": "/unit/rounds/00000000-0000-4000-8000-000000000000/match",
  "routes/unit.rounds.$id_.placements": "/unit/rounds/00000000-0000-4000-8000-000000000000/placements",
  "routes/phd_.result": "/phd/result",
  "routes/gaps": "/gaps?survey=precision-health-2021",
  "routes/my.gaps": "/my/gaps",
  "routes/outcome-survey.$token": "/outcome-survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "routes/office.outcomes": "/office/outcomes",
  "routes/unit.outcomes": "/unit/outcomes",
  "routes/my.outcomes": "/my/outcomes",
  "routes/office.kpis": "/office/kpis?groupBy=unit",
  "routes/office.kpis_.records": "/office/kpis/records",
  "routes/unit.kpis": "/unit/kpis",
  "routes/office.demand-supply": "/office/demand-supply?scenario=optimistic",
  "routes/office.forecast-tool": "/office/forecast-tool",
  "routes/office.report.$year": "/office/report/2025",
  "routes/outcomes": "/outcomes",
  "routes/office.kpis_.export": "/office/kpis/export?format=csv",
  "routes/unit.kpis_.export": "/unit/kpis/export?format=xlsx",
  "routes/office.kpis_.records_.export": "/office/kpis/records/export?format=csv",
  "routes/office.demand-supply_.export": "/office/demand-supply/export?format=csv&table=demand-supply-occupations",
  "routes/office.forecast-tool_.export": "/office/forecast-tool/export?format=xlsx",
  "routes/office.report.$year_.export": "/office/report/2025/export?format=csv",
  "routes/missions._index": "/missions",
  "routes/missions.$id": "/missions/00000000-0000-4000-8000-000000000000",
  "routes/missions.$id_.meetings.$meetingId[.]ics": "/missions/00000000-0000-4000-8000-000000000000/meetings/00000000-0000-4000-8000-000000000000.ics",
  "routes/office.missions._index": "/office/missions",
  "routes/office.missions.$id": "/office/missions/00000000-0000-4000-8000-000000000000",
  "routes/tickets.new": "/tickets/new",
  "routes/tickets._index": "/tickets",
  "routes/tickets.$id": "/tickets/00000000-0000-4000-8000-000000000000",
  "routes/office.tickets._index": "/office/tickets",
  "routes/office.calendar": "/office/calendar",
};

const publicApi = { loader: all(200), action: all(405) };

export const expectations: Record<string, { loader?: Row; action?: Row }> = {
  root: { loader: all(200) },
  "routes/_index": { loader: all(200) },
  "routes/occupations._index": { loader: all(200) },
  "routes/occupations.$survey.$code": { loader: all(200) },
  "routes/programmes._index": { loader: all(200) },
  // Public; only talents enrol or withdraw, and a form without an intent is refused.
  "routes/programmes.$key": { loader: all(200), action: only({ talent: 400 }) },
  // The catalogue of training units' staff (the matrix's staff member has no approved unit) and the office;
  // an empty form is refused field by field; the sample programme and cohort do not exist.
  "routes/catalogue._index": { loader: only({ training_unit_staff: 200, ...office }) },
  "routes/catalogue.new": { loader: only({ training_unit_staff: 200, ...office }), action: only({ training_unit_staff: 400, programme_officer: 400, admin: 400 }) },
  "routes/catalogue.$key.edit": { loader: only({ training_unit_staff: 404, ...officeNotFound }), action: only({ training_unit_staff: 400, programme_officer: 400, admin: 400 }) },
  "routes/catalogue.$key.cohorts.$id": { loader: only({ training_unit_staff: 404, ...officeNotFound }), action: only({ training_unit_staff: 404, ...officeNotFound }) },
  // Certificate verification is public (an unknown code says so); the PDF is a 404 to all but its holder, staff and the office.
  "routes/certificates.$code": { loader: all(200) },
  "routes/certificates.$code_.pdf": { loader: signedIn(404) },
  // A talent's enrolments and certificates.
  "routes/my.programmes": { loader: only({ talent: 200 }) },
  // SPARK teams: everyone signed in sees their teams, only talents apply; a team (and its evidence) is a
  // 404 to all who are not its people; demo days for the office and approved companies' recruiters; the
  // office's intakes; the mentors' page. Empty forms are refused field by field.
  "routes/spark._index": { loader: signedIn(200), action: only({ talent: 400 }) },
  "routes/spark.teams.$id": { loader: signedIn(404), action: signedIn(404) },
  "routes/spark.teams.$id_.evidence.$milestoneId": { loader: signedIn(404) },
  "routes/spark.demo-days.$id": { loader: only({ company_recruiter: 404, ...officeNotFound }), action: only({ company_recruiter: 400, programme_officer: 400, admin: 400 }) },
  "routes/office.spark._index": { loader: only(office), action: only({ programme_officer: 400, admin: 400 }) },
  "routes/office.spark.$id": { loader: only(officeNotFound), action: only(officeNotFound) },
  "routes/mentor": { loader: only({ mentor: 200 }), action: only({ mentor: 400 }) },
  "routes/search": { loader: all(200) },
  "routes/search.suggest": { loader: all(200) },
  "routes/api.v1.occupations": publicApi,
  "routes/api.v1.occupations.$code": publicApi,
  "routes/api.v1.programmes": publicApi,
  "routes/api.v1.skills": publicApi,
  "routes/api.v1.forecasts": publicApi,
  "routes/api.$": { loader: all(404), action: all(405) },
  "routes/locale": { loader: all(404), action: all(400) },
  "routes/login": { loader: signedOut(200), action: signedOut(400) },
  "routes/signup": { loader: signedOut(200), action: signedOut(400) },
  "routes/check-email": { loader: all(200) },
  "routes/verify-email": { loader: all(400), action: all(400) },
  "routes/forgot-password": { loader: all(200), action: all(400) },
  "routes/reset-password": { loader: all(400), action: all(400) },
  // Logging out (anyone) lands on the login page.
  "routes/logout": { loader: all(404), action: all("login") },
  "routes/account._index": { loader: signedIn(200), action: signedIn(400) },
  "routes/account.password": { loader: signedIn(200), action: signedIn(400) },
  "routes/organisations.new": { loader: signedIn(200), action: signedIn(400) },
  // Members and the office read it; its admin (the recruiter) and portal admins change it.
  "routes/organisations.$slug": {
    loader: only({ company_recruiter: 200, ...office }),
    action: only({ company_recruiter: 400, admin: 400 }),
  },
  "routes/invitations.$token": { loader: all(404), action: signedIn(404) },
  "routes/office.organisations": { loader: only(office), action: only({ programme_officer: 400, admin: 400 }) },
  "routes/admin.users": { loader: only({ admin: 200 }), action: only({ admin: 400 }) },
  // From this machine with no SMTP relay configured, as the matrix calls it.
  "routes/dev.mail": { loader: all(200) },
  // Recruiters of approved companies, and the office.
  "routes/talents._index": { loader: only({ company_recruiter: 200, ...office }) },
  // A talent's own profile; an empty form is refused field by field.
  "routes/profile": { loader: only({ talent: 200 }), action: only({ talent: 400 }) },
  // The talent's own CV; an empty form (neither an upload nor a removal) is refused.
  "routes/profile.cv": { action: only({ talent: 400 }) },
  // A CV is a 404 to everyone who may not read it, and when there is none (the sample has none).
  "routes/talents.$userId.cv": { loader: signedIn(404) },
  // Company recruiters post positions (the choice of occupation without ?occupation=); an empty form is refused.
  "routes/positions.new": { loader: only({ company_recruiter: 200 }), action: only({ company_recruiter: 400 }) },
  // A position is a 404 to everyone who may not see it, and the sample does not exist.
  "routes/positions.$id": { loader: all(404), action: signedIn(404) },
  // Members of the position's company; the sample position does not exist.
  "routes/positions.$id_.edit": { loader: only({ company_recruiter: 404 }), action: only({ company_recruiter: 404 }) },
  // Members of the position's company and the office; the sample position does not exist.
  "routes/positions.$id_.applicants": { loader: only({ company_recruiter: 404, programme_officer: 404, admin: 404 }) },
  // An application is a 404 to everyone who may not see it (the sample does not exist); only talents and
  // recruiters may write, and an empty form is refused before anything is looked up.
  "routes/applications.$id": { loader: signedIn(404), action: only({ talent: 400, company_recruiter: 400 }) },
  // Work-permit cases: the sample case does not exist for anyone; the office's stall list is the office's.
  "routes/work-permits.$id": { loader: signedIn(404), action: signedIn(404) },
  "routes/work-permits.$id_.documents.$documentId": { loader: signedIn(404) },
  "routes/office.work-permits": { loader: only(office) },
  // Company recruiters; each sees only their own companies.
  "routes/company._index": { loader: only({ company_recruiter: 200 }) },
  // Members of the position's company and the office (read-only) see the ranking; the sample position does
  // not exist. Only members invite, and an empty form is refused before anything is looked up.
  "routes/positions.$id_.candidates": { loader: only({ company_recruiter: 404, programme_officer: 404, admin: 404 }), action: only({ company_recruiter: 400 }) },
  // The talent's dashboard and recommendations (the office's read-any grants them too, showing its own empty lists).
  "routes/my._index": { loader: only({ talent: 200, ...office }) },
  "routes/my.recommendations": { loader: only({ talent: 200, ...office }) },
  // PhD programme rounds: the office's list and new-round form (an empty form is refused field by field).
  "routes/office.rounds._index": { loader: only(office), action: only({ programme_officer: 400, admin: 400 }) },
  // One round for the office; the sample does not exist, and a form without an intent is refused first.
  "routes/office.rounds.$id": { loader: only({ programme_officer: 404, admin: 404 }), action: only({ programme_officer: 400, admin: 400 }) },
  // A unit's quota application for the office's document check; the sample does not exist.
  "routes/office.quota-applications.$id": { loader: only({ programme_officer: 404, admin: 404 }), action: only({ programme_officer: 400, admin: 400 }) },
  // Training units' staff: their units' quota applications (the matrix's staff member has no unit yet).
  "routes/unit.rounds._index": { loader: only({ training_unit_staff: 200 }) },
  // One round for a unit's staff; the sample does not exist, and an empty plan is refused field by field.
  "routes/unit.rounds.$id": { loader: only({ training_unit_staff: 404 }), action: only({ training_unit_staff: 400 }) },
  // Reviewers: only their own assignments; the sample assignment does not exist.
  "routes/review._index": { loader: only({ reviewer: 200 }) },
  "routes/review.$id": { loader: only({ reviewer: 404 }), action: only({ reviewer: 400 }) },
  // The public results of a round; no round of the sample year has been opened.
  "routes/programmes.phd.rounds.$year": { loader: all(404) },
  // A talent's PhD programme application (an empty state when no round is open); a form without an intent is refused.
  "routes/phd": { loader: only({ talent: 200 }), action: only({ talent: 400 }) },
  // A preference receipt: its talent's or the office's (audited); the sample does not exist.
  "routes/phd_.receipts.$id": { loader: only({ talent: 404, ...officeNotFound }) },
  // An application's evidence PDF: its talent, units its submitted list names, the office; the sample does not exist.
  "routes/phd_.evidence.$id": { loader: only({ talent: 404, training_unit_staff: 404, ...officeNotFound }) },
  // A round's trainee applications and innovation scores; the sample round does not exist, a form without an intent is refused first.
  "routes/office.rounds.$id_.trainees": { loader: only(officeNotFound), action: only({ programme_officer: 400, admin: 400 }) },
  // A unit's applicants, interviews and ranking; the sample round does not exist, a form without an intent is refused first.
  "routes/unit.rounds.$id_.applicants": { loader: only({ training_unit_staff: 404 }), action: only({ training_unit_staff: 400 }) },
  // The office's match page and placements overview; the sample round does not exist, a form without an intent is refused first.
  "routes/office.rounds.$id_.match": { loader: only(officeNotFound), action: only({ programme_officer: 400, admin: 400 }) },
  "routes/office.rounds.$id_.placements": { loader: only(officeNotFound), action: only({ programme_officer: 400, admin: 400 }) },
  // A stored run's input or output JSON, for the office; the sample run does not exist.
  "routes/office.match-runs.$runId.$file": { loader: only(officeNotFound) },
  // A unit's match result and its trainees' progress (the office's read-any and update-any pass the guard and
  // find no unit of theirs); the sample round does not exist, a form without an intent is refused first.
  "routes/unit.rounds.$id_.match": { loader: only({ training_unit_staff: 404, ...officeNotFound }), action: only({ training_unit_staff: 400, programme_officer: 400, admin: 400 }) },
  "routes/unit.rounds.$id_.placements": { loader: only({ training_unit_staff: 404, ...officeNotFound }), action: only({ training_unit_staff: 400, programme_officer: 400, admin: 400 }) },
  // A PhD applicant's results (the office's read-any shows its own empty list); a form without an intent is refused.
  "routes/phd_.result": { loader: only({ talent: 200, ...office }), action: only({ talent: 400, programme_officer: 400, admin: 400 }) },
  // Skill-gap coverage is public; a talent's own gap (the office's read-any shows an empty profile's gap).
  "routes/gaps": { loader: all(200) },
  "routes/my.gaps": { loader: only({ talent: 200, ...office }) },
  // Employment-outcome survey links need no login: an unknown link is a 404 page; an empty answer is refused before the link is looked at.
  "routes/outcome-survey.$token": { loader: all(404), action: all(400) },
  // The office's follow-up of completers; a form without an intent is refused.
  "routes/office.outcomes": { loader: only(office), action: only({ programme_officer: 400, admin: 400 }) },
  // A unit's own completers (the matrix's staff member has no unit: an empty state; the office's update-any
  // passes the guard and finds no unit of its own); an empty form is refused field by field.
  "routes/unit.outcomes": { loader: only({ training_unit_staff: 200, ...office }), action: only({ training_unit_staff: 400, programme_officer: 400, admin: 400 }) },
  // A talent's own outcomes (the office's read-any shows its own empty list).
  "routes/my.outcomes": { loader: only({ talent: 200, ...office }) },
  // Programme KPIs, demand and supply, the forecast tool and the annual report are the office's; a unit's own
  // KPIs (the matrix's staff member has no unit: an empty state; the office's read-any sees all); the public
  // outcomes page shows suppressed aggregates to everyone.
  "routes/office.kpis": { loader: only(office) },
  "routes/office.kpis_.records": { loader: only(office) },
  "routes/unit.kpis": { loader: only({ training_unit_staff: 200, ...office }) },
  "routes/office.demand-supply": { loader: only(office) },
  "routes/office.forecast-tool": { loader: only(office) },
  "routes/office.report.$year": { loader: only(office) },
  "routes/outcomes": { loader: all(200) },
  // The same tables as files (resource routes), for the same people.
  "routes/office.kpis_.export": { loader: only(office) },
  "routes/unit.kpis_.export": { loader: only({ training_unit_staff: 200, ...office }) },
  "routes/office.kpis_.records_.export": { loader: only(office) },
  "routes/office.demand-supply_.export": { loader: only(office) },
  "routes/office.forecast-tool_.export": { loader: only(office) },
  "routes/office.report.$year_.export": { loader: only(office) },
  // Missions and fairs: any signed-in user sees the list and a mission (the sample does not exist, also for a
  // form, which is looked up before its intent); the office creates them (an empty form is refused field by field).
  "routes/missions._index": { loader: signedIn(200) },
  "routes/missions.$id": { loader: signedIn(404), action: signedIn(404) },
  "routes/missions.$id_.meetings.$meetingId[.]ics": { loader: signedIn(404) },
  "routes/office.missions._index": { loader: only(office), action: only({ programme_officer: 400, admin: 400 }) },
  "routes/office.missions.$id": { loader: only(officeNotFound), action: only(officeNotFound) },
  // The single window: anyone opens a ticket (an empty form is refused field by field); a thread needs a login
  // or a mailed link (the sample does not exist); the queue is the office's alone.
  "routes/tickets.new": { loader: all(200), action: all(400) },
  "routes/tickets._index": { loader: signedIn(200) },
  "routes/tickets.$id": { loader: signedIn(404), action: signedIn(404) },
  "routes/office.tickets._index": { loader: only(office) },
  "routes/office.calendar": { loader: only(office), action: only({ programme_officer: 400, admin: 400 }) },
};
