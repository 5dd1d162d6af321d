// Survey links: at each checkpoint a completer without a recorded outcome is mailed a link that works
// once, for 30 days, without logging in. The database keeps only the SHA-256 of the token (as
// app/auth/tokens.server.ts does). Reminders go out 7 and 14 days after the first mail while the link
// is unanswered; each reminder carries a new token that replaces the old one (the old link then says
// so), since a hash cannot be mailed again. Sending is idempotent and safe to run from several
// processes at once: the first mail is guarded by a unique constraint (one link per completion and
// checkpoint), a reminder by a conditional UPDATE that only one sender can win. See decision 0012.
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { hashToken, newToken } from "../auth/tokens.server";
import { enqueueEmail } from "../mail/outbox.server";
import { isLocale } from "../i18n/resources";
import { checkpointRowsSql } from "./completers.server";
import { days, remindersDue, SURVEY_LIFETIME_DAYS, type Checkpoint } from "./checkpoints";
import type { SurveyAnswer } from "./outcome-schema";
import { completionsById, OutcomeRuleError, storeOutcome } from "./outcomes.server";

const BATCH = 200;
const phdTitle = { zh: "博士級人才培訓就業計畫", en: "PhD training-and-employment programme" };

export interface SurveyLinks {
  publicUrl: string;
}

const surveyUrl = (links: SurveyLinks, token: string) => `${links.publicUrl}/outcome-survey/${token}`;

interface Recipient {
  email: string;
  locale: string;
  name: string;
  programmeZh: string | null;
  programmeEn: string | null;
  unitZh: string | null;
  unitEn: string | null;
}

function mailData(r: Recipient, checkpoint: Checkpoint, url: string, expiresAt: Date) {
  return {
    name: r.name,
    programme: { zh: r.programmeZh ?? phdTitle.zh, en: r.programmeEn ?? phdTitle.en },
    unit: { zh: r.unitZh ?? "", en: r.unitEn ?? "" },
    checkpoint,
    url,
    expiresOn: expiresAt.toISOString().slice(0, 10),
  };
}

const recipientFields = {
  email: sql<string>`u.email`,
  locale: sql<string>`u.locale`,
  name: sql<string>`u.display_name`,
  programmeZh: sql<string | null>`pr.title_zh`,
  programmeEn: sql<string | null>`pr.title_en`,
  unitZh: sql<string | null>`org.name_zh`,
  unitEn: sql<string | null>`org.name_en`,
};

/** Mails the first link for every checkpoint that fell within the last 30 days and has neither outcome nor link. */
export async function sendFirstSurveys(db: Database, links: SurveyLinks, now: Date): Promise<number> {
  let sent = 0;
  const since = new Date(now.getTime() - days(SURVEY_LIFETIME_DAYS));
  for (;;) {
    const due = await db
      .select({ kind: sql<"placement" | "enrolment">`x.kind`, subjectId: sql<string>`x.subject_id`, userId: sql<string>`x.user_id`, checkpoint: sql<Checkpoint>`x.checkpoint`, ...recipientFields })
      .from(sql`(${checkpointRowsSql}) x join ${t.users} u on u.id = x.user_id left join ${t.organisations} org on org.id = x.unit_id left join ${t.programmes} pr on pr.id = x.programme_id`)
      .where(sql`x.o_id is null and x.s_sent_at is null and x.due_at <= ${now.toISOString()}::timestamptz and x.due_at > ${since.toISOString()}::timestamptz`)
      .orderBy(sql`x.due_at`, sql`x.subject_id`, sql`x.checkpoint`)
      .limit(BATCH);
    let progressed = false;
    for (const row of due) {
      const token = newToken();
      const expiresAt = new Date(now.getTime() + days(SURVEY_LIFETIME_DAYS));
      const mailed = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(t.outcomeSurveyTokens)
          .values({ tokenHash: hashToken(token), userId: row.userId, placementId: row.kind === "placement" ? row.subjectId : null, enrolmentId: row.kind === "enrolment" ? row.subjectId : null, checkpoint: row.checkpoint, expiresAt, createdAt: now })
          .onConflictDoNothing()
          .returning({ tokenHash: t.outcomeSurveyTokens.tokenHash });
        // Another sender got there first: it mails, this one does not.
        if (!inserted) return false;
        await enqueueEmail(tx, { to: row.email, locale: isLocale(row.locale) ? row.locale : "zh-TW", template: "outcome-survey", data: mailData(row, row.checkpoint, surveyUrl(links, token), expiresAt) });
        return true;
      });
      if (mailed) sent += 1;
      progressed = true;
    }
    if (due.length < BATCH || !progressed) return sent;
  }
}

