// The hiring pipeline's stages and who may move an application between them. Shared by the server
// (which enforces it) and the pages (which only offer the moves allowed).
import type { applicationStage } from "../../db/schema/enums";

export type Stage = (typeof applicationStage.enumValues)[number];

/** The order the pipeline runs in; terminal stages end an application. */
export const pipelineStages = ["applied", "screening", "interview", "offer", "hired"] as const satisfies readonly Stage[];
export const terminalStages: readonly Stage[] = ["hired", "rejected", "withdrawn"];
/** Every stage, in the order dashboards show them. */
export const allStages: readonly Stage[] = ["invited", "applied", "screening", "interview", "offer", "hired", "rejected", "withdrawn"];

export const isTerminal = (stage: Stage) => terminalStages.includes(stage);

/**
 * The moves a company may make: forward to any later stage (a hire only from an offer, so every hire
 * was offered first), or reject an application still in progress. An invitation is the talent's to answer.
 */
export function companyMoves(from: Stage): Stage[] {
  if (from === "invited" || isTerminal(from)) return [];
  const at = pipelineStages.indexOf(from as (typeof pipelineStages)[number]);
  const forward = pipelineStages.slice(at + 1).filter((stage) => stage !== "hired" || from === "offer");
  return [...forward, "rejected"];
}

/** Stages at which interviewers may fill in scorecards: from the interview on. */
export const scorecardStages: readonly Stage[] = ["interview", "offer", "hired", "rejected"];

/** The talent may withdraw at any point before the application ends. */
export const talentMayWithdraw = (stage: Stage) => !isTerminal(stage);
