// Mail goes through the outbox: written with the change that causes it, sent once by the worker,
// retried with growing backoff while the relay refuses it, and given up after eight tries.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import { drainEmailOutbox, MAX_ATTEMPTS, pruneEmailOutbox, type MailTransport, type OutgoingEmail } from "../../app/mail/delivery.server";
import { enqueueEmail } from "../../app/mail/outbox.server";
import { renderEmail, type TemplateData, type TemplateName } from "../../app/mail/templates";
import { startMailWorker } from "../../app/mail/worker.server";
import { openTestDatabase } from "../support/services";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.db.delete(t.emailOutbox);
  await handle.close();
});
beforeEach(async () => {
  await handle.db.delete(t.emailOutbox);
});

/** Stands in for the SMTP relay (the one thing mocked): records what it accepts, refuses the first `failures`. */
function relay(failures = 0, delayMs = 0) {
  const accepted: OutgoingEmail[] = [];
  let refused = 0;
  const transport: MailTransport = {
    send: async (message) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (refused < failures) {
        refused++;
        throw new Error(`451 4.3.0 try again later (${refused})`);
      }
      accepted.push(message);
    },
  };
  return { transport, accepted, refusedCount: () => refused };
}

const confirm = (to: string) => ({ to, locale: "en" as const, template: "confirm-email" as const, data: { name: "Lin", url: "http://localhost:3000/confirm?token=abc" } });
const row = async (id: string) => (await handle.db.select().from(t.emailOutbox).where(eq(t.emailOutbox.id, id)))[0]!;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("enqueueEmail", () => {
  it("writes nothing when the transaction it is part of rolls back", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueEmail(tx, confirm("rollback@example.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await handle.db.select().from(t.emailOutbox)).toHaveLength(0);

    await handle.db.transaction(async (tx) => {
      await enqueueEmail(tx, confirm("commit@example.test"));
    });
    const rows = await handle.db.select().from(t.emailOutbox);
    expect(rows).toMatchObject([{ toAddress: "commit@example.test", subject: "Confirm your e-mail address", status: "pending", attempts: 0 }]);
    expect(rows[0]!.textBody).toContain("http://localhost:3000/confirm?token=abc");
  });

  it("refuses anything but one plain address", async () => {
    for (const to of ["", "no-at-sign", "a@b.test, c@d.test", "a@b.test\r\nBcc: x@y.test"]) {
      await expect(enqueueEmail(handle.db, confirm(to))).rejects.toThrow("not a single e-mail address");
    }
  });
});

describe("delivery", () => {
  it("the worker sends a due message once and marks it sent", async () => {
    const { id } = await enqueueEmail(handle.db, confirm("once@example.test"));
    const { transport, accepted } = relay();
    const results: unknown[] = [];
    const worker = startMailWorker(handle.db, transport, { intervalMs: 20, onResult: (r) => results.push(r), onError: (e) => results.push(e) });
    try {
      const deadline = Date.now() + 10_000;
      while ((await row(id)).status !== "sent" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // Several more rounds and wakes must not send it again.
      for (let i = 0; i < 5; i++) worker.wake();
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await worker.stop();
    }
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ to: "once@example.test", subject: "Confirm your e-mail address" });
    expect(accepted[0]!.html).toContain('<a href="http://localhost:3000/confirm?token=abc">');
    expect(results).toEqual([{ sent: 1, retrying: 0, failed: 0 }]);
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("retries a refused message with growing backoff, then delivers it", async () => {
    const { id } = await enqueueEmail(handle.db, confirm("flaky@example.test"));
    const { transport, accepted } = relay(2);
    const t0 = later(new Date(), 1_000);

    expect(await drainEmailOutbox(handle.db, transport, { now: t0 })).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    const first = await row(id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "451 4.3.0 try again later (1)" });
    const firstDelay = first.nextAttemptAt.getTime() - t0.getTime();
    expect(firstDelay).toBe(30_000);

    // Not due yet: nothing is claimed.
    expect(await drainEmailOutbox(handle.db, transport, { now: later(t0, 29_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const t1 = first.nextAttemptAt;
    expect(await drainEmailOutbox(handle.db, transport, { now: t1 })).toMatchObject({ retrying: 1 });
    const second = await row(id);
    expect(second).toMatchObject({ status: "pending", attempts: 2, lastError: "451 4.3.0 try again later (2)" });
    expect(second.nextAttemptAt.getTime() - t1.getTime()).toBe(2 * firstDelay);

    expect(await drainEmailOutbox(handle.db, transport, { now: second.nextAttemptAt })).toMatchObject({ sent: 1, retrying: 0 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(accepted.map((m) => m.to)).toEqual(["flaky@example.test"]);
  });

  it("gives up after eight refusals and keeps the last error", async () => {
    const { id } = await enqueueEmail(handle.db, confirm("bounce@example.test"));
    const { transport, accepted, refusedCount } = relay(Infinity);
    let now = later(new Date(), 1_000);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await drainEmailOutbox(handle.db, transport, { now });
      expect(result).toMatchObject(attempt < MAX_ATTEMPTS ? { retrying: 1, failed: 0 } : { retrying: 0, failed: 1 });
      const next = (await row(id)).nextAttemptAt;
      delays.push(next.getTime() - now.getTime());
      now = next;
    }
    // 30 s doubling, capped at an hour.
    expect(delays.slice(0, 7)).toEqual([30, 60, 120, 240, 480, 960, 1920].map((s) => s * 1_000));
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "451 4.3.0 try again later (8)", sentAt: null });
    // A failed message is never tried again.
    expect(await drainEmailOutbox(handle.db, transport, { now: later(now, 24 * 3_600_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(refusedCount()).toBe(MAX_ATTEMPTS);
    expect(accepted).toHaveLength(0);
  });

  it("concurrent drains never send one message twice", async () => {
    const count = 40;
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < count; i++) await enqueueEmail(tx, confirm(`parallel-${i}@example.test`));
    });
    const { transport, accepted } = relay(0, 5);
    const now = later(new Date(), 1_000);
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(Array.from({ length: 4 }, () => drainEmailOutbox(handle.db, transport, { now, batchSize: 7 })));
      if (results.every((r) => r.sent === 0)) break;
    }
    const addresses = accepted.map((m) => m.to);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses).toHaveLength(count);
    const [pending] = await handle.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(t.emailOutbox)
      .where(sql`${t.emailOutbox.status} <> 'sent' or ${t.emailOutbox.attempts} <> 1`);
    expect(pending!.n).toBe(0);
  });
});

describe("pruning", () => {
  it("removes sent mail after a week and failed mail after a month, nothing else", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const base = { subject: "s", textBody: "t" };
    await handle.db.insert(t.emailOutbox).values([
      { ...base, toAddress: "sent-old@example.test", status: "sent", sentAt: ago(8), createdAt: ago(8) },
      { ...base, toAddress: "sent-new@example.test", status: "sent", sentAt: ago(6), createdAt: ago(6) },
      { ...base, toAddress: "failed-old@example.test", status: "failed", createdAt: ago(31) },
      { ...base, toAddress: "failed-new@example.test", status: "failed", createdAt: ago(29) },
      { ...base, toAddress: "pending-old@example.test", status: "pending", createdAt: ago(60) },
    ]);
    await pruneEmailOutbox(handle.db, now);
    const left = await handle.db.select({ to: t.emailOutbox.toAddress }).from(t.emailOutbox);
    expect(left.map((r) => r.to).sort()).toEqual(["failed-new@example.test", "pending-old@example.test", "sent-new@example.test"]);
  });
});

describe("templates", () => {
  const hostile = '<script>alert("x")</script> & Co';
  const samples: { [T in TemplateName]: TemplateData[T] } = {
    "confirm-email": { name: hostile, url: "https://portal.example/confirm?token=a&b=1" },
    "reset-password": { name: hostile, url: "https://portal.example/reset?token=r" },
    "password-changed": { name: hostile, resetUrl: "https://portal.example/forgot" },
    "account-exists": { name: hostile, loginUrl: "https://portal.example/login", resetUrl: "https://portal.example/forgot" },
    invitation: { organisation: hostile, inviter: hostile, role: "管理者", url: "https://portal.example/invite/i" },
    "organisation-decision": { organisation: hostile, approved: false, reason: hostile, url: "https://portal.example/org/o" },
    "application-stage": { name: hostile, position: hostile, organisation: hostile, stage: "interview", url: "https://portal.example/applications/a" },
    "application-activity": { position: hostile, talent: hostile, activity: "applied", url: "https://portal.example/positions/p/applicants" },
    "application-invitation": { name: hostile, position: hostile, organisation: hostile, url: "https://portal.example/applications/a" },
    "quota-returned": { unit: hostile, round: hostile, reason: hostile, url: "https://portal.example/unit/rounds/r?unit=u" },
    "quota-results": { unit: hostile, round: hostile, quota: 3, url: "https://portal.example/programmes/phd/rounds/2027" },
    "match-result": { name: hostile, round: hostile, unit: hostile, preference: 2, checkInBy: "2027年7月1日 17:00", url: "https://portal.example/phd/result" },
    "seat-offered": { name: hostile, round: hostile, unit: hostile, checkInBy: "1 Jul 2027, 17:00", url: "https://portal.example/phd/result" },
    "post-match-offer": { name: hostile, round: hostile, unit: hostile, url: "https://portal.example/phd/result" },
    "post-match-answer": { talent: hostile, unit: hostile, round: hostile, accepted: true, checkInBy: "1 Jul 2027, 17:00", url: "https://portal.example/unit/rounds/r/match?unit=u" },
    "enrolment-moved-up": { name: hostile, programme: hostile, cohort: hostile, url: "https://portal.example/programmes/device-fellowship" },
    "certificate-revoked": { name: hostile, programme: hostile, cohort: hostile, serial: hostile, reason: hostile, url: "https://portal.example/certificates/abcdefghijkl" },
    "work-permit-opened": { name: hostile, forTalent: true, url: "https://portal.example/work-permits/w" },
    "spark-invitation": { project: hostile, inviter: hostile, role: "physician", url: "https://portal.example/spark/teams/t" },
    "spark-decision": { name: hostile, project: hostile, programme: hostile, year: 2027, selected: true, url: "https://portal.example/spark/teams/t" },
    "spark-team-withdrawn": { name: hostile, project: hostile, programme: hostile, year: 2027, byOffice: true, reason: hostile, url: "https://portal.example/spark/teams/t" },
    "demo-day-meeting-cancelled": { name: hostile, event: hostile, project: hostile, when: "2027年11月20日 13:00", url: "https://portal.example/spark/demo-days/e" },
    "mission-meeting": { name: hostile, mission: hostile, position: hostile, organisation: hostile, talent: hostile, when: "2027-05-01 10:00 (America/New_York)", url: "https://portal.example/missions/m" },
    "ticket-opened": { name: hostile, reference: "T-2027-0001", subject: hostile, due: "2027-05-03 17:00", url: "https://portal.example/tickets/t" },
    "ticket-reply": { name: hostile, reference: "T-2027-0001", subject: hostile, reply: hostile, url: "https://portal.example/tickets/t" },
    "outcome-survey": { name: hostile, programme: { zh: hostile, en: hostile }, unit: { zh: hostile, en: hostile }, checkpoint: "six_months", url: "https://portal.example/outcome-survey/t", expiresOn: "2027-08-01" },
    "outcome-survey-reminder": { name: hostile, programme: { zh: hostile, en: hostile }, unit: { zh: "", en: "" }, checkpoint: "completion", url: "https://portal.example/outcome-survey/t", expiresOn: "2027-08-01" },
  };

  for (const template of Object.keys(samples) as TemplateName[]) {
    it(`${template} renders in both languages and escapes what people typed`, () => {
      const zh = renderEmail(template, "zh-TW", samples[template]);
      const en = renderEmail(template, "en", samples[template]);
      expect(zh.subject).toMatch(/[\u4e00-\u9fff]/);
      expect(en.subject.replace(hostile, "")).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh.text).toContain("精準健康人才媒合平台");
      expect(en.text).toContain("Precision Health Talent Portal");
      for (const mail of [zh, en]) {
        expect(mail.html).not.toContain("<script>");
        expect(mail.html).not.toContain(hostile);
        expect(mail.text).toContain(hostile);
        expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
        expect(mail.html).toMatch(/<a href="https:\/\/portal\.example\/[^"]+">/);
      }
    });
  }

  it("states how long each link is valid", () => {
    expect(renderEmail("confirm-email", "zh-TW", samples["confirm-email"]).text).toContain("24 小時");
    expect(renderEmail("confirm-email", "en", samples["confirm-email"]).text).toContain("24 hours");
    expect(renderEmail("reset-password", "zh-TW", samples["reset-password"]).text).toContain("1 小時");
    expect(renderEmail("reset-password", "en", samples["reset-password"]).text).toContain("1 hour");
    expect(renderEmail("invitation", "zh-TW", samples.invitation).text).toContain("7 天");
    expect(renderEmail("invitation", "en", samples.invitation).text).toContain("7 days");
  });

  it("escapes the link's query in the href and tells an approval from a return", () => {
    expect(renderEmail("confirm-email", "en", samples["confirm-email"]).html).toContain('href="https://portal.example/confirm?token=a&amp;b=1"');
    const approved = renderEmail("organisation-decision", "en", { organisation: "Lab", approved: true, url: "https://portal.example/org/o" });
    expect(approved.subject).toBe("Lab has been approved");
    expect(approved.text).not.toContain("Reason");
    expect(renderEmail("organisation-decision", "zh-TW", samples["organisation-decision"]).text).toContain(`退回原因：${hostile}`);
  });

  it("keeps line breaks out of the subject and refuses links that are not http(s)", () => {
    const mail = renderEmail("invitation", "en", { organisation: "Lab\r\nBcc: x@y.test", inviter: "A", role: "member", url: "https://portal.example/i" });
    expect(mail.subject).toBe("You are invited to join Lab Bcc: x@y.test");
    expect(() => renderEmail("confirm-email", "en", { name: "A", url: "javascript:alert(1)" })).toThrow("not an http(s) URL");
  });
});
