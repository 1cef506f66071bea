import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisKeys } from '../../src/adapters/redis/redis-keys.ts';
import type { Explanation } from '../../src/explain/explanation.ts';
import { ASSESS_QUEUE } from '../../src/stages/assess/assess-job.ts';
import { ENQUIRIES_QUEUE } from '../../src/stages/enquiries/enquiry-job.ts';
import { INGEST_QUEUE } from '../../src/stages/ingest/ingest-job.ts';
import { REPLIES_QUEUE } from '../../src/stages/replies/reply-job.ts';
import type { SeenSummary } from '../../src/ports/stage-stores.ts';
import { CVS_A } from '../accuracy/labelled/cvs-a.ts';
import type { LabelledDocument } from '../accuracy/labelled/labelled-document.ts';
import { TRANSCRIPTS_A } from '../accuracy/labelled/transcripts-a.ts';
import { buildMail, type MailAttachment, type MailSpec } from '../support/build-mail.ts';
import { useDaemonEnvironment, type TestMailbox } from '../support/daemon-environment.ts';
import { buildDocument } from '../support/documents/build-document.ts';
import { runCli } from '../support/run-cli.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();
const NO_SERVERS = { imap: { host: '', port: 0, user: '', pass: '' }, smtpPort: 0, prefix: '' };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-explain-agrees-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Enquiries and completion replies on; the test configuration's second vacancy's call has closed.
const DEFAULT_VACANCIES = (rawTestConfig(NO_SERVERS) as { vacancies: Array<Record<string, unknown>> })
  .vacancies;
// And an open call that answers its enquirers.
const OPEN_CALL = {
  id: 'medical-ai',
  title: 'DPhil topics in machine learning for medical imaging',
  supervisors: ['chen@uni.example'],
  topics: [{ phrase: 'agentic workflows for medical image analysis', synonyms: ['agentic workflows'] }],
  programmes: [{ name: 'DPhil in Engineering Science', deadline: '2099-12-02T12:00' }],
  timezone: 'Europe/London',
  answerEnquiries: true,
};
const OVERRIDES = {
  replies: { enquiries: true, completion: true },
  vacancies: [
    ...DEFAULT_VACANCIES.map((vacancy) =>
      vacancy.id === 'med-imaging' ? { ...vacancy, deadline: '2020-01-01T12:00:00Z' } : vacancy,
    ),
    OPEN_CALL,
  ],
};

async function labelledPdf(
  set: readonly LabelledDocument[],
  id: string,
  filename: string,
): Promise<MailAttachment> {
  const document = set.find((entry) => entry.id === id);
  if (!document) throw new Error(`no labelled document ${id}`);
  const content = await buildDocument(document.spec, document.format, document.build);
  return { filename, content, contentType: 'application/pdf' };
}

