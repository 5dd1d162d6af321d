// An overseas hire for the work-permit tests: a company, a published position, a talent of the given
// nationality who applied, moved to an offer (and hired unless told otherwise).
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { applyToPosition } from "../../app/applications/pipeline.server";
import { links, makeUser, signedIn } from "../auth/support";
import { makeCompany, makePosition, makeTalent, moveThrough } from "../applications/world";

export async function hireWorld(db: Database, options: { nationality: string | null; hire?: boolean }) {
  const { organisation, recruiters } = await makeCompany(db, 2);
  const recruiter = recruiters[0]!;
  const position = await makePosition(db, recruiter, { headcount: 3 });
  const talent = await makeTalent(db, { locale: "en" });
  await db.insert(t.talentProfiles).values({ userId: talent.id, nationality: options.nationality }).onConflictDoUpdate({ target: t.talentProfiles.userId, set: { nationality: options.nationality } });
  const application = await applyToPosition(db, talent.viewer, position.id, "", links);
  await moveThrough(db, recruiter, application.id, "applied", options.hire === false ? ["offer"] : ["offer", "hired"]);
  return { organisation, recruiter, colleague: recruiters[1]!, position, talent, application };
}

export async function casesOf(db: Database, applicationId: string) {
  return db.select().from(t.workPermitCases).where(eq(t.workPermitCases.applicationId, applicationId));
}

export async function stepsOf(db: Database, caseId: string) {
  return db.select().from(t.workPermitSteps).where(eq(t.workPermitSteps.caseId, caseId)).orderBy(t.workPermitSteps.position);
}

export async function makeOfficer(db: Database) {
  const user = await makeUser(db, { label: "officer", roles: ["programme_officer"] });
  return (await signedIn(db, user.id)).viewer;
}

export const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1d3a80000000049454e44ae426082", "hex");
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
