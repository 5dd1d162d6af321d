// Talent-profile search through the real talents index: who may search, what comes back, and the
// office's reads written to the audit log.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import type { Role } from "../../app/auth/permissions";
import type { Membership, Viewer } from "../../app/auth/session.server";
import { searchTalents, talentSearchAccess } from "../../app/talents/search.server";
import { indexUid, reindex, type SearchContext } from "../../search/reindex";
import { openTestDatabase, testSearch } from "../support/services";
import type { DatabaseHandle } from "../../db/client";

let handle: DatabaseHandle;
let db: Database;
let search: SearchContext;
const suffix = randomUUID().slice(0, 8);
const open = `open-${suffix}`;
const hidden = `hidden-${suffix}`;

const viewer = (roles: Role[], memberships: Membership[] = []): Viewer => ({
  id: `viewer-${randomUUID()}`, email: "viewer@example.test", displayName: "Viewer", locale: "zh-TW", roles, memberships, sessionId: "test",
});
const company = (approval: Membership["approval"]): Membership => ({
  organisationId: randomUUID(), slug: `co-${approval}`, kind: "company", nameZh: "公司", nameEn: "Co", approval, isOrgAdmin: false,
});

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  search = testSearch("talents");
  for (const [id, visibility, headline] of [[open, "approved_companies", "Bioinformatics PhD"], [hidden, "applications_only", "Hidden bioinformatics PhD"]] as const) {
    await db.insert(t.users).values({ id, email: `${id}@example.test`, displayName: `Secret Name ${id}` });
    await db.insert(t.talentProfiles).values({ userId: id, headline, visibility, yearsExperience: 4, city: "台北市" });
    await db.insert(t.talentSkills).values({ userId: id, skillKey: "data-analysis", level: 4 });
    await db.insert(t.talentDegrees).values({ userId: id, level: "phd", fieldCode: "05124", institution: "示範大學", year: 2024 });
  }
  await reindex(db, search, "talents");
});

afterAll(async () => {
  await search.client.deleteIndex(indexUid(search, "talents")).waitTask();
  await db.delete(t.users).where(inArray(t.users.id, [open, hidden]));
  await handle.close();
});

describe("talent search", () => {
  it("is open to recruiters of approved companies and to the office, and to nobody else", () => {
    expect(talentSearchAccess(viewer(["company_recruiter"], [company("approved")]))).toEqual({ allowed: true });
    expect(talentSearchAccess(viewer(["company_recruiter"], [company("pending")]))).toEqual({ allowed: false, reason: "companyNotApproved" });
    expect(talentSearchAccess(viewer(["company_recruiter"]))).toEqual({ allowed: false, reason: "companyNotApproved" });
    expect(talentSearchAccess(viewer(["programme_officer"]))).toEqual({ allowed: true });
    for (const role of ["talent", "training_unit_staff", "reviewer", "mentor"] as const) {
      expect(talentSearchAccess(viewer([role])).allowed).toBe(false);
    }
  });

  it("finds only profiles opened to companies, without names or contact details", async () => {
    const recruiter = viewer(["company_recruiter"], [company("approved")]);
    const result = await searchTalents(db, search, recruiter, { q: "bioinformatics", page: 1 }, "127.0.0.1");
    expect(result.hits.map((hit) => hit.id)).toEqual([open]);
    const hit = result.hits[0] as Record<string, unknown>;
    expect(JSON.stringify(hit)).not.toContain("Secret Name");
    expect(JSON.stringify(hit)).not.toContain("@example.test");
  });

  it("filters by skill, highest degree and minimum experience", async () => {
    const office = viewer(["programme_officer"]);
    const find = (query: Partial<Parameters<typeof searchTalents>[3]>) =>
      searchTalents(db, search, office, { q: "", page: 1, ...query }, "127.0.0.1").then((r) => r.hits.map((hit) => hit.id).filter((id) => id === open));
    expect(await find({ skill: "data-analysis" })).toEqual([open]);
    expect(await find({ skill: "gmp-process" })).toEqual([]);
    expect(await find({ highestEducation: "phd", minYears: 4 })).toEqual([open]);
    expect(await find({ minYears: 5 })).toEqual([]);
  });

  it("logs the office's reads, not a recruiter's", async () => {
    const office = viewer(["programme_officer"]);
    const recruiter = viewer(["company_recruiter"], [company("approved")]);
    await searchTalents(db, search, office, { q: "bioinformatics", page: 1 }, "127.0.0.1");
    await searchTalents(db, search, recruiter, { q: "bioinformatics", page: 1 }, "127.0.0.1");
    const officeRows = await db.select().from(t.auditLog).where(and(eq(t.auditLog.actorUserId, office.id), eq(t.auditLog.action, "personal-data-read")));
    const recruiterRows = await db.select().from(t.auditLog).where(eq(t.auditLog.actorUserId, recruiter.id));
    expect(officeRows).toHaveLength(1);
    expect(JSON.parse(officeRows[0]!.detail!)).toEqual({ ids: [open] });
    expect(recruiterRows).toHaveLength(0);
  });

  it("refuses a viewer who may not search, even if a route forgot to check", async () => {
    await expect(searchTalents(db, search, viewer(["talent"]), { q: "", page: 1 }, "127.0.0.1")).rejects.toThrow(/not allowed/);
  });
});
