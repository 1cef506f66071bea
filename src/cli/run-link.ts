import { fetchWatched, type WatchedMessage } from '../adapters/imap/fetch-watched.ts';
import { ImapMailboxGateway } from '../adapters/imap/imap-mailbox-gateway.ts';
import { MailboxConnections } from '../adapters/imap/mailbox-connections.ts';
import { openMailboxLogins, requireTokenKey } from '../adapters/oauth/open-mailbox-logins.ts';
import { SeenStore } from '../adapters/redis/seen-store.ts';
import { applyReadings, unreadDocuments } from '../candidates/apply-readings.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { exportDocuments } from '../candidates/export-documents.ts';
import type { Config, MailboxConfig, VacancyConfig } from '../config/schema.ts';
import { DocumentPool } from '../documents/document-pool.ts';
import { plural } from '../domain/plural.ts';
import { TriageError } from '../errors/triage-error.ts';
import type { ParsedMessage } from '../mail/parse-message.ts';
import { planLink, withLinkHistory, type LinkPlan } from '../operator/plan-link.ts';
import { readApplication } from '../stages/ingest/read-message.ts';
import { withPersonStores, type PersonStores } from './open-person-stores.ts';
import { requireCandidate, requiredKinds } from './operator-inputs.ts';
import { printText } from './print-text.ts';
import { quietLogger } from './quiet-logger.ts';

/** What `link` is asked to do: which message of the watched folder, and where. */
export interface LinkOptions {
  which: WatchedMessage;
  /** The mailbox it is in (default: the candidate's vacancy's). */
  mailbox?: string | undefined;
  vacancy?: string | undefined;
  dryRun: boolean;
}

/**
 * `triage link <candidate> (--uid N | --message-id ID) [--mailbox ID] [--dry-run]`: a message the daemon left in
 * the watched folder (untagged, say) becomes one of the candidate's: fetched from IMAP, merged with its documents
 * read as an application's are, filed with the candidate's other mail, and recorded in the history. Linking the
 * same message again changes nothing (it is merged once, by its key; once filed, it is reported as linked).
 */
export async function runLink(config: Config, value: string, options: LinkOptions): Promise<void> {
  const line = await withPersonStores(
    config,
    async (stores) => {
      const candidate = await requireCandidate(config, stores.candidates, value, options.vacancy);
      const vacancy = config.vacancies.find((entry) => entry.id === candidate.vacancy);
      if (vacancy === undefined)
        throw new TriageError('input-invalid', `the vacancy ${candidate.vacancy} is no longer configured`);
      const mailboxId = options.mailbox ?? vacancy.mailbox;
      const mailbox = config.mailboxes.find((entry) => entry.id === mailboxId);
      if (mailbox === undefined) throw new TriageError('input-invalid', `no mailbox has id "${mailboxId}"`);
      const filed = filedAlready(candidate, options.which);
      if (filed !== null) return `${filed} is already linked to ${candidate.id}: nothing to do`;
      const connections = openConnections(config, stores);
      try {
        return await fetchAndLink(config, stores, connections, { candidate, vacancy, mailbox, options });
      } finally {
        await connections.closeAll();
      }
    },
    { readOnly: options.dryRun },
  );
  printText(line);
}

// Fetches the message, plans the link, and (unless a dry run) links and files it; returns what it did.
async function fetchAndLink(
  config: Config,
  stores: PersonStores,
  connections: MailboxConnections,
  work: { candidate: CandidateRecord; vacancy: VacancyConfig; mailbox: MailboxConfig; options: LinkOptions },
): Promise<string> {
  const { candidate, vacancy, mailbox, options } = work;
  const found = await fetchWatched(connections, mailbox, config.limits, options.which);
  if (found === null || found.fetched.status !== 'ok')
    throw new TriageError(
      'input-invalid',
      `no message ${described(options.which)} in ${mailbox.id}'s ${mailbox.watch}`,
    );
  const { parsed, receivedAt } = found.fetched;
  const plan = planLink(parsed, candidate, {
    vacancy,
    mailboxId: mailbox.id,
    trustedAuthservIds: mailbox.trustedAuthservIds,
    location: found.location,
    receivedAt,
  });
  if (options.dryRun) return `Dry run, nothing changed: would ${summary(plan)}`;
  const record = await link(config, stores, { vacancy, mailbox, plan, parsed });
  const gateway = new ImapMailboxGateway(connections, config.limits);
  const filing = await gateway.file(
    mailbox,
    { ...found.location, messageId: plan.incoming.message.messageId },
    vacancy.id,
  );
  const filedUid = filing.status === 'moved' ? filing.filed : null;
  await stores.candidates.markFiled(record.id, plan.key, filing.folder, filedUid);
  const missing = record.missing.join(', ') || 'none';
  const done = summary(plan).replace(/^link/, 'Linked').replace('and file', 'and filed');
  return `${done}; then ${plural(record.messages.length, 'message')}, missing: ${missing}`;
}

