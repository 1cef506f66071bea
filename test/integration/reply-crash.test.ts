import { once } from 'node:events';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { spawnCli } from '../support/run-cli.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

let dovecot: DovecotServer;
let sink: SmtpSink;
let redis: Redis;
let dir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  sink = await startSmtpSink();
  redis = new Redis(REDIS_URL);
  dir = await mkdtemp(path.join(tmpdir(), 'triage-reply-crash-'));
});

afterAll(async () => {
  for (const prefix of prefixes) await removePrefix(prefix);
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
  await sink.close();
  await dovecot.stop();
});

async function writeConfig(
  name: string,
  login: { user: string; pass: string },
  prefix: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const file = path.join(dir, `${name}.yaml`);
  const imap = { host: dovecot.host, port: dovecot.port, ...login };
  const config = rawTestConfig(
    { imap, smtpPort: sink.port, prefix },
    {
      vacancies: [
        {
          id: 'robust-ai',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust AI',
          supervisors: ['chen@uni.example'],
        },
      ],
      workers: { stalledSeconds: 3 },
      log: undefined,
      ...overrides,
    },
  );
  await writeFile(file, JSON.stringify(config));
  return file;
}

/**
 * Delivers one application twice, runs a daemon that SIGKILLs itself at `faultPoint` while replying, then a
 * healthy daemon until the reply job is settled; returns what reached the sink and the candidate.
 */
async function crashWhileReplying(faultPoint: string) {
  const login = await dovecot.createUser(faultPoint);
  const prefix = uniquePrefix(faultPoint);
  prefixes.push(prefix);
  const config = await writeConfig(faultPoint, login, prefix);
  const applicant = `${faultPoint}@example.org`;
  const mail = await openImapTestClient(dovecot, login);
  const application = await buildMail({
    messageId: `<${faultPoint}@example.org>`,
    from: `Applicant <${applicant}>`,
  });
  await mail.append(application);
  await mail.append(application);

  const crashing = spawnCli(['--config', config, 'start'], { TRIAGE_FAULT_POINT: faultPoint });
  const [, signal] = (await once(crashing, 'exit')) as [number | null, string | null];
  const healthy = spawnCli(['--config', config, 'start']);
  const store = await openCandidateStore(redis, prefix);
  const candidate = await waitFor(
    'the reply settled',
    async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.replies.length ? record : undefined;
    },
    60_000,
  );
  healthy.kill('SIGTERM');
  await once(healthy, 'exit');
  await mail.close();
  return { signal, candidate, sent: sink.messages.filter((message) => message.to.includes(applicant)) };
}

describe('kill -9 while acknowledging, then restart', () => {
  it('between claim and send: the restarted daemon sends the acknowledgement, once', async () => {
    const { signal, candidate, sent } = await crashWhileReplying('reply-after-claim');
    expect(signal).toBe('SIGKILL');
    expect(sent).toHaveLength(1);
    expect(candidate.replies).toEqual([expect.objectContaining({ kind: 'acknowledgement', status: 'sent' })]);
    expect(candidate.messages).toHaveLength(1);
  }, 90_000);

  it('when the server is ready for the message: the restarted daemon sends it, once', async () => {
    const { signal, candidate, sent } = await crashWhileReplying('reply-at-data');
    expect(signal).toBe('SIGKILL');
    expect(sent).toHaveLength(1);
    expect(candidate.replies).toEqual([expect.objectContaining({ kind: 'acknowledgement', status: 'sent' })]);
    expect(candidate.flags).not.toContain('reply-unconfirmed');
  }, 90_000);

  it('once the ledger says sent, before the candidate does: not sent again, and the restart records it', async () => {
    const { signal, candidate, sent } = await crashWhileReplying('reply-after-mark-sent');
    expect(signal).toBe('SIGKILL');
    expect(sent).toHaveLength(1);
    expect(candidate.replies).toEqual([expect.objectContaining({ kind: 'acknowledgement', status: 'sent' })]);
    expect(candidate.flags).not.toContain('reply-unconfirmed');
  }, 90_000);

  it('between send and completion: nothing is sent again, and the candidate says the reply is unconfirmed', async () => {
    const { signal, candidate, sent } = await crashWhileReplying('reply-after-send');
    expect(signal).toBe('SIGKILL');
    expect(sent).toHaveLength(1);
    expect(candidate.replies).toEqual([
      expect.objectContaining({ kind: 'acknowledgement', status: 'unconfirmed' }),
    ]);
    expect(candidate.flags).toContain('reply-unconfirmed');
  }, 90_000);
});

