import {
  readMailboxSentRecipients,
  type SentRead,
  type SentReadOptions,
} from '../adapters/imap/sent-recipients.ts';
import { SentRecipientsStore, type SentCursor } from '../adapters/redis/sent-recipients-store.ts';
import { colleaguesMatter } from '../config/call-kinds.ts';
import type { Config, MailboxConfig } from '../config/schema.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { StageServices } from '../runtime/stage-services.ts';
import { runEvery, type Periodic } from './run-every.ts';

/** What the sync uses: the store of recipients and a reader of a mailbox's Sent folder. */
export interface SentRecipientsSyncPorts {
  store: Pick<SentRecipientsStore, 'cursor' | 'add' | 'markRead'>;
  /** Reads the Sent folder above `after`, handing each batch to `options.save`; null: no Sent folder. */
  read(mailbox: MailboxConfig, after: SentCursor | null, options: SentReadOptions): Promise<SentRead | null>;
}

/** Which mailboxes are read, how often, and where to log. */
export type SentRecipientsSyncSettings = Pick<Config, 'mailboxes' | 'vacancies' | 'replies' | 'enquirers'> & {
  logger: Logger;
};

/** What one round did for one mailbox (counts only: no address). */
export type SentSyncOutcome =
  | { mailbox: string; status: 'read'; folder: string; messages: number; recipients: number }
  | { mailbox: string; status: 'no-sent-folder' }
  | { mailbox: string; status: 'failed'; reason: string };

/** A running sync. */
export interface SentRecipientsSync {
  /** Settles when the first round has ended, however it ended. */
  firstRound: Promise<void>;
  /** Lets a batch under way be saved, and stops. */
  stop(): Promise<void>;
}

/**
 * The mailboxes whose Sent folders tell colleagues from enquirers: none unless `enquirers.excludeSent`; else those
 * with an open call (a vacancy without a tag), or with any vacancy when `replies.enquiries` is on. Pure.
 */
export function sentSyncMailboxes(
  config: Pick<Config, 'mailboxes' | 'vacancies' | 'replies' | 'enquirers'>,
): MailboxConfig[] {
  if (!config.enquirers.excludeSent) return [];
  return config.mailboxes.filter((mailbox) => colleaguesMatter(config, mailbox.id));
}

/**
 * One round: reads the new messages of each such mailbox's Sent folder into the store, batch by batch. A mailbox
 * that fails is logged (warn, with its id) and left for the next round; nothing is thrown.
 */
export async function syncSentRecipients(
  ports: SentRecipientsSyncPorts,
  settings: SentRecipientsSyncSettings,
  signal?: AbortSignal,
): Promise<SentSyncOutcome[]> {
  const log = settings.logger.child({ component: 'sent-recipients' });
  const outcomes: SentSyncOutcome[] = [];
  for (const mailbox of sentSyncMailboxes(settings)) {
    if (signal?.aborted === true) break;
    outcomes.push(await syncMailbox(ports, mailbox, log, signal));
  }
  return outcomes;
}

async function syncMailbox(
  ports: SentRecipientsSyncPorts,
  mailbox: MailboxConfig,
  log: Logger,
  signal: AbortSignal | undefined,
): Promise<SentSyncOutcome> {
  try {
    const before = await ports.store.cursor(mailbox.id);
    const save = ({ cursor, addresses }: { cursor: SentCursor; addresses: string[] }) =>
      ports.store.add(mailbox.id, addresses, cursor);
    const read = await ports.read(mailbox, before, { save, ...(signal ? { signal } : {}) });
    if (read === null) {
      log.debug({ mailbox: mailbox.id }, 'the mailbox has no Sent folder');
      await ports.store.markRead(mailbox.id);
      return { mailbox: mailbox.id, status: 'no-sent-folder' };
    }
    // A new UIDVALIDITY on a folder with nothing to read yet: remember it, or every round starts over.
    if (before?.uidValidity !== read.cursor.uidValidity || before.uid < read.cursor.uid)
      await ports.store.add(mailbox.id, [], read.cursor);
    // Stopped between batches: not read to its end yet.
    if (signal?.aborted !== true) await ports.store.markRead(mailbox.id);
    const counts = { folder: read.folder, messages: read.messages, recipients: read.addresses.length };
    if (read.messages > 0)
      log.info({ mailbox: mailbox.id, ...counts, automatic: read.automatic }, 'read the Sent folder');
    return { mailbox: mailbox.id, status: 'read', ...counts };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn(
      { mailbox: mailbox.id, reason },
      'reading the Sent folder failed; tried again at the next check',
    );
    return { mailbox: mailbox.id, status: 'failed', reason };
  }
}

/** Seconds between tries while a mailbox's Sent folder could not be read to its end (its untagged mail waits). */
const RETRY_SECONDS = 30;

/**
 * Reads the Sent folders (see sentSyncMailboxes) at start and every `enquirers.sentCheckSeconds`, so that the
 * addresses the mailbox writes to are known as colleagues; a round that failed for a mailbox is tried again within
 * 30 seconds, since that mailbox's untagged mail waits for it. Nothing runs when no mailbox needs it.
 */
export function startSentRecipientsSync(
  ports: SentRecipientsSyncPorts,
  settings: SentRecipientsSyncSettings,
): SentRecipientsSync {
  if (sentSyncMailboxes(settings).length === 0)
    return { firstRound: Promise.resolve(), stop: () => Promise.resolve() };
  const stopping = new AbortController();
  const checkMs = settings.enquirers.sentCheckSeconds * 1000;
  let lastRound = 0;
  let retry = false;
  const round = async () => {
    const outcomes = await syncSentRecipients(ports, settings, stopping.signal);
    lastRound = Date.now();
    retry = outcomes.some((outcome) => outcome.status === 'failed');
  };
  const failed = (error: unknown): void => {
    retry = true;
    const reason = error instanceof Error ? error.message : String(error);
    settings.logger.warn({ component: 'sent-recipients', reason }, 'Sent folder round failed');
  };
  let periodic: Periodic | null = null;
  const firstRound = round().catch(failed);
  const started = firstRound.then(() => {
    if (stopping.signal.aborted) return;
    const tick = async () => {
      if (retry || Date.now() - lastRound >= checkMs) await round();
    };
    periodic = runEvery(Math.min(checkMs, RETRY_SECONDS * 1000), tick, failed);
  });
  return {
    firstRound,
    stop: async () => {
      stopping.abort();
      await started;
      await periodic?.stop();
    },
  };
}

/** The sync's ports over this process's services: the store, and a connection of its own per read. */
export function sentRecipientsPorts(
  services: Pick<StageServices, 'config' | 'redis' | 'keys' | 'personal' | 'logins' | 'logger'> &
    Partial<Pick<StageServices, 'slots'>>,
): SentRecipientsSyncPorts {
  const connection = {
    logins: services.logins,
    logger: services.logger.child({ component: 'sent-recipients' }),
    maxMessageBytes: services.config.limits.maxMessageBytes,
    slots: services.slots,
  };
  return {
    store: new SentRecipientsStore(services.redis, services.keys, services.personal),
    read: (mailbox, after, options) => readMailboxSentRecipients(mailbox, after, connection, options),
  };
}
