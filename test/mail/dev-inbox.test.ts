// /dev/mail shows the outbox only on this machine and only while mail is not really sent.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";
import { enqueueEmail } from "../../app/mail/outbox.server";
import { loader } from "../../app/routes/dev.mail";
import { openTestDatabase } from "../support/services";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.delete(t.emailOutbox);
  // The oldest message: a calendar invitation with its attachment.
  const [invite] = await handle.db.insert(t.emailOutbox).values({ toAddress: "guest@example.test", subject: "Meeting", textBody: "See the invitation." }).returning();
  await handle.db.insert(t.emailAttachments).values({ outboxId: invite!.id, filename: "meeting.ics", contentType: "text/calendar; charset=utf-8", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" });
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < 30; i++) {
      await enqueueEmail(tx, { to: "many@example.test", locale: "en", template: "reset-password", data: { name: `N${i}`, url: `http://localhost:3000/reset?token=${i}` } });
    }
  });
  await enqueueEmail(handle.db, { to: "Someone@Example.test", locale: "zh-TW", template: "confirm-email", data: { name: "林小姐", url: "http://localhost:3000/confirm?token=z" } });
});
afterAll(async () => {
  await handle.db.delete(t.emailOutbox);
  await handle.close();
});

/** Calls the loader as Remix does; a thrown Response comes back as the result. */
async function load(path: string, { clientIp = "127.0.0.1", devInbox = true } = {}) {
  const context = { services: { db: handle.db, mail: { devInbox, wake: () => {} } }, cspNonce: "", clientIp };
  try {
    return await loader({ request: new Request(`http://localhost:3000${path}`), params: {}, context } as unknown as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("/dev/mail", () => {
  it("is not found from another machine", async () => {
    for (const clientIp of ["203.0.113.5", "192.168.1.10", "::ffff:10.0.0.1", "2001:db8::1", "unknown"]) {
      const result = await load("/dev/mail", { clientIp });
      expect(result).toBeInstanceOf(Response);
      expect((result as Response).status).toBe(404);
    }
  });

  it("is not found when mail goes to an SMTP relay", async () => {
    const result = await load("/dev/mail", { devInbox: false });
    expect((result as Response).status).toBe(404);
  });

  it("lists the outbox newest first, 25 a page, from every loopback address", async () => {
    for (const clientIp of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const result = await load("/dev/mail", { clientIp });
      if (result instanceof Response) throw new Error(`status ${result.status}`);
      expect(result.total).toBe(32);
      expect(result.pages).toBe(2);
      expect(result.messages).toHaveLength(25);
      expect(result.messages[0]).toMatchObject({ to: "Someone@Example.test", subject: "請確認您的電子郵件地址", status: "pending", attempts: 0, sent: null });
      expect(result.messages[0]!.text).toContain("http://localhost:3000/confirm?token=z");
    }
    const second = await load("/dev/mail?page=2");
    if (second instanceof Response) throw new Error(`status ${second.status}`);
    expect(second.page).toBe(2);
    expect(second.messages).toHaveLength(7);
  });

  it("filters by recipient, ignoring case", async () => {
    const result = await load("/dev/mail?to=someone%40example.test");
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    expect(result.total).toBe(1);
    expect(result.messages.map((m) => m.to)).toEqual(["Someone@Example.test"]);
    const none = await load("/dev/mail?to=nobody%40example.test");
    if (none instanceof Response) throw new Error(`status ${none.status}`);
    expect(none).toMatchObject({ total: 0, messages: [], to: "nobody@example.test" });
  });

  it("shows a message's attachments (calendar invitations) with their content; others have none", async () => {
    const result = await load("/dev/mail?to=guest%40example.test");
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    expect(result.messages[0]!.attachments).toEqual([{ filename: "meeting.ics", contentType: "text/calendar; charset=utf-8", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" }]);
    const other = await load("/dev/mail?to=someone%40example.test");
    if (other instanceof Response) throw new Error(`status ${other.status}`);
    expect(other.messages[0]!.attachments).toEqual([]);
  });
});
