import { buildCandidateProfile } from '../candidates/candidate-profile.ts';
import type { CandidateRecord, DocumentRecord, MessageRecord } from '../candidates/candidate-record.ts';
import { describeTextSource } from '../documents/text-provenance.ts';
import { mailText } from '../output/mail-text.ts';
import type { DigestWording, PersonHoldings } from './person-holdings.ts';
import { profileFacts } from './profile-facts.ts';
import { readableTime } from './readable-time.ts';

const KIND_SOURCE = {
  content: 'kind decided from the content',
  filename: 'kind decided from the file name only',
  none: 'no kind could be decided',
} as const;

/**
 * One candidate record in words, for a subject access summary: vacancy, name, dates, messages, documents and how
 * each kind was decided, profile facts, fit score, flags, what is missing, the replies and the history. Pure.
 */
export function candidateSummary(
  record: CandidateRecord,
  vacancies: PersonHoldings['vacancies'],
  wording: DigestWording,
): string[] {
  const vacancy = vacancies.find((entry) => entry.id === record.vacancy);
  const read =
    record.documents.some((document) => document.reading !== null) ||
    record.messages.some((message) => message.bodyProfile !== null);
  return [
    `Vacancy ${record.vacancy}${vacancy ? `: ${mailText(vacancy.title)}` : ''}`,
    `  Candidate record ${record.id}`,
    `  Name: ${mailText(record.name) || '(none given)'}`,
    `  Address: ${mailText(record.email)}`,
    `  First seen ${readableTime(record.firstSeen)}, last seen ${readableTime(record.lastSeen)}`,
    ...(vacancy ? [`  Shown in digests to the supervisors: ${vacancy.supervisors.join(', ')}`] : []),
    `  Messages (${record.messages.length}):`,
    ...record.messages.flatMap(describeMessage),
    `  Documents (${record.documents.length}):`,
    ...record.documents.flatMap(describeDocument),
    '  Profile (what the documents and mails said):',
    ...(read ? profileFacts(buildCandidateProfile(record)) : ['Nothing read yet.']).map(
      (fact) => `    ${fact}`,
    ),
    `    Fit score (orders candidates in a digest): ${wording.fitScore(record)}`,
    `  Flags: ${record.flags.length === 0 ? 'none' : record.flags.map((flag) => `${flag} (${wording.flag(flag)})`).join('; ')}`,
    `  Missing: ${record.missing.length === 0 ? 'nothing' : record.missing.join(', ')}`,
    `  Replies (${record.replies.length}):`,
    ...record.replies.map(
      (reply) =>
        `    ${readableTime(reply.at)}  ${reply.kind} ${reply.status}${reply.to ? ` to ${mailText(reply.to)}` : ''}: ${mailText(reply.detail) || '-'}`,
    ),
    ...describeHistory(record.history),
  ];
}

// What operators and the daemon changed beyond merging mail (merged, split, linked, resent…), when anything.
function describeHistory(history: CandidateRecord['history']): string[] {
  if (history.length === 0) return [];
  return [
    `  Changes made by an operator or the daemon (${history.length}):`,
    ...history.map(
      (entry) => `    ${readableTime(entry.at)}  ${entry.action} by ${entry.by}: ${mailText(entry.detail)}`,
    ),
  ];
}

function describeMessage(message: MessageRecord): string[] {
  const where = message.filedTo === null ? 'not filed yet' : `filed in ${mailText(message.filedTo)}`;
  const lines = [
    `    ${readableTime(message.receivedAt)}  "${mailText(message.subject)}" from ${mailText(message.sender) || '?'} (${where}; matched by ${message.match})`,
  ];
  if (message.replyTo && message.replyTo.address.toLowerCase() !== message.sender.toLowerCase())
    lines.push(`      Reply-To: ${mailText(message.replyTo.address)}`);
  if (message.noReply)
    lines.push(
      `      asked for no automatic reply (${mailText(message.noReply.rule)}: ${mailText(message.noReply.detail)})`,
    );
  return lines;
}

function describeDocument(document: DocumentRecord): string[] {
  const head = `    ${mailText(document.filename, { controls: '' }) || '(no name)'}: ${document.kind}, ${document.size} bytes, SHA-256 ${document.sha256.slice(0, 16)}…`;
  const reading = document.reading;
  if (reading === null) return [head, '      not read (recorded from the message headers only)'];
  const { extraction } = reading;
  const details = [
    extraction.format,
    ...(extraction.pages === null ? [] : [`${extraction.pages} pages`]),
    `${extraction.characters} characters`,
    ...(extraction.truncated ? ['truncated'] : []),
    ...(extraction.textSource === undefined ? [] : [describeTextSource(extraction)]),
    ...(extraction.reason ? [mailText(extraction.reason)] : []),
  ];
  const lines = [
    head,
    `      ${KIND_SOURCE[reading.kindSource]}: ${reading.evidence.map((entry) => mailText(entry)).join('; ') || '-'}`,
    `      read: ${extraction.status} (${details.join(', ')})`,
  ];
  if (extraction.hiddenReasons.length > 0)
    lines.push(
      `      hidden text (${extraction.hiddenReasons.join(', ')}): "${mailText(extraction.hiddenSample)}"`,
    );
  return lines;
}
