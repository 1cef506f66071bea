import type { SeenSummary } from '../../src/ports/stage-stores.ts';
import { buildCandidateProfile } from '../../src/candidates/candidate-profile.ts';
import type { CandidateRecord } from '../../src/candidates/candidate-record.ts';
import { profileSummary } from '../../src/candidates/profile-summary.ts';
import { formatCandidates } from '../../src/cli/format-candidates.ts';
import { formatReview } from '../../src/cli/format-review.ts';
import { formatTable } from '../../src/cli/format-table.ts';
import type { Explanation } from '../../src/explain/explanation.ts';
import { describeReply, formatAcknowledgements, type RepliesReport } from './format-replies.ts';
import { plural } from '../../src/domain/plural.ts';
import { printable } from './printable.ts';
import type { FolderView } from './read-folders.ts';
import { recordedDocuments } from './recorded-documents.ts';

/** Everything the report is made of: the messages, and the daemon's state once it has processed them. */
export interface ReportInput extends RepliesReport {
  folders: readonly FolderView[];
  watch: string;
  /** Each candidate's registration on their vacancy's form, as `candidates` shows it. */
  registrations: ReadonlyMap<string, string>;
  /** The mail held for review (near misses), as `candidates --review` shows it. */
  review: readonly CandidateRecord[];
}

/** The demo's report for a terminal: each message and what became of it, the candidates, folders and replies. */
export function formatReport(input: ReportInput): string {
  const located = locateCopies(input);
  return [
    heading(`What happened to the ${plural(input.messages.length, 'message')} in ${input.watch}`),
    ...input.messages.map((message, index) => formatMessage(input, index, located[index] ?? null)),
    heading(`Candidates (${input.candidates.length}), as \`npm run triage -- candidates\` lists them`),
    formatCandidates(input.candidates, input.registrations),
    '',
    heading(
      `Held for review (${input.review.length}), as \`npm run triage -- candidates --review\` lists them`,
    ),
    formatReview(input.review),
    '',
    heading('What their documents say (kinds from the content; profile as digests show it)'),
    ...input.candidates.flatMap(describeReading),
    '',
    heading('Folders, as a mail client sees them'),
    ...formatFolders(input.folders),
    '',
    heading('Acknowledgements'),
    ...formatAcknowledgements(input),
  ].join('\n');
}

function heading(title: string): string {
  return `${title}\n${'-'.repeat(title.length)}`;
}

function formatMessage(input: ReportInput, index: number, folder: string | null): string {
  const message = input.messages[index];
  if (message === undefined) return '';
  const { facts, explanation } = message;
  const summary = input.seen.get(message.key);
  const lines = [
    `${String(index + 1).padStart(2)}. ${printable(facts.subject) || '(no subject)'}`,
    `    from:      ${facts.from ? printable(`${facts.from.name} <${facts.from.address}>`.trim()) : '(nobody)'}`,
    `    shows:     ${message.shows}`,
  ];
  if (summary?.kind === 'application') {
    lines.push(`    triage:    ${describeApplication(explanation, summary)}`);
    lines.push(`    documents: ${describeDocuments(input, message.key, isFollowUp(input, index))}`);
  } else if (summary?.kind === 'review' && explanation.review !== null) {
    const { reason, matched, vacancy } = explanation.review;
    lines.push(`    triage:    held for review: ${reason} "${printable(matched)}", probably for ${vacancy}`);
    lines.push(`    evidence:  ${printable(explanation.review.evidence.join('; '))}`);
  } else if (summary?.kind === 'reference') {
    lines.push(`    triage:    a referee's letter (${printable(explanation.classification.detail)})`);
    lines.push(`    linked:    ${describeLink(input, message.key)}`);
  } else {
    const verdict = summary
      ? `${summary.kind} (${printable(explanation.classification.detail)})`
      : 'not triaged';
    lines.push(`    triage:    not an application: ${verdict}`);
  }
  lines.push(`    outcome:   ${describeOutcome(input, index, folder)}`);
  lines.push(`    reply:     ${describeReply(input, index)}`);
  return `${lines.join('\n')}\n`;
}

// To whose candidate a referee's letter was linked, how, and what it added; or that it waits for the applicant.
function describeLink(input: ReportInput, key: string): string {
  for (const candidate of input.candidates) {
    const reference = candidate.references.find((entry) => entry.key === key);
    if (reference === undefined) continue;
    const letters = candidate.documents
      .filter((document) => document.message === key)
      .map((document) => `${printable(document.filename)} (${document.kind})`);
    const { rule, detail } = reference.linkedBy;
    return `to ${printable(candidate.name || candidate.email)}'s candidate by ${rule} (${printable(detail)}); letter: ${letters.join(', ') || 'none'}`;
  }
  return "not yet: held until the applicant's own mail arrives";
}

