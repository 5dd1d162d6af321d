// Text people type that the app keeps and shows again: for each such field, fast-check's hostile text
// (HTML and script, quotes, SQL, control and direction characters, emoji, invalid UTF-16) goes through
// the field's own form. It is refused with a 4xx that says why, or stored exactly as typed after the
// documented trim (browsers send a lone surrogate as U+FFFD), and every page showing it escapes it.
// A NUL cannot be stored by Postgres, so it is always refused.
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { makeTalent } from "../applications/world";
import { signedIn } from "../auth/support";
import { useApiServices } from "../api/support";
import { hostileText } from "./corpus";
import { entriesOf, harvestForms } from "./forms";
import { problemWith, send, urlencoded } from "./support";
import { makeHostileWorld, type Actor, type HostileWorld } from "./world";

const services = useApiServices("hostile_stored");
let world: HostileWorld;

beforeAll(async () => {
  world = await makeHostileWorld(services().db);
});

interface StoredField {
  name: string;
  actor: Actor;
  /** The page with the form; a fresh one per run where a run uses something up (applying once). */
  page(w: HostileWorld): Promise<{ url: string; viewerId?: string }>;
  field: string;
  /** Values for the form's other required fields, where the page leaves them empty. */
  fill?: Record<string, string>;
  /** What the database holds for the field after the submission (the redirect's target, if any). */
  stored(db: Database, w: HostileWorld, context: { location: string | null; viewerId?: string }): Promise<string | null | undefined>;
  /** A page that shows the stored value, and who reads it. */
  shownOn(w: HostileWorld, context: { location: string | null; viewerId?: string }): Promise<{ url: string; actor: Actor }>;
}

const one = async <T,>(rows: Promise<T[]>) => (await rows)[0];

const storedFields: StoredField[] = [
  {
    name: "account display name",
    actor: "plain",
    page: async () => ({ url: "/account" }),
    field: "displayName",
    stored: async (db, w) => (await one(db.select({ v: t.users.displayName }).from(t.users).where(eq(t.users.id, w.userIds.plain))))?.v,
    shownOn: async () => ({ url: "/account", actor: "plain" }),
  },
  ...(["headline", "summary", "city"] as const).map(
    (field): StoredField => ({
      name: `talent profile ${field}`,
      actor: "talent",
      page: async () => ({ url: "/profile" }),
      field,
      stored: async (db, w) => (await one(db.select({ v: t.talentProfiles[field] }).from(t.talentProfiles).where(eq(t.talentProfiles.userId, w.userIds.talent))))?.v,
      shownOn: async () => ({ url: "/profile", actor: "talent" }),
    }),
  ),
  ...(["title", "description", "city"] as const).map(
    (field): StoredField => ({
      name: `position ${field}`,
      actor: "recruiter",
      page: async (w) => ({ url: `/positions/${w.ids.draftPosition}/edit` }),
      field,
      stored: async (db, w) => (await one(db.select({ v: t.positions[field] }).from(t.positions).where(eq(t.positions.id, w.ids.draftPosition))))?.v,
      shownOn: async (w) => ({ url: `/positions/${w.ids.draftPosition}`, actor: "recruiter" }),
    }),
  ),
  {
    name: "new organisation's Chinese name",
    actor: "draftAdmin",
    page: async () => ({ url: "/organisations/new" }),
    field: "nameZh",
    fill: { nameEn: "Hostile Input Test Co" },
    stored: async (db, _w, { location }) => {
      const slug = location?.match(/^\/organisations\/([^/?]+)/)?.[1];
      return slug ? (await one(db.select({ v: t.organisations.nameZh }).from(t.organisations).where(eq(t.organisations.slug, decodeURIComponent(slug)))))?.v : undefined;
    },
    shownOn: async (_w, { location }) => ({ url: location!, actor: "draftAdmin" }),
  },
  {
    name: "cover note (each run a new talent applying)",
    actor: "freshTalent",
    page: async (w) => {
      const talent = await makeTalent(services().db, { discoverable: true });
      return { url: `/positions/${w.ids.publishedPosition}`, viewerId: talent.id };
    },
    field: "coverNote",
    stored: async (db, w, { viewerId }) =>
      (await one(db.select({ v: t.applications.coverNote }).from(t.applications).where(and(eq(t.applications.positionId, w.ids.publishedPosition), eq(t.applications.talentUserId, viewerId!)))))?.v,
    shownOn: async (w, { viewerId }) => {
      const [row] = await services().db.select({ id: t.applications.id }).from(t.applications).where(and(eq(t.applications.positionId, w.ids.publishedPosition), eq(t.applications.talentUserId, viewerId!)));
      return { url: `/applications/${row!.id}`, actor: "recruiter" };
    },
  },
  {
    name: "reviewer's comment",
    actor: "reviewer",
    page: async (w) => ({ url: `/review/${w.ids.assignment}` }),
    field: "comment",
    fill: { "scores.plan": "7", "scores.internship": "3" },
    stored: async (db, w) => (await one(db.select({ v: t.reviewAssignments.comment }).from(t.reviewAssignments).where(eq(t.reviewAssignments.id, w.ids.assignment))))?.v,
    shownOn: async (w) => ({ url: `/review/${w.ids.assignment}`, actor: "reviewer" }),
  },
];

