import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { runDigestNow } from '../../src/cli/run-digest-now.ts';
import { isInReview } from '../../src/candidates/review-state.ts';
import { buildMail } from '../support/build-mail.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import type { ImapTestClient } from '../support/imap-test-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const YEARLY = { schedule: '0 0 1 1 *', timezone: 'Europe/London' };
const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));
const digestsTo = (address: string) =>
  sentTo(address).filter((message) => /x-applicant-triage: digest/i.test(message.raw));
const fixture = (name: string) => readFile(new URL(`../fixtures/mail/${name}`, import.meta.url));

/** The Message-IDs of a folder's messages that carry \Answered. */
async function answered(mail: ImapTestClient, folder: string): Promise<string[]> {
  const lock = await mail.client.getMailboxLock(folder);
  try {
    await mail.client.noop();
    const ids: string[] = [];
    for await (const message of mail.client.fetch('1:*', { envelope: true, flags: true })) {
      if (message.flags?.has('\\Answered') && message.envelope?.messageId)
        ids.push(message.envelope.messageId);
    }
    return ids;
  } finally {
    lock.release();
  }
}

describe('near misses', () => {
  it('a suffixed tag with a CV is filed for review, listed in the digest, never answered; a tagged resend makes a candidate', async () => {
    const { config, mail, store, filed } = await setup('near-miss', { digest: YEARLY });
    const delimiter = mail.client.namespace?.delimiter ?? '/';
    const review = `Applications${delimiter}_review`;
    await start(config);
    await mail.append(await fixture('review/tag-suffix-cv.eml'));
    await mail.append(await buildMail({ messageId: '<tagged-1@example.org>' }));
    await waitForMessage(mail, review, '<20261130100208.77812@correio.example>');
    // The tagged application is acknowledged: the reply stage ran while the near miss was there.
    await waitFor('the acknowledgement to jane', () =>
      sentTo('jane.doe@example.org').length > 0 ? true : undefined,
    );
    const [record] = (await store.list(['robust-ai'])).filter(
      (entry) => entry.email === 't.oliveira@correio.example',
    );
    expect(record && isInReview(record)).toBe(true);
    expect(record?.messages[0]).toMatchObject({ match: 'near-miss', filedTo: review });
    expect(record?.messages[0]?.nearMiss?.reason).toBe('tag-suffix');

    await runDigestNow(config, captureLogs().logger);
    const [digest] = digestsTo('chen@uni.example');
    const text = (await simpleParser(digest?.raw ?? '')).text ?? '';
    expect(text).toContain('Possibly applications (1)');
    expect(text).toContain('<t.oliveira@correio.example> — tag with extra characters: "[PHD-robustAI2]"');
    expect(text).toContain(`Filed in: ${review}`);
    // Listed as a possible application, not as a candidate: Jane is the only one ranked.
    expect(text).toContain('All time: 1 candidate');
    expect(sentTo('t.oliveira@correio.example')).toHaveLength(0);
    expect(await answered(mail, review)).toEqual([]);

    // The applicant sends it again with the tag: now a candidate, acknowledged once, filed with the vacancy.
    await mail.append(
      await buildMail({
        messageId: '<resend-tomas@correio.example>',
        from: '"Tomás Oliveira" <t.oliveira@correio.example>',
        subject: '[PHD-robustAI] Application for the PhD position',
      }),
    );
    await waitForMessage(mail, filed, '<resend-tomas@correio.example>');
    const [ack] = await waitFor('the acknowledgement to Tomás', () => {
      const replies = sentTo('t.oliveira@correio.example');
      return replies.length > 0 ? replies : undefined;
    });
    expect((await simpleParser(ack?.raw ?? '')).inReplyTo).toBe('<resend-tomas@correio.example>');
    const resolved = await store.get(record?.id ?? '');
    expect(resolved && isInReview(resolved)).toBe(false);
    expect(resolved?.history.map((entry) => entry.action)).toEqual(['review-resolved']);
    expect(sentTo('t.oliveira@correio.example')).toHaveLength(1);
  });
});