// Merges the message into the candidate, reads its documents as ingest does, records the link and marks the
// message seen — each step idempotent, so a run again after one that died midway finishes it.
async function link(
  config: Config,
  stores: PersonStores,
  work: { vacancy: VacancyConfig; mailbox: MailboxConfig; plan: LinkPlan; parsed: ParsedMessage },
): Promise<CandidateRecord> {
  const { vacancy, mailbox, plan, parsed } = work;
  const required = requiredKinds(config, vacancy.id);
  const merged = await stores.candidates.upsert(
    { id: vacancy.id, required },
    plan.incoming,
    plan.candidateId,
  );
  const unread = unreadDocuments(merged.record, plan.key, plan.incoming.documents);
  const pool = new DocumentPool(config.extraction, () => 1);
  const reading = { reading: plan.reading, read: null };
  const read = await readApplication(pool, unread, parsed, reading, config.extraction).finally(() =>
    pool.close(),
  );
  const at = new Date().toISOString();
  const record = await stores.candidates.update(merged.record.id, (current) => {
    const readings = applyReadings(current, plan.key, read.documents, read.bodyProfile, required);
    return withLinkHistory(readings, plan.key, at);
  });
  if (record === null) throw new TriageError('input-invalid', `${merged.record.id} was removed meanwhile`);
  if (config.export && merged.outcome !== 'duplicate')
    await exportDocuments(config.export.dir, record.id, plan.incoming.documents, parsed.contents);
  const seen = { kind: 'application', vacancy: vacancy.id, candidateId: record.id, at };
  await new SeenStore(stores.redis, stores.keys).markSeen(mailbox.id, plan.key, seen);
  return record;
}

/** `--uid N` or `--message-id ID`, exactly one; a UID is a positive integer. Anything else is an argument error. */
export function watchedMessage(uid: string | undefined, messageId: string | undefined): WatchedMessage {
  if ((uid === undefined) === (messageId === undefined))
    throw new TriageError('input-invalid', 'give the message with --uid or --message-id (one of them)');
  if (messageId !== undefined) return { messageId: messageId.trim() };
  if (!/^[1-9]\d{0,9}$/.test(uid ?? '')) throw new TriageError('input-invalid', `not a UID: ${uid}`);
  return { uid: Number(uid) };
}

// The Message-ID of a message the candidate already holds, filed, when asked for by Message-ID; else null.
function filedAlready(candidate: CandidateRecord, which: WatchedMessage): string | null {
  if (!('messageId' in which)) return null;
  const wanted = which.messageId.trim().replace(/^<|>$/g, '').toLowerCase();
  const message = candidate.messages.find(
    (entry) => entry.filedTo !== null && entry.messageId?.replace(/^<|>$/g, '').toLowerCase() === wanted,
  );
  return message?.messageId ?? null;
}

function described(which: WatchedMessage): string {
  return 'uid' in which ? `with UID ${which.uid}` : which.messageId;
}

// "link <id> ("subject") from <address> with 2 documents (a.pdf, b.pdf) to <candidate> and file it with its mail".
function summary(plan: LinkPlan): string {
  const { message, documents } = plan.incoming;
  const names = documents.map((document) => document.filename).join(', ');
  const files = `${plural(documents.length, 'document')}${names ? ` (${names})` : ''}`;
  const from = message.sender ? ` from ${message.sender}` : '';
  return (
    `link ${message.messageId ?? plan.key} ("${message.subject}")${from} with ${files} to ${plan.candidateId}` +
    ' and file it with its mail'
  );
}

// The mailbox connections the message is fetched and filed over, logging in as the daemon does.
function openConnections(config: Config, stores: PersonStores): MailboxConnections {
  const logger = quietLogger();
  const { logins } = openMailboxLogins(stores.redis, stores.keys, logger, requireTokenKey(config));
  return new MailboxConnections(config.mailboxes, logger, config.limits.maxMessageBytes, logins);
}
