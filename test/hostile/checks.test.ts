// The checker every hostile answer goes through (support.ts): it must catch a value that escapes its
// context, and must not flag one that came back safely encoded (which made the suite fail at random).
import { describe, expect, it } from "vitest";
import { NONCE, problemWith, type Answer } from "./support";

const page = (body: string): Answer => ({ status: 200, headers: new Headers({ "Content-Type": "text/html; charset=utf-8" }), text: `<!DOCTYPE html><html><body>${body}</body></html>`, logged: [] });
const script = (content: string) => `<script nonce="${NONCE}">${content}</script>`;
const value = '"x;onerror=y';

describe("problemWith", () => {
  it("flags a value that closes an attribute in the markup", () => {
    expect(problemWith(page(`<input value="${value}">`), { values: [value] })).toMatch(/unescaped/);
  });

  it("accepts the same value escaped in the markup, or JSON-encoded in a script", () => {
    expect(problemWith(page(`<input value="&quot;x;onerror=y">`), { values: [value] })).toBeNull();
    // How Remix's turbo-stream data carries it: the quote behind backslashes, unable to end the string.
    expect(problemWith(page(script(`enqueue("[\\"\\\\\\${value}\\"]")`)), { values: [value] })).toBeNull();
  });

  it("flags a tag-opening value in a script, where it would end the script", () => {
    const tag = "</script><img src=x>";
    expect(problemWith(page(script(`var a = "${tag}";`)), { values: [tag] })).toMatch(/unescaped/);
  });

  it("flags a script without the request's nonce", () => {
    expect(problemWith(page("<script>alert(1)</script>"), { values: [] })).toMatch(/nonce/);
  });
});