/** Mails the reminders that are due on unanswered, unexpired links whose checkpoint still has no outcome. */
export async function sendSurveyReminders(db: Database, links: SurveyLinks, now: Date): Promise<number> {
  let sent = 0;
  const firstReminder = new Date(now.getTime() - days(7));
  const open = await db
    .select({ tokenHash: t.outcomeSurveyTokens.tokenHash, createdAt: t.outcomeSurveyTokens.createdAt, expiresAt: t.outcomeSurveyTokens.expiresAt, checkpoint: t.outcomeSurveyTokens.checkpoint, reminders: t.outcomeSurveyTokens.remindersSent, ...recipientFields })
    .from(t.outcomeSurveyTokens)
    .innerJoin(sql`${t.users} u`, sql`u.id = ${t.outcomeSurveyTokens.userId}`)
    .leftJoin(sql`${t.enrolments} e`, sql`e.id = ${t.outcomeSurveyTokens.enrolmentId}`)
    .leftJoin(sql`${t.cohorts} co`, sql`co.id = e.cohort_id`)
    .leftJoin(sql`${t.programmes} pr`, sql`pr.id = co.programme_id`)
    .leftJoin(sql`${t.placements} pl`, sql`pl.id = ${t.outcomeSurveyTokens.placementId}`)
    .leftJoin(sql`${t.unitQuotaApplications} q`, sql`q.id = pl.quota_application_id`)
    .leftJoin(sql`${t.organisations} org`, sql`org.id = coalesce(q.unit_organisation_id, pr.provider_organisation_id)`)
    .where(
      and(
        isNull(t.outcomeSurveyTokens.usedAt),
        gt(t.outcomeSurveyTokens.expiresAt, now),
        lte(t.outcomeSurveyTokens.createdAt, firstReminder),
        sql`not exists (select 1 from ${t.employmentOutcomes} o where o.checkpoint = ${t.outcomeSurveyTokens.checkpoint}
              and (o.placement_id = ${t.outcomeSurveyTokens.placementId} or o.enrolment_id = ${t.outcomeSurveyTokens.enrolmentId}))`,
      ),
    );
  for (const link of open) {
    const due = remindersDue(link.createdAt, now);
    const latest = due.at(-1);
    if (!latest || link.reminders.includes(latest)) continue;
    const token = newToken();
    const mailed = await db.transaction(async (tx) => {
      // Only the sender whose UPDATE still finds the old hash and no such reminder mails it.
      const [rotated] = await tx
        .update(t.outcomeSurveyTokens)
        .set({ tokenHash: hashToken(token), remindersSent: sql`(select array_agg(distinct k order by k) from unnest(${t.outcomeSurveyTokens.remindersSent} || array[${sql.join(due.map((key) => sql`${key}`), sql`, `)}]::text[]) as k)` })
        .where(and(eq(t.outcomeSurveyTokens.tokenHash, link.tokenHash), isNull(t.outcomeSurveyTokens.usedAt), sql`not (${latest} = any(${t.outcomeSurveyTokens.remindersSent}))`))
        .returning({ tokenHash: t.outcomeSurveyTokens.tokenHash });
      if (!rotated) return false;
      await enqueueEmail(tx, { to: link.email, locale: isLocale(link.locale) ? link.locale : "zh-TW", template: "outcome-survey-reminder", data: mailData(link, link.checkpoint, surveyUrl(links, token), link.expiresAt) });
      return true;
    });
    if (mailed) sent += 1;
  }
  return sent;
}

