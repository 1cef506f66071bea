import { buildCandidateProfile } from '../candidates/candidate-profile.ts';
import { profileSummary } from '../candidates/profile-summary.ts';
import type { PersonHoldings } from './person-holdings.ts';
import { personSummary } from './person-summary.ts';

/** The answer to a subject access request: the JSON document, the readable summary, and what is held in a line. */
export interface PersonReport {
  json: ReturnType<typeof reportJson>;
  summary: string;
  /** `2 candidate records, 3 messages, 4 documents, 1 enquiry`, or `Nothing is held about <address>.` */
  held: string;
}

/** Builds the answer to a subject access request (art. 15 GDPR) from what the daemon holds about a person. Pure. */
export function personReport(holdings: PersonHoldings): PersonReport {
  const counted = heldLine(holdings);
  const held = counted ?? `Nothing is held about ${holdings.address}.`;
  const notes = storageNotes(holdings);
  const summary = personSummary(holdings, counted === null ? held : `Held: ${counted}.`, notes);
  return { json: reportJson(holdings, notes), summary, held };
}

function reportJson(holdings: PersonHoldings, notes: string[]) {
  const { candidates, vacancies, wording } = holdings;
  return {
    subject: holdings.address,
    generatedAt: holdings.now.toISOString(),
    candidates,
    // How each record is put to supervisors: its profile, the digest's line and fit score, the flags' meaning.
    assessments: candidates.map((record) => {
      const profile = buildCandidateProfile(record);
      return {
        candidateId: record.id,
        vacancy: record.vacancy,
        digestRecipients: vacancies.find((vacancy) => vacancy.id === record.vacancy)?.supervisors ?? [],
        profile,
        profileSummary: profileSummary(profile),
        fitScore: wording.fitScore(record),
        flags: record.flags.map((flag) => ({ flag, meaning: wording.flag(flag) })),
      };
    }),
    enquiries: holdings.enquiries.map(({ mailbox, messageKey, entry }) => ({
      mailbox,
      messageKey,
      ...entry,
    })),
    refereeLetters: holdings.refereeLetters,
    replyLedger: holdings.ledger,
    bounceSuppressed: holdings.bounceSuppressed,
    writtenToBy: holdings.writtenToBy,
    exportedDocuments: holdings.exportedDocuments ?? [],
    notes,
  };
}

// What is held, counted; null when nothing is.
function heldLine(holdings: PersonHoldings): string | null {
  const { candidates, enquiries, ledger, exportedDocuments } = holdings;
  const nothing =
    candidates.length === 0 &&
    enquiries.length === 0 &&
    holdings.refereeLetters.length === 0 &&
    ledger.length === 0 &&
    !holdings.bounceSuppressed &&
    holdings.writtenToBy.length === 0 &&
    (exportedDocuments ?? []).length === 0;
  if (nothing) return null;
  const parts = [
    count(candidates.length, 'candidate record'),
    count(
      candidates.reduce((sum, record) => sum + record.messages.length, 0),
      'message',
    ),
    count(
      candidates.reduce((sum, record) => sum + record.documents.length, 0),
      'document',
    ),
    count(enquiries.length, 'enquiry', 'enquiries'),
    ...(holdings.refereeLetters.length > 0
      ? [count(holdings.refereeLetters.length, 'letter as a referee', 'letters as a referee')]
      : []),
    ...(ledger.length > 0 ? [count(ledger.length, 'reply-ledger entry', 'reply-ledger entries')] : []),
    ...(holdings.bounceSuppressed ? ['a bounce suppression'] : []),
    ...(holdings.writtenToBy.length > 0 ? ['a colleague mark (Sent folder)'] : []),
  ];
  return parts.join(', ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function storageNotes(holdings: PersonHoldings): string[] {
  return [
    'The mail itself (messages and their attachments) stays in the mailbox, in the folders named above; this ' +
      'export describes it and does not copy it.',
    "For each application the daemon keeps in Redis the sender's name and address; each message's subject, " +
      "date, sender, folder and identifiers; each attachment's name, size, SHA-256 digest and kind with the " +
      'evidence for it; the facts read from the documents and mails (profile, flags) and the replies sent. It ' +
      'keeps no text of a document or mail, except the start (at most 200 characters) of hidden text found in ' +
      'a document, for a person to judge.',
    "Each vacancy's supervisors receive its candidates' names, addresses, document kinds, profile and fit score " +
      'in digest e-mails (never the documents themselves); they are listed per candidate record.',
    'Reply-ledger entries, recipient bindings and a bounce suppression hold a keyed hash of the address, never ' +
      'the address; they are kept after the candidate records are erased, so that no reply is ever sent twice ' +
      'and nothing is sent to an address that bounced. Counts of recent replies per address and per domain are ' +
      'kept the same way, for the window of the reply limits only.',
    holdings.exportedDocuments === null
      ? 'Documents are not exported to disk (no export.dir is configured).'
      : 'Copies of the documents are exported to disk; the files are listed above by name, not copied here.',
  ];
}
