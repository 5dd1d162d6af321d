// A selected team's milestones (due within its intake's programme period) with their evidence, a PDF
// judged by its bytes as CVs are and kept in the files table; and the meetings mentors log with their teams.
import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { displayFileName, looksLikePdf } from "../talents/cv.server";
import { MAX_EVIDENCE_BYTES, refuseIfWithdrawn, SparkRuleError, type milestoneStatuses } from "./rules";
import { intakeOfTeam, lockTeam, relationTo, workingTeamShared, type Team, type Tx } from "./teams.server";

export type MilestoneStatus = (typeof milestoneStatuses)[number];

async function requireWorkingTeam(tx: Tx, viewer: Viewer, teamId: string): Promise<Team> {
  const team = await lockTeam(tx, teamId);
  const relation = await relationTo(tx, viewer, team);
  if (!relation) throw new SparkRuleError("notFound");
  if (relation !== "lead" && relation !== "member" && relation !== "office") throw new SparkRuleError("forbidden");
  refuseIfWithdrawn(team);
  if (team.status !== "selected") throw new SparkRuleError("notSelected");
  return team;
}

export async function addMilestone(db: Database, viewer: Viewer, teamId: string, input: { title: string; deliverable: string; dueOn: string }, ip: string) {
  return db.transaction(async (tx) => {
    const team = await requireWorkingTeam(tx, viewer, teamId);
    const intake = await intakeOfTeam(tx, team);
    if (input.dueOn < intake.startsOn || input.dueOn > intake.endsOn) throw new SparkRuleError("dueOutsidePeriod");
    const [milestone] = await tx.insert(t.sparkMilestones).values({ teamId, ...input }).returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-milestone-added", entity: "spark_team", entityId: teamId, detail: { milestoneId: milestone!.id }, ip });
    return milestone!;
  });
}

export function evidenceProblem(bytes: Uint8Array): "evidenceEmpty" | "evidenceTooLarge" | "evidenceNotPdf" | null {
  if (bytes.byteLength === 0) return "evidenceEmpty";
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) return "evidenceTooLarge";
  return looksLikePdf(bytes) ? null : "evidenceNotPdf";
}

/** Sets a milestone's status and, when given, replaces its evidence PDF. */
export async function updateMilestone(db: Database, viewer: Viewer, milestoneId: string, input: { status: MilestoneStatus; evidence?: { fileName: string; bytes: Uint8Array } | null }, ip: string) {
  const problem = input.evidence ? evidenceProblem(input.evidence.bytes) : null;
  if (problem) throw new SparkRuleError(problem);
  await db.transaction(async (tx) => {
    const [milestone] = await tx.select().from(t.sparkMilestones).where(eq(t.sparkMilestones.id, milestoneId));
    if (!milestone) throw new SparkRuleError("notFound");
    await requireWorkingTeam(tx, viewer, milestone.teamId);
    let evidenceFileId = milestone.evidenceFileId;
    if (input.evidence) {
      const content = Buffer.from(input.evidence.bytes.buffer, input.evidence.bytes.byteOffset, input.evidence.bytes.byteLength);
      const [file] = await tx
        .insert(t.files)
        .values({ ownerUserId: viewer.id, purpose: "spark-evidence", fileName: displayFileName(input.evidence.fileName), mimeType: "application/pdf", sizeBytes: content.byteLength, sha256: createHash("sha256").update(content).digest("hex"), content })
        .returning({ id: t.files.id });
      evidenceFileId = file!.id;
    }
    await tx.update(t.sparkMilestones).set({ status: input.status, evidenceFileId, updatedAt: new Date() }).where(eq(t.sparkMilestones.id, milestoneId));
    if (input.evidence && milestone.evidenceFileId) await tx.delete(t.files).where(eq(t.files.id, milestone.evidenceFileId));
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-milestone-updated", entity: "spark_team", entityId: milestone.teamId, detail: { milestoneId, status: input.status }, ip });
  });
}