/** The periodic job: first links, then reminders. Safe to run often and from several processes. */
export async function sendOutcomeSurveys(db: Database, links: SurveyLinks, now: Date = new Date()) {
  const sent = await sendFirstSurveys(db, links, now);
  const reminded = await sendSurveyReminders(db, links, now);
  return { sent, reminded };
}

export type SurveyRefusal = "invalid" | "used" | "expired" | "alreadyVerified";
export type SurveyView = { ok: true; checkpoint: Checkpoint; name: string; programme: { zh: string; en: string }; unit: { zh: string; en: string }; expiresAt: Date } | { ok: false; reason: SurveyRefusal };

async function tokenRow(db: Pick<Database, "select">, token: string) {
  const [row] = await db
    .select({ link: t.outcomeSurveyTokens, ...recipientFields })
    .from(t.outcomeSurveyTokens)
    .innerJoin(sql`${t.users} u`, sql`u.id = ${t.outcomeSurveyTokens.userId}`)
    .leftJoin(sql`${t.enrolments} e`, sql`e.id = ${t.outcomeSurveyTokens.enrolmentId}`)
    .leftJoin(sql`${t.cohorts} co`, sql`co.id = e.cohort_id`)
    .leftJoin(sql`${t.programmes} pr`, sql`pr.id = co.programme_id`)
    .leftJoin(sql`${t.placements} pl`, sql`pl.id = ${t.outcomeSurveyTokens.placementId}`)
    .leftJoin(sql`${t.unitQuotaApplications} q`, sql`q.id = pl.quota_application_id`)
    .leftJoin(sql`${t.organisations} org`, sql`org.id = coalesce(q.unit_organisation_id, pr.provider_organisation_id)`)
    .where(eq(t.outcomeSurveyTokens.tokenHash, hashToken(token)));
  return row ?? null;
}

/** What the survey page shows for a token, without using it. */
export async function viewSurvey(db: Pick<Database, "select">, token: string, now: Date = new Date()): Promise<SurveyView> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  const row = await tokenRow(db, token);
  if (!row) return { ok: false, reason: "invalid" };
  if (row.link.usedAt) return { ok: false, reason: "used" };
  if (row.link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const data = mailData(row, row.link.checkpoint, "", row.link.expiresAt);
  return { ok: true, checkpoint: row.link.checkpoint, name: row.name, programme: data.programme, unit: data.unit, expiresAt: row.link.expiresAt };
}

export type SurveyResult = { ok: true; outcomeId: string } | { ok: false; reason: SurveyRefusal | "unknownOccupation" };

/**
 * Uses the token and stores the answer as a self-report, in one transaction: of two submissions at once
 * the second finds the token used (its UPDATE waits for the first and then matches nothing).
 */
export async function answerSurvey(db: Database, token: string, answer: SurveyAnswer, ip: string, now: Date = new Date()): Promise<SurveyResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  try {
    return await db.transaction(async (tx) => {
      const [link] = await tx
        .update(t.outcomeSurveyTokens)
        .set({ usedAt: now })
        .where(and(eq(t.outcomeSurveyTokens.tokenHash, hashToken(token)), isNull(t.outcomeSurveyTokens.usedAt), gt(t.outcomeSurveyTokens.expiresAt, now)))
        .returning();
      if (!link) {
        const view = await viewSurvey(tx, token, now);
        return { ok: false as const, reason: view.ok ? ("used" as const) : view.reason };
      }
      const ref = link.placementId ? { kind: "placement" as const, id: link.placementId } : { kind: "enrolment" as const, id: link.enrolmentId! };
      const completion = (await completionsById(tx, [ref])).get(`${ref.kind}:${ref.id}`);
      if (!completion) return { ok: false as const, reason: "invalid" as const };
      const outcomeId = await storeOutcome(tx, { completion, checkpoint: link.checkpoint, answer, source: "self_report", recordedBy: link.userId }, ip, now);
      return { ok: true as const, outcomeId };
    });
  } catch (error) {
    // Refused after the token was marked used: the transaction rolled back, so the link still works.
    if (error instanceof OutcomeRuleError && (error.code === "alreadyVerified" || error.code === "unknownOccupation")) return { ok: false, reason: error.code };
    throw error;
  }
}

