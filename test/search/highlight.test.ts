import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, highlightParts } from "../../app/search/highlight";
import { buildFilter, quote } from "../../app/search/filters";
import { query } from "../../app/search/params";

describe("highlighting", () => {
  it("splits marked text into plain and matched parts, joining neighbouring matches", () => {
    expect(highlightParts(`${S}臨${E}${S}床${E}試驗設計`)).toEqual([
      { text: "臨床", match: true },
      { text: "試驗設計", match: false },
    ]);
    expect(highlightParts("<script>alert(1)</script>")).toEqual([{ text: "<script>alert(1)</script>", match: false }]);
  });
});

describe("filters", () => {
  it("quotes values so they cannot change the expression", () => {
    expect(quote('a" OR 1=1 OR x="')).toBe('"a\\" OR 1=1 OR x=\\""');
    expect(buildFilter({ surveyKey: "precision-health-2025", difficulty: ["hard", "normal"], overseasNeeded: true, city: undefined })).toBe(
      'surveyKey = "precision-health-2025" AND (difficulty = "hard" OR difficulty = "normal") AND overseasNeeded = true',
    );
    expect(() => buildFilter({ "a OR b": "x" })).toThrow();
  });
});

describe("query cleaning", () => {
  it("removes control and private-use characters and refuses over-long queries", () => {
    expect(query.parse(`生技\u0000\u0007${S}研發 `)).toBe("生技 研發");
    expect(query.safeParse("x".repeat(201)).success).toBe(false);
    expect(query.safeParse("x".repeat(10_240)).success).toBe(false);
  });
});
