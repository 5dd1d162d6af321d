// The panel's weighted total for a quota application, as the office sees it before the review meeting.
// Each reviewer's scores become a total out of 100: every criterion counts by its weight, as the share
// of its maximum score the reviewer gave. The application's total is the average over the reviewers
// who scored it; reviewers who declared a conflict of interest, or have not scored yet, do not count.
// Pure, so the office page and the tests compute the same number.

export interface CriterionWeight {
  key: string;
  weight: number;
  maxScore: number;
}

export interface ReviewerScores {
  conflictDeclared: boolean;
  /** Null until the reviewer submits. */
  submittedAt: Date | string | null;
  scores: Record<string, number>;
}

/** One reviewer's total out of 100, or null when they have not scored every criterion. */
export function reviewerTotal(criteria: readonly CriterionWeight[], scores: Record<string, number>): number | null {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length === 0 || weights <= 0) return null;
  let total = 0;
  for (const c of criteria) {
    const score = scores[c.key];
    if (score === undefined) return null;
    total += (c.weight * score) / c.maxScore;
  }
  return (total / weights) * 100;
}

export interface WeightedTotal {
  /** Out of 100, or null when nobody without a conflict has scored. */
  total: number | null;
  /** Reviewers whose scores count. */
  scoredBy: number;
  conflicts: number;
  pending: number;
}

export function weightedTotal(criteria: readonly CriterionWeight[], reviews: readonly ReviewerScores[]): WeightedTotal {
  const totals: number[] = [];
  let conflicts = 0;
  let pending = 0;
  for (const review of reviews) {
    if (review.conflictDeclared) conflicts++;
    else if (review.submittedAt === null) pending++;
    else {
      const total = reviewerTotal(criteria, review.scores);
      if (total === null) pending++;
      else totals.push(total);
    }
  }
  return {
    total: totals.length === 0 ? null : totals.reduce((a, b) => a + b, 0) / totals.length,
    scoredBy: totals.length,
    conflicts,
    pending,
  };
}
