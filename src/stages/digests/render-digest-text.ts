import type { TableRow } from './digest-table.ts';
import type { CandidateView, DigestView, VacancyView } from './digest-view.ts';
import { plural } from '../../domain/plural.ts';
import { attentionLines } from './render-attention.ts';

const WIDTH = 100;

/** The plain-text body of a digest: the same content as the HTML, lines wrapped at 100 characters. Pure. */
export function renderDigestText(view: DigestView): string {
  const lines = [
    `Applications digest — ${view.date}`,
    summaryLine(view),
    `Times are shown in ${view.timezone}.`,
    '',
    ...view.vacancies.flatMap(vacancyLines),
    'A CSV of all candidates of each vacancy is attached. Applicant documents are never attached:',
    'open them from the filed messages in your mailbox.',
    '',
    ...view.signature.split('\n'),
  ];
  return `${lines
    .flatMap((line) => wrap(line))
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd()}\n`;
}

/**
 * `3 new and 1 updated application since the last digest.` (with `; 1 possible application to review` when there
 * are review items), or the no-news sentence.
 */
export function summaryLine(view: DigestView): string {
  const { new: added, updated } = view.counts;
  const review =
    view.review === 0
      ? ''
      : `${view.review} possible ${view.review === 1 ? 'application' : 'applications'} to review`;
  if (added + updated === 0)
    return review === '' ? 'No new or updated applications since the last digest.' : `${review}.`;
  const parts = [added > 0 ? `${added} new` : '', updated > 0 ? `${updated} updated` : ''].filter(Boolean);
  const changes = `${parts.join(' and ')} ${added + updated === 1 ? 'application' : 'applications'} since the last digest`;
  return review === '' ? `${changes}.` : `${changes}; ${review}.`;
}

function vacancyLines(vacancy: VacancyView): string[] {
  const heading = `${vacancy.title} ${vacancy.tag ?? '(open call)'}`;
  const deadline = vacancy.deadline.at === null ? '' : ` (${vacancy.deadline.at})`;
  const { all, complete, incomplete, registered } = vacancy.totals;
  const form = registered === null ? '' : `, ${registered} registered on the form`;
  const lines = [
    heading,
    '='.repeat(Math.min(heading.length, WIDTH)),
    `Deadline: ${vacancy.deadline.relative}${deadline}`,
    `All time: ${plural(all, 'candidate')}, ${complete} complete, ${incomplete} incomplete${form}`,
    '',
    ...tableLines(vacancy),
  ];
  if (vacancy.new.length + vacancy.updated.length === 0) {
    lines.push('Nothing new since the last digest.', '');
  }
  const { omitted } = vacancy;
  lines.push(...groupLines('New applications', vacancy.new, omitted.new));
  lines.push(...groupLines('Updated applications', vacancy.updated, omitted.updated));
  lines.push(...attentionLines(vacancy));
  return lines;
}

function tableLines(vacancy: VacancyView): string[] {
  if (vacancy.table.length === 0) return [];
  const shown = vacancy.table.length;
  const all = shown + vacancy.omitted.table;
  const title = `Ranking: ${all === shown ? `all ${all}` : `the first ${shown} of ${all}`} ${all === 1 ? 'candidate' : 'candidates'}`;
  return [
    title,
    '-'.repeat(title.length),
    ...vacancy.table.map(tableLine),
    ...omittedLines(vacancy.omitted.table, 'more candidates are ranked'),
    '',
  ];
}

function tableLine(row: TableRow): string {
  const degree = [row.degree, row.grade].filter(Boolean).join(': ');
  const facts = [
    row.institution,
    degree,
    row.publications === '' ? '' : `publications ${row.publications}`,
    row.keywords === '' ? '' : `keywords: ${row.keywords}`,
    row.documents,
    row.status === '' ? '' : `status: ${row.status}`,
    row.references === '' ? '' : `references: ${row.references}`,
    `fit ${row.fit}`,
  ].filter(Boolean);
  return `${row.rank}. ${row.name}${row.change === '' ? '' : ` (${row.change})`} — ${facts.join(' · ')}`;
}

function omittedLines(count: number, what: string): string[] {
  return count === 0 ? [] : [`…and ${count} ${what} in the attached CSV.`];
}

function groupLines(title: string, candidates: CandidateView[], omitted: number): string[] {
  if (candidates.length + omitted === 0) return [];
  const heading = `${title} (${candidates.length + omitted})`;
  return [
    heading,
    '-'.repeat(heading.length),
    '',
    ...candidates.flatMap(candidateLines),
    ...omittedLines(omitted, 'more are described'),
    ...(omitted === 0 ? [] : ['']),
  ];
}

function candidateLines(candidate: CandidateView, index: number): string[] {
  const seen =
    candidate.firstSeen === candidate.lastSeen
      ? `Received ${candidate.firstSeen}`
      : `First seen ${candidate.firstSeen}; latest ${candidate.lastSeen}`;
  const documents =
    candidate.documents.length === 0
      ? ['   Documents: none']
      : [
          '   Documents:',
          ...candidate.documents.map((document) => `     - ${document.label}: ${document.filename}`),
        ];
  return [
    `${index + 1}. ${candidate.name} <${candidate.email}>`,
    `   ${seen} · ${plural(candidate.messages, 'message')}`,
    ...documents,
    candidate.complete ? '   Status: complete' : `   Missing: ${candidate.missing.join(', ')}`,
    ...(candidate.decision === '' ? [] : [`   Decision: ${candidate.decision}`]),
    ...(candidate.topics.length === 0 ? [] : [`   Enquiry about: ${candidate.topics.join('; ')}`]),
    ...(candidate.registration === '' ? [] : [`   Form: ${candidate.registration}`]),
    ...(candidate.references === '' ? [] : [`   References: ${candidate.references}`]),
    ...(candidate.profile === '' ? [] : [`   Profile: ${candidate.profile}`]),
    `   Fit score: ${candidate.fitText}`,
    ...(candidate.flags.length > 0 ? [`   Flags: ${candidate.flags.join('; ')}`] : []),
    `   Filed in: ${candidate.folders.join(', ') || 'not filed yet'}`,
    '',
  ];
}

// Wraps at spaces with a hanging indent matching the line's own; a single long word (a file name) stays whole.
function wrap(line: string): string[] {
  if (line.length <= WIDTH) return [line];
  const indent = ' '.repeat((/^ */.exec(line)?.[0].length ?? 0) + 2);
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\S) (?=\S)/)) {
    if (current !== '' && current.length + 1 + word.length > WIDTH) {
      lines.push(current);
      current = indent + word.trimStart();
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  return [...lines, current];
}
