import { stat } from 'node:fs/promises';
import { FiledMailRemover } from '../adapters/imap/filed-mail-remover.ts';
import { MailboxConnections } from '../adapters/imap/mailbox-connections.ts';
import { openMailboxLogins, requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import { removePersonJobs } from '../adapters/queues/remove-person-jobs.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import { resolveInside } from '../domain/sanitize-filename.ts';
import type { ErasurePorts } from '../ports/erasure-ports.ts';
import { eraseCandidates, noErasure, type ErasureCounts } from '../privacy/erase-candidates.ts';
import { formatForgetReport, type ForgetReport } from './format-forget-report.ts';
import { countRefereeLetters, eraseRefereeLetters, refereeLettersOf } from './forget-referee-letters.ts';
import {
  findPersonRecords,
  personAddress,
  withPersonStores,
  type PersonStores,
} from './open-person-stores.ts';
import { printText } from './print-text.ts';
import { heldReferenceHolds } from '../stages/ingest/referees/link-reference.ts';
import { quietLogger } from './quiet-logger.ts';

/** What `forget` is asked to do. */
export interface ForgetOptions {
  vacancy?: string | undefined;
  dryRun: boolean;
  /** Also delete the person's filed messages from the mailbox. */
  mail: boolean;
}

/**
 * `triage forget <address> [--vacancy ID] [--dry-run] [--mail]`: erases a person everywhere the daemon holds them
 * — candidate records with their profiles and document readings, address and thread indexes, digest changes,
 * exported documents, jobs and dead letters about them, their enquiries' log entries, and with `--mail` their
 * filed messages — keeping only keyed hashes where a promise needs them (never a second acknowledgement, never
 * answering a bounced address). Prints what it removed; writes an audit entry without personal data.
 */
export async function runForget(config: Config, value: string, options: ForgetOptions): Promise<void> {
  const address = personAddress(value);
  const report = await withPersonStores(config, (stores) => forgetPerson(config, stores, address, options));
  for (const line of formatForgetReport(report)) printText(line);
}

async function forgetPerson(
  config: Config,
  stores: PersonStores,
  address: string,
  options: ForgetOptions,
): Promise<ForgetReport> {
  const vacancyIds = options.vacancy ? [options.vacancy] : config.vacancies.map((vacancy) => vacancy.id);
  const mailboxIds = options.vacancy
    ? config.vacancies.filter((vacancy) => vacancy.id === options.vacancy).map((vacancy) => vacancy.mailbox)
    : config.mailboxes.map((mailbox) => mailbox.id);
  const records = await findPersonRecords(stores.candidates, vacancyIds, address);
  const enquiries = await stores.traces.enquiryEntries(mailboxIds, address);
  const enquiryCount = [...enquiries.values()].reduce((sum, keys) => sum + keys.length, 0);
  const held = await heldReferencesOf(stores, mailboxIds, address, records);
  const letters = await refereeLettersOf(config, stores, vacancyIds, address);
  const base = {
    address,
    dryRun: options.dryRun,
    mail: options.mail,
    vacancies: records.map((r) => r.vacancy),
    heldReferences: held.length,
  };
  if (options.dryRun) {
    const counts = await plannedCounts(config, stores, address, records, options.mail);
    const refereeLetters = countRefereeLetters(letters, options.mail);
    counts.mail += refereeLetters.mail;
    return { ...base, counts, enquiries: enquiryCount, refereeLetters, kept: null };
  }
  const mail = lazyMailRemover(config, stores);
  try {
    const ports: ErasurePorts = {
      erasures: stores.eraser,
      removeJobs: (candidateIds) => removeJobs(config, stores, address, candidateIds),
      exportDir: config.export?.dir ?? null,
      removeMail: mail.remove,
    };
    const removal = options.mail ? ({ action: 'delete' } as const) : ({ action: 'keep' } as const);
    const counts = await eraseCandidates(ports, records, 'delete', removal);
    // Enquiries have no candidate: their jobs go by address.
    if (records.length === 0) {
      const jobs = await removeJobs(config, stores, address, new Set());
      counts.jobs += jobs.jobs;
      counts.deadLetters += jobs.deadLetters;
    }
    await stores.traces.removeEnquiryEntries(enquiries);
    for (const reference of held) await stores.holds.release(reference.mailbox, reference.key);
    const refereeLetters = await eraseRefereeLetters(
      config,
      stores,
      letters,
      address,
      options.mail ? mail.remove : null,
    );
    counts.mail += refereeLetters.mail;
    const scopes = [...vacancyIds, ...mailboxIds.map((id) => `mailbox-${id}`)];
    const kept = await stores.traces.keepAsHashes(scopes, address, stores.eraser);
    const subject = stores.personal.hashAddress(address);
    const at = new Date().toISOString();
    await stores.traces.audit({
      at,
      action: 'forget',
      subject,
      vacancy: options.vacancy ?? null,
      counts,
      refereeLetters: { letters: refereeLetters.letters, candidates: refereeLetters.candidates },
      kept,
    });
    return { ...base, counts, enquiries: enquiryCount, refereeLetters, kept };
  } finally {
    await mail.close();
  }
}

// The referees' mails held in these mailboxes that the person wrote, or that quote their address or name them.
async function heldReferencesOf(
  stores: PersonStores,
  mailboxIds: readonly string[],
  address: string,
  records: readonly CandidateRecord[],
) {
  const person = { address, names: records.map((record) => record.name) };
  const held = await Promise.all(mailboxIds.map((mailboxId) => stores.holds.held(mailboxId)));
  return held.flat().filter((reference) => heldReferenceHolds(reference, person));
}

// The jobs and dead letters about these candidates or the address (`dryRun`: counted only).
function removeJobs(
  config: Config,
  stores: PersonStores,
  address: string,
  candidateIds: ReadonlySet<string>,
  dryRun = false,
) {
  const hashAddress = (value: string) => stores.personal.hashAddress(value);
  const who = { candidateIds, addressHashes: new Set([hashAddress(address)]), hashAddress };
  return removePersonJobs(stores.redis, stores.keys, config.redis.prefix, who, dryRun);
}

// What a run would remove, read only.
async function plannedCounts(
  config: Config,
  stores: PersonStores,
  address: string,
  records: readonly CandidateRecord[],
  mail: boolean,
): Promise<ErasureCounts> {
  const counts = noErasure();
  const candidateIds = new Set(records.map((record) => record.id));
  const jobs = await removeJobs(config, stores, address, candidateIds, true);
  counts.jobs = jobs.jobs;
  counts.deadLetters = jobs.deadLetters;
  for (const record of records) {
    counts.candidates += 1;
    counts.messages += record.messages.length;
    counts.documents += record.documents.length;
    if (mail) counts.mail += record.messages.filter((m) => m.filedTo !== null && m.messageId !== null).length;
    const dir = config.export?.dir;
    if (dir && (await stat(resolveInside(dir, record.id)).catch(() => null))) counts.exportedFolders += 1;
  }
  return counts;
}

// The mailbox connections filed mail is deleted through (`--mail`, or an interrupted erasure that asked for it),
// opened only when first needed.
function lazyMailRemover(config: Config, stores: PersonStores) {
  let opened: { remover: FiledMailRemover; connections: MailboxConnections } | null = null;
  const open = () => {
    const logger = quietLogger();
    const { logins } = openMailboxLogins(stores.redis, stores.keys, logger, requireTokenKey(config));
    const connections = new MailboxConnections(
      config.mailboxes,
      logger,
      config.limits.maxMessageBytes,
      logins,
    );
    return { remover: new FiledMailRemover(connections, config.mailboxes), connections };
  };
  return {
    remove: (...args: Parameters<FiledMailRemover['remove']>) => (opened ??= open()).remover.remove(...args),
    close: async () => {
      await opened?.connections.closeAll();
    },
  };
}
