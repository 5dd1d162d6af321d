// The application page's forms: one zod schema each, parsed on the server and giving the browser its
// constraints. Error messages are i18n keys.
import { z } from "zod";
import type { recommendation } from "../../db/schema/enums";
import { allStages, type Stage } from "./stages";

export type Recommendation = (typeof recommendation.enumValues)[number];
export const recommendations = ["strong_no", "no", "yes", "strong_yes"] as const satisfies readonly Recommendation[];

const stage = z.enum(allStages as [Stage, ...Stage[]], { error: "applications.validation.chooseStage" });

export const moveSchema = z.object({
  intent: z.literal("move"),
  /** The stage the recruiter saw: a colleague's move in between makes this one stale. */
  from: stage,
  to: stage,
  note: z.string().trim().max(2000, "applications.validation.tooLong").optional(),
});

const score = z.coerce.number({ error: "applications.validation.scoreRequired" }).int("applications.validation.scoreRequired").min(1, "applications.validation.scoreRequired").max(5, "applications.validation.scoreRequired");

export const scorecardSchema = z.object({
  intent: z.literal("scorecard"),
  /** Skill key → 1–5, sent as `scores.<key>`; the route checks every criterion of the position has one. */
  scores: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), score).default({}),
  recommendation: z.enum(recommendations, { error: "applications.validation.chooseRecommendation" }),
  notes: z.string().trim().max(4000, "applications.validation.tooLong").optional(),
});

export const talentAnswerSchema = z.object({ intent: z.enum(["withdraw", "accept", "decline"]) });

export const applicationActionSchema = z.discriminatedUnion("intent", [moveSchema, scorecardSchema, talentAnswerSchema]);
