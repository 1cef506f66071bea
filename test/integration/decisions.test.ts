import { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { runDigestNow } from '../../src/cli/run-digest-now.ts';
import { buildMail } from '../support/build-mail.ts';
import { captureLogs, type CapturedLogs } from '../support/capture-logs.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { openImapTestClient, type ImapTestClient } from '../support/imap-test-client.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { startImapCommandCounter } from '../support/imap-command-counter.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor, waitForFiledCandidate, waitForFinishedJob } from '../support/wait-for.ts';

const { servers, setup, start, cleanups } = useDaemonEnvironment();

const YEARLY = { schedule: '0 0 1 1 *', timezone: 'Europe/London' };
const APPLICANT = 'jane.doe@example.org';

const digestsTo = (address: string) =>
  servers.sink.messages.filter(
    (message) => message.to.includes(address) && /x-applicant-triage: digest/i.test(message.raw),
  );
const decisionsTo = (address: string) =>
  servers.sink.messages.filter(
    (message) => message.to.includes(address) && /has not been shortlisted/.test(message.raw),
  );

/** The supervisor's own mail client: a second IMAP connection, as Thunderbird or Apple Mail would open. */
async function supervisorClient(login: { user: string; pass: string }): Promise<ImapTestClient> {
  const client = await openImapTestClient(servers.dovecot, login);
  cleanups.push(() => client.close());
  return client;
}

/** Moves the message with this Message-ID from one folder into another, creating it as a mail client does. */
async function moveMessage(
  client: ImapTestClient,
  from: string,
  to: string,
  messageId: string,
): Promise<void> {
  await client.client.mailboxCreate(to).catch(() => undefined);
  const lock = await client.client.getMailboxLock(from);
  try {
    const moved = await client.client.messageMove({ header: { 'message-id': messageId } }, to);
    if (moved === false) throw new Error(`could not move ${messageId} to ${to}`);
  } finally {
    lock.release();
  }
}

/** Waits for `count` more of the daemon's looks at its decision folders (each reconcileSeconds). */
async function waitForLooks(logs: CapturedLogs, count: number): Promise<void> {
  const seen = logs.find('looked for decisions').length;
  await waitFor(`${count} more looks for decisions`, () =>
    logs.find('looked for decisions').length >= seen + count ? true : undefined,
  );
}

describe('decisions from the mail client', () => {
  it("a message moved into Shortlist by another IMAP client becomes the candidate's status and is in the next digest", async () => {
    const { config, mail, filed, store, login } = await setup('decide-folder', { digest: YEARLY });
    const { logs } = await start(config);
    await mail.append(await buildMail({ messageId: '<jane-1@example.org>' }));
    await waitForMessage(mail, filed, '<jane-1@example.org>');
    const logger = captureLogs().logger;
    await runDigestNow(config, logger); // Jane as a new application

    const delimiter = mail.client.namespace?.delimiter ?? '/';
    const shortlist = `${filed}${delimiter}Shortlist`;
    const supervisor = await supervisorClient(login);
    await moveMessage(supervisor, filed, shortlist, '<jane-1@example.org>');

    const candidate = await waitFor('the status', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision?.status === 'shortlisted' ? record : undefined;
    });
    expect(candidate.decision).toMatchObject({ via: 'folder', folder: shortlist });
    expect(candidate.history).toEqual([
      expect.objectContaining({
        action: 'status',
        by: 'daemon',
        detail: `shortlisted (moved to ${shortlist})`,
      }),
    ]);

    // The daemon leaves the message where the supervisor put it and does not take it for new mail.
    await waitForLooks(logs, 2);
    expect(await mail.messageIds(shortlist)).toEqual(['<jane-1@example.org>']);
    expect(await mail.messageIds(filed)).toEqual([]);
    const [after] = await store.list(['robust-ai']);
    expect(after?.messages).toHaveLength(1);
    expect(servers.sink.messages.filter((message) => message.to.includes(APPLICANT))).toHaveLength(1);

    await runDigestNow(config, logger);
    const [, second] = digestsTo('chen@uni.example');
    const digest = await simpleParser(second?.raw ?? '');
    expect(digest.text).toContain(APPLICANT);
    expect(digest.text).toContain('status: shortlisted');
    expect(digest.text).toContain(`Decision: shortlisted (moved to ${shortlist}`);
    expect(digest.html).toContain('>Status</th>');
    const csv = digest.attachments.find((attachment) => attachment.filename === 'robust-ai-candidates.csv');
    expect(csv?.content.toString('utf8')).toMatch(/,status,references\r\n[^\r]*,shortlisted,\r\n/);
  }, 90_000);

  it('a keyword set by another IMAP client on a filed message (in lower case) gives its status; moving it out again takes it away', async () => {
    const { config, mail, filed, store, login } = await setup('decide-keyword');
    const { logs } = await start(config);
    await mail.append(await buildMail({ messageId: '<jane-2@example.org>' }));
    await waitForMessage(mail, filed, '<jane-2@example.org>');
    await waitForFiledCandidate(store, 'robust-ai');

    const supervisor = await supervisorClient(login);
    const lock = await supervisor.client.getMailboxLock(filed);
    try {
      await supervisor.client.messageFlagsAdd({ header: { 'message-id': '<jane-2@example.org>' } }, [
        'interview',
      ]);
    } finally {
      lock.release();
    }
    const candidate = await waitFor('the status', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision?.status === 'interview' ? record : undefined;
    });
    expect(candidate.decision).toMatchObject({ via: 'keyword', folder: filed });

    // Latest move wins: into Declined, then back out into the vacancy's folder without its keyword.
    const declined = `${filed}${mail.client.namespace?.delimiter ?? '/'}Declined`;
    await moveMessage(supervisor, filed, declined, '<jane-2@example.org>');
    await waitFor('declined', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision?.status === 'declined' ? true : undefined;
    });
    const back = await supervisor.client.getMailboxLock(declined);
    try {
      await supervisor.client.messageFlagsRemove({ all: true }, ['interview']);
      await supervisor.client.messageMove({ all: true }, filed);
    } finally {
      back.release();
    }
    const cleared = await waitFor('no status', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision === null ? record : undefined;
    });
    expect(cleared.history.map((entry) => entry.detail)).toEqual([
      `interview (keyword in ${filed})`,
      `declined (moved to ${declined})`,
      `none (moved out of ${declined})`,
    ]);
    await waitForLooks(logs, 1);
    expect(servers.sink.messages.filter((message) => message.to.includes(APPLICANT))).toHaveLength(1);
  }, 90_000);

  it('sends a status with a decision template exactly once, through restarts and a second look at the same move', async () => {
    const statuses = [
      { id: 'shortlisted', folder: 'Shortlist', keyword: 'Shortlist' },
      { id: 'declined', folder: 'Declined', keyword: 'Declined', reply: true },
    ];
    const { config, mail, filed, store, login, prefix } = await setup('decide-reply', {
      decisions: { statuses },
    });
    const first = await start(config);
    await mail.append(await buildMail({ messageId: '<jane-3@example.org>' }));
    await waitForMessage(mail, filed, '<jane-3@example.org>');
    await waitForFiledCandidate(store, 'robust-ai');

    const declined = `${filed}${mail.client.namespace?.delimiter ?? '/'}Declined`;
    const supervisor = await supervisorClient(login);
    await moveMessage(supervisor, filed, declined, '<jane-3@example.org>');
    await waitFor('the decision reply', () => (decisionsTo(APPLICANT).length > 0 ? true : undefined));
    const reply = await simpleParser(decisionsTo(APPLICANT)[0]?.raw ?? '');
    expect(reply.inReplyTo).toBe('<jane-3@example.org>');
    expect(reply.subject).toBe('Re: [PHD-robustAI] Application for the PhD position');
    expect(reply.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply.text).toContain('Dear Jane Doe,');
    await first.daemon.stop();

    // The daemon forgets what it saw in the folders and its finished reply job, and starts again: it sees the same
    // move as new and runs the reply job a second time, which the reply ledger stops.
    const [decided] = await store.list(['robust-ai']);
    const jobId = `reply.${decided?.id ?? ''}.decision-declined`;
    const replies = new Queue('replies', { connection: servers.redis, prefix });
    cleanups.push(() => replies.close());
    expect(await replies.remove(jobId)).toBe(1);
    await servers.redis.del(redisKeys(prefix).decisionViews('chen'));
    const second = await start(config);
    const again = await waitForFinishedJob(replies, jobId, 'the reply job run again');
    expect(again.returnvalue).toMatchObject({ sent: false, reason: 'already sent' });
    // Out and back in: the status goes and comes back, the reply stays sent.
    await moveMessage(supervisor, declined, filed, '<jane-3@example.org>');
    await waitFor('no status', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision === null ? true : undefined;
    });
    await moveMessage(supervisor, filed, declined, '<jane-3@example.org>');
    await waitFor('declined again', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision?.status === 'declined' ? true : undefined;
    });
    await waitForLooks(second.logs, 2);
    expect(decisionsTo(APPLICANT)).toHaveLength(1);
    const [candidate] = await store.list(['robust-ai']);
    expect(candidate?.replies.map((entry) => [entry.kind, entry.status])).toEqual([
      ['acknowledgement', 'sent'],
      ['decision-declined', 'sent'],
    ]);
  }, 90_000);

  it('an idle look costs one LIST and one STATUS per existing decision folder: nothing is selected or searched', async () => {
    const counter = await startImapCommandCounter(servers.dovecot);
    cleanups.push(() => counter.close());
    const { login, prefix, mail, filed } = await setup('decide-idle');
    const config = testConfig({
      imap: { host: '127.0.0.1', port: counter.port, ...login },
      smtpPort: servers.sink.port,
      prefix,
    });
    await mail.append(await buildMail({ messageId: '<jane-4@example.org>' }));
    const { logs } = await start(config);
    await waitForMessage(mail, filed, '<jane-4@example.org>');
    const delimiter = mail.client.namespace?.delimiter ?? '/';
    for (const status of ['Shortlist', 'Interview', 'Declined'])
      await mail.client.mailboxCreate(`${filed}${delimiter}${status}`);

    await waitForLooks(logs, 2); // the new (empty) folders seen once
    const before = counter.counts();
    await waitForLooks(logs, 1);
    const after = counter.counts();
    const added = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    // robust-ai: its three status folders and its own folder (keywords; Dovecot has CONDSTORE). med-imaging has
    // no folder yet: not asked about.
    expect(added('LIST')).toBe(1);
    expect(added('STATUS')).toBe(4);
    expect([added('SELECT'), added('EXAMINE'), added('UID SEARCH'), added('SEARCH')]).toEqual([0, 0, 0, 0]);
  }, 90_000);

  it('a decision reply follows the reply rules: an applicant who asked for no automatic reply gets none', async () => {
    const statuses = [{ id: 'declined', folder: 'Declined', reply: true }];
    const { config, mail, filed, store, login } = await setup('decide-rules', { decisions: { statuses } });
    await start(config);
    await mail.append(
      await buildMail({ messageId: '<jane-5@example.org>', headers: { 'X-Auto-Response-Suppress': 'All' } }),
    );
    await waitForMessage(mail, filed, '<jane-5@example.org>');
    await waitForFiledCandidate(store, 'robust-ai');

    const declined = `${filed}${mail.client.namespace?.delimiter ?? '/'}Declined`;
    await moveMessage(await supervisorClient(login), filed, declined, '<jane-5@example.org>');
    const replies = await waitFor('the decision reply recorded', async () => {
      const [record] = await store.list(['robust-ai']);
      const entries = record?.replies ?? [];
      return entries.some((entry) => entry.kind === 'decision-declined') ? entries : undefined;
    });
    expect(replies.map((entry) => [entry.kind, entry.status, entry.detail])).toEqual([
      ['acknowledgement', 'suppressed', 'auto-response-suppress'],
      ['decision-declined', 'suppressed', 'auto-response-suppress'],
    ]);
    expect(servers.sink.messages.filter((message) => message.to.includes(APPLICANT))).toEqual([]);
  }, 90_000);

  it('a status taken back before its decision reply went is not told', async () => {
    const statuses = [{ id: 'declined', folder: 'Declined', reply: true }];
    const { config, mail, filed, store, login, prefix } = await setup('decide-undo', {
      decisions: { statuses },
    });
    await start(config);
    await mail.append(await buildMail({ messageId: '<jane-6@example.org>' }));
    await waitForMessage(mail, filed, '<jane-6@example.org>');
    await waitFor('the acknowledgement', () =>
      servers.sink.messages.some((message) => message.to.includes(APPLICANT)) ? true : undefined,
    );

    // The reply workers take no job while the queue is paused: the decision reply waits until the status is gone.
    const replies = new Queue('replies', { connection: servers.redis, prefix });
    cleanups.push(() => replies.close());
    await replies.pause();
    const declined = `${filed}${mail.client.namespace?.delimiter ?? '/'}Declined`;
    const supervisor = await supervisorClient(login);
    await moveMessage(supervisor, filed, declined, '<jane-6@example.org>');
    const candidate = await waitFor('declined', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision?.status === 'declined' ? record : undefined;
    });
    const jobId = `reply.${candidate.id}.decision-declined`;
    await waitFor('the decision reply queued', async () =>
      (await replies.getJob(jobId)) ? true : undefined,
    );
    await moveMessage(supervisor, declined, filed, '<jane-6@example.org>');
    await waitFor('no status', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.decision === null ? true : undefined;
    });
    await replies.resume();

    const job = await waitForFinishedJob(replies, jobId, 'the decision reply job done');
    expect(job.returnvalue).toMatchObject({ sent: false, reason: 'the candidate no longer has this status' });
    expect(decisionsTo(APPLICANT)).toEqual([]);
  }, 120_000);
});
