import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { Queue } from 'bullmq';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { REDIS_URL } from '../support/redis-prefix.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));
const waitForReplies = (address: string, count = 1) =>
  waitFor(`${count} reply to ${address}`, () =>
    sentTo(address).length >= count ? sentTo(address) : undefined,
  );

describe('acknowledgements', () => {
  it('acknowledges a new application once: threaded, marked, to From (an unauthenticated Reply-To elsewhere is not used), saying what is missing', async () => {
    const { config, mail, store, filed } = await setup('ack');
    await start(config);
    const application = await buildMail({
      messageId: '<ack-1@example.org>',
      headers: { 'Reply-To': 'Jane Doe <jane.private@example.net>' },
    });
    await mail.append(application);
    await mail.append(application); // delivered twice
    const [reply] = await waitForReplies('jane.doe@example.org');
    await waitForMessage(mail, filed, '<ack-1@example.org>');
    await mail.append(
      await buildMail({ messageId: '<ack-2@example.org>', subject: 'Re: [PHD-robustAI] more' }),
    );
    await waitFor('follow-up recorded', async () =>
      (await store.list(['robust-ai']))[0]?.messages.length === 2 ? true : undefined,
    );
    expect(reply?.to).toEqual(['jane.doe@example.org']);
    expect(servers.sink.messages.flatMap((message) => message.to)).not.toContain('jane.private@example.net');
    expect(reply?.from).toBe('chen@uni.example');
    const parsed = await simpleParser(reply?.raw ?? '');
    expect(parsed.subject).toBe('Re: [PHD-robustAI] Application for the PhD position');
    expect(parsed.inReplyTo).toBe('<ack-1@example.org>');
    expect(parsed.references).toContain('<ack-1@example.org>');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.headers.get('x-applicant-triage')).toBe('reply');
    expect(parsed.text).toContain('CV_Jane_Doe.pdf');
    expect(parsed.text).toMatch(/transcript/i);
    // The sink has the reply; recording it and marking the original follow right after.
    const recorded = await waitFor('the reply recorded', async () => {
      const [candidate] = await store.list(['robust-ai']);
      return candidate?.replies.length ? candidate.replies : undefined;
    });
    expect(recorded.map((entry) => [entry.kind, entry.status])).toEqual([['acknowledgement', 'sent']]);
    // The original carries \Answered in the folder it was filed in.
    const flagged = await waitFor('the original marked \\Answered', async () => {
      const lock = await mail.client.getMailboxLock(filed);
      try {
        await mail.client.noop();
        const found = await mail.client.search(
          { answered: true, header: { 'message-id': '<ack-1@example.org>' } },
          { uid: true },
        );
        return found && found.length > 0 ? found : undefined;
      } finally {
        lock.release();
      }
    });
    expect(flagged.length).toBeGreaterThan(0);
    expect(sentTo('jane.doe@example.org')).toHaveLength(1);
    expect(sentTo('jane.private@example.net')).toHaveLength(0);
  });

  it('sends one "complete" reply when a follow-up brings the last missing document', async () => {
    const { config, mail, store } = await setup('complete');
    await start(config);
    await mail.append(await buildMail({ messageId: '<c-1@example.org>' }));
    await waitForReplies('jane.doe@example.org');
    await mail.append(
      await buildMail({
        messageId: '<c-2@example.org>',
        subject: 'Re: [PHD-robustAI] transcript',
        attachments: [{ filename: 'Transcript.pdf', content: '%PDF-1.4 t', contentType: 'application/pdf' }],
      }),
    );
    const [, complete] = await waitForReplies('jane.doe@example.org', 2);
    const kinds = await waitFor('two replies recorded', async () => {
      const replies = (await store.list(['robust-ai']))[0]?.replies ?? [];
      return replies.length === 2 ? replies.map((entry) => entry.kind) : undefined;
    });
    expect(kinds).toEqual(['acknowledgement', 'complete']);
    expect((await simpleParser(complete?.raw ?? '')).inReplyTo).toBe('<c-2@example.org>');
  });

  it('ack-describes-its-message: two messages in one batch get one acknowledgement and one complete reply, each true as of its message', async () => {
    const { config, mail } = await setup('as-of');
    await mail.append(await buildMail({ messageId: '<asof-1@example.org>' }));
    await mail.append(
      await buildMail({
        messageId: '<asof-2@example.org>',
        subject: 'Re: [PHD-robustAI] transcript',
        attachments: [{ filename: 'Transcript.pdf', content: '%PDF-1.4 t', contentType: 'application/pdf' }],
      }),
    );
    await start(config);
    const replies = await waitForReplies('jane.doe@example.org', 2);
    const parsed = await Promise.all(replies.map((reply) => simpleParser(reply.raw)));
    // Either message may be merged first (reading a document takes time): the first assessed holds the
    // acknowledgement, the other completes the application.
    expect(parsed.map((reply) => reply.inReplyTo).sort()).toEqual([
      '<asof-1@example.org>',
      '<asof-2@example.org>',
    ]);
    const complete = parsed.find((reply) => /I now have everything/.test(reply.text ?? ''));
    expect(complete?.text).toContain('CV_Jane_Doe.pdf');
    expect(complete?.text).toContain('Transcript.pdf');
    const ack = parsed.find((reply) => reply !== complete);
    // An acknowledgement of the first message never claims the transcript that only the second one brought.
    if (ack?.inReplyTo === '<asof-1@example.org>') {
      expect(ack.text).toMatch(/missing[\s\S]*transcript/i);
      expect(ack.text).not.toContain('Transcript.pdf');
    }
    expect(sentTo('jane.doe@example.org')).toHaveLength(2);
  });

  it('referee-in-the-thread: their reply is answered to the applicant, and they remain a separate person', async () => {
    const { config, mail, store } = await setup('referee');
    await start(config);
    await mail.append(await buildMail({ messageId: '<app@example.org>' }));
    await waitForReplies('jane.doe@example.org');
    await mail.append(
      await buildMail({
        messageId: '<ref-1@uni-b.example>',
        from: 'Prof Referee <referee@uni-b.example>',
        subject: 'Re: [PHD-robustAI] Application for the PhD position',
        inReplyTo: '<app@example.org>',
        references: ['<app@example.org>'],
        attachments: [{ filename: 'Transcript.pdf', content: '%PDF-1.4 t', contentType: 'application/pdf' }],
      }),
    );
    await waitForReplies('jane.doe@example.org', 2); // "complete", to the applicant
    await mail.append(
      await buildMail({ messageId: '<ref-own@uni-b.example>', from: 'Prof Referee <referee@uni-b.example>' }),
    );
    await waitForReplies('referee@uni-b.example'); // the referee's own application: their own acknowledgement
    const records = await store.list(['robust-ai']);
    expect(records.map((record) => [record.email, record.messages.length]).sort()).toEqual([
      ['jane.doe@example.org', 2],
      ['referee@uni-b.example', 1],
    ]);
    const toReferee = await Promise.all(
      sentTo('referee@uni-b.example').map((reply) => simpleParser(reply.raw)),
    );
    expect(toReferee.map((reply) => reply.inReplyTo)).toEqual(['<ref-own@uni-b.example>']);
  });

  it('after the deadline says the call has closed, and flags the candidate late', async () => {
    const { config, mail, store } = await setup('closed', {
      vacancies: [
        {
          id: 'robust-ai',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust AI',
          supervisors: ['chen@uni.example'],
          deadline: '2020-01-01T12:00:00Z',
        },
      ],
    });
    await start(config);
    await mail.append(await buildMail({ messageId: '<late@example.org>' }));
    const [reply] = await waitForReplies('jane.doe@example.org');
    const text = (await simpleParser(reply?.raw ?? '')).text ?? '';
    expect(text).toMatch(/closed/i);
    expect(text).toContain('2020');
    expect((await store.list(['robust-ai']))[0]?.flags).toContain('late');
  });

  it('cannot be steered by a hostile display name or subject: one recipient, no injected header', async () => {
    const { config, mail } = await setup('hostile');
    await start(config);
    const evilName = `=?UTF-8?B?${Buffer.from('Eve\r\nBcc: victim@evil.example').toString('base64')}?=`;
    const evilSubject = `=?UTF-8?B?${Buffer.from('[PHD-robustAI] hi\r\nBcc: victim2@evil.example\r\nX-Evil: 1').toString('base64')}?=`;
    const raw = (await buildMail({ messageId: '<hostile@example.org>' }))
      .toString()
      .replace(/^From: .*$/m, `From: ${evilName} <eve@example.org>`)
      .replace(/^Subject: .*$/m, `Subject: ${evilSubject}`);
    await mail.append(Buffer.from(raw));
    const [reply] = await waitForReplies('eve@example.org');
    expect(reply?.to).toEqual(['eve@example.org']);
    const head = (reply?.raw ?? '').split(/\r?\n\r?\n/)[0] ?? '';
    expect(head).not.toMatch(/^bcc:/im);
    expect(head).not.toMatch(/^x-evil:/im);
    expect(servers.sink.attempts).toEqual(['eve@example.org']);
  });

  it('retries after a 4xx refusal and sends once', async () => {
    const { config, mail } = await setup('transient');
    servers.sink.refuse(2, 451);
    await start(config);
    await mail.append(await buildMail({ messageId: '<t@example.org>' }));
    await waitForReplies('jane.doe@example.org');
    expect(servers.sink.attempts).toEqual([
      'jane.doe@example.org',
      'jane.doe@example.org',
      'jane.doe@example.org',
    ]);
    expect(sentTo('jane.doe@example.org')).toHaveLength(1);
  });

  it('connection-cut-after-the-message: not sent again; the candidate says the reply is unconfirmed', async () => {
    const { config, mail, store } = await setup('cut');
    servers.sink.dropAfterData(1);
    await start(config);
    await mail.append(await buildMail({ messageId: '<cut@example.org>' }));
    const candidate = await waitFor('the outcome recorded', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.replies.length ? record : undefined;
    });
    expect(candidate.replies[0]).toMatchObject({ kind: 'acknowledgement', status: 'unconfirmed' });
    expect(candidate.flags).toContain('reply-unconfirmed');
    expect(servers.sink.messages).toHaveLength(1);
    expect(servers.sink.attempts).toEqual(['jane.doe@example.org']);
  });

  it('records a 5xx refusal on the candidate and does not retry it', async () => {
    const { config, mail, store, prefix } = await setup('permanent');
    servers.sink.refuse(1, 550);
    await start(config);
    await mail.append(await buildMail({ messageId: '<p@example.org>' }));
    const candidate = await waitFor('failure recorded', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.replies.length ? record : undefined;
    });
    expect(candidate.replies[0]).toMatchObject({ kind: 'acknowledgement', status: 'failed' });
    expect(candidate.flags).toContain('reply-failed');
    const queue = new Queue('replies', { connection: { url: REDIS_URL }, prefix });
    const [job] = await queue.getJobs(['completed', 'failed', 'delayed', 'waiting', 'active']);
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(1);
    await queue.close();
    expect(servers.sink.attempts).toEqual(['jane.doe@example.org']);
    expect(servers.sink.messages).toEqual([]);
  });
});

