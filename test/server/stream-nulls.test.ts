// The streamed HTML never carries React 18's unwritten zero bytes (see withoutStrayNulls in entry.server).
import { text } from "node:stream/consumers";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutStrayNulls } from "../../app/entry.server";

/** Many short strings, as a real page has: React copies each into its buffer. */
const page = (padding: string) => createElement("ul", null, padding, ...Array.from({ length: 400 }, (_, i) => createElement("li", { key: i }, "精準健康")));

function render(padding: string, through: NodeJS.ReadWriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page(padding), {
      onAllReady() {
        pipe(through);
        text(through).then(resolve, reject);
      },
      onError: reject,
    });
  });
}

describe("streamed HTML with Chinese text", () => {
  it("has no NUL where a character straddles React's 2048-byte buffer", async () => {
    // Shifting everything by one or two bytes puts a 3-byte character across the boundary.
    for (const padding of ["a", "ab", "abc"]) {
      const html = await render(padding, withoutStrayNulls());
      expect(html).not.toContain("\u0000");
      expect(html.split("精準健康").length - 1).toBe(400);
    }
  });
});