describe('resend requests', () => {
  it('opted in: one "please resend with the tag" per sender and vacancy, however many near misses, the original marked \\Answered', async () => {
    const { config, mail } = await setup('resend', { replies: { resendRequest: true } });
    const review = `Applications${mail.client.namespace?.delimiter ?? '/'}_review`;
    await start(config);
    await mail.append(await fixture('review/tag-suffix-cv.eml'));
    const [reply] = await waitFor('the resend request', () => {
      const replies = sentTo('t.oliveira@correio.example');
      return replies.length > 0 ? replies : undefined;
    });
    const parsed = await simpleParser(reply?.raw ?? '');
    expect(parsed.inReplyTo).toBe('<20261130100208.77812@correio.example>');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.text).toContain('please send your email again with [PHD-robustAI] in the subject');
    await waitFor('the near miss marked \\Answered', async () =>
      (await answered(mail, review)).includes('<20261130100208.77812@correio.example>') ? true : undefined,
    );
    await mail.append(
      await buildMail({
        messageId: '<second-near-miss@correio.example>',
        from: '"Tomás Oliveira" <t.oliveira@correio.example>',
        subject: '[PHD-robustAI2] Application, again',
      }),
    );
    await waitForMessage(mail, review, '<second-near-miss@correio.example>');
    // Its assessment is done once it is filed; a second request would be on its way by now.
    await mail.append(await buildMail({ messageId: '<after@example.org>' }));
    await waitFor('the acknowledgement to jane', () =>
      sentTo('jane.doe@example.org').length > 0 ? true : undefined,
    );
    expect(sentTo('t.oliveira@correio.example')).toHaveLength(1);
  });
});

describe('questions', () => {
  it('a question in the thread is listed under "waiting for your answer" and not marked \\Answered; a thank-you gets its receipt', async () => {
    const { config, mail, store, filed } = await setup('question', {
      digest: YEARLY,
      replies: { followUpReceipts: true },
    });
    await start(config);
    await mail.append(await buildMail({ messageId: '<q-app@example.org>' }));
    await waitFor('the acknowledgement', () =>
      sentTo('jane.doe@example.org').length > 0 ? true : undefined,
    );
    // The application's own digest goes first: the question alone must make the next one worth sending.
    await runDigestNow(config, captureLogs().logger);
    expect(digestsTo('chen@uni.example')).toHaveLength(1);
    const followUp = (messageId: string, text: string) =>
      buildMail({
        messageId,
        subject: 'Re: [PHD-robustAI] Application for the PhD position',
        inReplyTo: '<q-app@example.org>',
        references: ['<q-app@example.org>'],
        text,
        attachments: [],
      });
    await mail.append(
      await followUp(
        '<q-question@example.org>',
        'Dear Dr Chen,\n\nthank you for your reply. Would an April start be possible?\n\nBest,\nJane',
      ),
    );
    await mail.append(
      await followUp(
        '<q-thanks@example.org>',
        'Dear Dr Chen,\n\nthank you very much for your reply!\n\nBest,\nJane',
      ),
    );
    await waitForMessage(mail, filed, '<q-question@example.org>');
    await waitForMessage(mail, filed, '<q-thanks@example.org>');
    // The receipt for the thank-you note, and its \Answered, come after filing.
    await waitFor('the receipt', () => (sentTo('jane.doe@example.org').length >= 2 ? true : undefined));
    const flagged = await waitFor('the thank-you marked', async () => {
      const ids = await answered(mail, filed);
      return ids.includes('<q-thanks@example.org>') ? ids : undefined;
    });
    expect(flagged.sort()).toEqual(['<q-app@example.org>', '<q-thanks@example.org>']);
    const [candidate] = await store.list(['robust-ai']);
    expect(
      candidate?.messages.find((message) => message.key.includes('q-question'))?.question?.phrases,
    ).toEqual(['Would an April start be possible?']);

    await runDigestNow(config, captureLogs().logger);
    const [, digest] = digestsTo('chen@uni.example');
    const text = (await simpleParser(digest?.raw ?? '')).text ?? '';
    expect(text).toContain('Updated applications (1)');
    expect(text).toContain('Waiting for your answer (1)');
    expect(text).toContain(
      'Jane Doe <jane.doe@example.org> — "Re: [PHD-robustAI] Application for the PhD position"',
    );
    expect(text).toContain('   thank you for your reply. Would an April start be possible?');
    expect(text).not.toContain('thank you very much for your reply!');
    expect(sentTo('jane.doe@example.org').filter((message) => !/digest/i.test(message.raw))).toHaveLength(2);
    expect(await answered(mail, filed)).not.toContain('<q-question@example.org>');
  });
});