/**
 * Acknowledges an application with a healthy daemon, then has the supervisor move it into Declined (whose status
 * sends a decision reply) and runs a daemon that SIGKILLs itself at `faultPoint` while sending that reply, then a
 * healthy daemon until it is settled; returns what reached the sink and the candidate.
 */
async function crashWhileTellingDecision(faultPoint: string) {
  const name = `decision-${faultPoint}`;
  const login = await dovecot.createUser(name);
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  const statuses = [{ id: 'declined', folder: 'Declined', reply: true }];
  const config = await writeConfig(name, login, prefix, { decisions: { statuses } });
  const applicant = `${name}@example.org`;
  const mail = await openImapTestClient(dovecot, login);
  await mail.append(
    await buildMail({ messageId: `<${name}@example.org>`, from: `Applicant <${applicant}>` }),
  );
  const store = await openCandidateStore(redis, prefix);
  const first = spawnCli(['--config', config, 'start']);
  await waitFor('the acknowledgement', async () => {
    const [record] = await store.list(['robust-ai']);
    return record?.replies.length ? record : undefined;
  });
  first.kill('SIGTERM');
  await once(first, 'exit');

  const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
  const declined = `${filed}${mail.client.namespace?.delimiter ?? '/'}Declined`;
  await mail.client.mailboxCreate(declined);
  const lock = await mail.client.getMailboxLock(filed);
  try {
    await mail.client.messageMove({ header: { 'message-id': `<${name}@example.org>` } }, declined);
  } finally {
    lock.release();
  }
  const crashing = spawnCli(['--config', config, 'start'], { TRIAGE_FAULT_POINT: faultPoint });
  const [, signal] = (await once(crashing, 'exit')) as [number | null, string | null];
  const healthy = spawnCli(['--config', config, 'start']);
  const candidate = await waitFor(
    'the decision reply settled',
    async () => {
      const [record] = await store.list(['robust-ai']);
      return (record?.replies.length ?? 0) > 1 ? record : undefined;
    },
    60_000,
  );
  healthy.kill('SIGTERM');
  await once(healthy, 'exit');
  await mail.close();
  const sent = sink.messages.filter(
    (message) => message.to.includes(applicant) && /has not been shortlisted/.test(message.raw),
  );
  return { signal, candidate, sent };
}

describe('kill -9 while telling a decision, then restart', () => {
  it('when the server is ready for the message: the restarted daemon sends it, once', async () => {
    const { signal, candidate, sent } = await crashWhileTellingDecision('reply-at-data');
    expect(signal).toBe('SIGKILL');
    expect(sent).toHaveLength(1);
    expect(candidate.decision?.status).toBe('declined');
    expect(candidate.replies.map((entry) => [entry.kind, entry.status])).toEqual([
      ['acknowledgement', 'sent'],
      ['decision-declined', 'sent'],
    ]);
  }, 90_000);

  it('between send and completion: nothing is sent again, and the candidate says the reply is unconfirmed', async () => {
    const { signal, candidate, sent } = await crashWhileTellingDecision('reply-after-send');
    expect(signal).toBe('SIGKILL');
    expect(sent).toHaveLength(1);
    expect(candidate.replies.map((entry) => [entry.kind, entry.status])).toEqual([
      ['acknowledgement', 'sent'],
      ['decision-declined', 'unconfirmed'],
    ]);
    expect(candidate.flags).toContain('reply-unconfirmed');
  }, 90_000);
});
