// The indexes are built from the database and find what Taiwanese users type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { indexNames } from "../../search/indexes";
import { indexUid, reindex, reindexAll, type SearchContext } from "../../search/reindex";
import { openTestDatabase, testSearch } from "../support/services";

let handle: DatabaseHandle;
let search: SearchContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  search = testSearch("indexing");
  await reindexAll(handle.db, search);
});
afterAll(async () => {
  for (const name of indexNames) await search.client.deleteIndex(indexUid(search, name)).waitTask();
  await handle.close();
});

const codes = async (q: string, filter?: string) => {
  const result = await search.client.index(indexUid(search, "occupations")).search(q, { filter, limit: 50 });
  return result.hits.map((hit) => `${hit.surveyKey as string}:${hit.code as string}`);
};

describe("occupation search", () => {
  it("holds every occupation of both surveys", async () => {
    const stats = await search.client.index(indexUid(search, "occupations")).getStats();
    expect(stats.numberOfDocuments).toBe(28);
  });

  it("finds an occupation by its code, in both surveys", async () => {
    expect(await codes("070207")).toEqual(expect.arrayContaining(["precision-health-2021:070207", "precision-health-2025:070207"]));
  });

  it("finds Traditional Chinese titles, and Simplified queries find Traditional text", async () => {
    expect(await codes("生物科技研發")).toContain("precision-health-2025:070207");
    const simplified = await codes("专利");
    expect(simplified).toEqual(expect.arrayContaining(["precision-health-2021:030302", "precision-health-2025:030302"]));
    expect(await codes("專利")).toEqual(expect.arrayContaining(simplified));
  });

  it("maps Taiwanese abbreviations through the synonym list (生技 → 生物科技)", async () => {
    expect(await codes("生技研發")).toContain("precision-health-2025:070207");
  });

  it("finds English titles and acronyms", async () => {
    expect((await codes("quality assurance")).some((c) => c.endsWith(":090107"))).toBe(true);
    expect((await codes("QA")).some((c) => c.endsWith(":090107"))).toBe(true);
  });

  it("filters by survey, difficulty and overseas need", async () => {
    const overseas2025 = await codes("", "surveyKey = 'precision-health-2025' AND overseasNeeded = true");
    expect(overseas2025).toEqual(["precision-health-2025:090107"]);
    const normal2025 = await codes("", "surveyKey = 'precision-health-2025' AND difficulty = 'normal'");
    expect(normal2025.sort()).toEqual(["precision-health-2025:070109", "precision-health-2025:070207", "precision-health-2025:210205"]);
  });

  it("finds an occupation by an education-field code", async () => {
    expect(await codes("05124")).toContain("precision-health-2025:070207");
  });
});

describe("rebuilding", () => {
  it("swaps a complete new index in, so searches during a rebuild never see it half-built", async () => {
    const uid = indexUid(search, "occupations");
    let running = true;
    const seen: number[] = [];
    const watcher = (async () => {
      while (running) {
        const result = await search.client.index(uid).search("", { limit: 0 });
        seen.push(result.estimatedTotalHits ?? -1);
      }
    })();
    await reindex(handle.db, search, "occupations");
    running = false;
    await watcher;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([28]));
    const { results } = await search.client.getIndexes({ limit: 1000 });
    expect(results.filter((index) => index.uid.startsWith(`${uid}__build`))).toEqual([]);
  });
});
