// The cohort page through the built app: staff change a cohort's details in place (field errors and
// domain refusals come back on the form with what was typed; a save says so), and another unit's
// staff cannot. Needs `npx remix build`.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { enrol } from "../../app/programmes/enrolment.server";
import { useDatabase } from "../auth/support";
import { useBuiltApp } from "../support/built-app";
import { IP, makeUnit, publishedCohort, talent } from "./support";

const db = useDatabase();
const send = useBuiltApp(() => ({ db: db() }), { ip: IP });
const call = (url: string, viewer: Viewer, form?: Record<string, string>) => send(viewer, url, { form });

describe("changing a cohort on its page", () => {
  it("shows the details filled in, refuses bad values and rules with the typed values kept, and saves", async () => {
    const { unit, staff } = await makeUnit(db());
    const other = await makeUnit(db());
    const { cohort, programme } = await publishedCohort(db(), staff, unit.id, { capacity: 2 });
    for (const label of ["seat-a", "seat-b"]) await enrol(db(), (await talent(db(), label)).viewer, cohort.id);
    const page = `/catalogue/${programme.key}/cohorts/${cohort.id}`;
    const fields = { intent: "editCohort", name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn, capacity: "2", icapLevel: "3", enrolmentClosesAt: "" };

    const shown = await (await call(page, staff)).text();
    expect(shown).toContain("Cohort details");
    expect(shown).toContain(`value="${cohort.name}"`);

    const invalid = await call(page, staff, { ...fields, capacity: "0", endsOn: "2027-02-01" });
    expect(invalid.status).toBe(400);
    const invalidPage = await invalid.text();
    expect(invalidPage).toContain("Enter a positive whole number of places");
    expect(invalidPage).toContain("The end date cannot be before the start date");

    const belowSeated = await call(page, staff, { ...fields, capacity: "1", name: "Renamed but refused" });
    expect(belowSeated.status).toBe(409);
    const refusedPage = await belowSeated.text();
    expect(refusedPage).toContain("places cannot go below the seats already taken");
    expect(refusedPage).toContain('value="Renamed but refused"');

    expect((await call(page, other.staff, { ...fields, capacity: "5" })).status).toBe(403);

    const saved = await call(page, staff, { ...fields, capacity: "5", enrolmentClosesAt: "2027-02-20T18:00" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${page}?done=editCohort`);
    expect(await (await call(`${page}?done=editCohort`, staff)).text()).toContain("Cohort saved.");
    const [row] = await db().select().from(t.cohorts).where(eq(t.cohorts.id, cohort.id));
    expect(row!.capacity).toBe(5);
    // 18:00 in Taipei is 10:00 UTC, and the form shows it back as typed.
    expect(row!.enrolmentClosesAt!.toISOString()).toBe("2027-02-20T10:00:00.000Z");
    expect(await (await call(page, staff)).text()).toContain('value="2027-02-20T18:00"');
  });
});
