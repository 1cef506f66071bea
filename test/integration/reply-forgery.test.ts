import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { openPersonalData } from '../../src/adapters/redis/personal-data-store.ts';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import { buildBounce } from '../support/build-bounce.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));
const waitForReply = (address: string) =>
  waitFor(`a reply to ${address}`, () => (sentTo(address).length > 0 ? sentTo(address) : undefined));

/** Waits until the ingest stage has recorded what a message is (kind), by its Message-ID. */
async function triagedAs(prefix: string, messageId: string): Promise<string> {
  return waitFor(`${messageId} triaged`, async () => {
    const seen = await servers.redis.hget(redisKeys(prefix).seen('chen'), messageId.toLowerCase());
    return seen ? (JSON.parse(seen) as { kind: string }).kind : undefined;
  });
}

describe('bounces cannot be forged, replies cannot be reflected, our own mail is never answered', () => {
  it('forged-bounce: a stranger naming two applicants suppresses neither; a real bounce of our ack suppresses only its recipient', async () => {
    const { config, mail, prefix } = await setup('forged-bounce');
    await start(config);
    const forged = await buildMail({
      messageId: '<forged-bounce@evil.example>',
      from: 'Stranger <stranger@evil.example>',
      subject: 'Delivery failure',
      inReplyTo: '<triage-reply.0123456789abcdef01234567@uni.example>',
      headers: { 'X-Failed-Recipients': 'amara@example.net, kofi@example.net' },
      attachments: [],
    });
    await mail.append(forged);
    expect(await triagedAs(prefix, '<forged-bounce@evil.example>')).toBe('bounce');
    await mail.append(
      await buildMail({ messageId: '<amara-1@example.net>', from: 'Amara <amara@example.net>' }),
    );
    await mail.append(
      await buildMail({ messageId: '<kofi-1@example.net>', from: 'Kofi <kofi@example.net>' }),
    );
    const [ack] = await waitForReply('amara@example.net');
    await waitForReply('kofi@example.net');
    const bounced = redisKeys(prefix).bounced();
    expect(await servers.redis.hgetall(bounced)).toEqual({});

    const ackId = (await simpleParser(ack?.raw ?? '')).messageId ?? '';
    await mail.append(
      Buffer.from(
        buildBounce({
          replyMessageId: ackId,
          sentTo: 'amara@example.net',
          failed: ['amara@example.net', 'kofi@example.net'],
          messageId: '<dsn-real@mx.example.net>',
        }),
      ),
    );
    // Suppressions are kept by the address's keyed hash, never by the address.
    const personal = await openPersonalData(servers.redis, redisKeys(prefix), config.security);
    const amara = personal.hashAddress('amara@example.net');
    await waitFor('the real bounce recorded', async () =>
      (await servers.redis.hget(bounced, amara)) ? true : undefined,
    );
    expect(Object.keys(await servers.redis.hgetall(bounced))).toEqual([amara]);
  });

  it('reflector: seven tagged messages from seven senders with one third-party Reply-To → nothing to the third party, one ack to each From', async () => {
    const { config, mail, store } = await setup('reflector');
    await start(config);
    const senders = Array.from({ length: 7 }, (_, index) => `sender${index + 1}@example.net`);
    for (const [index, sender] of senders.entries()) {
      await mail.append(
        await buildMail({
          messageId: `<reflect-${index}@example.net>`,
          from: sender,
          headers: { 'Reply-To': 'victim@third-party.example' },
        }),
      );
    }
    await waitFor('all seven decided', async () => {
      const records = await store.list(['robust-ai']);
      return records.length === 7 && records.every((record) => record.replies.length > 0) ? true : undefined;
    });
    expect(sentTo('victim@third-party.example')).toEqual([]);
    for (const sender of senders) expect(sentTo(sender)).toHaveLength(1);
    expect(servers.sink.messages).toHaveLength(7);
  });

  it('reflector-trusted: with a trusted dmarc=pass, a same-organisation Reply-To answers for the first applicant only', async () => {
    const { config, mail, store } = await setup('reflector-trusted', {
      mailbox: { trustedAuthservIds: ['mx.uni.example'] },
    });
    await start(config);
    for (const index of [1, 2, 3]) {
      await mail.append(
        await buildMail({
          messageId: `<trusted-${index}@lab.example>`,
          from: `student${index}@lab.example`,
          headers: {
            'Reply-To': 'office@lab.example',
            'Authentication-Results': 'mx.uni.example; dmarc=pass header.from=lab.example',
          },
        }),
      );
      // One after the other, so that the first one is known.
      await waitFor(`message ${index} decided`, async () => {
        const records = await store.list(['robust-ai']);
        return records.filter((record) => record.replies.length > 0).length === index ? true : undefined;
      });
    }
    const replies = (await store.list(['robust-ai'])).flatMap((record) => record.replies);
    expect(replies.map((reply) => reply.status).sort()).toEqual(['sent', 'suppressed', 'suppressed']);
    expect(replies.filter((reply) => reply.status === 'suppressed').map((reply) => reply.detail)).toEqual([
      'recipient-taken',
      'recipient-taken',
    ]);
    expect(sentTo('office@lab.example')).toHaveLength(1);
    expect(servers.sink.messages).toHaveLength(1);
  });

  it('forwarded-own-ack: our acknowledgement sent back with a new Message-ID, another From and no markers → no reply, no candidate', async () => {
    const { config, mail, store, prefix } = await setup('forwarded-ack');
    await start(config);
    await mail.append(await buildMail({ messageId: '<fwd-origin@example.org>' }));
    const [ack] = await waitForReply('jane.doe@example.org');
    const parsed = await simpleParser(ack?.raw ?? '');
    expect(parsed.text).toMatch(/Ref: AT1-[A-Z2-7]{32}/);
    const bounced = await buildMail({
      messageId: '<fwd-back@loop.example>',
      from: 'Loop <loop@loop.example>',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      attachments: [],
    });
    await mail.append(bounced);
    expect(await triagedAs(prefix, '<fwd-back@loop.example>')).toBe('own');
    const records = await store.list(['robust-ai', 'med-imaging']);
    expect(records.map((record) => record.email)).toEqual(['jane.doe@example.org']);
    expect(servers.sink.messages).toHaveLength(1);
  });
});
