// Shortage positions on the real database: the survey prefill, drafts with revisions, publishing only for
// approved companies, dates and salaries refused where they are wrong, optimistic versions, headcount
// against hires, who may see a position, and the search job each write queues. Then the form's schema.
import { readFileSync } from "node:fs";
import { parseWithZod } from "@conform-to/zod/v4";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { applyToPosition, moveApplication } from "../../app/applications/pipeline.server";
import type { Viewer } from "../../app/auth/session.server";
import { todayInTaipei } from "../../app/positions/dates";
import { positionSchema, SALARY_MAX_NTD } from "../../app/positions/position-schema";
import {
  closePosition, createPosition, getPositionFor, listOpenPositionsForOccupation, listRevisions, prefillFromOccupation, publishPosition,
  PositionRuleError, updatePosition, type PositionInput,
} from "../../app/positions/positions.server";
import { changedFields } from "../../app/positions/revisions";
import { auditOf, links, makeUser, signedIn, unique, useDatabase } from "../auth/support";

const db = useDatabase();
const IP = "192.0.2.40";
type Approval = "draft" | "pending" | "approved" | "rejected";

interface SurveyRow {
  code: string;
  minEducation: string;
  experience: string;
  overseasNeeded: boolean;
  anyEducationField: boolean;
  skills: { key: string }[];
  educationFields: { code: string }[];
}
const survey2025 = JSON.parse(readFileSync("seeds/data/survey-2025.json", "utf8")) as { occupations: SurveyRow[] };

