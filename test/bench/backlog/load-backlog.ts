import type { ImapFlow } from 'imapflow';
import { progress } from '../measure.ts';
import { type BacklogPlan, generateBacklog } from './build-backlog.ts';
import type { NoiseKind } from './noise-mail.ts';

/** The IMAP folder the generated backlog is kept in, copied into INBOX before each daemon run. */
export const BACKLOG_FOLDER = 'Backlog';

/** What was generated and loaded. */
export interface LoadedBacklog {
  messages: number;
  applications: number;
  noise: Record<NoiseKind, number>;
  attachments: number;
  bytes: number;
  largestBytes: number;
  /** Every applicant's address: each must get exactly one acknowledgement. */
  applicants: Set<string>;
  generateMs: number;
  appendMs: number;
}

/** Generates the backlog and appends it, message by message, to the Backlog folder (created empty). */
export async function loadBacklog(client: ImapFlow, plan: BacklogPlan): Promise<LoadedBacklog> {
  await client.mailboxCreate(BACKLOG_FOLDER);
  const loaded: LoadedBacklog = {
    messages: 0,
    applications: 0,
    noise: { 'auto-reply': 0, bounce: 0, list: 0, untagged: 0 },
    attachments: 0,
    bytes: 0,
    largestBytes: 0,
    applicants: new Set(),
    generateMs: 0,
    appendMs: 0,
  };
  const messages = generateBacklog(plan);
  for (;;) {
    let started = performance.now();
    const next = await messages.next();
    loaded.generateMs += performance.now() - started;
    if (next.done === true) break;
    const message = next.value;
    started = performance.now();
    await client.append(BACKLOG_FOLDER, message.raw, [], new Date());
    loaded.appendMs += performance.now() - started;
    loaded.messages += 1;
    loaded.attachments += message.attachments;
    loaded.bytes += message.raw.length;
    loaded.largestBytes = Math.max(loaded.largestBytes, message.raw.length);
    if (message.applicant === null) loaded.noise[message.kind as NoiseKind] += 1;
    else {
      loaded.applications += 1;
      loaded.applicants.add(message.applicant);
    }
    if (loaded.messages % 250 === 0) progress(`backlog: ${loaded.messages} messages generated and appended`);
  }
  return loaded;
}

/**
 * Makes INBOX a fresh copy of the backlog: removes the `Applications` folders of the previous run, empties INBOX,
 * then copies the Backlog folder into it server-side (same internal dates, so the daemon's backfill takes it all).
 */
export async function refillInbox(client: ImapFlow, filing = 'Applications'): Promise<void> {
  await clearMailbox(client, filing);
  const lock = await client.getMailboxLock(BACKLOG_FOLDER);
  try {
    if (client.mailbox !== false && client.mailbox.exists > 0) await client.messageCopy('1:*', 'INBOX');
  } finally {
    lock.release();
  }
}

/** Empties INBOX and deletes the filing folders (children first). */
export async function clearMailbox(client: ImapFlow, filing = 'Applications'): Promise<void> {
  const folders = (await client.list())
    .map((entry) => entry.path)
    .filter((path) => path === filing || path.startsWith(`${filing}${client.namespace?.delimiter ?? '/'}`))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    // Dovecot's Maildir lists the parent of `Applications.robust-ai` without it existing: nothing to delete.
    await client.mailboxDelete(folder).catch((error: unknown) => {
      if ((error as { serverResponseCode?: string }).serverResponseCode !== 'NONEXISTENT') throw error;
    });
  }
  const lock = await client.getMailboxLock('INBOX');
  try {
    if (client.mailbox !== false && client.mailbox.exists > 0) await client.messageDelete('1:*');
  } finally {
    lock.release();
  }
}
