import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { buildBounce, buildTextBounce } from '../support/build-bounce.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const FIXTURES = new URL('../fixtures/mail/', import.meta.url);
// Applications that do get a reply: the rest of the fixtures must never reach the SMTP sink.
const ANSWERED = /^(application-|apple-mail-|auto-submitted-no-human|x-auto-response-suppress-receipts-only)/;

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));

describe('replies are never sent to', () => {
  it('automatic mail, bounces, lists, spam, our own mail, or a sender who asked for none (one fixture per rule)', async () => {
    const { config, mail, store, prefix } = await setup('never');
    // Automatic mail recognised by its content (automatic/) too, tagged as it is: none of it is ever answered.
    const automatic = (await readdir(new URL('automatic/', FIXTURES))).map((name) => `automatic/${name}`);
    const names = [...(await readdir(FIXTURES)), ...automatic]
      .filter((name) => name.endsWith('.eml') && !ANSWERED.test(name.replace(/^automatic\//, '')))
      .sort();
    for (const name of names) await mail.append(await readFile(new URL(name, FIXTURES)));
    await mail.append(
      await buildMail({ messageId: '<control@example.org>', from: 'Control <control@example.org>' }),
    );
    await start(config);
    await waitFor('the control application acknowledged', () =>
      sentTo('control@example.org').length ? true : undefined,
    );
    const suppressed = await waitFor('the suppressed application recorded', async () => {
      const records = await store.list(['robust-ai', 'med-imaging']);
      const novak = records.find((record) => record.email === 'a.novak@uni-c.example');
      return novak?.replies.length ? novak.replies : undefined;
    });
    const seen = await waitFor('every fixture triaged', async () => {
      const count = await servers.redis.hlen(redisKeys(prefix).seen('chen'));
      return count >= names.length + 1 ? count : undefined;
    });
    expect(seen).toBe(names.length + 1);
    expect(suppressed).toEqual([
      expect.objectContaining({ status: 'suppressed', detail: 'auto-response-suppress' }),
    ]);
    expect(servers.sink.messages.flatMap((message) => message.to)).toEqual(['control@example.org']);
  });

  it('an address over the per-address limit in the window', async () => {
    const { config, mail, store } = await setup('rate', { replies: { maxPerAddress: 1 } });
    await start(config);
    await mail.append(await buildMail({ messageId: '<r-1@example.org>' }));
    await mail.append(
      await buildMail({ messageId: '<r-2@example.org>', subject: '[DPHIL-MedIm] Application' }),
    );
    const replies = await waitFor('both decided', async () => {
      const all = (await store.list(['robust-ai', 'med-imaging'])).flatMap((record) => record.replies);
      return all.length === 2 ? all : undefined;
    });
    expect(replies.map((entry) => entry.status).sort()).toEqual(['sent', 'suppressed']);
    expect(replies.find((entry) => entry.status === 'suppressed')?.detail).toBe('rate-limit');
    expect(sentTo('jane.doe@example.org')).toHaveLength(1);
  });

  it.each([
    ['a delivery-status bounce', buildBounce],
    ['a plain-text bounce (Exim wording, no DSN, not from mailer-daemon)', buildTextBounce],
  ])('an address that bounced one of our replies: %s', async (_name, bounce) => {
    const { config, mail, store } = await setup('bounced');
    await start(config);
    await mail.append(await buildMail({ messageId: '<b-1@example.org>', from: 'Bob <bob@example.net>' }));
    const [ack] = await waitFor('first acknowledgement', () =>
      sentTo('bob@example.net').length ? sentTo('bob@example.net') : undefined,
    );
    const ackId = (await simpleParser(ack?.raw ?? '')).messageId ?? '';
    await mail.append(Buffer.from(bounce({ replyMessageId: ackId, sentTo: 'bob@example.net' })));
    const keys = redisKeys(config.redis.prefix);
    const personal = await openPersonalData(servers.redis, keys, config.security);
    await waitFor('bounce recorded', async () =>
      (await servers.redis.hget(keys.bounced(), personal.hashAddress('bob@example.net'))) ? true : undefined,
    );
    await mail.append(
      await buildMail({
        messageId: '<b-2@example.org>',
        from: 'Bob <bob@example.net>',
        subject: '[DPHIL-MedIm] Application',
      }),
    );
    const second = await waitFor('second decision', async () => {
      const [record] = await store.list(['med-imaging']);
      return record?.replies.length ? record.replies[0] : undefined;
    });
    expect(second).toMatchObject({ status: 'suppressed', detail: 'bounced-address' });
    expect(sentTo('bob@example.net')).toHaveLength(1);
  });
});
