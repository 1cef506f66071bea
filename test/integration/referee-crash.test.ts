import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMail, pdfAttachment } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openCandidateStore } from '../support/open-candidate-store.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { spawnCli } from '../support/run-cli.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

let dovecot: DovecotServer;
let redis: Redis;
let dir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  redis = new Redis(REDIS_URL);
  dir = await mkdtemp(path.join(tmpdir(), 'triage-referee-crash-'));
});

afterAll(async () => {
  for (const prefix of prefixes) await removePrefix(prefix);
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
  await dovecot.stop();
});

/** A config file for one mailbox of `login`; replies go nowhere (this test looks at the link and the filing). */
async function writeConfig(name: string, login: { user: string; pass: string }) {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  const config = path.join(dir, `${name}.yaml`);
  const imap = { host: dovecot.host, port: dovecot.port, ...login };
  const vacancy = { id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'] };
  const raw = rawTestConfig(
    { imap, smtpPort: 1, prefix },
    { vacancies: [vacancy], workers: { concurrency: 2, stalledSeconds: 3 }, log: undefined },
  );
  await writeFile(config, JSON.stringify(raw));
  return { config, prefix };
}

async function runUntilKilled(config: string, point: string): Promise<void> {
  const crashing = spawnCli(['--config', config, 'start'], { TRIAGE_FAULT_POINT: point });
  const [, signal] = (await once(crashing, 'exit')) as [number | null, string | null];
  expect(signal).toBe('SIGKILL');
}

describe("kill -9 while a referee's letter is linked", () => {
  it('referee-first-crash: killed after the link and after the filing, the letter is linked once, filed, let go', async () => {
    const login = await dovecot.createUser('refcrash');
    const { config, prefix } = await writeConfig('refcrash', login);
    const held = `${prefix}:held-references:chen`;
    const mail = await openImapTestClient(dovecot, login);
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
    await mail.append(
      await buildMail({
        from: 'Dr John Smith <j.smith@kcl.example.ac.uk>',
        messageId: '<smith-crash@kcl.example.ac.uk>',
        subject: '[PHD-robustAI] Reference for Priya Raman',
        text: 'Dear Dr Chen,\n\nPlease find attached my letter of reference for Ms Priya Raman.\n\nBest regards,\nJohn Smith',
        attachments: [await pdfAttachment('Reference_Priya_Raman.pdf')],
      }),
    );
    const first = spawnCli(['--config', config, 'start']);
    await waitFor('the letter held', async () => ((await redis.hlen(held)) === 1 ? true : undefined));
    first.kill('SIGTERM');
    await once(first, 'exit');

    await mail.append(
      await buildMail({
        from: 'Priya Raman <priya.raman@mail.example.com>',
        messageId: '<priya-crash@mail.example.com>',
        subject: '[PHD-robustAI] Application - Priya Raman',
        text: 'Dear Dr Chen,\n\nI am writing to apply. Please find attached my CV.\n\nPriya Raman',
        attachments: [await pdfAttachment('CV_Priya_Raman.pdf')],
      }),
    );
    // The application's job links the held letter: killed once right after the link, once right after filing.
    await runUntilKilled(config, 'reference-after-link');
    await runUntilKilled(config, 'reference-after-file');
    const healthy = spawnCli(['--config', config, 'start']);
    const store = await openCandidateStore(redis, prefix);
    const candidate = await waitFor(
      'the letter linked, filed and let go',
      async () => {
        const [record] = await store.list(['robust-ai']);
        const done = record?.references[0]?.filedTo && (await redis.hlen(held)) === 0;
        return done ? record : undefined;
      },
      60_000,
    );
    await waitFor('both filed', async () => ((await mail.messageIds(filed)).length === 2 ? true : undefined));
    healthy.kill('SIGTERM');
    await once(healthy, 'exit');
    const inbox = await mail.messageIds('INBOX');
    await mail.close();
    expect(candidate.references.map((reference) => reference.key)).toEqual([
      '<smith-crash@kcl.example.ac.uk>',
    ]);
    expect(candidate.documents.map((document) => document.filename)).toEqual([
      'CV_Priya_Raman.pdf',
      'Reference_Priya_Raman.pdf',
    ]);
    expect(candidate.history.filter((entry) => entry.action === 'reference')).toHaveLength(1);
    expect(await store.list(['robust-ai'])).toHaveLength(1);
    expect(inbox).toEqual([]);
  }, 150_000);
});
