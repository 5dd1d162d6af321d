// Search relevance: what people in Taiwan type (Traditional or Simplified Chinese, English,
// abbreviations, typos, codes) finds the right occupations, skills and programmes first. The cases
// are in relevance-cases.ts, built from the seeded survey, skill and programme data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { indexNames } from "../../search/indexes";
import { indexUid, reindexAll, type SearchContext } from "../../search/reindex";
import { openTestDatabase, testSearch } from "../support/services";
import { relevanceCases, type Category, type RelevanceCase } from "./relevance-cases";

let handle: DatabaseHandle | undefined;
let search: SearchContext | undefined;

beforeAll(async () => {
  handle = await openTestDatabase();
  search = testSearch("relevance");
  await reindexAll(handle.db, search);
});
afterAll(async () => {
  if (search) for (const name of indexNames) await search.client.deleteIndex(indexUid(search, name)).waitTask();
  await handle?.close();
});

/** How many hits a case looks at; enough for the longest `only` and `absent` checks. */
const LIMIT = 50;

function text(hit: Record<string, unknown>, field: string): string {
  const value = hit[field];
  if (typeof value !== "string") throw new Error(`hit has no string ${field}: ${JSON.stringify(hit)}`);
  return value;
}

/** "2025:070207" for an occupation (survey key without its prefix), the key for skills and programmes. */
function keyOf(index: RelevanceCase["index"], hit: Record<string, unknown>): string {
  switch (index) {
    case "occupations":
      return `${text(hit, "surveyKey").replace(/^precision-health-/, "")}:${text(hit, "code")}`;
    case "skills":
      return text(hit, "id");
    case "programmes":
      return text(hit, "key");
  }
}

interface Ranked {
  key: string;
  score: number;
}

async function ranked(c: RelevanceCase): Promise<Ranked[]> {
  if (!search) throw new Error("search indexes were not built");
  const result = await search.client
    .index(indexUid(search, c.index))
    .search(c.q, { filter: c.filter, limit: LIMIT, showRankingScore: true });
  return result.hits.map((hit) => ({ key: keyOf(c.index, hit), score: hit._rankingScore ?? Number.NaN }));
}

async function check(c: RelevanceCase): Promise<void> {
  const hits = await ranked(c);
  const keys = hits.map((hit) => hit.key);
  const context = `${c.index} ${JSON.stringify(c.q)}${c.filter ? ` [${c.filter}]` : ""}: ${c.note}\nhits: ${hits
    .map((hit) => `${hit.key} (${hit.score.toFixed(4)})`)
    .join(" ")}`;
  if (c.expectIn === undefined) {
    expect(keys.slice(0, c.expectFirst.length), context).toEqual(c.expectFirst);
  } else {
    expect(keys.slice(0, c.expectIn), context).toEqual(expect.arrayContaining(c.expectFirst));
  }
  if (c.only) expect([...keys].sort(), context).toEqual([...c.expectFirst].sort());
  for (const key of c.absent ?? []) expect(keys, context).not.toContain(key);

  // The ranking rules, not the order documents happen to be stored in, must put them there: where
  // an order is expected, each expected hit scores above the next hit, and a set of equals scores
  // above everything after it.
  const boundaries =
    c.expectIn === undefined ? c.expectFirst.map((_, i) => i) : c.expectIn === c.expectFirst.length ? [c.expectIn - 1] : [];
  for (const i of boundaries) {
    const [above, below] = [hits[i], hits[i + 1]];
    if (above && below) expect(above.score, `${context}\n${above.key} ties ${below.key}: decided by storage order only`).toBeGreaterThan(below.score);
  }
}

const title = (c: RelevanceCase) => `${c.index}: ${c.q || "(empty query)"}${c.filter ? ` [${c.filter}]` : ""}`;

describe("the case table", () => {
  it("has enough cases, and every case can fail", async () => {
    if (!search) throw new Error("search indexes were not built");
    const sizes = new Map<string, number>();
    for (const index of new Set(relevanceCases.map((c) => c.index))) {
      sizes.set(index, (await search.client.index(indexUid(search, index)).getStats()).numberOfDocuments);
    }
    expect(relevanceCases.length).toBeGreaterThanOrEqual(45);
    for (const c of relevanceCases) {
      expect(c.expectFirst.length, title(c)).toBeGreaterThan(0);
      expect(new Set(c.expectFirst).size, title(c)).toBe(c.expectFirst.length);
      if (c.expectIn !== undefined) expect(c.expectIn, title(c)).toBeGreaterThanOrEqual(c.expectFirst.length);
      // A window as wide as the index would accept almost any ranking: keep it to half of it.
      expect((c.expectIn ?? c.expectFirst.length) * 2, title(c)).toBeLessThanOrEqual(sizes.get(c.index) ?? 0);
      expect(c.note.length, title(c)).toBeGreaterThan(0);
      if (c.limitation) expect(c.note, title(c)).toMatch(/Fix:/);
    }
  });

  it("has no duplicate searches", () => {
    const titles = relevanceCases.map(title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });
});

const categories = [...new Set(relevanceCases.map((c) => c.category))];

describe.each(categories)("%s", (category: Category) => {
  const inCategory = relevanceCases.filter((c) => c.category === category);
  const rows = (limitation: boolean) =>
    inCategory.filter((c) => Boolean(c.limitation) === limitation).map((c): [string, RelevanceCase] => [title(c), c]);
  const current = rows(false);
  const limited = rows(true);

  if (current.length > 0) it.each(current)("%s", (_title, c) => check(c));
  // Known limitations of the current settings or data (the note says what fixes each): these are
  // expected to fail, and turn red once the fix lands, so the marker is removed with it.
  if (limited.length > 0) it.fails.each(limited)("%s (known limitation)", (_title, c) => check(c));
});
