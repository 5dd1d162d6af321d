// Shared by the SPARK tests: a published SPARK-style programme of its own with an intake, the office,
// mentors, talents, approved companies, and a team that has applied with an accepted researcher and physician.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import type { Role } from "../../app/auth/permissions";
import { SparkRuleError } from "../../app/spark/rules";
import { applyTeam, inviteMember, openIntake, respondToInvitation, submitTeam, type MemberRole } from "../../app/spark/teams.server";
import { makeUser, signedIn, unique } from "../auth/support";

export const IP = "192.0.2.91";
export const links = { publicUrl: "http://localhost:3000" };

export async function person(db: Database, label: string, roles: Role[] = ["talent"]): Promise<Viewer> {
  const user = await makeUser(db, { label, roles });
  return (await signedIn(db, user.id)).viewer;
}

export async function sparkWorld(db: Database, options: { teamTarget?: number } = {}) {
  const office = await person(db, "officer", ["programme_officer"]);
  const tag = unique();
  const [programme] = await db
    .insert(t.programmes)
    .values({ key: `spark-test-${tag}`, type: "spark_course", providerZh: "測試", providerEn: "Test", titleZh: `SPARK 測試 ${tag}`, titleEn: `SPARK test ${tag}`, summaryZh: "測試", summaryEn: "Test", status: "published" })
    .returning();
  const intake = await openIntake(db, office, { programmeKey: programme!.key, year: 2027, teamTarget: options.teamTarget ?? 2, startsOn: "2027-01-01", endsOn: "2027-12-31" }, IP);
  return { office, programme: programme!, intake };
}

/** A forming team whose lead (a researcher) has invited and been joined by the given members. */
export async function formingTeam(db: Database, intakeId: string, members: MemberRole[] = ["physician"]) {
  const lead = await person(db, "lead");
  const team = await applyTeam(db, lead, { intakeId, projectTitle: `Project ${unique()}`, clinicalNeed: "Sepsis detected late", technology: "Biosensor", stage: "preclinical", leadRole: "researcher" }, IP);
  const people: Viewer[] = [];
  for (const role of members) {
    const member = await person(db, role);
    await inviteMember(db, lead, team.id, { email: member.email, role }, links, IP);
    await respondToInvitation(db, member, team.id, true, IP);
    people.push(member);
  }
  return { lead, team, people };
}

export async function appliedTeam(db: Database, intakeId: string) {
  const made = await formingTeam(db, intakeId, ["physician"]);
  await submitTeam(db, made.lead, made.team.id, IP);
  return made;
}

export async function approvedCompany(db: Database, approval: "approved" | "pending" = "approved") {
  const tag = unique();
  const [company] = await db.insert(t.organisations).values({ slug: `spark-co-${tag}`, kind: "company", nameZh: `公司 ${tag}`, nameEn: `Company ${tag}`, approval, approvedAt: approval === "approved" ? new Date() : null }).returning();
  const user = await makeUser(db, { label: "recruiter", roles: ["company_recruiter"] });
  await db.insert(t.memberships).values({ userId: user.id, organisationId: company!.id, isOrgAdmin: true });
  return { company: company!, recruiter: (await signedIn(db, user.id)).viewer };
}

export async function teamRow(db: Database, teamId: string) {
  const [row] = await db.select().from(t.sparkTeams).where(eq(t.sparkTeams.id, teamId));
  return row!;
}

export const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SparkRuleError) return error.code;
    throw error;
  }
  return "accepted";
};
