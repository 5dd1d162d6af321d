// The programme catalogue on the real database: the form's validation, who may create and edit which
// programmes (their approved unit's; the office everything, and alone the programmes from the reports),
// the draft → published → archived states, and the search index job queued with every write.
import { parseWithZod } from "@conform-to/zod/v4";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { programmeSchema } from "../../app/programmes/catalogue-schema";
import { CatalogueRuleError, createProgramme, getProgrammeForManager, listCatalogue, setProgrammeStatus, updateProgramme } from "../../app/programmes/catalogue.server";
import { signedIn, makeUser, useDatabase } from "../auth/support";
import { IP, makeUnit, programmeInput } from "./support";

const db = useDatabase();

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const value of [v].flat()) data.append(k, value);
  return data;
};

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogueRuleError) return error.code;
    throw error;
  }
  return "accepted";
};

describe("the catalogue form", () => {
  const valid = { type: "industry_course", providerZh: "單位", providerEn: "Unit", titleZh: "課程", titleEn: "Course", summaryZh: "簡介", summaryEn: "Summary", language: "zh", "skills[0]": "gmp:3" };

  it("accepts a complete programme and keeps only the skills given a level", () => {
    const result = parseWithZod(form({ ...valid, "skills[1]": "", feeNtd: "12,000", occupationCodes: ["070207"] }), { schema: programmeSchema });
    expect(result.status).toBe("success");
    if (result.status === "success") {
      expect(result.value.skills).toEqual(["gmp:3"]);
      expect(result.value.feeNtd).toBe(12000);
    }
  });

  it("refuses each bad field with its own message", () => {
    const result = parseWithZod(form({ ...valid, titleZh: "", "skills[0]": "", feeNtd: "12.5", durationMonths: "0x", type: "phd_placement" }), { schema: programmeSchema });
    expect(result.status).toBe("error");
    const errors = result.reply().error!;
    expect(errors.titleZh).toEqual(["validation.required"]);
    expect(errors.skills).toEqual(["catalogue.validation.skills"]);
    expect(errors.feeNtd).toEqual(["catalogue.validation.money"]);
    expect(errors.durationMonths).toEqual(["catalogue.validation.months"]);
    expect(errors.type).toEqual(["validation.choose"]);
  });

  it("refuses a skill level outside 1–5 and a fee together with a stipend", () => {
    const result = parseWithZod(form({ ...valid, "skills[0]": "gmp:6", feeNtd: "100", monthlyStipendNtd: "200" }), { schema: programmeSchema });
    const errors = result.reply().error!;
    expect(errors.skills).toEqual(["catalogue.validation.skillLevel"]);
    expect(errors.monthlyStipendNtd).toEqual(["catalogue.validation.feeOrStipend"]);
  });
});

describe("who keeps which programmes", () => {
  it("staff create a draft for their approved unit, with skills, levels and targets, and a search job", async () => {
    const { unit, staff } = await makeUnit(db());
    const input = await programmeInput(db(), { organisationId: unit.id });
    const programme = await createProgramme(db(), staff, input, IP);
    expect(programme.status).toBe("draft");
    expect(programme.providerOrganisationId).toBe(unit.id);
    const found = await getProgrammeForManager(db(), staff, programme.key);
    expect(found.skills.map((s) => `${s.skillKey}:${s.level}`)).toEqual(input.skills);
    expect(found.occupationCodes).toEqual(input.occupationCodes);
    const jobs = await db().select().from(t.searchJobs).where(and(eq(t.searchJobs.indexName, "programmes"), eq(t.searchJobs.documentId, programme.id)));
    expect(jobs.length).toBeGreaterThan(0);
    expect((await listCatalogue(db(), staff)).map((p) => p.key)).toContain(programme.key);
  });

  it("refuses staff of a unit not yet approved, another unit's staff, and unknown skills", async () => {
    const pending = await makeUnit(db(), "pending");
    expect(await refusal(createProgramme(db(), pending.staff, await programmeInput(db(), { organisationId: pending.unit.id }), IP))).toBe("notProvider");
    const { unit, staff } = await makeUnit(db());
    const other = await makeUnit(db());
    const programme = await createProgramme(db(), staff, await programmeInput(db(), { organisationId: unit.id }), IP);
    expect(await refusal(updateProgramme(db(), other.staff, programme.key, await programmeInput(db()), IP))).toBe("notProvider");
    expect(await refusal(getProgrammeForManager(db(), other.staff, programme.key))).toBe("notProvider");
    expect(await refusal(createProgramme(db(), staff, await programmeInput(db(), { organisationId: unit.id, skills: ["no-such-skill:2"] }), IP))).toBe("unknownSkill");
  });

  it("publishes a draft, archives it, and refuses the steps out of order", async () => {
    const { unit, staff } = await makeUnit(db());
    const programme = await createProgramme(db(), staff, await programmeInput(db(), { organisationId: unit.id }), IP);
    expect(await refusal(setProgrammeStatus(db(), staff, programme.key, "archived", IP))).toBe("notPublished");
    expect((await setProgrammeStatus(db(), staff, programme.key, "published", IP)).status).toBe("published");
    expect(await refusal(setProgrammeStatus(db(), staff, programme.key, "published", IP))).toBe("notDraft");
    expect((await setProgrammeStatus(db(), staff, programme.key, "archived", IP)).status).toBe("archived");
  });

  it("edits save the new facts; the seeded programmes are the office's alone", async () => {
    const { unit, staff, office } = await makeUnit(db());
    const programme = await createProgramme(db(), staff, await programmeInput(db(), { organisationId: unit.id }), IP);
    const edited = await updateProgramme(db(), staff, programme.key, await programmeInput(db(), { titleEn: "Renamed", city: "Taipei" }), IP);
    expect(edited.titleEn).toBe("Renamed");
    expect(edited.city).toBe("Taipei");

    const [seeded] = await db().select().from(t.programmes).where(eq(t.programmes.key, "spark-translational"));
    expect(seeded?.sourceFile).toBeTruthy();
    // Even staff of the unit named as its provider may not edit a programme from the reports.
    await db().update(t.programmes).set({ providerOrganisationId: unit.id }).where(eq(t.programmes.id, seeded!.id));
    expect(await refusal(getProgrammeForManager(db(), staff, "spark-translational"))).toBe("officeOnly");
    const found = await getProgrammeForManager(db(), office, "spark-translational");
    expect(found.programme.key).toBe("spark-translational");
    await db().update(t.programmes).set({ providerOrganisationId: seeded!.providerOrganisationId }).where(eq(t.programmes.id, seeded!.id));

    const talentUser = await makeUser(db(), { roles: ["talent"] });
    const { viewer: talent } = await signedIn(db(), talentUser.id);
    expect(await listCatalogue(db(), talent)).toEqual([]);
  });
});
