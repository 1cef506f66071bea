import { describe, expect, it } from 'vitest';
import { describeFit } from '../../../../src/stages/digests/digest-view.ts';
import { fitScore } from '../../../../src/stages/digests/fit-score.ts';

const WEIGHTS = { degree: 3, publications: 2, keywords: 1 };

describe('fitScore', () => {
  it('is 0 with no parts when there is no profile yet, and says so', () => {
    const fit = fitScore(undefined, WEIGHTS);
    expect(fit).toEqual({ score: 0, parts: [] });
    expect(describeFit(fit)).toBe('no profile yet');
  });

  it('adds weight × value per factor: degree as given, publications capped at 5, keywords capped at 10', () => {
    const fit = fitScore({ degreeResult: 0.8, publications: 2, keywordMatches: 3 }, WEIGHTS);
    expect(fit.parts).toEqual([
      { factor: 'degree', value: 0.8, weight: 3, points: 2.4 },
      { factor: 'publications', value: 0.4, weight: 2, points: 0.8 },
      { factor: 'keywords', value: 0.3, weight: 1, points: 0.3 },
    ]);
    expect(fit.score).toBe(3.5);
    expect(describeFit(fit)).toBe(
      '3.5 (degree 0.8 × 3 = 2.4, publications 0.4 × 2 = 0.8, keywords 0.3 × 1 = 0.3)',
    );
  });

  it('caps publications at 5 and keywords at 10, so the best possible score is the sum of the weights', () => {
    const fit = fitScore({ degreeResult: 1, publications: 40, keywordMatches: 25 }, WEIGHTS);
    expect(fit.parts.map((part) => part.value)).toEqual([1, 1, 1]);
    expect(fit.score).toBe(6);
  });

  it('rounds the score to 2 decimals', () => {
    expect(fitScore({ degreeResult: 1 / 3 }, { degree: 1, publications: 0, keywords: 0 }).score).toBe(0.33);
    expect(fitScore({ degreeResult: 2 / 3 }, { degree: 1, publications: 0, keywords: 0 }).score).toBe(0.67);
  });

  it('counts a factor the profile lacks as 0 and clamps stray values to 0..1', () => {
    expect(fitScore({}, WEIGHTS)).toMatchObject({ score: 0 });
    expect(fitScore({ degreeResult: 7, publications: -3, keywordMatches: Number.NaN }, WEIGHTS).score).toBe(
      3,
    );
  });

  it('follows the configured weights', () => {
    const profile = { degreeResult: 0.5, publications: 5, keywordMatches: 10 };
    expect(fitScore(profile, { degree: 0, publications: 0, keywords: 4 }).score).toBe(4);
    expect(fitScore(profile, { degree: 10, publications: 1, keywords: 0 }).score).toBe(6);
  });
});
