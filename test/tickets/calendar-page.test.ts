// The office calendar page through the built app: the office's alone (every other role 403), an empty
// year says the SLA counts Monday to Friday, a day added and removed (audited), and each refusal shown
// beside the date in the viewer's language. Test days in 2032, removed again: the run shares one database.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Role } from "../../app/auth/permissions";
import type { Viewer } from "../../app/auth/session.server";
import { useApiServices } from "../api/support";
import { shownText, useBuiltApp, type AppRequest } from "../support/built-app";
import { makeUser, signedIn } from "../auth/support";

const services = useApiServices("calendar_pages");
const send = useBuiltApp(services);

async function request(viewer: Viewer | null, url: string, options: AppRequest = {}) {
  const response = await send(viewer, url, options);
  return { status: response.status, location: response.headers.get("Location"), html: await shownText(response) };
}

async function viewerWith(roles: Role[]) {
  const user = await makeUser(services().db, { roles });
  return (await signedIn(services().db, user.id)).viewer;
}

const dayOn = async (date: string) => (await services().db.select().from(t.officeCalendarDays).where(eq(t.officeCalendarDays.day, date)))[0];

describe("the office calendar page", () => {
  it("is the office's: other roles get 403 for the page and its forms, visitors are sent to log in", async () => {
    for (const roles of [["talent"], ["company_recruiter"], ["training_unit_staff"], ["reviewer"], ["mentor"], []] as Role[][]) {
      const other = await viewerWith(roles);
      expect((await request(other, "/office/calendar")).status).toBe(403);
      expect((await request(other, "/office/calendar", { form: { intent: "add", date: "2032-03-01", kind: "holiday", nameZh: "不行", nameEn: "Not allowed" } })).status).toBe(403);
    }
    expect(await dayOn("2032-03-01")).toBeUndefined();
    expect((await request(null, "/office/calendar")).location).toMatch(/^\/login\?redirectTo=/);
    for (const roles of [["programme_officer"], ["admin"]] as Role[][]) {
      expect((await request(await viewerWith(roles), "/office/calendar?year=2032")).status).toBe(200);
    }
  });

  it("an empty year says the deadline counts Monday to Friday, in both languages; the office's pages link to it", async () => {
    const office = await viewerWith(["programme_officer"]);
    const page = await request(office, "/office/calendar?year=2032");
    expect(page.html).toContain("No days have been added for 2032. Until holidays and make-up workdays are added, the first-reply deadline counts Monday to Friday.");
    expect(page.html).toContain('href="/office/calendar?year=2031"');
    expect(page.html).toContain('href="/office/calendar?year=2033"');
    const zh = await request(office, "/office/calendar?year=2032", { locale: "zh-TW" });
    expect(zh.html).toContain("2032 年尚未新增任何日子。在新增假日與補班日之前，首次回覆期限只計週一至週五。");
    // A year out of range shows this year instead of failing.
    expect((await request(office, "/office/calendar?year=99999")).status).toBe(200);
    expect((await request(office, "/office/tickets")).html).toContain('href="/office/calendar"');
  });

  it("adds a day and removes it, each audited, and the page shows what was done", async () => {
    const office = await viewerWith(["programme_officer"]);
    const added = await request(office, "/office/calendar?year=2032", { form: { intent: "add", date: "2032-02-09", kind: "holiday", nameZh: "春節（測試）", nameEn: "Lunar New Year (test)" } });
    expect(added.status).toBe(302);
    expect(added.location).toBe("/office/calendar?year=2032&added=2032-02-09");
    const day = await dayOn("2032-02-09");
    expect(day).toMatchObject({ kind: "holiday", nameZh: "春節（測試）", nameEn: "Lunar New Year (test)", createdBy: office.id });

    const listed = await request(office, added.location!);
    expect(listed.html).toContain("Added 2032-02-09.");
    expect(listed.html).toContain("Lunar New Year (test)");
    expect(listed.html).toContain("Monday");
    expect(listed.html).toContain("Holiday (office closed)");
    expect(listed.html).toContain('aria-label="Remove 2032-02-09 Lunar New Year (test)"');
    expect(listed.html).not.toContain("No days have been added for 2032");
    expect((await request(office, "/office/calendar?year=2032", { locale: "zh-TW" })).html).toContain("假日（不上班）");

    const removed = await request(office, "/office/calendar?year=2032", { form: { intent: "remove", id: day!.id } });
    expect(removed.location).toBe("/office/calendar?year=2032&removed=2032-02-09");
    expect(await dayOn("2032-02-09")).toBeUndefined();
    const after = await request(office, removed.location!);
    expect(after.html).toContain("Removed 2032-02-09.");
    expect(after.html).toContain("No days have been added for 2032.");

    const audit = await services().db.select().from(t.auditLog).where(and(eq(t.auditLog.entityId, day!.id), eq(t.auditLog.actorUserId, office.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["calendar.add", "calendar.remove"]);

    const again = await request(office, "/office/calendar?year=2032", { form: { intent: "remove", id: day!.id } });
    expect(again.status).toBe(404);
    expect(again.html).toContain("This day is no longer in the office calendar.");
    expect(again.html).toContain('role="alert"');
  });

  it("refuses a duplicate date, a weekday workday and a weekend holiday beside the date, keeping what was typed", async () => {
    const office = await viewerWith(["programme_officer"]);
    const add = (form: Record<string, string>, locale: AppRequest["locale"] = "en") => request(office, "/office/calendar?year=2032", { form: { intent: "add", ...form }, locale });
    expect((await add({ date: "2032-01-05", kind: "holiday", nameZh: "測試", nameEn: "First" })).status).toBe(302);
    try {
      const duplicate = await add({ date: "2032-01-05", kind: "holiday", nameZh: "測試", nameEn: "Typed again" });
      expect(duplicate.status).toBe(409);
      expect(duplicate.html).toContain("This date is already in the office calendar; to change it, remove it and add it again.");
      expect(duplicate.html).toMatch(/<ul id="[^"]*date-error"[^>]*><li>This date is already/);
      expect(duplicate.html).toContain('value="Typed again"');
      expect((await add({ date: "2032-01-05", kind: "holiday", nameZh: "測試", nameEn: "x" }, "zh-TW")).html).toContain("這個日期已在辦公日曆中");

      // 2032-01-06 is a Tuesday, 2032-02-14 a Saturday.
      const workday = await add({ date: "2032-01-06", kind: "workday", nameZh: "補班", nameEn: "Make-up" });
      expect(workday.status).toBe(400);
      expect(workday.html).toMatch(/<ul id="[^"]*date-error"[^>]*><li>A make-up workday must fall on a Saturday or Sunday/);
      const holiday = await add({ date: "2032-02-14", kind: "holiday", nameZh: "假日", nameEn: "Weekend holiday" });
      expect(holiday.status).toBe(400);
      expect(holiday.html).toContain("A holiday must fall on Monday to Friday");
      expect((await add({ date: "2032-02-14", kind: "holiday", nameZh: "假日", nameEn: "x" }, "zh-TW")).html).toContain("假日須為週一至週五");
      expect(await dayOn("2032-01-06")).toBeUndefined();
      expect(await dayOn("2032-02-14")).toBeUndefined();

      const invalid = await add({ date: "2032-02-30", kind: "", nameZh: "", nameEn: "" });
      expect(invalid.status).toBe(400);
      expect(invalid.html).toContain("Enter a valid date from 2000 to 2100.");
      expect(invalid.html).toContain("Choose holiday or make-up workday.");
      expect(invalid.html).toContain("This field is required.");

      const unknown = await request(office, "/office/calendar", { form: { intent: "rename" } });
      expect(unknown.status).toBe(400);
      expect(unknown.html).toContain("Use the forms on the page to add or remove a day.");
    } finally {
      const day = await dayOn("2032-01-05");
      if (day) await request(office, "/office/calendar", { form: { intent: "remove", id: day.id } });
    }
    expect(await dayOn("2032-01-05")).toBeUndefined();
  });
});
