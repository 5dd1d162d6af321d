// Saving a talent profile: the rows, the index job in the same transaction, and the talents index
// following the owner's visibility choice once the job is drained.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { DatabaseHandle } from "../../db/client";
import { getProfile, saveProfile, type ProfileInput } from "../../app/talents/profile.server";
import { indexUid, reindex, type SearchContext } from "../../search/reindex";
import { drainSearchJobs } from "../../search/sync";
import { openTestDatabase, testSearch } from "../support/services";

let handle: DatabaseHandle;
let search: SearchContext;
const userId = `profile-${randomUUID()}`;

const input = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  headline: "Genomics data scientist",
  summary: "PhD in bioinformatics.",
  nationality: "TW",
  countryOfResidence: "TW",
  city: "台北市",
  yearsExperience: 3,
  visibility: "approved_companies",
  degrees: [{ level: "phd", fieldCode: "05124", institution: "示範大學", year: 2024 }],
  skills: [{ key: "data-analysis", level: 4 }, { key: "rd", level: 2 }],
  languages: [{ tag: "zh", proficiency: 5 }, { tag: "en", proficiency: 4 }],
  ...overrides,
});

/** The owner's document in the talents index, or null when it is not there. */
const indexed = () => search.client.index(indexUid(search, "talents")).getDocument(userId).then((doc) => doc.id as string, () => null);

beforeAll(async () => {
  handle = await openTestDatabase();
  search = testSearch("profile");
  await handle.db.insert(t.users).values({ id: userId, email: `${userId}@example.test`, displayName: "Profile Owner" });
  await reindex(handle.db, search, "talents");
});

afterAll(async () => {
  await search.client.deleteIndex(indexUid(search, "talents")).waitTask();
  await handle.db.delete(t.users).where(eq(t.users.id, userId));
  await handle.close();
});

describe("saveProfile", () => {
  it("stores the profile and its lists, and queues the index job in the same transaction", async () => {
    await saveProfile(handle.db, userId, input());
    const saved = await getProfile(handle.db, userId);
    expect(saved.profile).toMatchObject({ headline: "Genomics data scientist", yearsExperience: 3, visibility: "approved_companies" });
    expect(saved.degrees).toMatchObject([{ level: "phd", fieldCode: "05124", year: 2024 }]);
    expect(saved.skills.map((s) => [s.skillKey, s.level]).sort()).toEqual([["data-analysis", 4], ["rd", 2]]);
    expect(saved.languages.map((l) => [l.language, l.proficiency]).sort()).toEqual([["en", 4], ["zh", 5]]);
    const jobs = await handle.db.select().from(t.searchJobs).where(eq(t.searchJobs.documentId, userId));
    expect(jobs.some((job) => job.indexName === "talents" && job.doneAt === null)).toBe(true);
  });

  it("a public profile enters talent search; made private, it leaves", async () => {
    await drainSearchJobs(handle.db, search);
    expect(await indexed()).toBe(userId);
    await saveProfile(handle.db, userId, input({ visibility: "applications_only" }));
    await drainSearchJobs(handle.db, search);
    expect(await indexed()).toBeNull();
  });

  it("replaces the lists rather than adding to them", async () => {
    await saveProfile(handle.db, userId, input({ skills: [{ key: "gmp-process", level: 3 }], degrees: [], languages: [] }));
    const saved = await getProfile(handle.db, userId);
    expect(saved.skills.map((s) => s.skillKey)).toEqual(["gmp-process"]);
    expect(saved.degrees).toEqual([]);
    expect(saved.languages).toEqual([]);
  });

  it("a refused value (a skill level of 6) rolls the whole save back", async () => {
    const before = await getProfile(handle.db, userId);
    await expect(saveProfile(handle.db, userId, input({ headline: "changed", skills: [{ key: "rd", level: 6 }] }))).rejects.toThrow();
    const after = await getProfile(handle.db, userId);
    expect(after.profile?.headline).toBe(before.profile?.headline);
    expect(after.skills).toEqual(before.skills);
  });
});
