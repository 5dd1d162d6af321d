// A small hiring world for the pipeline tests: approved companies with recruiters (signed in for real),
// positions posted and published through the domain, and talents made on demand.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { moveApplication } from "../../app/applications/pipeline.server";
import type { Stage } from "../../app/applications/stages";
import { createPosition, prefillFromOccupation, publishPosition, type PositionInput } from "../../app/positions/positions.server";
import { links, makeUser, signedIn, unique } from "../auth/support";

export const IP = "192.0.2.44";

/** An approved company (unless told otherwise) and its recruiters, each with a real session. */
export async function makeCompany(db: Database, recruiters = 1, approval: "approved" | "pending" = "approved") {
  const tag = unique();
  const [organisation] = await db
    .insert(t.organisations)
    .values({ slug: `pipeline-${tag}`, kind: "company", nameZh: `流程測試公司 ${tag}`, nameEn: `Pipeline Co ${tag}`, approval, approvedAt: approval === "approved" ? new Date() : null })
    .returning();
  const people: Viewer[] = [];
  for (let i = 0; i < recruiters; i++) {
    const user = await makeUser(db, { label: `recruiter${i}`, roles: ["company_recruiter"] });
    await db.insert(t.memberships).values({ organisationId: organisation!.id, userId: user.id, isOrgAdmin: i === 0 });
    people.push((await signedIn(db, user.id)).viewer);
  }
  return { organisation: organisation!, recruiters: people };
}

/** A talent with a real session; `discoverable` opens the profile to approved companies. */
export async function makeTalent(db: Database, options: { locale?: "zh-TW" | "en"; discoverable?: boolean } = {}) {
  const user = await makeUser(db, { label: "talent", roles: ["talent"] });
  if (options.locale) await db.update(t.users).set({ locale: options.locale }).where(eq(t.users.id, user.id));
  if (options.discoverable !== undefined) {
    await db.insert(t.talentProfiles).values({ userId: user.id, visibility: options.discoverable ? "approved_companies" : "applications_only" });
  }
  return { ...user, viewer: (await signedIn(db, user.id)).viewer };
}

/** The 2025 survey's biotech R&D row, whose required skills become the position's criteria. */
export async function occupationInput(db: Database): Promise<Pick<PositionInput, "occupationId" | "skillKeys" | "educationFieldCodes" | "minEducation" | "experience" | "openToOverseas">> {
  const [occupation] = await db.select({ id: t.occupations.id }).from(t.occupations).where(and(eq(t.occupations.code, "070207"), eq(t.occupations.surveyKey, "precision-health-2025")));
  const prefilled = await prefillFromOccupation(db, occupation!.id);
  return prefilled!.prefill;
}

/** A position of the recruiter's company, published unless `draft`. */
export async function makePosition(db: Database, recruiter: Viewer, options: { headcount?: number; deadline?: string | null; draft?: boolean; title?: string } = {}) {
  const organisationId = recruiter.memberships[0]!.organisationId;
  const input: PositionInput = {
    ...(await occupationInput(db)),
    title: options.title ?? `生技研發工程師 ${unique()}`,
    description: "新藥研發。",
    city: "台北市",
    salaryMinNtd: 60_000,
    salaryMaxNtd: 90_000,
    headcount: options.headcount ?? 1,
    applicationDeadline: options.deadline ?? null,
    workingLanguages: ["zh"],
    supportsWorkPermit: false,
  };
  const position = await createPosition(db, recruiter, organisationId, input, IP);
  return options.draft ? position : publishPosition(db, recruiter, position.id, IP);
}

/** Moves an application along the given stages, one move each, as the recruiter. */
export async function moveThrough(db: Database, recruiter: Viewer, applicationId: string, from: Stage, stages: Stage[]) {
  let at = from;
  for (const to of stages) {
    await moveApplication(db, recruiter, applicationId, { from: at, to }, links, IP);
    at = to;
  }
}

export async function stageOf(db: Database, applicationId: string): Promise<Stage> {
  const [row] = await db.select({ stage: t.applications.stage }).from(t.applications).where(eq(t.applications.id, applicationId));
  return row!.stage;
}

export async function positionRow(db: Database, positionId: string) {
  const [row] = await db.select().from(t.positions).where(eq(t.positions.id, positionId));
  return row!;
}
