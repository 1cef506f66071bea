import { describe, expect, it } from 'vitest';
import { DeadLetterStore } from '../../src/adapters/redis/dead-letters.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start, cleanups } = useDaemonEnvironment();

describe('daemon on a real Dovecot, Redis and SMTP sink', () => {
  it('files mail that arrives while it runs, and records the candidate', async () => {
    const { mail, config, store, filed } = await setup('live');
    const { logs } = await start(config);
    await waitFor('watcher', () => (logs.find('watching mailbox').length > 0 ? true : undefined));
    await mail.append(await buildMail({ messageId: '<live-1@example.org>' }));
    await waitForMessage(mail, filed, '<live-1@example.org>');
    expect(await mail.messageIds('INBOX')).not.toContain('<live-1@example.org>');
    const [candidate] = await store.list(['robust-ai']);
    expect(candidate).toMatchObject({
      vacancy: 'robust-ai',
      name: 'Jane Doe',
      email: 'jane.doe@example.org',
      missing: ['transcript'],
    });
    expect(candidate?.documents.map((document) => [document.filename, document.kind])).toEqual([
      ['CV_Jane_Doe.pdf', 'cv'],
    ]);
    expect(candidate?.messages[0]?.filedTo).toBe(filed);
  });

  it('picks up mail that arrived while it was down, and leaves non-applications in place', async () => {
    const { mail, config, store, filed } = await setup('backlog');
    await mail.append(await buildMail({ messageId: '<down-1@example.org>' }));
    await mail.append(
      await buildMail({ messageId: '<ooo@example.org>', headers: { 'Auto-Submitted': 'auto-replied' } }),
    );
    await mail.append(
      await buildMail({ messageId: '<plain@example.org>', subject: 'Question about your paper' }),
    );
    const { logs } = await start(config);
    await waitForMessage(mail, filed, '<down-1@example.org>');
    await waitFor('both non-applications seen', () =>
      logs.find('not an application; left in place').length === 2 ? true : undefined,
    );
    expect((await mail.messageIds('INBOX')).sort()).toEqual(['<ooo@example.org>', '<plain@example.org>']);
    expect(await store.list(['robust-ai', 'med-imaging'])).toHaveLength(1);
  });

  it('makes one message of a duplicate delivery and merges follow-ups by address and by thread', async () => {
    const { mail, config, store, filed } = await setup('merge');
    await start(config);
    const first = await buildMail({ messageId: '<first@example.org>' });
    await mail.append(first);
    await mail.append(first);
    await mail.append(
      await buildMail({
        messageId: '<second@example.org>',
        subject: 'Re: [PHD-robustAI] Application for the PhD position',
        attachments: [
          { filename: 'Transcript.pdf', content: '%PDF-1.4 transcript', contentType: 'application/pdf' },
        ],
      }),
    );
    // From another address, untagged, but replying in the thread: the same candidate.
    await mail.append(
      await buildMail({
        from: 'Jane Doe <jane@university.example>',
        subject: 'my paper',
        messageId: '<third@example.org>',
        inReplyTo: '<first@example.org>',
        references: ['<first@example.org>'],
        attachments: [{ filename: 'paper.pdf', content: '%PDF-1.4 paper', contentType: 'application/pdf' }],
      }),
    );
    const candidate = await waitFor('three messages merged', async () => {
      const [record] = await store.list(['robust-ai']);
      return record && record.messages.length === 3 && record.messages.every((m) => m.filedTo)
        ? record
        : undefined;
    });
    expect(candidate.messages.map((message) => [message.messageId, message.match])).toEqual([
      ['<first@example.org>', 'exact'],
      ['<second@example.org>', 'exact'],
      ['<third@example.org>', 'thread'],
    ]);
    expect(candidate.documents.map((document) => document.kind).sort()).toEqual([
      'cv',
      'research',
      'transcript',
    ]);
    expect(candidate.missing).toEqual([]);
    expect(await store.list(['robust-ai'])).toHaveLength(1);
    // Both copies of the duplicate are filed; the inbox is clear.
    await waitFor('inbox empty', async () =>
      (await mail.messageIds('INBOX')).length === 0 ? true : undefined,
    );
    expect((await mail.messageIds(filed)).filter((id) => id === '<first@example.org>')).toHaveLength(2);
  });

  it('dead-letters a poison message with its reason, keeps it, and goes on with the next one', async () => {
    const { mail, config, prefix, store, filed } = await setup('poison', { limits: { maxAttachments: 2 } });
    await start(config);
    const pdf = (name: string) => ({
      filename: name,
      content: `%PDF-1.4 ${name}`,
      contentType: 'application/pdf',
    });
    await mail.append(
      await buildMail({
        messageId: '<poison@example.org>',
        attachments: [pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf')],
      }),
    );
    await mail.append(await buildMail({ messageId: '<healthy@example.org>', from: 'Ali <ali@example.net>' }));
    await waitForMessage(mail, filed, '<healthy@example.org>');
    const letters = await waitFor('dead letter', async () => {
      const found = await new DeadLetterStore(servers.redis, redisKeys(prefix)).list();
      return found.length > 0 ? found : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]?.reason).toMatch(/message-too-complex: message has 3 attachments \(limit 2\)/);
    expect(await mail.messageIds('INBOX')).toEqual(['<poison@example.org>']);
    expect((await store.list(['robust-ai'])).map((record) => record.email)).toEqual(['ali@example.net']);
  });

  it('survives its IMAP connections being killed server-side', async () => {
    const { mail, config, login, filed } = await setup('kick');
    const { logs } = await start(config);
    await mail.append(await buildMail({ messageId: '<before-kick@example.org>' }));
    await waitForMessage(mail, filed, '<before-kick@example.org>');
    await servers.dovecot.kick(login.user);
    await mail.close();
    const again = await openImapTestClient(servers.dovecot, login);
    cleanups.push(() => again.close());
    await again.append(
      await buildMail({ messageId: '<after-kick@example.org>', from: 'Bo <bo@example.net>' }),
    );
    await waitForMessage(again, filed, '<after-kick@example.org>');
    expect(logs.find('watching mailbox').length).toBeGreaterThanOrEqual(2);
  });

  it('runs one watcher for two daemons on one config, processes each message once, and fails over', async () => {
    const { mail, config, store, filed } = await setup('two');
    const a = await start(config);
    const b = await start(config);
    await waitFor('a watcher', () =>
      a.logs.find('watching mailbox').length + b.logs.find('watching mailbox').length > 0 ? true : undefined,
    );
    const ids = Array.from({ length: 8 }, (_, index) => `<two-${index}@example.org>`);
    for (const [index, id] of ids.entries()) {
      await mail.append(
        await buildMail({ messageId: id, from: `Applicant ${index} <applicant${index}@example.org>` }),
      );
    }
    await waitFor('all filed', async () =>
      (await mail.messageIds(filed)).length === ids.length ? true : undefined,
    );
    const recorded = [...a.logs.find('application recorded'), ...b.logs.find('application recorded')];
    expect(recorded).toHaveLength(ids.length);
    expect(recorded.every((line) => line.outcome === 'created')).toBe(true);
    expect(a.logs.find('watching mailbox').length + b.logs.find('watching mailbox').length).toBe(1);
    // The lease holder stops; the other daemon takes over the mailbox.
    const [holder, other] = a.logs.find('watching mailbox').length === 1 ? [a, b] : [b, a];
    await holder.daemon.stop();
    await waitFor('takeover', () => (other.logs.find('watching mailbox').length === 1 ? true : undefined));
    await mail.append(
      await buildMail({ messageId: '<after-failover@example.org>', from: 'Zoe <zoe@example.org>' }),
    );
    await waitForMessage(mail, filed, '<after-failover@example.org>');
    expect(await store.list(['robust-ai'])).toHaveLength(ids.length + 1);
  });
});
