// Every form of the app, as its page renders it, submitted with hostile values: each field in turn
// replaced by the corpus (and numbers and dates where the field holds one), fast-check's random mixes
// of several fields at once, repeated and nested field names, prototype-polluting keys, an empty body,
// broken percent-encoding and invalid UTF-8, and bodies that are not what their Content-Type says.
// Every answer must be a success or a 4xx that says why, never a 5xx, and must not echo anything
// unescaped (test/hostile/support.ts). The field names come from the pages (form-pages.ts).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useApiServices } from "../api/support";
import { NUMBER_CORPUS, TEXT_CORPUS, hostileValue, KB100 } from "./corpus";
import { entriesOf, harvestForms, namesOf, type HarvestedForm, type Submitter } from "./forms";
import { formPages, routeOf } from "./form-pages";
import { loadBuild, problemWith, send, urlencoded, type Sent } from "./support";
import { makeHostileWorld, type Actor, type HostileWorld } from "./world";
import { tinyPdf } from "../support/tiny-pdf";

const services = useApiServices("hostile_forms");
let world: HostileWorld;
let routeIds: string[];

beforeAll(async () => {
  const build = await loadBuild();
  routeIds = Object.keys(build.routes);
  world = await makeHostileWorld(services().db);
});

/**
 * Every field gets these. Text a field accepts is stored and shown again, so the pieces that must each
 * survive storage and rendering travel together in one string; the ones a field may refuse on their own
 * (nothing, blanks, 100 kB, a NUL, a URL scheme) go alone. The rest of the corpus reaches every route
 * through the whole-form runs and fast-check.
 */
const KITCHEN_SINK = `' OR '1'='1; -- <script>alert("hostile")</script> "><img src=x onerror=alert(1)> \u202eevil👩🏽‍🔬 \ud800 \u0001\u001b[31m\r\n\t${"${7*7}"} %00 ../../etc/passwd`;
const FIELD_TEXT = ["", "   ", "a".repeat(KB100), "a\u0000b", KITCHEN_SINK, "javascript:alert(1)"];
/** Fields that hold a number, a date, a choice or an id also get these. */
const FIELD_NUMBERS = ["-1", "1e308", "NaN", "0000-00-00"];
/** Of the rest of the corpus, each form gets every WHOLE_FORM_SHARE-th value in every field at once. */
const WHOLE_FORM_SHARE = 6;
/** Of the malformed bodies, each form gets every BODY_SHARE-th (all of them reach every few forms). */
const BODY_SHARE = 3;
/** Typed fields already fuzzed one by one in a form with the same typed fields (new and edit forms share theirs). */
const fuzzedTyped = new Set<string>();
let formsSoFar = 0;

/** Requests in flight at once: the app answers while the database works, so a few overlap well. */
const CONCURRENCY = 4;

async function inPool(tasks: Array<() => Promise<unknown>>, size: number) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < tasks.length) await tasks[next++]!();
  }));
}

interface Variant {
  actor: Actor;
  page: string;
  /** The page's HTML as it was harvested. */
  html: string;
  form: HarvestedForm;
  submitter: Submitter | null;
}

async function variantsFor(routeId: string): Promise<Variant[]> {
  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const { actor, url } of formPages[routeId]!(world)) {
    const page = await send(services(), await world.viewer(actor), { method: "GET", url });
    expect(page.status, `GET ${url} as ${actor}`).toBe(200);
    for (const form of harvestForms(page.text, url)) {
      if (form.method !== "post" || routeOf(routeIds, form.action) !== routeId) continue;
      for (const submitter of form.submitters.length > 0 ? form.submitters : [null]) {
        // Forms alike but for the record they name (one per member, per user…) are fuzzed once.
        const key = [form.action.split("?")[0], form.fields.map((f) => f.name).join(","), submitter ? `${submitter.name}=${submitter.value}` : ""].join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        variants.push({ actor, page: url, html: page.text, form, submitter });
      }
    }
  }
  // Forms people fill in before the buttons that end something (open, publish, withdraw, log out…),
  // so a button pressed by the fuzzing does not take the other forms off the page first.
  return variants.sort((a, b) => b.form.fields.length - a.form.fields.length);
}

