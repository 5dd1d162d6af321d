// The PhD programme's match. Applicants rank units, units rank the applicants they interviewed, each
// unit has a quota; applicant-proposing deferred acceptance gives the applicant-optimal stable matching:
// no applicant and unit would both rather be matched to each other, and every applicant gets the best
// unit they can get in any stable matching. Pure: no database or server imports, so the office's pages
// and `npm run match` run exactly this code.
export {
  compileMarket,
  describeOutcome,
  MatchInputError,
  proposeAndReject,
  runDeferredAcceptance,
  type Assignments,
  type Market,
  type MatchInput,
  type MatchResult,
  type Proposals,
  type UnitOutcome,
} from "./deferred-acceptance";
export { verifyMatching, type BlockingPair, type MatchVerification } from "./verify-matching";
export { offerFreedSeat, withoutApplicant, type FreedSeatOutcome, type SeatMove } from "./freed-seat";
export { createPlacementExplainer, explainPlacement, type NotHigher, type PlacementExplanation } from "./explain-placement";
