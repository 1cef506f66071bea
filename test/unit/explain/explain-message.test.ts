import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { explainMessage } from '../../../src/explain/explain-message.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../../src/stages/replies/load-vacancy-templates.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);

async function explain(fixture: string, config = CONFIG) {
  const buffer = await readFile(new URL(`../../fixtures/mail/${fixture}`, import.meta.url));
  return explainMessage(await parseMessage(buffer, config.limits), {
    config,
    mailboxId: 'chen',
    templates: await loadVacancyTemplates(config),
    reader: null,
    history: null,
    guards: null,
    sent: null,
  });
}

describe('explainMessage', () => {
  it('public-shape: exactly the documented fields, at every level', async () => {
    const explanation = JSON.parse(JSON.stringify(await explain('application-exact-tag.eml'))) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(explanation).sort()).toEqual([
      'applicant',
      'bounce',
      'classification',
      'documents',
      'flags',
      'missing',
      'profile',
      'question',
      'reply',
      'review',
      'vacancy',
    ]);
    expect(Object.keys(explanation.classification ?? {}).sort()).toEqual(['detail', 'kind', 'rule']);
    expect(Object.keys(explanation.applicant ?? {}).sort()).toEqual(['email', 'name']);
    expect(Object.keys(explanation.reply ?? {}).sort()).toEqual([
      'reason',
      'recipientRule',
      'send',
      'subject',
      'text',
      'to',
    ]);
    const documents = explanation.documents as unknown as Record<string, unknown>[];
    expect(documents.map((document) => Object.keys(document).sort())).toEqual([
      ['evidence', 'extraction', 'filename', 'kind', 'kindSource', 'within'],
      ['evidence', 'extraction', 'filename', 'kind', 'kindSource', 'within'],
    ]);
  });

  it('public-shape: classification carries no internal match or replySuppressed', async () => {
    const { classification } = await explain('x-auto-response-suppress-oof.eml');
    expect(classification).not.toHaveProperty('match');
    expect(classification).not.toHaveProperty('replySuppressed');
  });

  it('application-exact-tag: the explanation a user sees', async () => {
    const explanation = await explain('application-exact-tag.eml');
    expect(explanation).toMatchObject({
      classification: {
        kind: 'application',
        rule: 'tag',
        detail: 'exact tag "[PHD-robustAI]" for vacancy robust-ai',
      },
      vacancy: { id: 'robust-ai', match: 'exact', matched: '[PHD-robustAI]' },
      applicant: { name: 'Jane Doe', email: 'jane.doe@mail.example' },
      documents: [
        { filename: 'CV_Jane_Doe.pdf', kind: 'cv' },
        { filename: 'Transcript.pdf', kind: 'transcript' },
      ],
      missing: [],
      flags: [],
      reply: { to: 'jane.doe@mail.example', subject: 'Re: [PHD-robustAI] Application - Jane Doe' },
    });
    expect(typeof explanation.reply.send).toBe('boolean');
    expect(explanation.reply.reason).not.toBe('');
  });

  it('reply-to-third-party: a Reply-To on another domain without trusted results is not used; explain says why', async () => {
    const explanation = await explain('application-reply-to.eml');
    expect(explanation.applicant).toEqual({ name: 'Jane Doe', email: 'j.doe@lab.example' });
    expect(explanation.reply.to).toBe('j.doe@lab.example');
    expect(explanation.reply.recipientRule).toEqual({
      rule: 'reply-to-ignored',
      detail: expect.stringMatching(
        /^Reply-To jane\.doe\.private@mail\.example not used: no Authentication-Results/,
      ) as string,
    });
  });

  it('reply-to-authenticated: with a trusted dmarc=pass and the same organisation the reply goes to Reply-To', async () => {
    const [mailbox, ...others] = CONFIG.mailboxes;
    const trusting = parseConfig(
      JSON.stringify({
        ...CONFIG,
        mailboxes: [{ ...mailbox, trustedAuthservIds: ['mx.uni.example'] }, ...others],
      }),
      {},
      'trusting',
    );
    const explanation = await explain('application-reply-to-authenticated.eml', trusting);
    expect(explanation.reply.to).toBe('jane.doe@mail.lab.example');
    expect(explanation.reply.recipientRule?.rule).toBe('reply-to-authenticated');
    expect((await explain('application-reply-to-authenticated.eml')).reply.to).toBe('j.doe@lab.example');
  });

  it('forged-bounce: a bounce naming a reply shaped like ours says whom it would suppress and why', async () => {
    const explanation = await explain('gmail-x-failed-recipients.eml');
    expect(explanation.bounce).toMatchObject({
      failedRecipients: ['amara.o@gmail.example', 'kofi.mensah@gmail.example'],
      suppress: [],
      reason: expect.stringMatching(
        /^not checked \(explain reads the sent-reply record only with --history\)/,
      ) as string,
    });
  });

  it('reply-to: without Reply-To the reply goes to From', async () => {
    expect((await explain('application-variant-localized-prefix.eml')).reply.to).toBe(
      'juergen.mueller@mail.example',
    );
  });

  it('reply-subject: a subject already starting with "Re:" is not prefixed again', async () => {
    expect((await explain('application-variant-tag-encoded-subject.eml')).reply.subject).toBe(
      'Re: (phd robustAI) 申请',
    );
  });

  it('variant: tag-variant shows in flags and missing documents are listed', async () => {
    const explanation = await explain('application-variant-localized-prefix.eml');
    expect(explanation.flags).toEqual(['tag-variant']);
    expect(explanation.missing).toEqual(['cv', 'transcript']);
    expect(explanation.documents).toEqual([]);
  });

  it('late: a Date after the deadline is explained as late (explain has no arrival time)', async () => {
    const [vacancy] = CONFIG.vacancies;
    if (!vacancy) throw new Error('example has a vacancy');
    const config = { ...CONFIG, vacancies: [{ ...vacancy, deadline: '2025-01-01T00:00:00Z' }] };
    expect((await explain('application-exact-tag.eml', config)).flags).toEqual(['late']);
  });

  it('inline-image-signature: only real attachments are listed as documents', async () => {
    const { documents } = await explain('application-inline-image-signature.eml');
    expect(documents.map(({ filename, kind }) => ({ filename, kind }))).toEqual([
      { filename: 'CV_Maria_Rossi.pdf', kind: 'cv' },
      { filename: 'Transcript_scan.jpg', kind: 'transcript' },
    ]);
  });

  it('outlook-oof-x-autoreply: no reply, and the reason names the rule that decided', async () => {
    const explanation = await explain('outlook-oof-x-autoreply.eml');
    expect(explanation.classification).toEqual({
      kind: 'auto-reply',
      rule: 'autoreply-header',
      detail: 'X-Autoreply: yes',
    });
    expect(explanation.vacancy).toBeNull();
    expect(explanation.documents).toEqual([]);
    expect(explanation.missing).toEqual([]);
    expect(explanation.reply.send).toBe(false);
    expect(explanation.reply.reason).toContain('auto-reply');
    expect(explanation.reply.reason).toContain('autoreply-header');
    expect(explanation.reply).toMatchObject({ to: null, subject: null, text: null });
  });

  it.each([
    ['mailer-daemon-dsn.eml', 'bounce', 'multipart-report'],
    ['list-id.eml', 'list', 'list-header'],
    ['spam-flag-yes.eml', 'spam', 'spam-flag'],
    ['own-address.eml', 'own', 'own-address'],
    ['untagged-enquiry.eml', 'untagged', 'no-tag'],
  ])('%s: not an application, so no reply, and the reason names %s (%s)', async (fixture, kind, rule) => {
    const explanation = await explain(fixture);
    expect(explanation.classification).toMatchObject({ kind, rule });
    expect(explanation.reply.send).toBe(false);
    expect(explanation.reply.reason).toContain(kind);
    expect(explanation.reply.reason).toContain(rule);
    expect(explanation.reply.to).toBeNull();
  });

  it('no-from: no applicant and no reply address', async () => {
    const explanation = await explain('no-from.eml');
    expect(explanation.applicant).toBeNull();
    expect(explanation.reply).toMatchObject({ send: false, to: null });
  });

  it('offline: explain never uses a thread, so an untagged follow-up stays untagged', async () => {
    expect((await explain('untagged-enquiry.eml')).vacancy).toBeNull();
  });

  it('review/tag-suffix-cv: the near miss, its probable vacancy and evidence, and no reply', async () => {
    const explanation = await explain('review/tag-suffix-cv.eml');
    expect(explanation.classification).toMatchObject({ kind: 'review', rule: 'near-miss' });
    expect(explanation.review).toEqual({
      reason: 'tag-suffix',
      vacancy: 'robust-ai',
      matched: '[PHD-robustAI2]',
      evidence: [
        'cv attached: CV_Tomas_Oliveira.pdf',
        'study intent in the subject: "[PHD-robustAI2] Application for the PhD position"',
        'subject "[PHD-robustAI2]" is close to the tag [PHD-robustAI]',
      ],
    });
    expect(explanation.reply).toMatchObject({
      send: false,
      reason: 'no reply: a review item (its tag nearly matched) gets no acknowledgement',
    });
    expect(explanation.question).toBeNull();
  });

  it('questions/en-april-start: the question phrases, and no receipt', async () => {
    const explanation = await explain('questions/en-april-start.eml');
    expect(explanation.question).toEqual({
      phrases: ['Would an April start be possible?'],
      firstLines:
        'thank you for confirming receipt of my application. Would an April start be possible? My master thesis defence is in March.',
    });
    expect(explanation.review).toBeNull();
  });
});
