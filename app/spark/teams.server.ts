// SPARK teams from application to submission. A talent applies to a year's intake of a published
// spark_course programme with a project and is the team's first (accepted) member; they invite the rest
// by e-mail with a role, and an invitee accepts only while signed in as the invited address. Every
// change to a team's membership locks the team's row first, so parallel invitations queue and a team
// never counts more than 5 open or accepted members (the trigger of migration 0001 checks it again).
// A team is submitted only with at least one accepted researcher and one accepted physician.
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { i18nFor, pick } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { MAX_TEAM_MEMBERS, pgErrorIs, refuseIfWithdrawn, SparkRuleError, type memberRoles, type stages } from "./rules";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Team = typeof t.sparkTeams.$inferSelect;
export type Intake = typeof t.sparkIntakes.$inferSelect;
export type MemberRole = (typeof memberRoles)[number];
export type Relation = "lead" | "member" | "invitee" | "mentor" | "office" | null;

export const isOffice = (viewer: Viewer) => can(viewer.roles, "manage:spark-team:any");

export function requireOffice(viewer: Viewer) {
  if (!isOffice(viewer)) throw new SparkRuleError("forbidden");
}

export interface IntakeInput {
  programmeKey: string;
  year: number;
  teamTarget: number;
  startsOn: string;
  endsOn: string;
}

export async function openIntake(db: Database, viewer: Viewer, input: IntakeInput, ip: string): Promise<Intake> {
  requireOffice(viewer);
  if (input.endsOn <= input.startsOn) throw new SparkRuleError("periodInvalid");
  const [programme] = await db.select().from(t.programmes).where(eq(t.programmes.key, input.programmeKey));
  if (!programme) throw new SparkRuleError("notFound");
  if (programme.type !== "spark_course") throw new SparkRuleError("notSparkProgramme");
  try {
    return await db.transaction(async (tx) => {
      const [intake] = await tx
        .insert(t.sparkIntakes)
        .values({ programmeId: programme.id, year: input.year, teamTarget: input.teamTarget, startsOn: input.startsOn, endsOn: input.endsOn })
        .returning();
      await recordAudit(tx, { actorUserId: viewer.id, action: "spark-intake-opened", entity: "spark_intake", entityId: intake!.id, ip });
      return intake!;
    });
  } catch (error) {
    if (pgErrorIs(error, "23505", "spark_intakes_year")) throw new SparkRuleError("intakeExists");
    throw error;
  }
}

/** Every intake with its programme and how many teams are selected, newest year first. */
export async function listIntakes(db: Database, options: { publishedOnly?: boolean } = {}) {
  const selected = db
    .select({ programmeId: t.sparkTeams.programmeId, year: t.sparkTeams.year, n: count().as("n") })
    .from(t.sparkTeams)
    .where(eq(t.sparkTeams.status, "selected"))
    .groupBy(t.sparkTeams.programmeId, t.sparkTeams.year)
    .as("selected");
  const rows = await db
    .select({ intake: t.sparkIntakes, programme: { key: t.programmes.key, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn, status: t.programmes.status }, selected: sql<number>`coalesce(${selected.n}, 0)::int` })
    .from(t.sparkIntakes)
    .innerJoin(t.programmes, eq(t.programmes.id, t.sparkIntakes.programmeId))
    .leftJoin(selected, and(eq(selected.programmeId, t.sparkIntakes.programmeId), eq(selected.year, t.sparkIntakes.year)))
    .where(options.publishedOnly ? eq(t.programmes.status, "published") : undefined)
    .orderBy(desc(t.sparkIntakes.year), asc(t.programmes.key))
    .limit(200);
  return rows;
}

export async function getIntake(db: Pick<Database, "select">, intakeId: string) {
  const [row] = await db.select({ intake: t.sparkIntakes, programme: t.programmes }).from(t.sparkIntakes).innerJoin(t.programmes, eq(t.programmes.id, t.sparkIntakes.programmeId)).where(eq(t.sparkIntakes.id, intakeId));
  if (!row) throw new SparkRuleError("notFound");
  return row;
}

export async function intakeOfTeam(db: Pick<Database, "select">, team: Pick<Team, "programmeId" | "year">, lock = false) {
  const query = db.select().from(t.sparkIntakes).where(and(eq(t.sparkIntakes.programmeId, team.programmeId), eq(t.sparkIntakes.year, team.year)));
  const [intake] = lock ? await query.for("update") : await query;
  if (!intake) throw new SparkRuleError("noIntake");
  return intake;
}

export interface TeamInput {
  intakeId: string;
  projectTitle: string;
  clinicalNeed: string;
  technology: string;
  stage: (typeof stages)[number];
  leadRole: MemberRole;
}

