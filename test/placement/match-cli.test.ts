// `npm run -s match -- <file.json>`: the input format's refusals, then the command itself, spawned.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseMatchInput, parseMatchInputJson } from "~/placement/match-input";

const good = {
  applicants: { ann: ["clinic", "lab"], bo: ["clinic", "lab"], cy: ["lab"], di: ["lab", "clinic"] },
  units: { lab: { capacity: 2, ranking: ["ann", "cy", "di"] }, clinic: { capacity: 1, ranking: ["bo", "di", "ann"] } },
};

const problemsOf = (value: unknown) => {
  const parsed = parseMatchInput(value);
  return parsed.ok ? [] : parsed.problems;
};

describe("the match input format", () => {
  it("accepts a round, and refuses each malformed one with the applicant or unit at fault", () => {
    expect(parseMatchInput(good)).toEqual({ ok: true, input: good });
    const withUnits = (units: object) => ({ applicants: { a: ["u"] }, units });
    expect(problemsOf({ applicants: { a: ["u", "x"] }, units: { u: { capacity: 1, ranking: [] } } })).toEqual([
      'applicant "a" lists unit "x", which is not among the units',
    ]);
    expect(problemsOf({ applicants: { a: ["u", "v", "u"] }, units: { u: { capacity: 1, ranking: [] }, v: { capacity: 1, ranking: [] } } })).toEqual([
      'applicant "a" lists unit "u" twice (preferences 1 and 3)',
    ]);
    expect(problemsOf(withUnits({ u: { capacity: 1, ranking: ["a", "a"] } }))).toEqual(['unit "u" ranks applicant "a" twice (places 1 and 2)']);
    expect(problemsOf(withUnits({ u: { capacity: 1, ranking: ["zed"] } }))).toEqual(['unit "u" ranks applicant "zed", who is not among the applicants']);
    expect(problemsOf(withUnits({ u: { capacity: -1, ranking: [] } }))).toEqual(['unit "u": capacity must be a whole number of seats, 0 or more, not -1']);
    expect(problemsOf(withUnits({ u: { capacity: 1.5, ranking: [] } }))).toEqual(['unit "u": capacity must be a whole number of seats, 0 or more, not 1.5']);
    expect(problemsOf(withUnits({ u: { capacity: "2", ranking: [] } }))).toEqual(['unit "u": capacity must be a whole number of seats, 0 or more, not "2"']);
    expect(problemsOf(withUnits({ u: { ranking: [] } }))).toEqual(['unit "u": capacity is missing']);
    expect(problemsOf(withUnits({ u: { capacity: 1, ranking: [], quota: 2 } }))).toEqual(['unit "u": Unrecognized key: "quota"']);
    expect(problemsOf({ applicants: { a: "u" }, units: {} })).toEqual(['applicant "a": must be a list of unit ids']);
    expect(problemsOf({ applicants: { a: [] }, units: { u: { capacity: 1, ranking: [7] } } })).toEqual(['unit "u", ranking place 1: must be an applicant id (a string)']);
    expect(problemsOf({ applicants: { "": [] }, units: {} })).toEqual(['applicant "": an applicant id must not be empty']);
    expect(problemsOf({ applicants: [], units: {} })).toEqual(['"applicants" must be an object: applicant id → list of unit ids, most wanted first']);
    expect(problemsOf([])).toEqual(['the input: expected an object with "applicants" and "units"']);
    expect(problemsOf(JSON.parse('{"applicants":{"__proto__":[]},"units":{}}'))).toEqual(['"__proto__" cannot be an id in "applicants"']);
  });

  it("names every problem, up to twenty", () => {
    const units = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`u${i}`, { capacity: -1, ranking: [] }]));
    const problems = problemsOf({ applicants: {}, units });
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)).toBe("… and 5 more problems");
  });

  it("says when the text is not JSON", () => {
    expect(parseMatchInputJson('{"applicants": ')).toEqual({ ok: false, problems: [expect.stringMatching(/^the input is not JSON: /)] });
  });
});

describe("npm run match", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "match-cli-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const run = (command: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(command, args, { cwd: process.cwd(), maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
  // The malformed cases skip npm's own start-up; the first case goes through the npm script itself.
  const match = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/match-cli.ts", ...args]);

  it("prints the assignments, the waitlists and the verification", async () => {
    const { code, stdout } = await run("npm", ["run", "-s", "match", "--", write("good.json", JSON.stringify(good))]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${JSON.stringify(
        {
          assignments: { ann: "lab", bo: "clinic", cy: "lab", di: null },
          waitlists: { lab: ["di"], clinic: ["di", "ann"] },
          verification: { stable: true, capacitiesRespected: true, mutuallyAcceptable: true },
        },
        null,
        2,
      )}\n`,
    );
  });

  it.each([
    ["an unknown unit", '{"applicants":{"a":["nowhere"]},"units":{}}', 'applicant "a" lists unit "nowhere", which is not among the units'],
    ["a unit listed twice", '{"applicants":{"a":["u","u"]},"units":{"u":{"capacity":1,"ranking":[]}}}', 'applicant "a" lists unit "u" twice'],
    ["an applicant ranked twice", '{"applicants":{"a":["u"]},"units":{"u":{"capacity":1,"ranking":["a","a"]}}}', 'unit "u" ranks applicant "a" twice'],
    ["an unknown applicant", '{"applicants":{},"units":{"u":{"capacity":1,"ranking":["ghost"]}}}', 'unit "u" ranks applicant "ghost", who is not among the applicants'],
    ["a negative capacity", '{"applicants":{},"units":{"u":{"capacity":-2,"ranking":[]}}}', 'unit "u": capacity must be a whole number of seats, 0 or more, not -2'],
    ["a fractional capacity", '{"applicants":{},"units":{"u":{"capacity":0.5,"ranking":[]}}}', "not 0.5"],
    ["text that is not JSON", "applicants: a", "the input is not JSON"],
  ])("refuses %s, naming it", async (_, text, message) => {
    const file = write("bad.json", text);
    const { code, stdout, stderr } = await match(file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${file} is not a valid match input`);
    expect(stderr).toContain(message);
  });

  it("refuses a missing file and a missing argument", async () => {
    const missing = await match(path.join(folder, "absent.json"));
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toContain(`cannot read ${path.join(folder, "absent.json")}: ENOENT`);
    const usage = await match();
    expect(usage).toMatchObject({ code: 1, stdout: "" });
    expect(usage.stderr).toContain("usage: npm run -s match -- <file.json>");
  });
});
