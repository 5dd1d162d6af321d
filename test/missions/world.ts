// Shared by the mission tests: an officer, approved companies with published positions, talents, and a mission.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { createPosition, publishPosition, type PositionInput } from "../../app/positions/positions.server";
import { createMission } from "../../app/missions/missions.server";
import type { MissionFormValue } from "../../app/missions/mission-schema";
import { instantToZoned } from "../../app/missions/time-zones";
import { makeUser, signedIn, unique } from "../auth/support";

export const IP = "192.0.2.88";

export async function officer(db: Database) {
  const user = await makeUser(db, { label: "mission-officer", roles: ["programme_officer"] });
  return (await signedIn(db, user.id)).viewer;
}

export async function companyWithPositions(db: Database, n = 1, approval: "approved" | "draft" = "approved") {
  const tag = unique();
  const [organisation] = await db
    .insert(t.organisations)
    .values({ slug: `mission-co-${tag}`, kind: "company", nameZh: `任務公司 ${tag}`, nameEn: `Mission Co ${tag}`, approval, approvedAt: approval === "approved" ? new Date() : null })
    .returning();
  const user = await makeUser(db, { label: "mission-recruiter", roles: ["company_recruiter"] });
  await db.insert(t.memberships).values({ organisationId: organisation!.id, userId: user.id, isOrgAdmin: true });
  const viewer = (await signedIn(db, user.id)).viewer;
  const [occupation] = await db.select().from(t.occupations).where(eq(t.occupations.code, "070207"));
  const positions = [];
  for (let i = 0; i < n; i++) {
    const input: PositionInput = {
      occupationId: occupation!.id, title: `Bioinformatics engineer ${tag}-${i}`, description: "Pipelines", city: "台北市", salaryMinNtd: 60000, salaryMaxNtd: 90000, headcount: 1,
      applicationDeadline: null, minEducation: "master", experience: "none", workingLanguages: ["en"], openToOverseas: true, supportsWorkPermit: true, skillKeys: ["rd"], educationFieldCodes: [],
    };
    const position = await createPosition(db, viewer, organisation!.id, input, IP);
    positions.push(approval === "approved" ? await publishPosition(db, viewer, position.id, IP) : position);
  }
  return { organisation: organisation!, viewer, user, positions };
}

export async function talent(db: Database, label = "mission-talent") {
  const user = await makeUser(db, { label, roles: ["talent"] });
  return { user, viewer: (await signedIn(db, user.id)).viewer };
}

export function missionInput(overrides: Partial<MissionFormValue> = {}, startsInHours = 48, hours = 2): MissionFormValue {
  const start = Date.now() + startsInHours * 3_600_000;
  const aligned = start - (start % 3_600_000);
  return {
    kind: "recruitment_mission", titleZh: "柏林招募團", titleEn: "Berlin recruitment mission", startsLocal: instantToZoned(aligned, "Europe/Berlin"),
    endsLocal: instantToZoned(aligned + hours * 3_600_000, "Europe/Berlin"), timeZone: "Europe/Berlin", online: false, venue: "Taipei Representative Office",
    city: "Berlin", country: "DE", meetingMinutes: 20, ...overrides,
  };
}

export async function mission(db: Database, office: Awaited<ReturnType<typeof officer>>, overrides: Partial<MissionFormValue> = {}, startsInHours = 48, hours = 2) {
  return createMission(db, office, missionInput(overrides, startsInHours, hours), IP);
}
