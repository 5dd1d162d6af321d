// The PhD programme's quota forms, in the browser and on the server: a unit's plan, the office's
// document check and allocation, reviewer assignment and a reviewer's scores. Messages are i18n keys.
import { z } from "zod";
import { unitFocus } from "../../db/schema/enums";

export const PARTNER_SLOTS = 6;
export const unitFocusValues = unitFocus.enumValues;

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "placement.validation.tooLong");
const whole = (min: number, max: number, message: string) => z.number({ error: message }).int(message).min(min, message).max(max, message);

const partnerRow = z
  .object({
    name: z.string().trim().max(120, "placement.validation.tooLong").optional(),
    isMedicalCentre: z.boolean().default(false),
  })
  .optional();

export const quotaPlanSchema = z
  .object({
    intent: z.enum(["save", "submit"]).default("save"),
    organisationId: z.uuid({ error: "validation.choose" }),
    /** The version the editor read; absent for a unit's first save. */
    version: z.number().int().min(1).optional(),
    focus: z.enum(unitFocusValues, { error: "validation.choose" }),
    planZh: text(8000),
    planEn: z.string().trim().max(8000, "placement.validation.tooLong").optional(),
    courses: text(4000),
    // Section 五 of 002: at least six months in industry; a training year has twelve.
    internshipMonths: whole(6, 12, "placement.validation.internshipMonths"),
    requestedTrainees: whole(1, 999, "placement.validation.requestedTrainees"),
    partners: z.array(partnerRow).max(PARTNER_SLOTS).default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.partners.some((p) => p?.name)) ctx.addIssue({ code: "custom", path: ["partners"], message: "placement.validation.noPartner" });
  });

/** The partner rows the unit filled in. */
export function namedPartners(rows: z.output<typeof quotaPlanSchema>["partners"]) {
  return rows.filter((p): p is { name: string; isMedicalCentre: boolean } => !!p?.name).map((p) => ({ name: p.name, isMedicalCentre: p.isMedicalCentre }));
}

export const documentCheckSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("complete"), version: z.number().int().min(1) }),
  z.object({
    intent: z.literal("return"),
    version: z.number().int().min(1),
    reason: z.string({ error: "validation.reasonRequired" }).trim().min(1, "validation.reasonRequired").max(4000, "placement.validation.tooLong"),
  }),
]);

export const assignSchema = z.object({
  intent: z.literal("assign"),
  reviewerUserId: z.string({ error: "validation.choose" }).min(1, "validation.choose").max(64),
});

export const allocateSchema = z.object({
  intent: z.literal("allocate"),
  applicationId: z.uuid(),
  quota: whole(0, 10_000, "placement.validation.quota"),
});

export const publishSchema = z.object({ intent: z.literal("publish") });

// Record values are not coerced by conform (it cannot know their keys), so the schema reads the text:
// an empty box is refused rather than counted as 0. The domain checks each against its criterion's maximum.
const score = z.string({ error: "placement.validation.score" }).trim().regex(/^\d{1,4}$/, "placement.validation.score").transform(Number);

export const reviewSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("score"),
    /** Criterion key → score, sent as `scores.<key>`; the domain checks each against the criterion's maximum. */
    scores: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), score).default({}),
    comment: z.string().trim().max(4000, "placement.validation.tooLong").optional(),
  }),
  z.object({
    intent: z.literal("conflict"),
    note: z.string().trim().max(2000, "placement.validation.tooLong").optional(),
  }),
]);