const dayOffset = (days: number) => {
  const [y, m, d] = todayInTaipei().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

async function occupation(code = "070207", surveyKey = "precision-health-2025") {
  const [row] = await db().select().from(t.occupations).where(and(eq(t.occupations.surveyKey, surveyKey), eq(t.occupations.code, code)));
  if (!row) throw new Error(`no occupation ${surveyKey} ${code}`);
  return row;
}

/** A company with the given approval state and one recruiter who is its member. */
async function company(approval: Approval = "approved") {
  const [organisation] = await db()
    .insert(t.organisations)
    .values({ slug: `positions-${unique()}`, kind: "company", nameZh: "職缺測試公司", nameEn: "Positions Test Co", approval, approvedAt: approval === "approved" ? new Date() : null })
    .returning();
  const recruiter = await makeUser(db(), { label: "recruiter", roles: ["company_recruiter"] });
  await db().insert(t.memberships).values({ organisationId: organisation!.id, userId: recruiter.id, isOrgAdmin: true });
  const { viewer } = await signedIn(db(), recruiter.id);
  return { organisation: organisation!, viewer };
}

async function person(roles: ("talent" | "company_recruiter" | "programme_officer")[]): Promise<Viewer> {
  const user = await makeUser(db(), { label: roles.join("-") || "nobody", roles });
  return (await signedIn(db(), user.id)).viewer;
}

async function input(overrides: Partial<PositionInput> = {}): Promise<PositionInput> {
  const occ = await occupation();
  return {
    occupationId: occ.id,
    title: "新藥研發工程師",
    description: "負責新藥開發專案。",
    city: "台北市",
    salaryMinNtd: 60000,
    salaryMaxNtd: 90000,
    headcount: 3,
    applicationDeadline: dayOffset(30),
    minEducation: "master",
    experience: "2_to_5",
    workingLanguages: ["zh", "en"],
    openToOverseas: true,
    supportsWorkPermit: true,
    skillKeys: ["rd", "data-analysis"],
    educationFieldCodes: ["05121"],
    ...overrides,
  };
}

const positionJobs = async (positionId: string) =>
  db().select().from(t.searchJobs).where(and(eq(t.searchJobs.indexName, "positions"), eq(t.searchJobs.documentId, positionId))).orderBy(asc(t.searchJobs.id));

/** The code a domain function refused with, or what else happened. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return "not refused";
  } catch (error) {
    return error instanceof PositionRuleError ? error.code : error;
  }
}

/** A published position of an approved company. */
async function published(overrides: Partial<PositionInput> = {}) {
  const owner = await company("approved");
  const draft = await createPosition(db(), owner.viewer, owner.organisation.id, await input(overrides), IP);
  const position = await publishPosition(db(), owner.viewer, draft.id, IP);
  return { ...owner, position };
}

describe("prefillFromOccupation", () => {
  it("equals the survey's row: skills in order, education fields, minimum education, experience and overseas need", async () => {
    for (const row of survey2025.occupations) {
      const occ = await occupation(row.code);
      const found = await prefillFromOccupation(db(), occ.id);
      expect(found?.prefill, row.code).toEqual({
        occupationId: occ.id,
        skillKeys: row.skills.map((s) => s.key),
        educationFieldCodes: row.anyEducationField ? [] : row.educationFields.map((f) => f.code),
        minEducation: row.minEducation,
        experience: row.experience,
        openToOverseas: row.overseasNeeded,
      });
    }
  });

  it("is null for an occupation that does not exist", async () => {
    expect(await prefillFromOccupation(db(), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("createPosition", () => {
  it("saves a draft with its requirements as revision 1, audited, with a positions search job", async () => {
    const { organisation, viewer } = await company("draft");
    const position = await createPosition(db(), viewer, organisation.id, await input(), IP);
    expect(position).toMatchObject({ status: "draft", version: 1, headcount: 3, remainingHeadcount: 3, publishedAt: null, supportsWorkPermit: true });
    const revisions = await listRevisions(db(), position.id);
    expect(revisions.map((r) => r.revision)).toEqual([1]);
    expect(revisions[0]!.editedBy).toBe(viewer.displayName);
    expect(revisions[0]!.snapshot).toMatchObject({ title: "新藥研發工程師", skillKeys: ["rd", "data-analysis"], educationFieldCodes: ["05121"] });
    expect((await auditOf(db(), position.id, "position-created")).length).toBe(1);
    expect((await positionJobs(position.id)).length).toBe(1);
  });

  it("refuses a deadline before today in Taipei; today itself is fine", async () => {
    const { organisation, viewer } = await company();
    expect(await refusal(createPosition(db(), viewer, organisation.id, await input({ applicationDeadline: dayOffset(-1) }), IP))).toBe("deadlinePassed");
    await expect(createPosition(db(), viewer, organisation.id, await input({ applicationDeadline: todayInTaipei() }), IP)).resolves.toMatchObject({ status: "draft" });
  });

  it("a salary minimum above the maximum is refused by the database's check constraint", async () => {
    const { organisation, viewer } = await company();
    const error = await createPosition(db(), viewer, organisation.id, await input({ salaryMinNtd: 90000, salaryMaxNtd: 60000 }), IP).then(() => null, (e: unknown) => e);
    // Postgres and PGlite word it alike; drizzle may wrap it.
    const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: string; message?: string };
    expect(cause.code).toBe("23514");
    expect(cause.message).toContain("positions_salary");
  });

  it("refuses people who are not members of the company, and skills or fields outside the vocabulary", async () => {
    const { organisation, viewer } = await company();
    const outsider = (await company()).viewer;
    expect(await refusal(createPosition(db(), outsider, organisation.id, await input(), IP))).toBe("notMember");
    const talent = await person(["talent"]);
    expect(await refusal(createPosition(db(), talent, organisation.id, await input(), IP))).toBe("notMember");
    expect(await refusal(createPosition(db(), viewer, organisation.id, await input({ skillKeys: ["rd", "no-such-skill"] }), IP))).toBe("unknownSkill");
    expect(await refusal(createPosition(db(), viewer, organisation.id, await input({ educationFieldCodes: ["99999"] }), IP))).toBe("unknownField");
  });
});

describe("publishPosition", () => {
  for (const approval of ["draft", "pending", "rejected"] as const) {
    it(`is refused while the company is ${approval}`, async () => {
      const { organisation, viewer } = await company(approval);
      const position = await createPosition(db(), viewer, organisation.id, await input(), IP);
      expect(await refusal(publishPosition(db(), viewer, position.id, IP))).toBe("organisationNotApproved");
      const [row] = await db().select().from(t.positions).where(eq(t.positions.id, position.id));
      expect(row?.status).toBe("draft");
    });
  }

  it("publishes a draft of an approved company, once; closing follows, and each write queues a search job", async () => {
    const { organisation, viewer } = await company("approved");
    const draft = await createPosition(db(), viewer, organisation.id, await input(), IP);
    const position = await publishPosition(db(), viewer, draft.id, IP);
    expect(position).toMatchObject({ status: "published", version: 2 });
    expect(position.publishedAt).toBeInstanceOf(Date);
    expect(await refusal(publishPosition(db(), viewer, draft.id, IP))).toBe("notDraft");
    expect((await listOpenPositionsForOccupation(db(), "070207", 100)).map((p) => p.id)).toContain(draft.id);
    const closed = await closePosition(db(), viewer, draft.id, IP);
    expect(closed.status).toBe("closed");
    expect(await refusal(closePosition(db(), viewer, draft.id, IP))).toBe("notPublished");
    expect((await listOpenPositionsForOccupation(db(), "070207", 100)).map((p) => p.id)).not.toContain(draft.id);
    expect((await positionJobs(draft.id)).length).toBe(3);
  });

  it("is refused to someone outside the company", async () => {
    const { organisation, viewer } = await company("approved");
    const draft = await createPosition(db(), viewer, organisation.id, await input(), IP);
    const outsider = (await company("approved")).viewer;
    expect(await refusal(publishPosition(db(), outsider, draft.id, IP))).toBe("notMember");
  });
});

describe("updatePosition", () => {
  it("adds a revision per edit, says which fields changed, and queues a search job", async () => {
    const { organisation, viewer } = await company();
    const draft = await createPosition(db(), viewer, organisation.id, await input(), IP);
    const edited = await updatePosition(db(), viewer, draft.id, 1, await input({ title: "資深新藥研發工程師", skillKeys: ["data-analysis", "rd"] }), IP);
    expect(edited.version).toBe(2);
    await updatePosition(db(), viewer, draft.id, 2, await input({ title: "資深新藥研發工程師", skillKeys: ["data-analysis", "rd"], city: "新竹市" }), IP);
    const revisions = await listRevisions(db(), draft.id);
    expect(revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(changedFields(revisions[2]!.snapshot, revisions[1]!.snapshot)).toEqual(["title", "skillKeys"]);
    expect(changedFields(revisions[1]!.snapshot, revisions[0]!.snapshot)).toEqual(["city"]);
    expect((await positionJobs(draft.id)).length).toBe(3);
  });

  it("refuses a save made from a version someone else has since saved over", async () => {
    const { organisation, viewer } = await company();
    const draft = await createPosition(db(), viewer, organisation.id, await input(), IP);
    await updatePosition(db(), viewer, draft.id, 1, await input({ title: "A" }), IP);
    expect(await refusal(updatePosition(db(), viewer, draft.id, 1, await input({ title: "B" }), IP))).toBe("stale");
    expect((await listRevisions(db(), draft.id)).length).toBe(2);
  });

  it("refuses a changed deadline in the past, but keeps an unchanged one", async () => {
    const { organisation, viewer } = await company();
    const draft = await createPosition(db(), viewer, organisation.id, await input(), IP);
    expect(await refusal(updatePosition(db(), viewer, draft.id, 1, await input({ applicationDeadline: dayOffset(-3) }), IP))).toBe("deadlinePassed");
    await expect(updatePosition(db(), viewer, draft.id, 1, await input({ applicationDeadline: null }), IP)).resolves.toMatchObject({ applicationDeadline: null });
  });

  it("refuses people outside the company, and closed positions", async () => {
    const { viewer, position } = await published();
    const outsider = (await company()).viewer;
    expect(await refusal(updatePosition(db(), outsider, position.id, position.version, await input(), IP))).toBe("notMember");
    const closed = await closePosition(db(), viewer, position.id, IP);
    expect(await refusal(updatePosition(db(), viewer, position.id, closed.version, await input(), IP))).toBe("notEditable");
  });

  it("cannot bring the headcount below (or, while published, down to) the people already hired", async () => {
    const { viewer, position } = await published({ headcount: 3 });
    const talent = await person(["talent"]);
    const application = await applyToPosition(db(), talent, position.id, "", links);
    await moveApplication(db(), viewer, application.id, { from: "applied", to: "offer" }, links, IP);
    await moveApplication(db(), viewer, application.id, { from: "offer", to: "hired" }, links, IP);
    const [afterHire] = await db().select().from(t.positions).where(eq(t.positions.id, position.id));
    expect(afterHire).toMatchObject({ headcount: 3, remainingHeadcount: 2 });
    expect(await refusal(updatePosition(db(), viewer, position.id, afterHire!.version, await input({ headcount: 1 }), IP))).toBe("headcountBelowHired");
    const lowered = await updatePosition(db(), viewer, position.id, afterHire!.version, await input({ headcount: 2 }), IP);
    expect(lowered).toMatchObject({ headcount: 2, remainingHeadcount: 1 });
  });
});

describe("getPositionFor", () => {
  it("shows a draft only to its company and the office", async () => {
    const { organisation, viewer } = await company("approved");
    const draft = await createPosition(db(), viewer, organisation.id, await input(), IP);
    expect((await getPositionFor(db(), viewer, draft.id))?.manages).toBe(true);
    expect(await getPositionFor(db(), null, draft.id)).toBeNull();
    expect(await getPositionFor(db(), await person(["talent"]), draft.id)).toBeNull();
    expect(await getPositionFor(db(), (await company("approved")).viewer, draft.id)).toBeNull();
    expect((await getPositionFor(db(), await person(["programme_officer"]), draft.id))?.manages).toBe(false);
  });

  it("shows a published position to everyone, with its skills in order", async () => {
    const { position } = await published({ skillKeys: ["data-analysis", "rd", "gmp-process"] });
    const seen = await getPositionFor(db(), null, position.id);
    expect(seen).toMatchObject({ manages: false, application: null, skillKeys: ["data-analysis", "rd", "gmp-process"], educationFieldCodes: ["05121"] });
  });

  it("shows a closed position to its applicants, the company and the office, but not to others", async () => {
    const { viewer, position } = await published();
    const applicant = await person(["talent"]);
    const application = await applyToPosition(db(), applicant, position.id, "我很有興趣。", links);
    await closePosition(db(), viewer, position.id, IP);
    const seen = await getPositionFor(db(), applicant, position.id);
    expect(seen?.application?.id).toBe(application.id);
    expect(seen?.position.status).toBe("closed");
    expect(await getPositionFor(db(), viewer, position.id)).not.toBeNull();
    expect(await getPositionFor(db(), await person(["programme_officer"]), position.id)).not.toBeNull();
    expect(await getPositionFor(db(), await person(["talent"]), position.id)).toBeNull();
    expect(await getPositionFor(db(), null, position.id)).toBeNull();
  });

  it("answers null for ids that are not positions", async () => {
    expect(await getPositionFor(db(), null, "not-a-uuid")).toBeNull();
    expect(await getPositionFor(db(), null, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("listOpenPositionsForOccupation", () => {
  it("leaves out positions whose deadline has passed", async () => {
    const { position } = await published({ applicationDeadline: todayInTaipei() });
    expect((await listOpenPositionsForOccupation(db(), "070207", 100)).map((p) => p.id)).toContain(position.id);
    await db().update(t.positions).set({ applicationDeadline: dayOffset(-1) }).where(eq(t.positions.id, position.id));
    expect((await listOpenPositionsForOccupation(db(), "070207", 100)).map((p) => p.id)).not.toContain(position.id);
  });
});

describe("positionSchema", () => {
  const valid: Record<string, string | string[]> = {
    organisationId: "00000000-0000-4000-8000-000000000001",
    title: "研發工程師",
    description: "工作內容",
    city: "台北市",
    salaryMinNtd: "60,000",
    salaryMaxNtd: "90000",
    headcount: "2",
    applicationDeadline: dayOffset(10),
    minEducation: "master",
    experience: "under_2",
    workingLanguages: ["zh", "en"],
    "skillKeys[0]": "rd",
    "skillKeys[1]": "",
    "skillKeys[2]": "data-analysis",
    educationFieldCodes: ["05121", "05124"],
    openToOverseas: "on",
    supportsWorkPermit: "on",
  };
  const parse = (changes: Record<string, string | string[] | undefined>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...valid, ...changes })) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    }
    return parseWithZod(form, { schema: positionSchema });
  };
  const errorsOf = (changes: Record<string, string | string[] | undefined>) => {
    const submission = parse(changes);
    return submission.status === "success" ? {} : (submission.reply().error ?? {});
  };

  it("accepts a full form: amounts with separators, skills in order without the empty places", () => {
    const submission = parse({});
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      salaryMinNtd: 60000, salaryMaxNtd: 90000, headcount: 2, skillKeys: ["rd", "data-analysis"], workingLanguages: ["zh", "en"],
      educationFieldCodes: ["05121", "05124"], openToOverseas: true, supportsWorkPermit: true,
    });
  });

  it("leaves salary and deadline optional", () => {
    const submission = parse({ salaryMinNtd: "", salaryMaxNtd: "", applicationDeadline: "" });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toMatchObject({ salaryMinNtd: undefined, salaryMaxNtd: undefined, applicationDeadline: undefined });
  });

  it("refuses a minimum above the maximum, beside the maximum", () => {
    expect(errorsOf({ salaryMinNtd: "90000", salaryMaxNtd: "60000" })).toEqual({ salaryMaxNtd: ["positions.validation.salaryOrder"] });
  });

  it("refuses amounts that are not whole NT$ or are huge", () => {
    for (const bad of ["abc", "-5", "60000.5", "6O000", "1e6", "60,00"]) expect(errorsOf({ salaryMinNtd: bad }), bad).toEqual({ salaryMinNtd: ["positions.validation.salaryWhole"] });
    expect(errorsOf({ salaryMaxNtd: String(SALARY_MAX_NTD + 1) })).toEqual({ salaryMaxNtd: ["positions.validation.salaryTooHigh"] });
    expect(errorsOf({ salaryMaxNtd: "99999999999999999999999" })).toEqual({ salaryMaxNtd: ["positions.validation.salaryTooHigh"] });
    expect(errorsOf({ salaryMaxNtd: String(SALARY_MAX_NTD) })).toEqual({});
  });

  it("refuses headcounts outside 1–999 and non-numbers", () => {
    for (const bad of ["0", "1000", "2.5", "two", ""]) expect(Object.keys(errorsOf({ headcount: bad })), bad).toEqual(["headcount"]);
  });

  it("refuses impossible dates and deadlines before today in Taipei", () => {
    for (const bad of ["2027-02-30", "2027-13-01", "31/12/2027", "tomorrow"]) expect(errorsOf({ applicationDeadline: bad }), bad).toEqual({ applicationDeadline: ["positions.validation.date"] });
    expect(errorsOf({ applicationDeadline: dayOffset(-1) })).toEqual({ applicationDeadline: ["positions.validation.deadlinePast"] });
    expect(errorsOf({ applicationDeadline: todayInTaipei() })).toEqual({});
  });

  it("refuses work-permit support without openness to overseas candidates, rather than dropping it", () => {
    expect(errorsOf({ openToOverseas: undefined })).toEqual({ supportsWorkPermit: ["positions.validation.permitWithoutOverseas"] });
    expect(errorsOf({ openToOverseas: undefined, supportsWorkPermit: undefined })).toEqual({});
  });

  it("refuses a skill picked twice, no working language, and missing text", () => {
    expect(errorsOf({ "skillKeys[1]": "rd" })).toEqual({ skillKeys: ["positions.validation.skillTwice"] });
    expect(errorsOf({ workingLanguages: undefined })).toEqual({ workingLanguages: ["positions.validation.language"] });
    expect(errorsOf({ title: "  " })).toEqual({ title: ["validation.required"] });
  });
});