/** One name per repeated group: skills[3].level stands for every skills[n].level. */
function fuzzedNames(form: HarvestedForm, submitter: Submitter | null): string[] {
  const groups = new Set<string>();
  return namesOf(form, submitter).filter((name) => {
    const group = name.replace(/\[\d+\]/g, "[n]");
    if (groups.has(group)) return false;
    groups.add(group);
    return true;
  });
}

function holdsNumberOrChoice(form: HarvestedForm, name: string): boolean {
  const field = form.fields.find((f) => f.name === name);
  if (!field) return true; // the submitter's intent
  if (["select", "radio", "checkbox", "hidden", "number", "date", "datetime-local"].includes(field.kind)) return true;
  return /^\s*-?[\d.]+\s*$/.test(field.value ?? "") || /year|count|salary|quota|score|weight|version|months|trainees|stipend|preferences|level|deadline|experience/i.test(name);
}

/** Kinds of field a person types into (rather than a hidden value or a choice the form offers). */
const TYPED = new Set(["text", "textarea", "email", "password", "url", "search", "tel", "number", "date", "datetime-local", "month", "time"]);
const typedOnly = (form: HarvestedForm, names: string[]) => names.every((name) => TYPED.has(form.fields.find((f) => f.name === name)?.kind ?? ""));

/** The form's entries with every value of `name` replaced by one value. */
function replaced(entries: Array<[string, string]>, changes: Array<[string, string]>): Array<[string, string]> {
  const names = new Set(changes.map(([name]) => name));
  return [...entries.filter(([name]) => !names.has(name)), ...changes];
}

function request(variant: Variant, entries: Array<[string, string]>): Sent {
  if (!variant.form.multipart) return { method: "POST", url: variant.form.action, body: urlencoded(entries), contentType: "application/x-www-form-urlencoded" };
  const body = new FormData();
  for (const [name, value] of entries) body.append(name, value);
  for (const field of variant.form.fields.filter((f) => f.kind === "file")) body.append(field.name, new File([new Uint8Array(tinyPdf())], "cv.pdf", { type: "application/pdf" }));
  return { method: "POST", url: variant.form.action, body };
}