describe('optional replies', () => {
  it('follow-up receipts: at most one per window; a copy of each reply in Sent when asked', async () => {
    const { config, mail, store } = await setup('receipts', {
      replies: { followUpReceipts: true, followUpWindowHours: 24, saveToSent: true },
    });
    await start(config);
    await mail.append(await buildMail({ messageId: '<f-1@example.org>' }));
    await waitForReplies('jane.doe@example.org');
    await mail.append(
      await buildMail({ messageId: '<f-2@example.org>', subject: 'Re: [PHD-robustAI] a question' }),
    );
    await waitForReplies('jane.doe@example.org', 2);
    await mail.append(
      await buildMail({ messageId: '<f-3@example.org>', subject: 'Re: [PHD-robustAI] another' }),
    );
    const replies = await waitFor('three decisions', async () => {
      const [record] = await store.list(['robust-ai']);
      return record && record.messages.length === 3 && record.replies.length >= 2
        ? record.replies
        : undefined;
    });
    await waitFor('third follow-up filed', async () =>
      (await mail.messageIds('INBOX')).length === 0 ? true : undefined,
    );
    expect(replies.map((entry) => [entry.kind, entry.status])).toEqual([
      ['acknowledgement', 'sent'],
      ['receipt', 'sent'],
    ]);
    expect(sentTo('jane.doe@example.org')).toHaveLength(2);
    const sentFolder = await waitFor('copies in Sent', async () => {
      const ids = await mail.messageIds('Sent');
      return ids.length === 2 ? ids : undefined;
    });
    expect(sentFolder.every((id) => id.startsWith('<triage-reply.'))).toBe(true);
  });
});

