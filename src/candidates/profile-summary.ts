import type { GradeBand } from '../profile/profile-types.ts';
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
  // The degree the best result belongs to; else (the result is a transcript's) the highest degree, shown apart.
  const degree =
    profile.education.find((entry) => entry.result !== null && entry.result === result) ??
    [...profile.education].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])[0];
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