describe("hostile form input", () => {
  it("every route with an action is listed in form-pages.ts", async () => {
    const build = await loadBuild();
    const withActions = Object.values(build.routes)
      .filter((route) => (route.module as { action?: unknown }).action && !route.id.startsWith("routes/api."))
      .map((route) => route.id);
    expect(withActions.filter((id) => !formPages[id]), "routes with an action missing from test/hostile/form-pages.ts (say on which page, as whom, their forms are found)").toEqual([]);
    expect(Object.keys(formPages).filter((id) => !withActions.includes(id)), "form-pages.ts lists routes the app no longer has").toEqual([]);
  });

  for (const routeId of Object.keys(formPages)) {
    it(`${routeId}: never a 5xx, always a reason, nothing unescaped`, async () => {
      const variants = await variantsFor(routeId);
      expect(variants.length, `a form posting to ${routeId} on its pages`).toBeGreaterThan(0);
      const problems: string[] = [];
      let requests = 0;
      const attempt = async (variant: Variant, sent: Sent, values: string[], what: string, typed: boolean) => {
        requests++;
        const answer = await send(services(), await world.viewer(variant.actor), sent);
        const problem = problemWith(answer, { values, typed, baseline: variant.html });
        if (problem) problems.push(`${what} (${variant.actor} on ${variant.page}${variant.submitter ? `, ${variant.submitter.name}=${variant.submitter.value}` : ""}): ${problem}`);
        return problem === null;
      };

      for (const variant of variants) {
        formsSoFar++;
        const entries = entriesOf(variant.form, variant.submitter);
        const names = fuzzedNames(variant.form, variant.submitter);

        // Each field in turn, a few requests at a time.
        const each: Array<() => Promise<unknown>> = [];
        const typedNames = names.filter((name) => typedOnly(variant.form, [name]));
        const signature = `${typedNames.map((name) => `${name}:${variant.form.fields.find((f) => f.name === name)!.kind}`).sort().join(",")}`;
        const typedDone = typedNames.length > 0 && fuzzedTyped.has(signature);
        fuzzedTyped.add(signature);
        for (const name of names) {
          if (typedDone && typedNames.includes(name)) continue;
          const values = holdsNumberOrChoice(variant.form, name) ? [...FIELD_TEXT, ...FIELD_NUMBERS] : FIELD_TEXT;
          for (const value of values) {
            each.push(() => attempt(variant, request(variant, replaced(entries, [[name, value]])), [value], `${name}=${JSON.stringify(value.slice(0, 40))}`, typedOnly(variant.form, [name])));
          }
        }
        // The rest of the corpus in every field at once: a share of it per form, in turn, so every value
        // reaches some forms of most routes without multiplying the requests.
        const rest = [...TEXT_CORPUS, ...NUMBER_CORPUS].filter((v) => !FIELD_TEXT.includes(v));
        rest.forEach((value, i) => {
          if (i % WHOLE_FORM_SHARE !== formsSoFar % WHOLE_FORM_SHARE) return;
          each.push(() => attempt(variant, request(variant, replaced(entries, names.map((name) => [name, value]))), [value], `every field=${JSON.stringify(value.slice(0, 40))}`, false));
        });
        await inPool(each, CONCURRENCY);

        // Wrong shapes: every field twice, nested and prototype-polluting names, nothing at all.
        const first = names[0] ?? "field";
        const shapes: Array<[string, Array<[string, string]>]> = [
          ["every field twice", [...entries, ...entries.map(([name]): [string, string] => [name, '<script>alert("twice")</script>'])]],
          ["nested names", [...entries, [`${first}[0][b]`, "x"], [`${first}.nested`, "x"], [`${first}[]`, "x"], [`${first}[999999999]`, "x"]]],
          ["prototype keys", [...entries, ["__proto__[polluted]", "yes"], ["constructor[prototype][polluted]", "yes"], ["__proto__.polluted", "yes"], ["prototype", "yes"]]],
          ["nothing", []],
        ];
        for (const [what, body] of shapes) await attempt(variant, request(variant, body), [], what, false);
        expect(({} as Record<string, unknown>).polluted, "Object.prototype untouched").toBeUndefined();

        // Bodies that are not valid form encoding, or not what they say they are.
        if (!variant.form.multipart) {
          const raw = (value: string) => [...entries.filter(([name]) => name !== first).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`), `${encodeURIComponent(first)}=${value}`].join("&");
          const bodies: Array<[string, string, string]> = [
            ["invalid UTF-8", raw("%ED%A0%80%FF%FE%C0%AF"), "application/x-www-form-urlencoded"],
            ["broken percent-encoding", raw("%zz%E4%"), "application/x-www-form-urlencoded"],
            ["JSON body", JSON.stringify(Object.fromEntries(entries)), "application/json"],
            ["form labelled as text", urlencoded(entries), "text/plain"],
            ["multipart without a boundary", urlencoded(entries), "multipart/form-data"],
            ["multipart that is not", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n", "multipart/form-data; boundary=y"],
          ];
          const share = bodies.filter((_, i) => i % BODY_SHARE === formsSoFar % BODY_SHARE);
          for (const [what, body, contentType] of share) await attempt(variant, { method: "POST", url: variant.form.action, body, contentType }, [], what, false);
        }

        // Random mixes of hostile values in one to three fields.
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...(names.length ? names : ["field"])), hostileValue), { minLength: 1, maxLength: 3 }), async (changes) =>
            attempt(variant, request(variant, replaced(entries, changes)), changes.map(([, v]) => v), `fast-check ${JSON.stringify(changes).slice(0, 200)}`, typedOnly(variant.form, changes.map(([n]) => n))),
          ),
          { numRuns: 6, endOnFailure: true },
        ).catch(() => {
          // The property's failures are already in `problems`, each with what was sent.
        });
      }
      expect([...new Set(problems)].slice(0, 25), `${problems.length} problems in ${requests} requests to ${variants.length} forms`).toEqual([]);
    });
  }
});
