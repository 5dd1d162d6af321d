// The records the hostile-input tests need so that every form of the app appears on some page: an
// approved company with a draft and a published position, applications in both directions, a pending
// organisation for the office, tokens for the e-mailed links, and a PhD round in each state a form needs.
// Made through the domain functions, as the app would make them.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import { resolveSession, startSession, type Viewer } from "../../app/auth/session.server";
import { issueToken } from "../../app/auth/tokens.server";
import { applyToPosition, inviteTalent } from "../../app/applications/pipeline.server";
import { inviteColleague } from "../../app/organisations/invitations.server";
import { createOrganisation, submitForApproval } from "../../app/organisations/organisations.server";
import { assignReviewer } from "../../app/placement/quota-reviews.server";
import { markDocumentsComplete } from "../../app/placement/quota-applications.server";
import { createRound } from "../../app/placement/rounds.server";
import { saveCv } from "../../app/talents/cv.server";
import { makeCompany, makePosition, makeTalent, moveThrough } from "../applications/world";
import { links, mailTo, makeUser, tokenIn, unique } from "../auth/support";
import { makeOpenRound, makeProgramme, makeUnit, roundInput, submitPlan } from "../placement/world";
import { makeMatchWorld } from "../placement/match-world";
import { registeredTalent, roundInRegistration } from "../placement/trainee-world";
import { makeUnit as makeCatalogueUnit, publishedCohort } from "../programmes/support";
import { enrol, issueCertificate, markCompleted } from "../../app/programmes/enrolment.server";
import { sendFirstSurveys } from "../../app/outcomes/surveys.server";
import { publishRun, runMatch } from "../../app/placement/match-runs.server";
import { submitPreferences } from "../../app/placement/trainee-applications.server";
import { tinyPdf } from "../support/tiny-pdf";
import { createMission } from "../../app/missions/missions.server";
import { openTicket } from "../../app/tickets/tickets.server";
import { addCalendarDay, CalendarRuleError } from "../../app/tickets/office-calendar.server";
import { missionInput } from "../missions/world";
import { createDemoDay, registerTeam } from "../../app/spark/demo-days.server";
import { addMilestone } from "../../app/spark/milestones.server";
import { assignMentor, decideTeam, setBudget } from "../../app/spark/office.server";
import { appliedTeam, formingTeam, links as sparkLinks, person as sparkPerson, sparkWorld } from "../spark/world";

export const IP = "192.0.2.77";

export type Actor =
  | "anonymous"
  | "plain"
  | "talent"
  | "invitedTalent"
  | "freshTalent"
  | "recruiter"
  | "draftAdmin"
  | "officer"
  | "admin"
  | "unitStaff"
  | "freshUnitStaff"
  | "reviewer"
  | "catalogueStaff"
  | "trainee"
  | "registrationUnitStaff"
  | "matchOfficer"
  | "matchUnitStaff"
  | "matchedTrainee"
  | "overseasTalent"
  | "sparkLead"
  | "sparkMentor"
  | "sparkFormingLead"
  | "outcomeUnitStaff";

export interface HostileWorld {
  ids: {
    occupation: string;
    company: string;
    companySlug: string;
    draftCompanySlug: string;
    publishedPosition: string;
    draftPosition: string;
    application: string;
    invitation: string;
    draftRound: string;
    openRound: string;
    quotaApplication: string;
    assignment: string;
    programmeKey: string;
    cohort: string;
    registrationRound: string;
    matchRound: string;
    unmatchedRound: string;
    sparkIntake: string;
    sparkFormingTeam: string;
    sparkSelectedTeam: string;
    demoDay: string;
    workPermitCase: string;
    mission: string;
    ticket: string;
    /** A year of the office calendar with a day in it, so its remove form is on the page. */
    calendarYear: number;
  };
  tokens: { invitation: string; reset: string; verify: string; outcomeSurvey: string };
  userIds: Record<Exclude<Actor, "anonymous">, string>;
  /** The actor's viewer, resolved from a real session once and reused (an action that ends it does not end the test's). */
  viewer(actor: Actor): Promise<Viewer | null>;
  /** A viewer from a new session, as the server resolves one per request (names and roles as they are now). */
  signIn(actor: Actor): Promise<Viewer | null>;
}