function describeApplication(explanation: Explanation, summary: SeenSummary): string {
  const vacancy = explanation.vacancy;
  if (vacancy?.match === 'topic' && vacancy.id === summary.vacancy)
    return `enquiry for the open call ${vacancy.id} (${printable(explanation.classification.detail)})`;
  const how =
    vacancy === null || vacancy.id !== summary.vacancy
      ? 'replies to an application already filed'
      : `${vacancy.match} tag "${printable(vacancy.matched)}"`;
  const flags = explanation.flags.length > 0 ? `, flagged ${explanation.flags.join(', ')}` : '';
  return `application for ${summary.vacancy ?? '?'} (${how}${flags})`;
}

// The kinds the daemon read from the content and recorded, not a guess from file names; what a follow-up lacks
// on its own says nothing, so its candidate's state is told in the outcome instead.
function describeDocuments(input: ReportInput, key: string, followUp: boolean): string {
  const recorded = recordedDocuments(input.candidates, input.rules.vacancies, key);
  if (recorded === null) return 'none recorded';
  const documents = recorded.documents.map(
    (document) => `${printable(document.filename)} (${document.kind})`,
  );
  const listed = documents.join(', ') || 'none';
  if (followUp) return listed;
  const { missing } = recorded;
  return `${listed}; ${missing.length > 0 ? `missing: ${missing.join(', ')}` : 'nothing missing'}`;
}

/** The candidate this message was merged into had an earlier message, other than this one. */
function isFollowUp(input: ReportInput, index: number): boolean {
  const key = input.messages[index]?.key;
  const record = input.candidates.find((candidate) => candidate.messages.some((entry) => entry.key === key));
  return record !== undefined && record.messages[0]?.key !== key;
}

function describeOutcome(input: ReportInput, index: number, folder: string | null): string {
  const message = input.messages[index];
  const where =
    folder === null
      ? 'not found in any folder'
      : folder === input.watch
        ? `left in ${input.watch}`
        : `filed in ${printable(folder)}`;
  if (message === undefined || input.seen.get(message.key)?.kind !== 'application') return where;
  const earlier = input.messages.findIndex((other) => other.key === message.key);
  if (earlier < index) return `${where}; the same message as #${earlier + 1}, so recorded only once`;
  const record = input.candidates.find((candidate) =>
    candidate.messages.some((entry) => entry.key === message.key),
  );
  const first = record?.messages[0]?.key;
  if (record === undefined || first === undefined || first === message.key) return where;
  const firstIndex = input.messages.findIndex((other) => other.key === first);
  const state =
    record.missing.length > 0 ? `still missing ${record.missing.join(', ')}` : 'nothing missing now';
  return `${where}; merged with #${firstIndex + 1} into one candidate (${state})`;
}

/** The folder of each message, matching copies with the same Message-ID in folder order. */
function locateCopies(input: ReportInput): Array<string | null> {
  const copies = new Map<string, string[]>();
  for (const folder of input.folders) {
    for (const id of folder.messageIds) copies.set(id, [...(copies.get(id) ?? []), folder.path]);
  }
  return input.messages.map((message) => {
    const id = message.facts.messageId;
    if (id === null) return null;
    const found = copies.get(id) ?? [];
    const next = found.shift() ?? null;
    copies.set(id, found);
    return next;
  });
}

function formatFolders(folders: readonly FolderView[]): string[] {
  const rows = folders.map((folder) => [
    `${'  '.repeat(folder.depth)}${printable(folder.name)}`,
    folder.messages === null ? '' : plural(folder.messages, 'message'),
  ]);
  return formatTable(rows, { indent: '  ' });
}

// One line per candidate: each document's kind and the evidence that decided it, then the profile in one line.
function describeReading(candidate: CandidateRecord): string[] {
  const documents = candidate.documents.map((document) => {
    const why = document.reading?.evidence.slice(0, 3).join(', ') ?? 'not read';
    return `    ${printable(document.filename)} [${document.kind}]: ${printable(why)}`;
  });
  const summary = profileSummary(buildCandidateProfile(candidate));
  return [
    `  ${printable(candidate.name || candidate.email)}`,
    ...documents,
    `    profile: ${printable(summary || '-')}`,
  ];
}
