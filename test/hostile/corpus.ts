// Hostile values: a fixed corpus every field gets, and fast-check arbitraries that mix its pieces with
// random text. Kept small enough that the whole suite runs in well under two minutes.
import fc from "fast-check";

export const KB100 = 100 * 1024;

/** Text a person might type, or paste, or forge: every field gets all of these. */
export const TEXT_CORPUS: readonly string[] = [
  "",
  "   ",
  "a".repeat(KB100),
  "字".repeat(KB100 / 3),
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u0007\b\u000b\f\u001b[31mred\u001b[0m\u007f",
  "line\r\nbreak\rcarriage\u2028\u2029\u0085",
  "\t leading and trailing \t",
  "\ufeffbom",
  "\u202eevil\u202c",
  "z\u200d\u200b\u2060w",
  "e\u0301\u0301\u0301",
  "👩🏽‍🔬🧬",
  "\ud800",
  "a\udfffb",
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(5)--",
  "%' AND 1=1 --",
  "\\' UNION SELECT NULL, NULL --",
  '<script>alert("hostile")</script>',
  '"><img src=x onerror=alert(1)>',
  "</textarea><script>alert(1)</script>",
  "javascript:alert(document.cookie)",
  " JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "[object Object]",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "https://evil.example/",
  "//evil.example",
  "/\\evil.example",
];

/** Numbers and dates out of range, in odd notations, or not numbers at all. */
export const NUMBER_CORPUS: readonly string[] = [
  "-1",
  "0",
  "-0",
  "1.5",
  "1e308",
  "1e-7",
  "-1e308",
  "NaN",
  "Infinity",
  "-Infinity",
  "9007199254740993",
  "99999999999999999999999999",
  "0x1F",
  "1_000",
  "1,000",
  "１２３",
  " 42 ",
  "0000-00-00",
  "9999-12-31",
  "2024-02-30",
  "1970-01-01",
  "-001000-01-01",
  "2025-13-45",
  "2025-01-01T25:61:61Z",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

/** Pieces an attacker strings together. */
const FRAGMENTS = ["<script>", "</script>", '"', "'", "<", ">", "&", "&amp;", "\u0000", "\u001f", "\ud800", "\udc00", "javascript:", "onerror=", "--", ";", "\\", "%", "_", "$1", "\u202e", "字", "🧬", "\r\n"];

/** Random text with hostile pieces, from empty to a few hundred characters. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom(...FRAGMENTS), fc.string({ unit: "grapheme", maxLength: 10 })), { maxLength: 12 })
  .map((parts) => parts.join(""));

/** Numbers of every size and notation, as text. */
export const hostileNumber: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom(...NUMBER_CORPUS),
);

export const hostileValue: fc.Arbitrary<string> = fc.oneof(hostileText, hostileNumber, fc.constantFrom(...TEXT_CORPUS.filter((v) => v.length < 1000)));