async function viewerOf(db: Database, userId: string): Promise<Viewer> {
  const cookie = await startSession(db, userId, { ip: IP, userAgent: "hostile" });
  const { viewer } = await resolveSession(db, cookie.split(";")[0]);
  if (!viewer) throw new Error(`no session for ${userId}`);
  return viewer;
}

const person = async (db: Database, roles: Role[], label: string) => (await makeUser(db, { label, roles })).id;

export async function makeHostileWorld(db: Database): Promise<HostileWorld> {
  // Hiring: an approved company with a recruiter (its admin) and a colleague, positions, applications.
  const { organisation: company, recruiters } = await makeCompany(db, 2);
  const recruiter = recruiters[0]!;
  const published = await makePosition(db, recruiter, { headcount: 3 });
  const draft = await makePosition(db, recruiter, { draft: true });
  const talent = await makeTalent(db, { discoverable: true });
  await saveCv(db, talent.id, { fileName: "履歷.pdf", bytes: new Uint8Array(tinyPdf()) });
  const application = await applyToPosition(db, talent.viewer, published.id, "您好，我想應徵。", links);
  const invitedTalent = await makeTalent(db, { discoverable: true });
  const invitation = await inviteTalent(db, recruiter, published.id, invitedTalent.id, "邀請您應徵", links);
  const freshTalent = await makeTalent(db, { discoverable: true });
  // An overseas talent hired on the published position: the hire opened a work-permit case.
  const overseasTalent = await makeTalent(db, { locale: "en" });
  await db.insert(t.talentProfiles).values({ userId: overseasTalent.id, nationality: "IN" });
  const overseasApplication = await applyToPosition(db, overseasTalent.viewer, published.id, "Hello", links);
  await moveThrough(db, recruiter, overseasApplication.id, "applied", ["offer", "hired"]);
  const [workPermitCase] = await db.select({ id: t.workPermitCases.id }).from(t.workPermitCases).where(eq(t.workPermitCases.applicationId, overseasApplication.id));
  // An open invitation of the company (revocable on its page) and one whose link a signed-in user opens.
  await inviteColleague(db, recruiter, company, `hostile-invitee-${unique()}@example.test`, links, IP);
  const plainUser = await makeUser(db, { label: "hostile-plain" });
  await inviteColleague(db, recruiter, company, plainUser.email, links, IP);
  const [mail] = (await mailTo(db, plainUser.email)).filter((m) => m.textBody.includes("/invitations/"));
  const invitationToken = tokenIn(mail!.textBody, "/invitations/");

  // A draft company (its page offers submitting for approval) and a pending one for the office.
  const draftAdmin = await makeUser(db, { label: "hostile-draft-admin", roles: ["company_recruiter"] });
  const draftCompany = await createOrganisation(db, await viewerOf(db, draftAdmin.id), { kind: "company", nameZh: "敵意測試草稿公司", nameEn: `Hostile Draft ${unique()}` }, IP);
  const pendingAdmin = await makeUser(db, { label: "hostile-pending-admin", roles: ["company_recruiter"] });
  const pendingViewer = await viewerOf(db, pendingAdmin.id);
  const pending = await createOrganisation(db, pendingViewer, { kind: "company", nameZh: "敵意測試待審公司", nameEn: `Hostile Pending ${unique()}` }, IP);
  await submitForApproval(db, await viewerOf(db, pendingAdmin.id), pending, IP);

  // The PhD programme: a draft round, an open round with a unit's submitted plan and a reviewed one.
  const officer = await person(db, ["programme_officer"], "hostile-officer");
  const officerViewer = await viewerOf(db, officer);
  const programme = await makeProgramme(db);
  const draftRound = await createRound(db, officerViewer, roundInput(programme.id), IP);
  const openRound = await makeOpenRound(db, officerViewer, programme.id);
  const unit = await makeUnit(db);
  const freshUnit = await makeUnit(db);
  const quota = await submitPlan(db, unit.staff[0]!, openRound.id, unit.organisation.id);
  const reviewedUnit = await makeUnit(db);
  const reviewed = await submitPlan(db, reviewedUnit.staff[0]!, openRound.id, reviewedUnit.organisation.id);
  const complete = await markDocumentsComplete(db, officerViewer, reviewed.id, reviewed.version, IP);
  const reviewer = await person(db, ["reviewer"], "hostile-reviewer");
  const assignment = await assignReviewer(db, officerViewer, complete.id, reviewer, IP);

  // Links from e-mail: a password reset, and a confirmation for an address not yet confirmed.
  const resetUser = await makeUser(db, { label: "hostile-reset" });
  const unconfirmed = await makeUser(db, { label: "hostile-unconfirmed", confirmed: false });
  // The training catalogue: a unit's published programme with a cohort.
  const catalogue = await makeCatalogue(db);
  await enrol(db, talent.viewer, catalogue.cohort.id);
  // …and a completer holding a certificate, so the cohort page shows its revoke form.
  const certified = await makeUser(db, { label: "hostile-certified", roles: ["talent"] });
  const certifiedEnrolment = await enrol(db, await viewerOf(db, certified.id), catalogue.cohort.id);
  await markCompleted(db, catalogue.staff, certifiedEnrolment.id, IP);
  await issueCertificate(db, catalogue.staff, certifiedEnrolment.id, IP);
  // PhD trainees: a round in registration with a trainee whose list names the first unit, and a
  // published match (u1 has a seat left over for a post-match offer; a3 holds none).
  const registration = await roundInRegistration(db, { units: 2 });
  const trainee = await registeredTalent(db, registration, "hostile-trainee");
  await submitPreferences(db, trainee.viewer, trainee.application.id, { expectedVersion: 1, quotaApplicationIds: [registration.units[0]!.quotaApplicationId] }, IP);
  const freshTrainee = await makeUser(db, { label: "hostile-fresh-trainee", roles: ["talent"] });
  const match = await makeMatchWorld(db, { units: { u1: 2, u2: 1 }, applicants: { a1: ["u1", "u2"], a2: ["u2"], a3: ["u2"] }, rankings: { u1: ["a1"], u2: ["a2", "a3"] } });
  const run = await runMatch(db, match.officer, match.round.id, IP);
  await publishRun(db, match.officer, run.id, links, IP);
  const unmatched = await makeMatchWorld(db, { units: { u1: 1 }, applicants: { a1: ["u1"] }, rankings: { u1: ["a1"] } });

  const [occupation] = await db.select({ id: t.occupations.id }).from(t.occupations).where(eq(t.occupations.code, "070207"));

  // SPARK: an intake with a forming team and a selected one (a milestone, a mentor), and a demo day it is registered for.
  const spark = await sparkWorld(db, { teamTarget: 5 });
  const forming = await formingTeam(db, spark.intake.id, ["physician"]);
  const selectedTeam = await appliedTeam(db, spark.intake.id);
  await appliedTeam(db, spark.intake.id);
  await decideTeam(db, spark.office, selectedTeam.team.id, "selected", sparkLinks, IP);
  await addMilestone(db, selectedTeam.lead, selectedTeam.team.id, { title: "Prototype", deliverable: "A sensor", dueOn: "2027-06-30" }, IP);
  const sparkMentor = await sparkPerson(db, "hostile-mentor", ["mentor"]);
  await assignMentor(db, spark.office, selectedTeam.team.id, sparkMentor.id, "active", IP);
  await setBudget(db, spark.office, selectedTeam.team.id, 100_000, IP);
  const demoDay = await createDemoDay(db, spark.office, { titleZh: "敵意測試發表會", titleEn: "Hostile demo day", date: "2027-11-20", startTime: "13:00", endTime: "15:00", venue: "Taipei", meetingMinutes: 20 }, IP);
  await registerTeam(db, spark.office, demoDay.id, selectedTeam.team.id, IP);

  // Employment outcomes: a unit's course with a completer who was mailed a survey link.
  const outcomes = await makeCatalogue(db);
  const completer = await makeUser(db, { label: "hostile-completer", roles: ["talent"] });
  const completed = await enrol(db, await viewerOf(db, completer.id), outcomes.cohort.id);
  await markCompleted(db, outcomes.staff, completed.id, IP);
  await sendFirstSurveys(db, links, new Date());
  const outcomeSurvey = tokenIn((await mailTo(db, completer.email)).find((m) => m.textBody.includes("/outcome-survey/"))!.textBody, "/outcome-survey/");

  const viewers: Partial<Record<Actor, Promise<Viewer>>> = {};
  const userIds: HostileWorld["userIds"] = {
    plain: plainUser.id,
    talent: talent.id,
    invitedTalent: invitedTalent.id,
    freshTalent: freshTalent.id,
    recruiter: recruiter.id,
    draftAdmin: draftAdmin.id,
    officer,
    admin: await person(db, ["admin"], "hostile-admin"),
    unitStaff: unit.staff[0]!.id,
    freshUnitStaff: freshUnit.staff[0]!.id,
    catalogueStaff: catalogue.staff.id,
    trainee: freshTrainee.id,
    registrationUnitStaff: registration.units[0]!.staff.id,
    matchOfficer: match.officer.id,
    matchUnitStaff: match.units.get("u1")!.staff.id,
    matchedTrainee: match.applicants.get("a1")!.viewer.id,
    overseasTalent: overseasTalent.id,
    sparkLead: selectedTeam.lead.id,
    sparkMentor: sparkMentor.id,
    sparkFormingLead: forming.lead.id,
    outcomeUnitStaff: outcomes.staff.id,
    reviewer,
  };
  // A mission the officer runs (the recruiter and the talent see its forms) and a question the talent sent.
  const mission = await createMission(db, await viewerOf(db, userIds.officer), missionInput(), IP);
  const { ticket } = await openTicket(db, await viewerOf(db, userIds.talent), { kind: "question", category: "other", subject: "Hostile ticket", body: "A question" }, { publicUrl: links.publicUrl, ip: IP, locale: "en" });
  // A day in the office calendar, far from any date other tests use; a world made earlier in the run may hold it already.
  await addCalendarDay(db, await viewerOf(db, userIds.officer), { date: "2099-01-01", kind: "holiday", nameZh: "測試假日", nameEn: "Hostile holiday" }, IP).catch((error: unknown) => {
    if (!(error instanceof CalendarRuleError && error.code === "duplicate")) throw error;
  });
  return {
    ids: {
      occupation: occupation!.id,
      company: company.id,
      companySlug: company.slug,
      draftCompanySlug: draftCompany.slug,
      publishedPosition: published.id,
      draftPosition: draft.id,
      application: application.id,
      invitation: invitation.id,
      draftRound: draftRound.id,
      openRound: openRound.id,
      quotaApplication: quota.id,
      assignment: assignment.id,
      programmeKey: catalogue.programme.key,
      cohort: catalogue.cohort.id,
      registrationRound: registration.round.id,
      matchRound: match.round.id,
      unmatchedRound: unmatched.round.id,
      workPermitCase: workPermitCase!.id,
      sparkIntake: spark.intake.id,
      sparkFormingTeam: forming.team.id,
      sparkSelectedTeam: selectedTeam.team.id,
      demoDay: demoDay.id,
      mission: mission.id,
      ticket: ticket.id,
      calendarYear: 2099,
    },
    tokens: {
      invitation: invitationToken,
      reset: await issueToken(db, resetUser.id, "password_reset"),
      verify: await issueToken(db, unconfirmed.id, "email_verification"),
      outcomeSurvey,
    },
    userIds,
    viewer: async (actor) => (actor === "anonymous" ? null : (viewers[actor] ??= viewerOf(db, userIds[actor]))),
    signIn: async (actor) => (actor === "anonymous" ? null : viewerOf(db, userIds[actor])),
  };
}

/** A training unit's published programme with one cohort. */
async function makeCatalogue(db: Database) {
  const { unit, staff } = await makeCatalogueUnit(db);
  const { programme, cohort } = await publishedCohort(db, staff, unit.id);
  return { staff, programme, cohort };
}
