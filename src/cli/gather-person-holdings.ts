import { readdir } from 'node:fs/promises';
import { EnquiryStore } from '../adapters/redis/enquiry-store.ts';
import { ReplyGuards } from '../adapters/redis/reply-guards.ts';
import { SentRecipientsStore } from '../adapters/redis/sent-recipients-store.ts';
import { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { decisionLedgerKinds } from '../config/decision-schema.ts';
import { resolveInside } from '../domain/sanitize-filename.ts';
import { shortHash } from '../domain/short-hash.ts';
import type {
  PersonEnquiry,
  PersonExportedFiles,
  PersonHoldings,
  PersonLedgerEntry,
  PersonRefereeLetter,
} from '../privacy/person-holdings.ts';
import { digestProfile } from '../stages/digests/digest-vacancy.ts';
import { describeFit } from '../stages/digests/digest-view.ts';
import { fitScore } from '../stages/digests/fit-score.ts';
import { FLAG_WORDING } from '../stages/digests/format-digest-values.ts';
import { findPersonRecords, type PersonStores } from './open-person-stores.ts';

/** Reads everything the daemon holds about `address` (lower-cased) from Redis and the export folder; changes nothing. */
export async function gatherPersonHoldings(
  config: Config,
  stores: PersonStores,
  address: string,
  now: Date,
): Promise<PersonHoldings> {
  const vacancyIds = config.vacancies.map((vacancy) => vacancy.id);
  const mailboxIds = config.mailboxes.map((mailbox) => mailbox.id);
  const candidates = await findPersonRecords(stores.candidates, vacancyIds, address);
  const scopes = [...vacancyIds, ...mailboxIds.map((id) => `mailbox-${id}`)];
  const { redis, keys, personal } = stores;
  return {
    address,
    now,
    vacancies: config.vacancies,
    candidates,
    enquiries: await enquiriesOf(stores, mailboxIds, address),
    refereeLetters: await refereeLettersBy(stores, vacancyIds, mailboxIds, address),
    ledger: await ledgerOf(stores, scopes, address, decisionLedgerKinds(config)),
    bounceSuppressed: await new ReplyGuards(redis, keys, personal).isBounced(address, now),
    writtenToBy: await writtenToBy(new SentRecipientsStore(redis, keys, personal), mailboxIds, address),
    exportedDocuments: config.export ? await exportedFiles(config.export.dir, candidates) : null,
    wording: {
      fitScore: (record) => describeFit(fitScore(digestProfile(record), config.digest.weights)),
      flag: (flag) => FLAG_WORDING[flag],
    },
  };
}

// The letters the person wrote as a referee: on applicants' records, and held for an applicant yet to write.
async function refereeLettersBy(
  stores: PersonStores,
  vacancyIds: readonly string[],
  mailboxIds: readonly string[],
  address: string,
): Promise<PersonRefereeLetter[]> {
  const theirs = (letter: { referee: { address: string } }) =>
    letter.referee.address.toLowerCase() === address;
  const linked = (await stores.candidates.list(vacancyIds)).flatMap((record) =>
    record.references.filter(theirs).map((reference) =>
      refereeLetter(
        'linked',
        reference,
        record.vacancy,
        reference.filedTo,
        record.documents.filter((document) => document.message === reference.key),
      ),
    ),
  );
  const held = (await Promise.all(mailboxIds.map((mailboxId) => stores.holds.held(mailboxId)))).flat();
  return [
    ...linked,
    ...held
      .filter(theirs)
      .map((letter) => refereeLetter('held', letter, letter.vacancy, null, letter.documents)),
  ];
}

function refereeLetter(
  state: PersonRefereeLetter['state'],
  letter: Pick<PersonRefereeLetter, 'mailbox' | 'messageId' | 'subject' | 'receivedAt'>,
  vacancy: string | null,
  folder: string | null,
  documents: readonly { filename: string }[],
): PersonRefereeLetter {
  const { mailbox, messageId, subject, receivedAt } = letter;
  return {
    state,
    vacancy,
    mailbox,
    messageId,
    subject,
    receivedAt,
    folder,
    documents: documents.map((document) => document.filename),
  };
}

async function enquiriesOf(
  stores: PersonStores,
  mailboxIds: readonly string[],
  address: string,
): Promise<PersonEnquiry[]> {
  const log = new EnquiryStore(stores.redis, stores.keys, stores.personal);
  const found: PersonEnquiry[] = [];
  for (const [mailbox, messageKeys] of await stores.traces.enquiryEntries(mailboxIds, address)) {
    const entries = await log.entries(mailbox);
    for (const messageKey of messageKeys) {
      const entry = entries.get(messageKey);
      if (entry) found.push({ mailbox, messageKey, entry });
    }
  }
  return found;
}

// Read only: an entry still under the unkeyed hash of before keyed hashes is reported where it is, not moved.
async function ledgerOf(
  stores: PersonStores,
  scopes: readonly string[],
  address: string,
  kinds: readonly string[],
): Promise<PersonLedgerEntry[]> {
  const ledger = new ReplyLedger(stores.redis);
  const found: PersonLedgerEntry[] = [];
  for (const scope of scopes) {
    for (const kind of kinds) {
      const entry =
        (await ledger.read(stores.keys.replyLedger(scope, stores.personal.hashAddress(address), kind))) ??
        (await ledger.read(stores.keys.replyLedger(scope, shortHash(address), kind)));
      if (entry) found.push({ scope, kind, ...entry });
    }
  }
  return found;
}

async function exportedFiles(
  dir: string,
  candidates: readonly CandidateRecord[],
): Promise<PersonExportedFiles[]> {
  const found: PersonExportedFiles[] = [];
  for (const record of candidates) {
    const folder = resolveInside(dir, record.id);
    const files = await readdir(folder).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    if (files !== null) found.push({ candidateId: record.id, folder, files: files.sort() });
  }
  return found;
}

async function writtenToBy(
  sent: SentRecipientsStore,
  mailboxIds: readonly string[],
  address: string,
): Promise<string[]> {
  const found: string[] = [];
  for (const mailbox of mailboxIds) if (await sent.has(mailbox, address)) found.push(mailbox);
  return found;
}