/** As React writes text and attribute values. */
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** What a browser sends for the text (lone surrogates become U+FFFD), after the schemas' trim. */
const expectedStored = (typed: string) => typed.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd").trim();

/** Text with hostile pieces that a field of a few hundred characters takes: no NUL, at least one visible character. */
const storableText = hostileText.map((text) => `${text.replaceAll("\u0000", "")}x`).filter((text) => text.length <= 200);

/** A new session per request, as the server resolves one (the display name shown is the one stored now). */
async function viewerOf(actor: Actor, viewerId?: string) {
  return viewerId ? (await signedIn(services().db, viewerId)).viewer : world.signIn(actor);
}

describe("text that is stored", () => {
  for (const spec of storedFields) {
    it(`${spec.name}: refused with a reason, or stored as typed and shown escaped`, async () => {
      const submit = async (value: string) => {
        const { url, viewerId } = await spec.page(world);
        const viewer = await viewerOf(spec.actor, viewerId);
        const page = await send(services(), viewer, { method: "GET", url });
        expect(page.status, `GET ${url}`).toBe(200);
        const form = harvestForms(page.text, url).find((f) => f.method === "post" && f.fields.some((field) => field.name === spec.field));
        expect(form, `a form with ${spec.field} on ${url}`).toBeDefined();
        const filled = new Set([spec.field, ...Object.keys(spec.fill ?? {})]);
        const entries = entriesOf(form!, form!.submitters[0] ?? null).filter(([name]) => !filled.has(name));
        entries.push(...Object.entries(spec.fill ?? {}));
        entries.push([spec.field, value]);
        const answer = await send(services(), viewer, { method: "POST", url: form!.action, body: urlencoded(entries), contentType: "application/x-www-form-urlencoded" });
        expect(problemWith(answer, { values: [value], baseline: page.text }), `${spec.field}=${JSON.stringify(value)}`).toBeNull();
        return { answer, viewerId, location: answer.headers.get("Location") };
      };

      let stored = 0;
      await fc.assert(
        fc.asyncProperty(storableText, async (typed) => {
          const { answer, viewerId, location } = await submit(typed);
          if (answer.status >= 400) return; // refused with a reason (checked above)
          stored++;
          const expected = expectedStored(typed);
          expect(await spec.stored(services().db, world, { location, viewerId }), `stored ${JSON.stringify(typed)}`).toBe(expected);
          const shown = await spec.shownOn(world, { location, viewerId });
          const page = await send(services(), await world.signIn(shown.actor), { method: "GET", url: shown.url });
          expect(page.status, `GET ${shown.url}`).toBe(200);
          expect(problemWith(page, { values: [typed, expected] }), `${shown.url} after ${JSON.stringify(typed)}`).toBeNull();
          expect(page.text, `${shown.url} shows ${JSON.stringify(expected)} escaped`).toContain(escapeHtml(expected));
        }),
        // The first run is text every one of these fields takes: the property is not vacuous.
        { numRuns: 8, examples: [[`<b class="x">Tom & Jerry's "R&D" 研發</b> <script>alert(1)</script>`]] },
      );
      expect(stored, "runs that stored the text").toBeGreaterThan(0);

      // A NUL is refused, and nothing is stored.
      const { answer, viewerId, location } = await submit("a\u0000b");
      expect(answer.status, "a NUL is refused").toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(String(await spec.stored(services().db, world, { location, viewerId })), "nothing with a NUL stored").not.toContain("\u0000");
    });
  }
});
