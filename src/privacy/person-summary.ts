import { mailText } from '../output/mail-text.ts';
import { candidateSummary } from './candidate-summary.ts';
import type { PersonEnquiry, PersonHoldings, PersonRefereeLetter } from './person-holdings.ts';
import { readableTime } from './readable-time.ts';

/**
 * The readable summary of what is held about a person (summary.txt of `triage export-person`): each candidate
 * record in words after the `held` line, then their enquiries, the reply ledger, bounce suppression, exported
 * copies and `notes` on what the daemon stores. Every value from mail is made single-line and free of control characters. Pure.
 */
export function personSummary(holdings: PersonHoldings, held: string, notes: readonly string[]): string {
  const { address, candidates, enquiries, ledger, exportedDocuments } = holdings;
  const lines = [
    `Personal data held by applicant-triage about ${mailText(address)}`,
    `Generated ${readableTime(holdings.now.toISOString())} (subject access request, art. 15 GDPR).`,
    held,
    '',
    `== Candidate records (${candidates.length}) ==`,
    ...(candidates.length === 0
      ? ['None.']
      : candidates.flatMap((record, index) => [
          ...(index > 0 ? [''] : []),
          ...candidateSummary(record, holdings.vacancies, holdings.wording),
        ])),
    '',
    `== Enquiries (${enquiries.length}) ==`,
    ...(enquiries.length === 0 ? ['None.'] : enquiries.map(describeEnquiry)),
    '',
    `== Letters written as a referee (${holdings.refereeLetters.length}) ==`,
    ...(holdings.refereeLetters.length === 0
      ? ['None.']
      : holdings.refereeLetters.map(describeRefereeLetter)),
    '',
    `== Reply ledger (${ledger.length}) ==`,
    ...(ledger.length === 0
      ? ['None.']
      : [
          'Kept under a keyed hash of the address, so that no reply is sent twice:',
          ...ledger.map(
            (entry) =>
              `  ${entry.scope} ${entry.kind}: ${entry.state}${entry.messageId ? `, Message-ID ${mailText(entry.messageId)}` : ''}`,
          ),
        ]),
    '',
    '== Colleague mark ==',
    holdings.writtenToBy.length > 0
      ? `The Sent folder of ${holdings.writtenToBy.join(', ')} shows mail to this address: kept as a keyed hash, so ` +
        'that mail from it is never taken for a prospective student (open calls).'
      : 'None.',
    '',
    '== Bounce suppression ==',
    holdings.bounceSuppressed
      ? 'Replies to this address are suppressed now: a reply to it bounced.'
      : 'None: replies to this address are not suppressed.',
    '',
    '== Exported copies of documents ==',
    ...(exportedDocuments === null
      ? ['None: documents are not exported (no export.dir).']
      : exportedDocuments.length === 0
        ? ['None.']
        : exportedDocuments.map(
            (entry) =>
              `  ${entry.folder}: ${entry.files.map((file) => mailText(file, { controls: '' })).join(', ') || '(empty)'}`,
          )),
    '',
    '== What the daemon stores ==',
    ...notes.map((note) => `- ${note}`),
  ];
  return `${lines.join('\n')}\n`;
}

function describeEnquiry(enquiry: PersonEnquiry): string {
  const field = (name: string) => {
    const value = enquiry.entry[name];
    return typeof value === 'string' ? mailText(value) : '';
  };
  const to = field('to');
  const detail = field('detail');
  return `  ${readableTime(field('at'))}  mailbox ${enquiry.mailbox}, message ${mailText(enquiry.messageKey)}: ${field('kind') || 'enquiry'} reply ${field('status') || '?'}${to ? ` to ${to}` : ''}${detail ? `: ${detail}` : ''}`;
}

function describeRefereeLetter(letter: PersonRefereeLetter): string {
  const where =
    letter.state === 'linked'
      ? `linked to an applicant's record for ${letter.vacancy ?? '?'}${letter.folder ? `, filed in ${mailText(letter.folder)}` : ''}`
      : `held in mailbox ${letter.mailbox} until the applicant it concerns writes`;
  const documents = letter.documents.map((name) => mailText(name, { controls: '' })).join(', ');
  return `  ${readableTime(letter.receivedAt)}  "${mailText(letter.subject)}"${letter.messageId ? ` (Message-ID ${mailText(letter.messageId)})` : ''}: ${where}${documents ? `; documents: ${documents}` : ''}`;
}