/** The scenarios, delivered in this order: a later one may follow up an earlier one. */
async function scenarios(): Promise<Array<{ name: string; mail: MailSpec }>> {
  const cv = await labelledPdf(CVS_A, 'cv-uk-one-column', 'scan0001.pdf');
  const transcript = await labelledPdf(TRANSCRIPTS_A, 'transcript-uk-percent-class', 'document.pdf');
  const anna = '"Anna Berg" <anna.berg@example.org>';
  const first: MailSpec = { from: anna, messageId: '<agree-a1@example.org>', attachments: [cv] };
  return [
    { name: 'first-application-missing-transcript', mail: first },
    {
      name: 'untagged-follow-up-in-thread-completes-it',
      mail: {
        from: anna,
        subject: 'Re: my application',
        messageId: '<agree-a2@example.org>',
        inReplyTo: '<agree-a1@example.org>',
        references: ['<agree-a1@example.org>'],
        text: 'Dear Dr Chen,\n\nhere is my transcript.\n\nAnna',
        attachments: [transcript],
      },
    },
    {
      name: 'variant-tag',
      mail: {
        from: '"Ben Okoro" <ben.okoro@example.org>',
        subject: 'PhD robustAI application',
        messageId: '<agree-b1@example.org>',
      },
    },
    {
      name: 'closed-call',
      mail: {
        from: '"Cara Lind" <cara.lind@example.org>',
        subject: '[DPHIL-MedIm] Application',
        messageId: '<agree-c1@example.org>',
      },
    },
    {
      name: 'auto-reply',
      mail: {
        from: '"Dan Moss" <dan.moss@example.org>',
        subject: 'Automatic reply: [PHD-robustAI] reference',
        messageId: '<agree-d1@example.org>',
        headers: { 'Auto-Submitted': 'auto-replied' },
        attachments: [],
      },
    },
    {
      name: 'untagged-enquiry',
      mail: {
        from: '"Erin Hale" <erin.hale@example.org>',
        subject: 'Question about the PhD in Robust and Adaptive AI for Medical Imaging',
        messageId: '<agree-e1@example.org>',
        text: 'Dear Dr Chen,\n\nis the PhD in Robust and Adaptive AI for Medical Imaging still open?\n\nErin',
        attachments: [],
      },
    },
    {
      name: 'mailing-list',
      mail: {
        from: '"Seminars" <seminars@example.org>',
        subject: '[PHD-robustAI] seminar on Friday',
        messageId: '<agree-f1@example.org>',
        headers: { 'List-Id': '<seminars.example.org>' },
        attachments: [],
      },
    },
    // The same message delivered again: the daemon files it, and its acknowledgement is not sent twice.
    { name: 'redelivered-application', mail: first },
    {
      name: 'open-call-enquiry',
      mail: {
        from: '"Amara Nwosu" <amara.nwosu@example.ng>',
        subject: 'Prospective DPhil student',
        messageId: '<agree-g1@example.ng>',
        text: 'Dear Dr Chen,\n\nI am writing to enquire about DPhil opportunities in agentic workflows.\n\nAmara',
        attachments: [],
      },
    },
    {
      name: 'colleague-of-the-same-university',
      mail: {
        from: '"Lab Member" <lab.member@cs.uni.example>',
        subject: 'Prospective DPhil student for agentic workflows',
        messageId: '<agree-h1@cs.uni.example>',
        text: 'Dear Chen,\n\nI would like to apply for a DPhil on agentic workflows with you.\n\nLab',
        attachments: [],
      },
    },
    {
      name: 'near-miss-held-for-review',
      mail: {
        from: '"Tomás Oliveira" <t.oliveira@correio.example>',
        subject: '[PHD-robustAI2] Application',
        messageId: '<agree-i1@correio.example>',
        attachments: [cv],
      },
    },
  ];
}