describe('enquiry replies (replies.enquiries)', () => {
  it('answer untagged mail that names a vacancy once, listing the vacancies and their tags; never generic mail', async () => {
    const { config, mail, prefix } = await setup('enquiry', { replies: { enquiries: true } });
    await start(config);
    const enquiry = (id: string) =>
      buildMail({
        messageId: id,
        from: 'Sam Lee <sam.lee@example.org>',
        subject: 'Interested in the PhD in Robust and Adaptive AI for Medical Imaging',
        text: 'Dear Dr Chen, is the position still open? Sam',
        attachments: [],
      });
    await mail.append(await enquiry('<enq-1@example.org>'));
    await mail.append(await enquiry('<enq-2@example.org>'));
    await mail.append(
      await buildMail({
        messageId: '<generic@example.org>',
        from: 'Kim <kim@example.org>',
        subject: 'Seminar next week',
        attachments: [],
      }),
    );
    const [reply] = await waitForReplies('sam.lee@example.org');
    await waitFor('all three triaged', async () =>
      (await servers.redis.hlen(`${prefix}:seen:chen`)) === 3 ? true : undefined,
    );
    await waitFor('second enquiry decided', async () =>
      (await servers.redis.hlen(`${prefix}:enquiries:chen`)) >= 1 ? true : undefined,
    );
    const text = (await simpleParser(reply?.raw ?? '')).text ?? '';
    expect(text).toContain('[PHD-robustAI]');
    expect(text).toContain('[DPHIL-MedIm]');
    expect(sentTo('sam.lee@example.org')).toHaveLength(1);
    expect(sentTo('kim@example.org')).toHaveLength(0);
  });
});
