import { describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { buildMail, pdfAttachment } from '../support/build-mail.ts';
import { inflateBombPdf } from '../support/documents/hostile-pdfs.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

// The adversarial suite against the real servers: hostile mail fed to the daemon next to genuine applications.
const { servers, setup, start, cleanups } = useDaemonEnvironment();

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));

/**
 * Jobs of every stage queue under `prefix` that failed at least once (failed, or delayed for a retry), once no job
 * is waiting or running: a hostile message must fail nothing.
 */
async function failedJobs(prefix: string): Promise<Record<string, number>> {
  const queues = ['ingest', 'assess', 'replies', 'enquiries'].map(
    (name) => new Queue(name, { connection: servers.redis, prefix }),
  );
  cleanups.push(async () => {
    for (const queue of queues) await queue.close();
  });
  return waitFor('the queues settled', async () => {
    const counts: Record<string, number> = {};
    for (const queue of queues) {
      const busy = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(busy).some((count) => count > 0)) return undefined;
      const jobs = await queue.getJobs(['failed', 'delayed', 'completed']);
      counts[queue.name] = jobs.filter((job) => job.attemptsMade > 1 || job.failedReason).length;
    }
    return counts;
  });
}

describe('hostile mail', () => {
  it('issue-19-unsearchable-message-id: filed and acknowledged once; no IMAP command is built from the id', async () => {
    const { config, mail, prefix, filed } = await setup('hostile-id');
    const { logs } = await start(config);
    // Raw bytes: a 100,000-character id (Dovecot: "Too long argument") and an 8-bit one (imapflow: "Unquotable").
    const withId = async (id: string, from: string) =>
      Buffer.from(
        (await buildMail({ messageId: '<placeholder@example.org>', from }))
          .toString('utf8')
          .replace('<placeholder@example.org>', id),
      );
    await mail.append(await withId(`<${'x'.repeat(100_000)}@example.org>`, 'Ann <ann@example.org>'));
    await mail.append(await withId('<für\u0000dich€@example.org>', 'Bea <bea@example.org>'));
    await mail.append(await buildMail({ messageId: '<plain@example.org>', from: 'Cy <cy@example.org>' }));
    await waitForMessage(mail, filed, '<plain@example.org>');
    for (const address of ['ann@example.org', 'bea@example.org', 'cy@example.org']) {
      await waitFor(`a reply to ${address}`, () => (sentTo(address).length > 0 ? true : undefined));
    }
    await waitFor('all three filed', async () =>
      (await mail.messageIds(filed)).length === 3 ? true : undefined,
    );
    expect(sentTo('ann@example.org')).toHaveLength(1);
    expect(sentTo('bea@example.org')).toHaveLength(1);
    expect(await failedJobs(prefix)).toEqual({ ingest: 0, assess: 0, replies: 0, enquiries: 0 });
    expect(logs.find('Unquotable')).toEqual([]);
  });

  it('issue-19-blank-line-body: a 50,000-line body is read, and the application behind it is acknowledged', async () => {
    const { config, mail, prefix, filed } = await setup('hostile-blank');
    await start(config);
    const text = `Dear Dr Chen,${'\n'.repeat(50_000)}IELTS${'\n \n'.repeat(20_000)}Regards`;
    await mail.append(
      await buildMail({ messageId: '<blank@example.org>', from: 'Dee <dee@example.org>', text }),
    );
    await mail.append(
      await buildMail({ messageId: '<after-blank@example.org>', from: 'Eve <eve@example.org>' }),
    );
    await waitForMessage(mail, filed, '<after-blank@example.org>');
    await waitForMessage(mail, filed, '<blank@example.org>');
    await waitFor('both acknowledged', () =>
      sentTo('dee@example.org').length + sentTo('eve@example.org').length === 2 ? true : undefined,
    );
    expect(await failedJobs(prefix)).toEqual({ ingest: 0, assess: 0, replies: 0, enquiries: 0 });
  });

  it('issue-19-domain-window: a reply past maxPerDomain waits without spending an attempt, and is sent later', async () => {
    const { config, mail, prefix, store } = await setup('hostile-domain', {
      replies: { maxPerDomain: 1, windowHours: 1 },
    });
    await start(config);
    await mail.append(await buildMail({ messageId: '<d1@example.org>', from: 'Fay <fay@busy.example>' }));
    await waitFor('the first reply', () => (sentTo('fay@busy.example').length > 0 ? true : undefined));
    await mail.append(await buildMail({ messageId: '<d2@example.org>', from: 'Gus <gus@busy.example>' }));
    const replies = new Queue('replies', { connection: servers.redis, prefix });
    cleanups.push(() => replies.close());
    const delayed = await waitFor('the second reply delayed', async () => {
      const [job] = await replies.getJobs(['delayed']);
      return job;
    });
    expect(delayed.attemptsMade).toBe(0);
    expect(delayed.failedReason).toBeFalsy();
    expect(sentTo('gus@busy.example')).toEqual([]);
    const gus = (await store.list(['robust-ai'])).find((record) => record.email === 'gus@busy.example');
    expect(gus?.replies ?? []).toEqual([]); // not recorded as suppressed: it is only waiting
    // The window passes (its key expires), and the waiting reply goes out when its delay is up.
    const windows = await servers.redis.keys(`${prefix}:replies-to-domain:*`);
    expect(windows).toHaveLength(1);
    await servers.redis.del(...windows);
    await delayed.promote();
    await waitFor('the second reply', () => (sentTo('gus@busy.example').length > 0 ? true : undefined));
    expect(sentTo('gus@busy.example')).toHaveLength(1);
  });

  it('issue-19-inflate-bomb: a PDF inflating to 1 GB is unreadable for memory, and the application behind it is acknowledged', async () => {
    const { config, mail, prefix, store, filed } = await setup('hostile-bomb', {
      extraction: { memoryMb: 64, threads: 1 },
    });
    await start(config);
    const bomb = { filename: 'CV.pdf', content: inflateBombPdf(1024), contentType: 'application/pdf' };
    await mail.append(
      await buildMail({
        messageId: '<bomb@example.org>',
        from: 'Hal <hal@example.org>',
        attachments: [bomb],
      }),
    );
    await mail.append(
      await buildMail({ messageId: '<after-bomb@example.org>', from: 'Ivy <ivy@example.org>' }),
    );
    await waitForMessage(mail, filed, '<after-bomb@example.org>');
    await waitFor('both acknowledged', () =>
      sentTo('hal@example.org').length + sentTo('ivy@example.org').length === 2 ? true : undefined,
    );
    const hal = (await store.list(['robust-ai'])).find((record) => record.email === 'hal@example.org');
    expect(hal?.flags).toContain('unreadable-document');
    expect(hal?.documents[0]?.reading?.extraction).toMatchObject({ status: 'failed' });
    expect(hal?.documents[0]?.reading?.extraction.reason).toMatch(/ran out of memory \(limit 64 MB/);
    expect(await failedJobs(prefix)).toEqual({ ingest: 0, assess: 0, replies: 0, enquiries: 0 });
  });

  it("issue-19-reading-budget: documents past a message's budget are not read, the candidate is flagged, nothing fails", async () => {
    const { config, mail, prefix, store, filed } = await setup('hostile-budget', {
      extraction: { messageDocuments: 1 },
    });
    await start(config);
    const attachments = [await pdfAttachment('CV_Kim.pdf'), await pdfAttachment('Transcript_Kim.pdf')];
    await mail.append(
      await buildMail({ messageId: '<budget@example.org>', from: 'Kim <kim@example.org>', attachments }),
    );
    await waitForMessage(mail, filed, '<budget@example.org>');
    await waitFor('acknowledged', () => (sentTo('kim@example.org').length > 0 ? true : undefined));
    const kim = (await store.list(['robust-ai'])).find((record) => record.email === 'kim@example.org');
    expect(kim?.flags).toContain('reading-budget');
    const second = kim?.documents.find((document) => document.filename === 'Transcript_Kim.pdf');
    expect(second?.reading?.extraction).toMatchObject({ status: 'skipped' });
    expect(second?.reading?.extraction.reason).toMatch(/^not read: over the message's budget/);
    expect(
      kim?.documents.find((document) => document.filename === 'CV_Kim.pdf')?.reading?.extraction.status,
    ).toBe('ok');
    expect(await failedJobs(prefix)).toEqual({ ingest: 0, assess: 0, replies: 0, enquiries: 0 });
  });
});