export async function milestonesOf(db: Database, teamId: string) {
  return db
    .select({ milestone: t.sparkMilestones, fileName: t.files.fileName })
    .from(t.sparkMilestones)
    .leftJoin(t.files, eq(t.files.id, t.sparkMilestones.evidenceFileId))
    .where(eq(t.sparkMilestones.teamId, teamId))
    .orderBy(asc(t.sparkMilestones.dueOn), asc(t.sparkMilestones.title))
    .limit(200);
}

/** A milestone's evidence for anyone who may see its team (lead, members, mentors, the office), else not found. */
export async function evidenceFile(db: Database, viewer: Viewer, teamId: string, milestoneId: string) {
  const [row] = await db
    .select({ team: t.sparkTeams, file: t.files })
    .from(t.sparkMilestones)
    .innerJoin(t.sparkTeams, eq(t.sparkTeams.id, t.sparkMilestones.teamId))
    .innerJoin(t.files, eq(t.files.id, t.sparkMilestones.evidenceFileId))
    .where(and(eq(t.sparkMilestones.id, milestoneId), eq(t.sparkMilestones.teamId, teamId)));
  if (!row) throw new SparkRuleError("notFound");
  const relation = await relationTo(db, viewer, row.team);
  if (!relation || relation === "invitee") throw new SparkRuleError("notFound");
  return row.file;
}

/** The mentor's teams with their assignment (mode) and the meetings logged so far. */
export async function mentorTeams(db: Database, viewer: Viewer) {
  const assignments = await db
    .select({ assignment: t.mentorAssignments, team: { id: t.sparkTeams.id, projectTitle: t.sparkTeams.projectTitle, year: t.sparkTeams.year, status: t.sparkTeams.status } })
    .from(t.mentorAssignments)
    .innerJoin(t.sparkTeams, eq(t.sparkTeams.id, t.mentorAssignments.teamId))
    .where(eq(t.mentorAssignments.mentorUserId, viewer.id))
    .orderBy(desc(t.sparkTeams.year), asc(t.sparkTeams.projectTitle))
    .limit(200);
  return assignments;
}

export async function meetingsOf(db: Database, teamId: string) {
  return db
    .select({ meeting: t.mentorMeetings, mode: t.mentorAssignments.mode, mentor: t.users.displayName })
    .from(t.mentorMeetings)
    .innerJoin(t.mentorAssignments, eq(t.mentorAssignments.id, t.mentorMeetings.assignmentId))
    .innerJoin(t.users, eq(t.users.id, t.mentorAssignments.mentorUserId))
    .where(eq(t.mentorAssignments.teamId, teamId))
    .orderBy(desc(t.mentorMeetings.metOn))
    .limit(200);
}

export async function mentorsOf(db: Database, teamId: string) {
  return db
    .select({ id: t.mentorAssignments.id, mode: t.mentorAssignments.mode, name: t.users.displayName, mentorUserId: t.users.id })
    .from(t.mentorAssignments)
    .innerJoin(t.users, eq(t.users.id, t.mentorAssignments.mentorUserId))
    .where(eq(t.mentorAssignments.teamId, teamId))
    .orderBy(asc(t.users.displayName));
}

/** A mentor logs a meeting with a team assigned to them, while the team is not withdrawn. */
export async function logMeeting(db: Database, viewer: Viewer, assignmentId: string, input: { metOn: string; minutes: number; notes: string }, ip: string): Promise<void> {
  const [assignment] = await db.select().from(t.mentorAssignments).where(eq(t.mentorAssignments.id, assignmentId));
  if (!assignment) throw new SparkRuleError("notFound");
  if (assignment.mentorUserId !== viewer.id) throw new SparkRuleError("notAssigned");
  await db.transaction(async (tx) => {
    await workingTeamShared(tx, assignment.teamId);
    const [meeting] = await tx.insert(t.mentorMeetings).values({ assignmentId, ...input }).returning({ id: t.mentorMeetings.id });
    await recordAudit(tx, { actorUserId: viewer.id, action: "spark-mentor-meeting", entity: "spark_team", entityId: assignment.teamId, detail: { meetingId: meeting!.id }, ip });
  });
}