/** What the daemon did with one message: the seen summary, and the replies it sent to it since `sunk`. */
async function daemonOutcome(box: TestMailbox, messageId: string, sunk: number) {
  const keys = redisKeys(box.prefix);
  const seen = await waitFor(`${messageId} processed`, async () => {
    const value = await servers.redis.hget(keys.seen('chen'), messageId);
    return value === null ? undefined : (JSON.parse(value) as SeenSummary);
  });
  // An application is filed: moved out of the inbox (a message delivered again too, under its new UID).
  if (seen.candidateId !== null) {
    await waitFor(`${messageId} filed`, async () =>
      (await box.mail.messageIds('INBOX')).includes(messageId) ? undefined : true,
    );
  }
  // Every job the message led to has run. The assess stage moves the message out of the inbox before it queues
  // the reply, so an empty reply queue alone proves nothing: a job queues its successor while it is still active,
  // hence all four stages idle at once means the reply, if any, has been sent.
  const queues = [INGEST_QUEUE, ASSESS_QUEUE, REPLIES_QUEUE, ENQUIRIES_QUEUE].map(
    (name) => new Queue(name, { connection: servers.redis, prefix: box.prefix }),
  );
  await waitFor('the stage queues drained', async () => {
    const counts = await Promise.all(
      queues.map((queue) => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
    );
    return counts.every((count) => Object.values(count).every((value) => value === 0)) ? true : undefined;
  });
  await Promise.all(queues.map((queue) => queue.close()));
  const replies = [];
  for (const sent of servers.sink.messages.slice(sunk)) {
    const parsed = await simpleParser(sent.raw);
    if (parsed.inReplyTo === messageId)
      replies.push({ to: sent.to, subject: parsed.subject, text: parsed.text, messageId: parsed.messageId });
  }
  const candidate = seen.candidateId === null ? null : await box.store.get(seen.candidateId);
  return { seen, replies, candidate };
}

describe('explain and the daemon', () => {
  // Sequential: a CLI process per scenario, each waited for; about 25 s alone, more beside the rest of the suite.
  it('explain-agrees: explain --json --history says what the daemon then does, message by message', async () => {
    const box = await setup('agree', OVERRIDES);
    const file = path.join(dir, 'agree.yaml');
    const imap = { host: servers.dovecot.host, port: servers.dovecot.port, ...box.login };
    await writeFile(
      file,
      JSON.stringify(
        rawTestConfig(
          { imap, smtpPort: servers.sink.port, prefix: box.prefix },
          { ...OVERRIDES, log: undefined },
        ),
      ),
    );
    await start(box.config);
    const reasons: string[] = [];
    for (const scenario of await scenarios()) {
      const raw = await buildMail(scenario.mail);
      const eml = path.join(dir, `${scenario.name}.eml`);
      await writeFile(eml, raw);
      const cli = await runCli(['--config', file, 'explain', eml, '--json', '--history']);
      expect(cli.code, `${scenario.name}: ${cli.stderr}`).toBe(0);
      const explained = JSON.parse(cli.stdout) as Explanation;

      const sunk = servers.sink.messages.length;
      await box.mail.append(raw);
      const messageId = scenario.mail.messageId ?? '';
      const done = await daemonOutcome(box, messageId, sunk);
      reasons.push(explained.reply.send ? explained.reply.reason : 'none');
      const said = `${scenario.name}: explain said ${JSON.stringify({ ...explained, profile: undefined })}`;
      expect(done.seen.kind, said).toBe(explained.classification.kind);
      expect(done.seen.vacancy, said).toBe(explained.vacancy?.id ?? null);
      if (done.candidate) {
        const documents = done.candidate.documents
          .filter((document) => document.message === messageId)
          .map(({ filename, kind }) => ({ filename, kind }));
        expect(documents, said).toEqual(
          explained.documents.map(({ filename, kind }) => ({ filename, kind })),
        );
        expect(done.candidate.missing, said).toEqual(explained.missing);
        expect(done.candidate.flags, said).toEqual(explained.flags);
      } else {
        expect(explained.documents, said).toEqual([]);
      }
      if (explained.reply.send) {
        expect(done.replies, said).toHaveLength(1);
        const [sent] = done.replies;
        expect(sent?.to, said).toEqual([explained.reply.to]);
        expect(sent?.subject, said).toBe(explained.reply.subject);
        expect(sent?.text?.trim(), said).toBe(explained.reply.text?.trim());
        const recorded = done.candidate?.replies.find((reply) => reply.detail === sent?.messageId);
        if (done.candidate) expect(recorded?.kind, said).toBe(explained.reply.reason);
      } else {
        expect(done.replies, said).toEqual([]);
      }
    }
    // The scenarios cover what they are meant to: each reply kind, and mail that gets none.
    expect(reasons).toEqual([
      'acknowledgement',
      'complete',
      'acknowledgement',
      'closed',
      'none',
      'enquiry',
      'none',
      'none',
      'information',
      'none',
      'none',
    ]);
    expect(servers.sink.messages).toHaveLength(6);
  }, 90_000);
});
