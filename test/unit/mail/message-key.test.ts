import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { messageKey } from '../../../src/mail/message-key.ts';
import type { MessageFacts } from '../../../src/mail/message-facts.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';

async function parse(raw: string | Buffer) {
  return (await parseMessage(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), { maxAttachments: 100 })).facts;
}

function facts(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    subject: '[PHD-robustAI] Application',
    from: { name: 'Jane Doe', address: 'jane.doe@mail.example' },
    replyTo: [],
    to: [{ name: '', address: 'chen@uni.example' }],
    cc: [],
    date: '2025-01-14T08:12:31.000Z',
    contentType: 'text/plain',
    headers: {},
    attachments: [],
    textLength: 10,
    headersOnly: false,
    ...overrides,
  };
}

const NO_ID_MESSAGE = [
  'Received: from a.example by mx.uni.example; Tue, 14 Jan 2025 09:12:44 +0100',
  'Date: Tue, 14 Jan 2025 08:12:31 +0000',
  'From: Jane Doe <jane.doe@mail.example>',
  'To: chen@uni.example',
  'Subject: [PHD-robustAI] Application',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  '',
  'Dear Professor Chen,',
  '',
].join('\r\n');

describe('messageKey', () => {
  it('application-exact-tag: the Message-ID, lower-cased, is the key', async () => {
    const buffer = await readFile(new URL('../../fixtures/mail/application-exact-tag.eml', import.meta.url));
    expect(messageKey(await parse(buffer))).toBe('<cajx8f3k2qy1n4m@mail.example>');
  });

  it('message-id-case: the same Message-ID in another case is the same message', () => {
    expect(messageKey(facts({ messageId: '<ABC@Mail.Example>' }))).toBe(
      messageKey(facts({ messageId: '<abc@mail.example>' })),
    );
  });

  it('message-id-wins: with a Message-ID, other facts do not change the key', () => {
    const a = facts({ messageId: '<a@x.example>', subject: 'one', date: null });
    const b = facts({ messageId: '<a@x.example>', subject: 'two', date: '2025-01-01T00:00:00.000Z' });
    expect(messageKey(a)).toBe(messageKey(b));
  });

  it('no-message-id: a stable digest key, marked as such', async () => {
    const key = messageKey(await parse(NO_ID_MESSAGE));
    expect(key).toMatch(/^no-message-id:[0-9a-f]{32}$/);
    expect(messageKey(await parse(NO_ID_MESSAGE))).toBe(key);
  });

  it('no-message-id-redelivered: another Received header (another route) keeps the key', async () => {
    const rerouted = NO_ID_MESSAGE.replace('from a.example', 'from b.example');
    expect(messageKey(await parse(rerouted))).toBe(messageKey(await parse(NO_ID_MESSAGE)));
  });

  it.each([
    ['sender', { from: { name: 'Jane Doe', address: 'other@mail.example' } }],
    ['no sender', { from: null }],
    ['date', { date: '2025-01-14T08:12:32.000Z' }],
    ['no date', { date: null }],
    ['subject', { subject: '[PHD-robustAI] Application (2)' }],
    [
      'attachment',
      {
        attachments: [
          {
            filename: 'CV.pdf',
            contentType: 'application/pdf',
            size: 3,
            sha256: 'a'.repeat(64),
            inline: false,
            within: [],
            container: null,
          },
        ],
      },
    ],
  ] satisfies [string, Partial<MessageFacts>][])(
    'no-message-id: a different %s gives a different key',
    (_what, change) => {
      expect(messageKey(facts(change))).not.toBe(messageKey(facts()));
    },
  );

  it('no-message-id: the sender display name does not matter, only the address', () => {
    expect(messageKey(facts({ from: { name: 'J. Doe', address: 'jane.doe@mail.example' } }))).toBe(
      messageKey(facts()),
    );
  });

  it('no-message-id key never collides with a real Message-ID key', () => {
    expect(messageKey(facts())).not.toMatch(/^</);
  });
});
