// The single window's and the missions' pages through the built app: who may open what (complaints
// confidential to the office, a thread by the mailed link without login), a ticket without its required
// fields refused beside each field, and a calendar file only for the meeting's people.
import { describe, expect, it } from "vitest";
import type { Role } from "../../app/auth/permissions";
import type { Viewer } from "../../app/auth/session.server";
import { openTicket } from "../../app/tickets/tickets.server";
import { useApiServices } from "../api/support";
import { shownText, useBuiltApp } from "../support/built-app";
import { mailTo, makeUser, signedIn, tokenIn, uniqueEmail } from "../auth/support";

const services = useApiServices("ticket_pages");
const send = useBuiltApp(services);

async function request(viewer: Viewer | null, url: string, form?: Record<string, string>) {
  const response = await send(viewer, url, { form });
  return { status: response.status, location: response.headers.get("Location"), html: await shownText(response) };
}

async function viewerWith(roles: Role[]) {
  const user = await makeUser(services().db, { roles });
  return (await signedIn(services().db, user.id)).viewer;
}

describe("single window pages", () => {
  it("refuses a ticket without category, subject or body with a message beside each field, and keeps what was typed", async () => {
    const page = await request(null, "/tickets/new", { kind: "question", subject: "", body: "Kept text", email: "someone@example.test" });
    expect(page.status).toBe(400);
    expect(page.html).toContain("Choose a category.");
    expect(page.html).toContain("This field is required.");
    expect(page.html).toContain("Kept text");
  });

  it("a complaint is the office's: other roles get 403, the queue is the office's, the requester reads it by the mailed link", async () => {
    const email = uniqueEmail("complainant");
    const sent = await request(null, "/tickets/new", { kind: "complaint", category: "training", subject: "Stipend withheld", body: "Details", email });
    expect(sent.status).toBe(302);
    const ticketId = /\/tickets\/([0-9a-f-]{36})/.exec(sent.location!)![1]!;
    const [mail] = await mailTo(services().db, email);
    const token = tokenIn(mail!.textBody, `/tickets/${ticketId}?token=`);

    expect((await request(null, `/tickets/${ticketId}?token=${token}`)).html).toContain("Stipend withheld");
    expect((await request(null, `/tickets/${ticketId}`)).location).toMatch(/^\/login\?redirectTo=/);
    expect((await request(null, `/tickets/${ticketId}?token=forged`)).status).toBe(403);
    for (const roles of [["talent"], ["company_recruiter"], ["training_unit_staff"], ["reviewer"], ["mentor"]] as Role[][]) {
      const other = await viewerWith(roles);
      expect((await request(other, `/tickets/${ticketId}`)).status).toBe(403);
      expect((await request(other, `/tickets/${ticketId}`, { intent: "reply", body: "let me in" })).status).toBe(403);
      expect((await request(other, "/office/tickets")).status).toBe(403);
      expect((await request(other, "/tickets")).html).not.toContain("Stipend withheld");
    }
    const office = await viewerWith(["programme_officer"]);
    const queue = await request(office, "/office/tickets?kind=complaint");
    expect(queue.status).toBe(200);
    expect(queue.html).toContain("Stipend withheld");
    const thread = await request(office, `/tickets/${ticketId}`);
    expect(thread.html).toContain("Complaint: seen by the programme office only.");
    expect(thread.html).toContain(email);
    // An office reply without a body is refused beside the field.
    const empty = await request(office, `/tickets/${ticketId}`, { intent: "reply", body: " " });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("This field is required.");
  });

  it("a signed-in requester sees their own ticket without a link", async () => {
    const requester = await viewerWith(["talent"]);
    const { ticket } = await openTicket(services().db, requester, { kind: "question", category: "other", subject: "Own question", body: "?" }, { publicUrl: "http://portal.test", ip: "127.0.0.1", locale: "en" });
    expect((await request(requester, `/tickets/${ticket.id}`)).status).toBe(200);
    expect((await request(requester, "/tickets")).html).toContain("Own question");
  });
});
