import type { ProfileFacts } from '../domain/fit-profile.ts';
import type { Degree, GradeBand } from '../profile/profile-types.ts';
import { LEVEL_RANK, type CandidateProfileView } from './candidate-profile.ts';

const BAND_WORDING: Readonly<Record<GradeBand, string>> = {
  first: 'First equivalent',
  'upper-second': '2:1 equivalent',
  'lower-second': '2:2 equivalent',
  third: 'Third equivalent',
  fail: 'below pass',
};

/**
 * One line a supervisor can scan: the highest degree and its result, publications, language test and the
 * vacancy keywords found, e.g. "MSc Artificial Intelligence, University of Edinburgh: Distinction (First
 * equivalent) · 3 publications (2 first-author; MICCAI, NeurIPS) · IELTS 7.5 · keywords: PyTorch, adversarial".
 * Empty when nothing was found.
 */
export function profileSummary(profile: CandidateProfileView): string {
  const parts: string[] = [];
  const result = profile.bestResult;
  const degree = shownDegree(profile);
  const grade = result ? `${result.written} (${BAND_WORDING[result.band]})` : null;
  if (degree) {
    const title = [degree.subject ? `${degree.title} ${degree.subject}` : degree.title, degree.institution]
      .filter(Boolean)
      .join(', ');
    parts.push(
      grade === null ? title : degree.result === result ? `${title}: ${grade}` : `${title} · ${grade}`,
    );
  } else if (grade !== null) {
    parts.push(grade);
  }
  const { publications } = profile;
  if (publications.count > 0) {
    const details = [
      `${publications.firstAuthor} first-author`,
      ...(publications.venues.length > 0 ? [publications.venues.slice(0, 4).join(', ')] : []),
    ].join('; ');
    parts.push(`${publications.count} publication${publications.count === 1 ? '' : 's'} (${details})`);
  }
  if (profile.languageTests.length > 0)
    parts.push(profile.languageTests.map((test) => `${test.test} ${test.score}`).join(', '));
  if (profile.keywords.length > 0)
    parts.push(`keywords: ${profile.keywords.map((entry) => entry.keyword).join(', ')}`);
  return parts.join(' · ');
}

// The degree the best result belongs to; else (the result is a transcript's) the highest degree.
function shownDegree(profile: CandidateProfileView): Degree | undefined {
  return (
    profile.education.find((entry) => entry.result !== null && entry.result === profile.bestResult) ??
    [...profile.education].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])[0]
  );
}

const BAND_SHORT: Readonly<Record<GradeBand, string>> = {
  first: 'First',
  'upper-second': '2:1',
  'lower-second': '2:2',
  third: 'Third',
  fail: 'fail',
};

/** The profile's facts for the digest's ranked table, e.g. grade "Distinction ≈ 75 (First)". Pure. */
export function profileFacts(profile: CandidateProfileView): ProfileFacts {
  const degree = shownDegree(profile);
  const result = profile.bestResult;
  const { publications } = profile;
  return {
    degree: degree ? [degree.title, degree.subject].filter(Boolean).join(' ') : '',
    institution: degree?.institution ?? '',
    grade: result ? `${result.written} ≈ ${Math.round(result.normalised)} (${BAND_SHORT[result.band]})` : '',
    publications:
      publications.count === 0
        ? ''
        : `${publications.count}${publications.venues.length > 0 ? ` (${publications.venues.slice(0, 3).join(', ')})` : ''}`,
    keywords: profile.keywords.map((entry) => entry.keyword),
  };
}