export async function applyTeam(db: Database, viewer: Viewer, input: TeamInput, ip: string): Promise<Team> {
  if (!can(viewer.roles, "create:spark-team:own")) throw new SparkRuleError("forbidden");
  const { intake, programme } = await getIntake(db, input.intakeId);
  if (programme.status !== "published") throw new SparkRuleError("notPublished");
  return db.transaction(async (tx) => {
    const [team] = await tx
      .insert(t.sparkTeams)
      .values({ programmeId: programme.id, year: intake.year, projectTitle: input.projectTitle, clinicalNeed: input.clinicalNeed, technology: input.technology, stage: input.stage, leadUserId: viewer.id })
      .returning();
    await tx.insert(t.sparkTeamMembers).values({ teamId: team!.id, email: viewer.email.toLowerCase(), userId: viewer.id, role: input.leadRole, state: "accepted", respondedAt: new Date() });
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-team-created", entity: "spark_team", entityId: team!.id, ip });
    return team!;
  });
}

export async function lockTeam(tx: Tx, teamId: string): Promise<Team> {
  const [team] = await tx.select().from(t.sparkTeams).where(eq(t.sparkTeams.id, teamId)).for("update");
  if (!team) throw new SparkRuleError("notFound");
  return team;
}

/**
 * A team still working, read under a share lock: writes that record work for it (meetings, demo-day
 * interest and bookings) share it, a withdrawal (lockTeam) excludes it, so nothing lands after one.
 */
export async function workingTeamShared(tx: Pick<Database, "select">, teamId: string): Promise<Pick<Team, "status">> {
  const [team] = await tx.select({ status: t.sparkTeams.status }).from(t.sparkTeams).where(eq(t.sparkTeams.id, teamId)).for("share");
  if (!team) throw new SparkRuleError("notFound");
  refuseIfWithdrawn(team);
  return team;
}

export const membersOf = (db: Pick<Database, "select">, teamId: string) =>
  db.select().from(t.sparkTeamMembers).where(eq(t.sparkTeamMembers.teamId, teamId)).orderBy(asc(t.sparkTeamMembers.invitedAt), asc(t.sparkTeamMembers.email));

const holdsPlace = (m: { state: string }) => m.state === "invited" || m.state === "accepted";

/** The lead invites someone by address; the invitee is mailed in their own language (the lead's when they have no account). */
export async function inviteMember(db: Database, viewer: Viewer, teamId: string, input: { email: string; role: MemberRole }, links: { publicUrl: string }, ip: string): Promise<void> {
  const email = input.email.trim().toLowerCase();
  try {
    await db.transaction(async (tx) => {
      const team = await lockTeam(tx, teamId);
      if (team.leadUserId !== viewer.id) throw new SparkRuleError("notLead");
      if (team.status !== "forming") throw new SparkRuleError("notForming");
      const members = await membersOf(tx, teamId);
      const existing = members.find((m) => m.email === email);
      if (existing && holdsPlace(existing)) throw new SparkRuleError("alreadyInvited");
      if (members.filter(holdsPlace).length >= MAX_TEAM_MEMBERS) throw new SparkRuleError("teamFull");
      if (existing) {
        await tx.update(t.sparkTeamMembers).set({ role: input.role, state: "invited", userId: null, invitedAt: new Date(), respondedAt: null }).where(eq(t.sparkTeamMembers.id, existing.id));
      } else {
        await tx.insert(t.sparkTeamMembers).values({ teamId, email, role: input.role });
      }
      const [recipient] = await tx.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.email, email));
      const locale = recipient?.locale === "en" || recipient?.locale === "zh-TW" ? recipient.locale : viewer.locale;
      await enqueueEmail(tx, {
        to: email,
        locale,
        template: "spark-invitation",
        data: { project: team.projectTitle, inviter: viewer.displayName, role: i18nFor(locale).t(`spark.role.${input.role}`), url: `${links.publicUrl}/spark/teams/${teamId}` },
      });
      await recordAudit(tx, { actorUserId: viewer.id, action: "spark-member-invited", entity: "spark_team", entityId: teamId, detail: { email, role: input.role }, ip });
    });
  } catch (error) {
    if (pgErrorIs(error, "23514", "spark_team_too_large")) throw new SparkRuleError("teamFull");
    throw error;
  }
}

