import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { setup, start, cleanups } = useDaemonEnvironment();

describe('watcher edge cases on a real Dovecot', () => {
  it('rescans a recreated folder (new UIDVALIDITY) without processing known mail again', async () => {
    const { config, mail, filed, store } = await setup('uidvalidity', { mailbox: { watch: 'Incoming' } });
    await mail.client.mailboxCreate('Incoming');
    const known = await buildMail({ messageId: '<known@example.org>' });
    await mail.append(known, 'Incoming');
    const first = await start(config);
    await waitForMessage(mail, filed, '<known@example.org>');
    await first.daemon.stop();

    await mail.client.mailboxDelete('Incoming');
    await mail.client.mailboxCreate('Incoming');
    await mail.append(known, 'Incoming');
    await mail.append(
      await buildMail({ messageId: '<new@example.org>', from: 'Ana <ana@example.net>' }),
      'Incoming',
    );
    const second = await start(config);
    await waitForMessage(mail, filed, '<new@example.org>');
    await waitFor('rescan', () =>
      second.logs.find('rescan skipped messages already processed').length ? true : undefined,
    );
    expect(second.logs.find('rescan skipped messages already processed')[0]?.skipped).toBe(1);
    expect(await mail.messageIds('Incoming')).toEqual(['<known@example.org>']);
    const candidates = await store.list(['robust-ai']);
    expect(candidates.map((candidate) => [candidate.email, candidate.messages.length]).sort()).toEqual([
      ['ana@example.net', 1],
      ['jane.doe@example.org', 1],
    ]);
  });

  it('records a message over the size cap from its headers only, flags it, and still files it', async () => {
    const { config, mail, filed, store } = await setup('oversize', { limits: { maxMessageBytes: 4096 } });
    await start(config);
    const big = {
      filename: 'thesis.pdf',
      content: Buffer.alloc(20_000, 'x'),
      contentType: 'application/pdf',
    };
    await mail.append(await buildMail({ messageId: '<big@example.org>', attachments: [big] }));
    await waitForMessage(mail, filed, '<big@example.org>');
    const [candidate] = await store.list(['robust-ai']);
    expect(candidate?.flags).toContain('oversize-message');
    expect(candidate?.documents).toEqual([]);
    expect(candidate?.missing).toEqual(['cv', 'transcript']);
  });

  it('triages only the last backfillDays of an existing mailbox on first start', async () => {
    const { config, mail, filed, store } = await setup('backfill', { mailbox: { backfillDays: 7 } });
    const old = await buildMail({ messageId: '<old@example.org>', from: 'Old <old@example.org>' });
    await mail.client.append('INBOX', old, [], new Date(Date.now() - 30 * 24 * 3600 * 1000));
    await mail.append(await buildMail({ messageId: '<recent@example.org>' }));
    const { logs } = await start(config);
    await waitForMessage(mail, filed, '<recent@example.org>');
    expect(logs.find('backfilling folder')[0]).toMatchObject({ mode: 'initial', messages: 1 });
    expect(await mail.messageIds('INBOX')).toEqual(['<old@example.org>']);
    expect((await store.list(['robust-ai'])).map((candidate) => candidate.email)).toEqual([
      'jane.doe@example.org',
    ]);
  });

  it('exports documents under their sanitised names, never outside the export folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'triage-export-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const exportDir = path.join(dir, 'documents');
    const { config, mail, filed, store } = await setup('export', { export: { dir: exportDir } });
    await start(config);
    const hostile = [
      { filename: '../../escape.pdf', content: '%PDF-1.4 a', contentType: 'application/pdf' },
      { filename: 'CV\r\nBcc: x@evil.example.pdf', content: '%PDF-1.4 b', contentType: 'application/pdf' },
    ];
    await mail.append(await buildMail({ messageId: '<export@example.org>', attachments: hostile }));
    await waitForMessage(mail, filed, '<export@example.org>');
    const [candidate] = await store.list(['robust-ai']);
    expect(await readdir(dir)).toEqual(['documents']);
    const exported = await readdir(path.join(exportDir, candidate?.id ?? 'missing'));
    expect(exported).toHaveLength(2);
    for (const name of exported) expect(name).not.toMatch(/[/\\\r\n]|^\./);
  });
});
