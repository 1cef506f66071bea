import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../src/config/own-addresses.ts';
import type { DocumentFacts } from '../../../../src/documents/document-facts.ts';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { planIngest, type IngestContext } from '../../../../src/stages/ingest/plan-ingest.ts';
import { buildMail, pdfAttachment } from '../../../support/build-mail.ts';
import { documentProfile, documentReading } from '../../../support/profiles.ts';

// The shipped example: a tagged vacancy (robust-ai) and an open call (medical-ai) modelled on a real page.
const CONFIG = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const WITH_ENQUIRIES = { ...CONFIG, replies: { ...CONFIG.replies, enquiries: true } };

const ENQUIRY = {
  from: '"Amara Nwosu" <amara.nwosu@example.ng>',
  subject: 'Prospective DPhil student',
  text:
    'Dear Dr Chen,\n\nI am writing to enquire about DPhil opportunities in your group. I am particularly ' +
    'interested in agentic workflows for medical image analysis.\n\nBest regards,\nAmara',
  attachments: [],
};

async function parsed(spec: Parameters<typeof buildMail>[0]) {
  return parseMessage(await buildMail(spec), CONFIG.limits);
}

function context(overrides: Partial<IngestContext> = {}): IngestContext {
  return {
    config: CONFIG,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(CONFIG),
    thread: null,
    location: { uidValidity: '1700000000', uid: 9 },
    receivedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

describe('planIngest for an open call', () => {
  it('an untagged enquiry about a topic becomes a candidate of the call, with the evidence and topics', async () => {
    const plan = planIngest(await parsed(ENQUIRY), context());
    expect(plan.triage.classification).toMatchObject({ kind: 'application', rule: 'open-call' });
    expect(plan.triage.classification.detail).toBe(
      'study intent in subject: "Prospective DPhil student"; ' +
        'topic "agentic workflows for medical image analysis" in body: "agentic workflows for medical image analysis"',
    );
    expect(plan.triage.vacancy).toMatchObject({ id: 'medical-ai', match: 'topic' });
    expect(plan.application?.incoming.message).toMatchObject({
      match: 'topic',
      call: { topics: ['agentic workflows for medical image analysis'], programmes: [] },
    });
    // Its documents are searched for the call's terms too, so the digest shows what matched in a CV.
    expect(plan.application?.reading.keywords).toEqual(
      expect.arrayContaining(['agentic workflows', 'human-in-the-loop']),
    );
    expect(plan.enquiry).toBeNull();
  });

  it('a colleague is never an enquirer, nor sent the enquiry reply of tagged vacancies', async () => {
    const colleague = {
      rule: 'sent-folder' as const,
      detail: 'the mailbox has written to this address (Sent folder)',
    };
    const plan = planIngest(await parsed(ENQUIRY), context({ colleague, config: WITH_ENQUIRIES }));
    expect(plan.application).toBeNull();
    expect(plan.triage.classification).toMatchObject({ kind: 'untagged', rule: 'colleague' });
    expect(plan.triage.classification.detail).toContain('sender is a colleague (sent-folder)');
    // Not an open call's enquiry, but one naming a tagged vacancy: answered with the tags, unless a colleague.
    const naming = await parsed({
      ...ENQUIRY,
      subject: 'PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine',
      text: 'Is this position still open?',
    });
    expect(planIngest(naming, context({ config: WITH_ENQUIRIES })).enquiry).not.toBeNull();
    expect(planIngest(naming, context({ colleague, config: WITH_ENQUIRIES })).enquiry).toBeNull();
  });

  it('study intent without a topic in the text waits for its documents; their terms decide', async () => {
    const message = await parsed({
      ...ENQUIRY,
      subject: 'PhD enquiry',
      text: 'Dear Dr Chen,\n\nI would like to apply for a PhD under your supervision. My CV is attached.\n\nMei',
      attachments: [await pdfAttachment('Mei_Tanaka_CV.pdf')],
    });
    expect(planIngest(message, context()).triage.enquiry).toMatchObject({ status: 'needs-documents' });
    // Its CV read with every open call's keywords (and one of another call, which the record does not keep).
    const [cv] = message.facts.attachments.map((attachment, index): DocumentFacts => ({
      index,
      filename: attachment.filename ?? '',
      safeName: attachment.filename ?? '',
      within: [],
      kind: 'cv' as const,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      reading: documentReading(
        documentProfile({ keywords: ['human-in-the-loop', 'reinforcement learning'] }),
      ),
    }));
    if (!cv) throw new Error('the message has no attachment');
    const found = planIngest(message, context({ documentsRead: [cv] }));
    expect(found.triage.vacancy).toMatchObject({ id: 'medical-ai', match: 'topic' });
    expect(found.triage.classification.detail).toContain('in document: "human-in-the-loop"');
    expect(found.application?.read?.map((document) => document.reading?.profile?.keywords)).toEqual([
      ['human-in-the-loop'],
    ]);
    const unread = { ...cv, reading: documentReading(documentProfile({ keywords: [] })) };
    const none = planIngest(message, context({ documentsRead: [unread] }));
    expect(none.application).toBeNull();
    expect(none.triage.enquiry).toMatchObject({ status: 'not-enquiry', rule: 'no-topic' });
  });

  it('mail without study intent stays untagged, and says why', async () => {
    const plan = planIngest(
      await parsed({
        from: '"Editor" <editor@journal.example>',
        subject: 'Invitation to review',
        text: 'Dear Dr Chen,\n\nwe invite you to review a manuscript on agentic workflows for medical image analysis.',
        attachments: [],
      }),
      context(),
    );
    expect(plan.application).toBeNull();
    expect(plan.triage.classification.kind).toBe('untagged');
    expect(plan.triage.classification.detail).toMatch(/not an open call's enquiry: no study intent/);
  });

  it("a tag wins over topics, and a reply in an enquirer's thread is theirs", async () => {
    const tagged = planIngest(
      await parsed({ ...ENQUIRY, subject: '[PHD-robustAI] Prospective DPhil student' }),
      context(),
    );
    expect(tagged.triage.vacancy).toMatchObject({ id: 'robust-ai', match: 'exact' });
    const reply = planIngest(
      await parsed({
        ...ENQUIRY,
        subject: 'Re: thank you',
        text: 'Thank you, I will apply.',
        inReplyTo: '<x@uni.example>',
      }),
      context({ thread: { vacancy: 'medical-ai', candidateId: 'medical-ai-1' } }),
    );
    expect(reply.triage.vacancy).toMatchObject({ id: 'medical-ai', match: 'thread' });
    expect(reply.application?.threadCandidateId).toBe('medical-ai-1');
  });
});
