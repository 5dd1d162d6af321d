// The mission pages through the built app: the office's pages are the office's, a start in the past is
// refused beside its field with what was typed kept, a participant sees their meeting and its calendar
// file, and nobody else gets the file.
import { describe, expect, it } from "vitest";
import type { Viewer } from "../../app/auth/session.server";
import { markInterest, registerPosition, registerTalent } from "../../app/missions/missions.server";
import { meetingsFor, scheduleMission } from "../../app/missions/meetings.server";
import { useApiServices } from "../api/support";
import { shownText, useBuiltApp } from "../support/built-app";
import { companyWithPositions, IP, mission, missionInput, officer, talent } from "./world";

const services = useApiServices("mission_pages");
const send = useBuiltApp(services);

async function request(viewer: Viewer | null, url: string, form?: Record<string, string>) {
  const response = await send(viewer, url, { form });
  return { status: response.status, headers: response.headers, html: await shownText(response) };
}

describe("mission pages", () => {
  it("refuses a mission starting in the past beside the start field, keeping the form", async () => {
    const office = await officer(services().db);
    const input = missionInput({}, -24);
    const page = await request(office, "/office/missions", { ...input, meetingMinutes: String(input.meetingMinutes), online: "" } as unknown as Record<string, string>);
    expect(page.status).toBe(400);
    expect(page.html).toContain("This time has already passed; choose a time in the future.");
    expect(page.html).toContain(input.titleEn);
  });

  it("keeps the office's pages to the office, and a meeting's calendar file to its people", async () => {
    const db = services().db;
    const office = await officer(db);
    const m = await mission(db, office, {}, 48, 1);
    const co = await companyWithPositions(db, 1);
    const x = await talent(db);
    const y = await talent(db);
    await registerPosition(db, co.viewer, m.id, co.positions[0]!.id);
    await registerTalent(db, x.viewer, m.id);
    const target = { positionId: co.positions[0]!.id, talentUserId: x.user.id };
    await markInterest(db, x.viewer, m.id, "talent", target, true);
    await markInterest(db, co.viewer, m.id, "company", target, true);
    await scheduleMission(db, office, m.id, "http://portal.test", IP);
    const [meeting] = await meetingsFor(db, office, m.id);

    for (const viewer of [x.viewer, co.viewer]) {
      expect((await request(viewer, `/office/missions/${m.id}`)).status).toBe(403);
      expect((await request(viewer, "/office/missions")).status).toBe(403);
      const page = await request(viewer, `/missions/${m.id}`);
      expect(page.html).toContain("Meeting schedule (times in Europe/Berlin)");
      const ics = await request(viewer, `/missions/${m.id}/meetings/${meeting!.id}.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get("Content-Type")).toContain("text/calendar");
      expect(ics.html).toContain(`UID:meeting-${meeting!.id}@portal.test\r\n`);
    }
    expect((await request(y.viewer, `/missions/${m.id}/meetings/${meeting!.id}.ics`)).status).toBe(404);
    expect((await request(y.viewer, `/missions/${m.id}`)).html).toContain("No meetings are scheduled yet.");
    expect((await request(office, `/office/missions/${m.id}`)).html).toContain("Pairs with mutual interest: 1");
  });
});
