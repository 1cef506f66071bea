import type { CandidateProfileView } from '../candidates/candidate-profile.ts';
import { profileSummary } from '../candidates/profile-summary.ts';
import { mailText } from '../output/mail-text.ts';
import type { Degree, GradeResult } from '../profile/profile-types.ts';

/**
 * The facts a candidate's profile holds, one line each (`Degree: …`, `Language tests: …`), mail-derived values
 * made single-line; `Nothing found.` when the documents and mails gave none. Pure.
 */
export function profileFacts(view: CandidateProfileView): string[] {
  const facts = [
    ...cvName(view),
    ...view.education.map((degree) => `Degree: ${describeDegree(degree)}`),
    ...(view.transcript
      ? [
          `Transcript: ${view.transcript.overall ? `overall ${grade(view.transcript.overall)}, ` : ''}${view.transcript.modulesWithMarks} modules with marks`,
        ]
      : []),
    ...publications(view),
    ...listed(
      'Language tests',
      view.languageTests.map((test) => `${test.test} ${test.score} (written "${test.written}")`),
    ),
    ...listed(
      'Links',
      view.links.map((link) => `${link.kind} ${link.url}`),
    ),
    ...listed('Phone numbers', view.phones),
    ...listed(
      'Other addresses',
      view.emails.filter((email) => email.toLowerCase() !== view.email.toLowerCase()),
    ),
    ...listed(
      'Vacancy keywords found',
      view.keywords.map((entry) => `${entry.keyword} (in ${entry.foundIn.join(', ')})`),
    ),
  ];
  const summary = profileSummary(view);
  if (summary !== '') facts.push(`As one line in the digest: ${summary}`);
  return facts.length === 0 ? ['Nothing found.'] : facts.map((fact) => mailText(fact, { max: 2000 }));
}

function cvName(view: CandidateProfileView): string[] {
  const { fromCv, match } = view.name;
  if (fromCv === null) return [];
  const wording = { match: 'matches', mismatch: 'differs from', unknown: 'not compared with' }[match];
  return [`Name on the CV: ${fromCv} (${wording} the sender's name)`];
}

function describeDegree(degree: Degree): string {
  const years =
    degree.startYear === null && degree.endYear === null
      ? null
      : `${degree.startYear ?? '?'}–${degree.endYear ?? '?'}`;
  const title = degree.subject ? `${degree.title} ${degree.subject}` : degree.title;
  const described = [title, degree.institution, years].filter((part) => part !== null).join(', ');
  return degree.result ? `${described}: ${grade(degree.result)}` : described;
}

function grade(result: GradeResult): string {
  return `${result.written} (${result.system}, ${result.normalised}/100 on the UK scale, band ${result.band})`;
}

function publications(view: CandidateProfileView): string[] {
  const found = view.publications;
  if (found.count === 0) return [];
  const details = [
    `${found.firstAuthor} first-author`,
    ...(found.venues.length > 0 ? [`venues ${found.venues.join(', ')}`] : []),
    ...(found.dois.length > 0 ? [`DOIs ${found.dois.join(', ')}`] : []),
    ...(found.arxivIds.length > 0 ? [`arXiv ${found.arxivIds.join(', ')}`] : []),
  ];
  return [`Publications: ${found.count} (${details.join('; ')})`];
}

function listed(label: string, values: readonly string[]): string[] {
  return values.length === 0 ? [] : [`${label}: ${values.join('; ')}`];
}
