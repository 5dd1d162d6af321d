// The office's side of a SPARK intake: selecting submitted teams against the year's target, assigning
// mentors from the expert panel, and the matching fund. Selection locks the intake's row, so two
// officers selecting at once queue and the intake never holds more selected teams than its target;
// spending locks the team's row, so parallel entries never take a team past its budget.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { pick } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { pgErrorIs, refuseIfWithdrawn, SparkRuleError, type mentorModes } from "./rules";
import { intakeOfTeam, lockTeam, relationTo, requireOffice, teamRecipients, type Tx } from "./teams.server";

export type MentorMode = (typeof mentorModes)[number];

/** Selects a submitted team (while the intake's target allows) or turns it down; the team is mailed. */
export async function decideTeam(db: Database, viewer: Viewer, teamId: string, decision: "selected" | "not_selected", links: { publicUrl: string }, ip: string): Promise<void> {
  requireOffice(viewer);
  await db.transaction(async (tx) => {
    const [peek] = await tx.select().from(t.sparkTeams).where(eq(t.sparkTeams.id, teamId));
    if (!peek) throw new SparkRuleError("notFound");
    // The intake first, then the team: every selection takes the locks in this order.
    const intake = await intakeOfTeam(tx, peek, true);
    const team = await lockTeam(tx, teamId);
    if (team.status !== "applied") throw new SparkRuleError("notApplied");
    if (decision === "selected") {
      const [row] = await tx.select({ n: count() }).from(t.sparkTeams).where(and(eq(t.sparkTeams.programmeId, team.programmeId), eq(t.sparkTeams.year, team.year), eq(t.sparkTeams.status, "selected")));
      if (row!.n >= intake.teamTarget) throw new SparkRuleError("targetReached");
    }
    await tx.update(t.sparkTeams).set({ status: decision, updatedAt: new Date() }).where(eq(t.sparkTeams.id, teamId));
    const [programme] = await tx.select().from(t.programmes).where(eq(t.programmes.id, team.programmeId));
    for (const to of await teamRecipients(tx, teamId)) {
      const locale = to.locale === "en" ? "en" : "zh-TW";
      await enqueueEmail(tx, {
        to: to.email,
        locale,
        template: "spark-decision",
        data: { name: to.name, project: team.projectTitle, programme: pick(locale, programme!.titleZh, programme!.titleEn), year: team.year, selected: decision === "selected", url: `${links.publicUrl}/spark/teams/${teamId}` },
      });
    }
    await recordAudit(tx, { actorUserId: viewer.id, action: `spark-team-${decision}`, entity: "spark_team", entityId: teamId, ip });
  });
}

/** The teams of one intake (not those still forming) with their members, mentors and fund. */
export async function intakeTeams(db: Database, programmeId: string, year: number) {
  const teams = await db
    .select()
    .from(t.sparkTeams)
    .where(and(eq(t.sparkTeams.programmeId, programmeId), eq(t.sparkTeams.year, year), sql`${t.sparkTeams.status} <> 'forming'`))
    .orderBy(asc(t.sparkTeams.status), asc(t.sparkTeams.projectTitle))
    .limit(500);
  return teams;
}

/** Users with the mentor role: the industry expert panel. */
export async function expertPanel(db: Database) {
  return db
    .select({ id: t.users.id, name: t.users.displayName, email: t.users.email })
    .from(t.userRoles)
    .innerJoin(t.users, eq(t.users.id, t.userRoles.userId))
    .where(eq(t.userRoles.role, "mentor"))
    .orderBy(asc(t.users.displayName))
    .limit(500);
}

export async function assignMentor(db: Database, viewer: Viewer, teamId: string, mentorUserId: string, mode: MentorMode, ip: string): Promise<void> {
  requireOffice(viewer);
  try {
    await db.transaction(async (tx) => {
      const team = await lockTeam(tx, teamId);
      refuseIfWithdrawn(team);
      if (team.status !== "selected") throw new SparkRuleError("notSelected");
      const [isMentor] = await tx.select({ userId: t.userRoles.userId }).from(t.userRoles).where(and(eq(t.userRoles.userId, mentorUserId), eq(t.userRoles.role, "mentor")));
      if (!isMentor) throw new SparkRuleError("notMentorUser");
      const [assignment] = await tx.insert(t.mentorAssignments).values({ teamId, mentorUserId, mode }).returning();
      await recordAudit(tx, { actorUserId: viewer.id, action: "spark-mentor-assigned", entity: "spark_team", entityId: teamId, detail: { assignmentId: assignment!.id, mode }, ip });
    });
  } catch (error) {
    if (pgErrorIs(error, "23505", "mentor_assignments_once")) throw new SparkRuleError("alreadyAssigned");
    throw error;
  }
}

async function spentOn(tx: Pick<Database, "select">, teamId: string): Promise<number> {
  const [row] = await tx.select({ total: sql<number>`coalesce(sum(${t.matchingFundSpends.amountNtd}), 0)::int` }).from(t.matchingFundSpends).where(eq(t.matchingFundSpends.teamId, teamId));
  return row!.total;
}

export async function setBudget(db: Database, viewer: Viewer, teamId: string, budgetNtd: number, ip: string): Promise<void> {
  requireOffice(viewer);
  await db.transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    refuseIfWithdrawn(team);
    if (team.status !== "selected") throw new SparkRuleError("notSelected");
    if (budgetNtd < (await spentOn(tx, teamId))) throw new SparkRuleError("budgetBelowSpent");
    await tx.update(t.sparkTeams).set({ matchingFundBudgetNtd: budgetNtd, updatedAt: new Date() }).where(eq(t.sparkTeams.id, teamId));
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-budget-set", entity: "spark_team", entityId: teamId, detail: { budgetNtd }, ip });
  });
}

export interface SpendInput {
  amountNtd: number;
  spentOn: string;
  description: string;
}

/** A spending entry by the office or the team's lead or members; never past the budget. */
export async function recordSpend(db: Database, viewer: Viewer, teamId: string, input: SpendInput, ip: string): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    const team = await lockTeam(tx, teamId);
    const relation = await relationTo(tx, viewer, team);
    if (relation !== "lead" && relation !== "member" && relation !== "office") throw new SparkRuleError(relation ? "forbidden" : "notFound");
    refuseIfWithdrawn(team);
    if (team.status !== "selected") throw new SparkRuleError("notSelected");
    if ((await spentOn(tx, teamId)) + input.amountNtd > team.matchingFundBudgetNtd) throw new SparkRuleError("overBudget");
    await tx.insert(t.matchingFundSpends).values({ teamId, ...input, recordedBy: viewer.id });
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-fund-spent", entity: "spark_team", entityId: teamId, detail: { amountNtd: input.amountNtd }, ip });
  });
}

export async function fundOf(db: Database, team: { id: string; matchingFundBudgetNtd: number }) {
  const spends = await db.select().from(t.matchingFundSpends).where(eq(t.matchingFundSpends.teamId, team.id)).orderBy(asc(t.matchingFundSpends.spentOn)).limit(500);
  const spent = spends.reduce((sum, s) => sum + s.amountNtd, 0);
  return { budget: team.matchingFundBudgetNtd, spent, remaining: team.matchingFundBudgetNtd - spent, spends };
}
