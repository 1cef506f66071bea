import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSentFolders, sentLine } from '../../src/cli/check-sent-folders.ts';
import { runDigestNow } from '../../src/cli/run-digest-now.ts';
import { buildMail, pdfAttachment } from '../support/build-mail.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { freePort } from '../support/free-port.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

/** An open call like a real supervisor's page: topics, two programmes, no tag. */
const OPEN_CALL = {
  id: 'medical-ai',
  title: 'DPhil topics in machine learning for medical imaging',
  supervisors: ['chen@uni.example'],
  topics: [
    { phrase: 'agentic workflows for medical image analysis', synonyms: ['agentic workflows'] },
    { phrase: 'human-in-the-loop learning and inference approaches for medical imaging' },
  ],
  programmes: [
    {
      name: 'DPhil in Engineering Science',
      deadline: '2099-12-02T12:00',
      note: 'Automatic scholarship consideration.',
    },
    { name: 'EPSRC CDT in Health Data Science', deadline: '2020-01-23T12:00' },
  ],
  timezone: 'Europe/London',
  timezoneName: 'UK time',
  documents: { required: ['cv'] },
  answerEnquiries: true,
  replyNote: 'A lack of reply is not a reflection of your qualifications or potential.',
};

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'triage-forms-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('an open call', () => {
  it('records and answers each enquirer once, files them, and never answers a colleague found in Sent', async () => {
    const { config, mail, store } = await setup('open-call', {
      vacancies: [OPEN_CALL],
      mailbox: { reconcileSeconds: 5 },
    });
    // Dr Chen wrote to Prof. Rossi before: she is a colleague, whatever her mail says.
    await mail.client.mailboxCreate('Sent').catch(() => undefined);
    await mail.append(
      await buildMail({
        from: '"Dr Chen" <chen@uni.example>',
        to: 'giulia.rossi@polimi.example',
        subject: 'Re: MICCAI workshop',
        attachments: [],
      }),
      'Sent',
    );
    expect(await checkSentFolders(config)).toEqual([sentLine('chen', false, 0)]);
    const port = await freePort();
    await start({ ...config, http: { host: '127.0.0.1', port, statusSeconds: 5 } });
    // The daemon read the Sent folder as it started: `check` says so.
    expect(await checkSentFolders(config)).toEqual([
      { ok: true, name: 'colleagues chen', detail: 'its Sent folder was read: 1 address it wrote to' },
    ]);
    const amara = '<amara@example.ng>';
    await mail.append(
      await buildMail({
        from: '"Amara Nwosu" <amara.nwosu@example.ng>',
        subject: 'Prospective DPhil student',
        messageId: amara,
        text: 'Dear Dr Chen,\n\nI am writing to enquire about DPhil opportunities: I am interested in agentic workflows for medical image analysis.\n\nAmara',
        attachments: [],
      }),
    );
    const colleague = '<rossi@polimi.example>';
    await mail.append(
      await buildMail({
        from: '"Giulia Rossi" <giulia.rossi@polimi.example>',
        subject: 'A DPhil student for human-in-the-loop learning?',
        messageId: colleague,
        text: 'Dear Chen,\n\nI would like to apply for joint DPhil funding with you on human-in-the-loop learning and inference approaches for medical imaging. Would you be willing to supervise with me?\n\nGiulia',
        attachments: [],
      }),
    );
    // Another says only "PhD enquiry": the topic is in her CV, which the daemon reads to decide.
    const mei = '<mei@example.jp>';
    await mail.append(
      await buildMail({
        from: '"Mei Tanaka" <mei.tanaka@example.jp>',
        subject: 'PhD enquiry',
        messageId: mei,
        text: 'Dear Dr Chen,\n\nI would like to apply for a PhD under your supervision. My CV is attached.\n\nMei',
        attachments: [
          await pdfAttachment('Mei_Tanaka_CV.pdf', {
            title: 'Mei Tanaka',
            blocks: [
              { text: 'Mei Tanaka', style: 'heading' },
              { text: 'Education', style: 'heading' },
              { text: 'MEng Information Science, Kyoto University, 2023 - 2025' },
              { text: 'Research', style: 'heading' },
              {
                text: 'Master thesis: human-in-the-loop learning and inference approaches for medical imaging.',
              },
            ],
          }),
        ],
      }),
    );
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}medical-ai`;
    await waitForMessage(mail, filed, amara);
    await waitForMessage(mail, filed, mei);
    const [reply] = await waitFor('the information reply', () =>
      sentTo('amara.nwosu@example.ng').length > 0 ? sentTo('amara.nwosu@example.ng') : undefined,
    );
    // A second enquiry from her, not in the thread: merged into her candidate, answered no more.
    const second = '<amara-2@example.ng>';
    await mail.append(
      await buildMail({
        from: '"Amara Nwosu" <amara.nwosu@example.ng>',
        subject: 'DPhil enquiry: agentic workflows',
        messageId: second,
        text: 'Dear Dr Chen,\n\nI would like to apply for the DPhil in Engineering Science; my CV is attached.\n\nAmara',
      }),
    );
    await waitForMessage(mail, filed, second);
    const [candidate, ...others] = await waitFor('two messages on one candidate', async () => {
      const list = await store.list(['medical-ai']);
      return list.find((entry) => entry.email === 'amara.nwosu@example.ng')?.messages.length === 2
        ? list.sort((a, b) => a.email.localeCompare(b.email))
        : undefined;
    });
    expect(others.map((entry) => [entry.email, entry.messages[0]?.call?.topics])).toEqual([
      ['mei.tanaka@example.jp', ['human-in-the-loop learning and inference approaches for medical imaging']],
    ]);
    await waitFor('the information reply to Mei', () =>
      sentTo('mei.tanaka@example.jp').length > 0 ? true : undefined,
    );
    expect(candidate?.email).toBe('amara.nwosu@example.ng');
    expect(candidate?.messages.map((message) => message.match)).toEqual(['topic', 'topic']);
    expect(candidate?.messages[0]?.call?.topics).toEqual(['agentic workflows for medical image analysis']);
    const text = (await simpleParser(reply?.raw ?? '')).text ?? '';
    expect(text).toContain('in particular in "agentic workflows for medical image analysis"');
    expect(text).toMatch(
      /DPhil in Engineering Science: deadline 12:00 midday UK time, \w+day 2 December 2099/,
    );
    expect(text).toContain('EPSRC CDT in Health Data Science: deadline was 12:00 midday UK time');
    expect(text).toContain('A lack of reply is not a reflection');
    // The colleague: still in INBOX, no reply, no candidate.
    expect(await mail.messageIds('INBOX')).toEqual([colleague]);
    expect(sentTo('giulia.rossi@polimi.example')).toEqual([]);
    expect((await store.list(['medical-ai'])).map((entry) => entry.email).sort()).toEqual([
      'amara.nwosu@example.ng',
      'mei.tanaka@example.jp',
    ]);
    expect(sentTo('amara.nwosu@example.ng')).toHaveLength(1);
    expect(sentTo('mei.tanaka@example.jp')).toHaveLength(1);
    // Each document was read once: Mei's CV, read to decide her call, was not read again for her record.
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^triage_extraction_seconds_count\{format="pdf"\} 2$/m);
    expect(others[0]?.documents.map((document) => document.reading?.profile?.keywords)).toEqual([
      ['human-in-the-loop learning and inference approaches for medical imaging'],
    ]);
  });
});

describe('a registration form', () => {
  it('marks candidates from the CSV export, re-read when it changes, and names a broken file without stopping', async () => {
    const file = join(folder, 'responses.csv');
    await writeFile(
      file,
      '"Timestamp","Email Address","Full name"\r\n"2026/01/10 9:14:03","someone@example.org","Some One"\r\n',
    );
    const { config, mail, store } = await setup('forms', {
      vacancies: [
        {
          id: 'robust-ai',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust AI',
          supervisors: ['chen@uni.example'],
          registrations: { file, link: 'https://forms.example/robust-ai' },
          nextSteps: 'Apply on the portal and name Dr Chen as your supervisor.',
        },
      ],
      // The next digests have no new candidate: sent all the same, with the totals and the CSV of all of them.
      digest: { sendEmpty: true },
    });
    await start(config);
    await mail.append(await buildMail({ messageId: '<jane@example.org>' }));
    const [ack] = await waitFor('the acknowledgement', () =>
      sentTo('jane.doe@example.org').length > 0 ? sentTo('jane.doe@example.org') : undefined,
    );
    const text = (await simpleParser(ack?.raw ?? '')).text ?? '';
    expect(text).toContain(
      'I could not find you among those who registered their interest on the form (https://forms.example/robust-ai)',
    );
    expect(text).toContain('Next steps: Apply on the portal and name Dr Chen as your supervisor.');
    await waitFor('the candidate recorded', async () =>
      (await store.list(['robust-ai'])).length === 1 ? true : undefined,
    );
    const { logger } = captureLogs();
    // The digest's text and its CSV of every candidate, as the supervisor receives them.
    const digest = async () => {
      const before = servers.sink.messages.length;
      await runDigestNow(config, logger);
      const raw = await waitFor('a digest', () => servers.sink.messages[before]?.raw);
      const parsed = await simpleParser(raw);
      return { text: parsed.text ?? '', csv: parsed.attachments[0]?.content.toString('utf8') ?? '' };
    };
    const first = await digest();
    expect(first.text).toContain('Form: not registered');
    expect(first.text).toContain('1 candidate, 1 complete, 0 incomplete, 0 registered on the form');
    // She registers (with another address) while the daemon runs: the next digest says so.
    await writeFile(
      file,
      '"Timestamp","Email Address","Full name"\r\n"2026/01/10 9:14:03","someone@example.org","Some One"\r\n"2026/01/12 10:00:00","jd.private@example.net","Doe Jane"\r\n',
    );
    const second = await digest();
    expect(second.text).toContain('1 registered on the form');
    expect(second.csv).toContain(
      '"registered (by name ""Doe Jane"", form line 3; address jd.private@example.net)"',
    );
    // A broken export: the digest still goes, saying which file and line are wrong, and nobody is called registered.
    await writeFile(file, '"Timestamp","Email Address"\r\n"2026/01/10,"a@b.example"\r\n');
    const third = await digest();
    expect(third.text).toContain('0 registered on the form');
    expect(third.csv).toMatch(/unknown: [^\r\n]*responses\.csv line 2/);
    expect(sentTo('jane.doe@example.org')).toHaveLength(1);
  });
});
