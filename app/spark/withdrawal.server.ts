// Withdrawing a SPARK team, which is final: its lead may withdraw it while forming, applied or selected
// (the reason is optional); the office withdraws an applied or selected team of the intake on its page
// (the reason is required). Like a selection, a withdrawal locks the intake's row and then the team's,
// so a withdrawal and a selection of the same team queue and the second sees what the first did, and of
// two withdrawals only the first finds the team still open. A selected team leaves the intake's count
// (the count is of status `selected`), open invitations are revoked, its demo-day meetings still to come
// are cancelled (their companies are told), and every accepted member is mailed.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { pick } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { cancelUpcomingMeetings } from "./demo-days.server";
import { SparkRuleError, WITHDRAWAL_REASON_MAX, WITHDRAWAL_REASON_MIN } from "./rules";
import { intakeOfTeam, lockTeam, relationTo, requireOffice, teamRecipients, type Intake, type Team, type Tx } from "./teams.server";

type WithdrawnBy = "lead" | "office";

/** The lead withdraws their own team (forming, applied or selected); `reason` may be empty. */
export async function withdrawTeamAsLead(db: Database, viewer: Viewer, teamId: string, reason: string | null, links: { publicUrl: string }, ip: string): Promise<void> {
  const given = reason?.trim() || null;
  if (given && given.length > WITHDRAWAL_REASON_MAX) throw new SparkRuleError("withdrawalReason");
  await withdraw(db, viewer, teamId, "lead", given, links, ip, async (tx, team) => {
    if (team.leadUserId !== viewer.id) throw new SparkRuleError((await relationTo(tx, viewer, team)) ? "notLead" : "notFound");
    if (team.status === "withdrawn") throw new SparkRuleError("alreadyWithdrawn");
    if (team.status !== "forming" && team.status !== "applied" && team.status !== "selected") throw new SparkRuleError("notWithdrawable");
  });
}

/** The office withdraws an applied or selected team of this intake, with a reason of 5–500 characters. */
export async function withdrawTeamForOffice(db: Database, viewer: Viewer, intakeId: string, teamId: string, reason: string, links: { publicUrl: string }, ip: string): Promise<void> {
  requireOffice(viewer);
  const given = reason.trim();
  if (given.length < WITHDRAWAL_REASON_MIN || given.length > WITHDRAWAL_REASON_MAX) throw new SparkRuleError("withdrawalReason");
  await withdraw(db, viewer, teamId, "office", given, links, ip, async (_tx, team, intake) => {
    if (intake.id !== intakeId) throw new SparkRuleError("otherIntake");
    if (team.status === "withdrawn") throw new SparkRuleError("alreadyWithdrawn");
    if (team.status !== "applied" && team.status !== "selected") throw new SparkRuleError("notAppliedOrSelected");
  });
}

async function withdraw(
  db: Database,
  viewer: Viewer,
  teamId: string,
  by: WithdrawnBy,
  reason: string | null,
  links: { publicUrl: string },
  ip: string,
  mayWithdraw: (tx: Tx, team: Team, intake: Intake) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [peek] = await tx.select().from(t.sparkTeams).where(eq(t.sparkTeams.id, teamId));
    if (!peek) throw new SparkRuleError("notFound");
    // The intake first, then the team: the order every selection takes its locks in.
    const intake = await intakeOfTeam(tx, peek, true);
    const team = await lockTeam(tx, teamId);
    await mayWithdraw(tx, team, intake);
    const now = new Date();
    await tx
      .update(t.sparkTeams)
      .set({ status: "withdrawn", withdrawnAt: now, withdrawnBy: viewer.id, withdrawalReason: reason, updatedAt: now })
      .where(and(eq(t.sparkTeams.id, teamId), eq(t.sparkTeams.status, team.status)));
    const revoked = await tx
      .update(t.sparkTeamMembers)
      .set({ state: "revoked", respondedAt: now })
      .where(and(eq(t.sparkTeamMembers.teamId, teamId), eq(t.sparkTeamMembers.state, "invited")))
      .returning({ email: t.sparkTeamMembers.email });
    const meetingsCancelled = await cancelUpcomingMeetings(tx, team, links, now);
    const [programme] = await tx.select().from(t.programmes).where(eq(t.programmes.id, team.programmeId));
    for (const to of await teamRecipients(tx, teamId)) {
      const locale = to.locale === "en" ? "en" : "zh-TW";
      await enqueueEmail(tx, {
        to: to.email,
        locale,
        template: "spark-team-withdrawn",
        data: { name: to.name, project: team.projectTitle, programme: pick(locale, programme!.titleZh, programme!.titleEn), year: team.year, byOffice: by === "office", reason, url: `${links.publicUrl}/spark/teams/${teamId}` },
      });
    }
    await recordAudit(tx, {
      actorUserId: viewer.id,
      action: "spark-team-withdrawn",
      entity: "spark_team",
      entityId: teamId,
      detail: { by, from: team.status, reason, invitationsRevoked: revoked.length, meetingsCancelled },
      ip,
    });
  });
}