/** The signed-in invitee accepts or declines; only the invited address may answer. */
export async function respondToInvitation(db: Database, viewer: Viewer, teamId: string, accept: boolean, ip: string): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const team = await lockTeam(tx, teamId);
      const members = await membersOf(tx, teamId);
      const mine = members.find((m) => m.email === viewer.email.toLowerCase() && m.state === "invited");
      if (!mine) throw new SparkRuleError("notInvited");
      if (team.status === "withdrawn" || team.status === "not_selected") throw new SparkRuleError("notForming");
      if (accept && members.filter((m) => m.state === "accepted").length >= MAX_TEAM_MEMBERS) throw new SparkRuleError("teamFull");
      await tx.update(t.sparkTeamMembers).set({ state: accept ? "accepted" : "declined", userId: accept ? viewer.id : null, respondedAt: new Date() }).where(eq(t.sparkTeamMembers.id, mine.id));
      await recordAudit(tx, { actorUserId: viewer.id, action: accept ? "spark-invitation-accepted" : "spark-invitation-declined", entity: "spark_team", entityId: teamId, ip });
    });
  } catch (error) {
    if (pgErrorIs(error, "23514", "spark_team_too_large")) throw new SparkRuleError("teamFull");
    throw error;
  }
}

/** The lead submits the team: at least one accepted researcher and one accepted physician. */
export async function submitTeam(db: Database, viewer: Viewer, teamId: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    if (team.leadUserId !== viewer.id) throw new SparkRuleError("notLead");
    if (team.status !== "forming") throw new SparkRuleError("notForming");
    await intakeOfTeam(tx, team);
    const accepted = (await membersOf(tx, teamId)).filter((m) => m.state === "accepted");
    if (!accepted.some((m) => m.role === "researcher")) throw new SparkRuleError("needsResearcher");
    if (!accepted.some((m) => m.role === "physician")) throw new SparkRuleError("needsPhysician");
    await tx.update(t.sparkTeams).set({ status: "applied", updatedAt: new Date() }).where(eq(t.sparkTeams.id, teamId));
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-team-submitted", entity: "spark_team", entityId: teamId, ip });
  });
}

/** What the viewer is to the team (the office sees every team; an approved company sees teams at demo days). */
export async function relationTo(db: Pick<Database, "select">, viewer: Viewer, team: Team): Promise<Relation> {
  if (team.leadUserId === viewer.id) return "lead";
  const [member] = await db.select().from(t.sparkTeamMembers).where(and(eq(t.sparkTeamMembers.teamId, team.id), eq(t.sparkTeamMembers.email, viewer.email.toLowerCase())));
  if (member?.state === "accepted") return "member";
  if (member?.state === "invited") return "invitee";
  const [assignment] = await db.select({ id: t.mentorAssignments.id }).from(t.mentorAssignments).where(and(eq(t.mentorAssignments.teamId, team.id), eq(t.mentorAssignments.mentorUserId, viewer.id)));
  if (assignment) return "mentor";
  if (isOffice(viewer)) return "office";
  return null;
}

export async function teamFor(db: Database, viewer: Viewer, teamId: string) {
  const [team] = await db.select().from(t.sparkTeams).where(eq(t.sparkTeams.id, teamId));
  if (!team) throw new SparkRuleError("notFound");
  const relation = await relationTo(db, viewer, team);
  // To anyone else the team does not exist.
  if (!relation) throw new SparkRuleError("notFound");
  const [programme] = await db.select().from(t.programmes).where(eq(t.programmes.id, team.programmeId));
  const [intake] = await db.select().from(t.sparkIntakes).where(and(eq(t.sparkIntakes.programmeId, team.programmeId), eq(t.sparkIntakes.year, team.year)));
  return { team, relation, programme: programme!, intake: intake ?? null };
}

/** Teams the viewer leads, belongs to or is invited to. */
export async function myTeams(db: Database, viewer: Viewer) {
  return db
    .select({ id: t.sparkTeams.id, projectTitle: t.sparkTeams.projectTitle, status: t.sparkTeams.status, year: t.sparkTeams.year, state: t.sparkTeamMembers.state, role: t.sparkTeamMembers.role })
    .from(t.sparkTeamMembers)
    .innerJoin(t.sparkTeams, eq(t.sparkTeams.id, t.sparkTeamMembers.teamId))
    .where(and(eq(t.sparkTeamMembers.email, viewer.email.toLowerCase()), inArray(t.sparkTeamMembers.state, ["invited", "accepted"])))
    .orderBy(desc(t.sparkTeams.createdAt))
    .limit(100);
}

/** The accepted members' addresses and languages, for mail to the whole team. */
export async function teamRecipients(db: Pick<Database, "select">, teamId: string) {
  return db
    .select({ email: t.users.email, locale: t.users.locale, name: t.users.displayName })
    .from(t.sparkTeamMembers)
    .innerJoin(t.users, eq(t.users.id, t.sparkTeamMembers.userId))
    .where(and(eq(t.sparkTeamMembers.teamId, teamId), eq(t.sparkTeamMembers.state, "accepted")));
}

export const programmeTitle = (locale: "zh-TW" | "en", programme: { titleZh: string; titleEn: string }) => pick(locale, programme.titleZh, programme.titleEn);
