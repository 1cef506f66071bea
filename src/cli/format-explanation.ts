import type { CandidateProfileView } from '../candidates/candidate-profile.ts';
import type { ExplainedDocument, ExplainedReference, Explanation } from '../explain/explanation.ts';
import { describeTextSource } from '../documents/text-provenance.ts';
import type { GradeResult } from '../profile/profile-types.ts';

/** `explain` for a terminal: the decision, each document's kind and why, the profile, and the reply. */
export function formatExplanation(explanation: Explanation): string {
  const { classification, vacancy, applicant, documents, missing, reply } = explanation;
  return [
    `classification: ${classification.kind} (${classification.rule}: ${classification.detail})`,
    `vacancy:        ${vacancy ? `${vacancy.id} — ${vacancy.title} (${vacancy.match} match "${vacancy.matched}")` : 'none'}`,
    `applicant:      ${applicant ? `${applicant.name} <${applicant.email}>` : 'none'}`,
    `documents:      ${documents.length === 0 ? 'none' : ''}`,
    ...documents.map(formatDocument),
    `missing:        ${missing.join(', ') || 'nothing'}`,
    `flags:          ${explanation.flags.join(', ') || 'none'}`,
    ...(explanation.profile ? ['profile:', ...formatProfile(explanation.profile)] : []),
    `reply:          ${reply.send ? `${reply.reason} to ${reply.to}: ${reply.subject}` : `none — ${reply.reason}`}`,
    ...(reply.recipientRule
      ? [`recipient:      ${reply.recipientRule.rule} — ${reply.recipientRule.detail}`]
      : []),
    ...(explanation.bounce ? [`bounce:         ${explanation.bounce.reason}`] : []),
    ...formatReview(explanation.review),
    ...formatQuestion(explanation.question),
    ...(explanation.reference ? formatReference(explanation.reference) : []),
    ...(reply.text ? ['', reply.text] : []),
  ].join('\n');
}

/** A near miss: why it is held for review, for which vacancy, and the evidence, one line each. */
function formatReview(review: Explanation['review']): string[] {
  if (review === null) return [];
  const matched = review.matched === '' ? '' : ` "${review.matched}"`;
  return [
    `review:         ${review.reason}${matched}, probably for ${review.vacancy}`,
    ...review.evidence.map((line) => `  ${line}`),
  ];
}

/** A question: the sentences that ask, one line each. */
function formatQuestion(question: Explanation['question']): string[] {
  if (question === null) return [];
  return ['question:       waits for your answer', ...question.phrases.map((phrase) => `  "${phrase}"`)];
}

function formatReference(reference: ExplainedReference): string[] {
  const { referee, names, addresses, link } = reference;
  return [
    `referee:        ${referee.name} <${referee.email}>`,
    `about:          ${[...names, ...addresses].join(', ') || 'nobody named or quoted'}`,
    `linked:         ${link ? `${link.candidateId} by ${link.rule} — ${link.detail}` : 'no — held'}`,
  ];
}

function formatDocument(document: ExplainedDocument): string {
  const { extraction } = document;
  const read = extraction
    ? `${extraction.format}, ${extraction.status}${extraction.reason ? ` (${extraction.reason})` : ''}` +
      (extraction.pages !== null ? `, ${extraction.pages} page${extraction.pages === 1 ? '' : 's'}` : '') +
      (extraction.textSource === undefined ? '' : `, ${describeTextSource(extraction)}`)
    : 'not read';
  const why = document.evidence.length > 0 ? document.evidence.join(', ') : `from the ${document.kindSource}`;
  const hidden =
    extraction && extraction.hiddenReasons.length > 0
      ? [`    hidden text (${extraction.hiddenReasons.join(', ')}): "${extraction.hiddenSample}"`]
      : [];
  // A file unpacked from a container shows where it came from: winmail.dat › CV.pdf.
  const path = [...document.within, document.filename].join(' › ');
  return [`  ${path} [${document.kind}] — ${why}`, `    read: ${read}`, ...hidden].join('\n');
}

/** The profile as indented lines; empty parts are left out. */
export function formatProfile(profile: CandidateProfileView): string[] {
  const lines: string[] = [];
  const add = (label: string, value: string) => {
    if (value !== '') lines.push(`  ${`${label}:`.padEnd(14)}${value}`);
  };
  const { name } = profile;
  add('name', name.value + (name.match === 'mismatch' ? ` (sender: ${name.fromSender})` : ''));
  add('contact', [profile.email, ...profile.phones].join(', '));
  add('links', profile.links.map((link) => link.url).join(', '));
  for (const degree of profile.education) {
    const years = [degree.startYear, degree.endYear].filter((year) => year !== null).join('–');
    const parts = [degree.title, degree.subject, degree.institution, years].filter(Boolean).join(', ');
    add('degree', degree.result ? `${parts} — ${formatGrade(degree.result)}` : parts);
  }
  if (profile.transcript) {
    const { overall, modulesWithMarks } = profile.transcript;
    add(
      'transcript',
      [overall ? formatGrade(overall) : '', `${modulesWithMarks} modules with marks`]
        .filter(Boolean)
        .join('; '),
    );
  }
  const { publications } = profile;
  if (publications.count > 0 || publications.dois.length > 0 || publications.arxivIds.length > 0) {
    add(
      'publications',
      [
        `${publications.count} (${publications.firstAuthor} first-author)`,
        publications.venues.join(', '),
        [
          ...publications.dois.map((doi) => `doi:${doi}`),
          ...publications.arxivIds.map((id) => `arXiv:${id}`),
        ].join(' '),
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  add(
    'keywords',
    profile.keywords.map((entry) => `${entry.keyword} (${entry.foundIn.join(', ')})`).join('; '),
  );
  add('languages', profile.languageTests.map((test) => `${test.test} ${test.score}`).join(', '));
  return lines;
}

/** "110/110 e lode (italian-110; ≈ 82, first)". */
export function formatGrade(grade: GradeResult): string {
  return `${grade.written} (${grade.system}; ≈ ${Math.round(grade.normalised)}, ${grade.band})`;
}
