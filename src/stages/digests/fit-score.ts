import type { CandidateProfile } from '../../domain/fit-profile.ts';
import type { ScoreWeights } from '../../config/schema.ts';

/** The factors of the fit score, in the order they are explained. */
export type FitFactor = 'degree' | 'publications' | 'keywords';

/** One factor's share of a fit score. */
export interface FitPart {
  factor: FitFactor;
  /** The factor's value, 0..1. */
  value: number;
  weight: number;
  /** weight × value, rounded to 2 decimals. */
  points: number;
}

/** A fit score and how it was reached; `parts` is empty when there is no profile (score 0). */
export interface FitScore {
  score: number;
  parts: FitPart[];
}

/**
 * The fit score that orders candidates in a digest.
 *
 * points = weight × value, where value(degree) = degreeResult (0..1), value(publications) = min(publications, 5)/5,
 * value(keywords) = min(keywordMatches, 10)/10; score = sum of points, rounded to 2 decimals.
 *
 * A factor the profile does not give counts as value 0; values are clamped to 0..1. Without a profile
 * (documents not read yet) the score is 0 and `parts` is empty.
 */
export function fitScore(profile: CandidateProfile | undefined, weights: ScoreWeights): FitScore {
  if (profile === undefined) return { score: 0, parts: [] };
  const values: Record<FitFactor, number> = {
    degree: unit(profile.degreeResult ?? 0),
    publications: unit(Math.min(profile.publications ?? 0, 5) / 5),
    keywords: unit(Math.min(profile.keywordMatches ?? 0, 10) / 10),
  };
  const factors: FitFactor[] = ['degree', 'publications', 'keywords'];
  const exact = factors.map((factor) => ({
    factor,
    value: values[factor],
    weight: weights[factor],
    points: weights[factor] * values[factor],
  }));
  return {
    score: round2(exact.reduce((sum, part) => sum + part.points, 0)),
    parts: exact.map((part) => ({ ...part, points: round2(part.points) })),
  };
}

// A profile comes from reading documents: never let a stray value (NaN, negative, > 1) skew the order.
function unit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
