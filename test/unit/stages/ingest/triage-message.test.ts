import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import type { Config } from '../../../../src/config/schema.ts';
import { ownAddresses } from '../../../../src/config/own-addresses.ts';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { triageMessage, type TriageContext } from '../../../../src/stages/ingest/triage-message.ts';

/** Two mailboxes: chen has robust-ai (CV and transcript required), okafor has med-imaging. */
function configWith(robustAi: Record<string, unknown> = {}): Config {
  const mailbox = (id: string) => ({
    id,
    address: `${id}@uni.example`,
    imap: { host: 'imap.uni.example', auth: { user: id, pass: 'pw' } },
    smtp: { host: 'smtp.uni.example' },
    from: `"Dr ${id}" <${id}@uni.example>`,
  });
  const raw = {
    mailboxes: [mailbox('chen'), mailbox('okafor')],
    vacancies: [
      {
        id: 'robust-ai',
        mailbox: 'chen',
        tag: 'PHD-robustAI',
        title: 'PhD in Robust and Adaptive AI',
        supervisors: ['chen@uni.example'],
        documents: { required: ['cv', 'transcript'], optional: ['research'] },
        ...robustAi,
      },
      {
        id: 'med-imaging',
        mailbox: 'okafor',
        tag: 'DPHIL-MedIm',
        title: 'DPhil in Medical Image Analysis',
        supervisors: ['okafor@uni.example'],
      },
    ],
  };
  return parseConfig(JSON.stringify(raw), {}, 'test');
}

const CONFIG = configWith();

async function facts(fixture: string) {
  const buffer = await readFile(new URL(`../../../fixtures/mail/${fixture}`, import.meta.url));
  return (await parseMessage(buffer, { maxAttachments: 100 })).facts;
}

async function triage(fixture: string, context: Partial<TriageContext> = {}) {
  const config = context.config ?? CONFIG;
  return triageMessage(await facts(fixture), {
    config,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(CONFIG),
    threadVacancy: null,
    receivedAt: '2025-01-31T12:00:00.000Z',
    ...context,
  });
}

describe('triageMessage', () => {
  it('application-exact-tag: vacancy, applicant, documents with kinds, nothing missing', async () => {
    const result = await triage('application-exact-tag.eml');
    expect(result.classification).toMatchObject({ kind: 'application', rule: 'tag' });
    expect(result.vacancy).toEqual({
      id: 'robust-ai',
      title: 'PhD in Robust and Adaptive AI',
      match: 'exact',
      matched: '[PHD-robustAI]',
    });
    expect(result.applicant).toEqual({ name: 'Jane Doe', address: 'jane.doe@mail.example' });
    expect(result.documents).toEqual([
      {
        index: 0,
        filename: 'CV_Jane_Doe.pdf',
        safeName: 'CV_Jane_Doe.pdf',
        within: [],
        kind: 'cv',
        contentType: 'application/pdf',
        size: 193,
        sha256: '794abaa4f6f06fc519895c22944a0ab43ad02b4fb32bdefa1952ce81613cb47b',
        reading: null,
      },
      {
        index: 1,
        filename: 'Transcript.pdf',
        safeName: 'Transcript.pdf',
        within: [],
        kind: 'transcript',
        contentType: 'application/pdf',
        size: 93,
        sha256: '07733fcf1d6c84c8b383eeed3c9948b6a634860eb0827f9b73aa90e54433c005',
        reading: null,
      },
    ]);
    expect(result.missing).toEqual([]);
    expect(result.flags).toEqual([]);
  });

  it('application-variant-tag-encoded-subject: a variant tag is flagged tag-variant, and no documents → all missing', async () => {
    const result = await triage('application-variant-tag-encoded-subject.eml');
    expect(result.vacancy).toMatchObject({ id: 'robust-ai', match: 'variant', matched: '(phd robustAI)' });
    expect(result.flags).toEqual(['tag-variant']);
    expect(result.documents).toEqual([]);
    expect(result.missing).toEqual(['cv', 'transcript']);
    expect(result.applicant).toEqual({ name: '李伟', address: 'li.wei@mail.example' });
  });

  it('late: received after the vacancy deadline is flagged late', async () => {
    const config = configWith({ deadline: '2025-01-14T00:00:00Z' });
    const result = await triage('application-exact-tag.eml', {
      config,
      receivedAt: '2025-01-14T08:12:44.000Z',
    });
    expect(result.flags).toEqual(['late']);
  });

  it('late: received before the deadline is not flagged', async () => {
    const config = configWith({ deadline: '2025-01-14T00:00:00Z' });
    const result = await triage('application-exact-tag.eml', {
      config,
      receivedAt: '2025-01-13T23:59:59.000Z',
    });
    expect(result.flags).toEqual([]);
  });

  it('late: the deadline offset is honoured (12:00+01:00 is 11:00Z)', async () => {
    const config = configWith({ deadline: '2025-01-14T12:00:00+01:00' });
    const result = await triage('application-exact-tag.eml', {
      config,
      receivedAt: '2025-01-14T11:30:00.000Z',
    });
    expect(result.flags).toEqual(['late']);
  });

  it('late: decided by when the message was received, not by its Date header', async () => {
    // The fixture's Date header is 2025-01-14, long before the deadline; the server received it later.
    const config = configWith({ deadline: '2025-01-20T00:00:00Z' });
    const result = await triage('application-exact-tag.eml', {
      config,
      receivedAt: '2025-01-21T00:00:00.000Z',
    });
    expect(result.flags).toContain('late');
  });

  it('late-and-variant: both flags', async () => {
    const config = configWith({ deadline: '2025-01-01T00:00:00Z' });
    const result = await triage('application-variant-localized-prefix.eml', { config });
    expect([...result.flags].sort()).toEqual(['late', 'tag-variant']);
  });

  it('thread: untagged mail replying to a known application becomes an application with match thread', async () => {
    const result = await triage('untagged-enquiry.eml', { threadVacancy: 'robust-ai' });
    expect(result.classification).toMatchObject({ kind: 'application', rule: 'thread' });
    expect(result.vacancy).toEqual({
      id: 'robust-ai',
      title: 'PhD in Robust and Adaptive AI',
      match: 'thread',
      matched: '',
    });
    expect(result.applicant?.address).toBe('amir.k@mail.example');
    expect(result.missing).toEqual(['cv', 'transcript']);
    expect(result.flags).toEqual([]);
  });

  it('thread: without a known thread, untagged mail stays untagged with nothing decided', async () => {
    const result = await triage('untagged-enquiry.eml');
    expect(result).toMatchObject({
      classification: { kind: 'untagged', rule: 'no-tag' },
      vacancy: null,
      documents: [],
      missing: [],
      flags: [],
    });
  });

  it('thread-of-another-mailbox: a thread vacancy not of this mailbox does not adopt the message', async () => {
    const result = await triage('untagged-enquiry.eml', { threadVacancy: 'med-imaging' });
    expect(result.classification.kind).toBe('untagged');
    expect(result.vacancy).toBeNull();
  });

  it('thread-does-not-rescue-machines: an auto-reply in a known thread stays an auto-reply', async () => {
    const result = await triage('outlook-oof-x-autoreply.eml', { threadVacancy: 'robust-ai' });
    expect(result.classification.kind).toBe('auto-reply');
    expect(result.vacancy).toBeNull();
  });

  it('tag-beats-thread: a tagged message keeps its tag match when it also replies to a known thread', async () => {
    const result = await triage('application-exact-tag.eml', { threadVacancy: 'robust-ai' });
    expect(result.vacancy?.match).toBe('exact');
  });

  it('inline-image-signature: an inline logo is not a document; an attached image is', async () => {
    const result = await triage('application-inline-image-signature.eml');
    expect(result.classification.kind).toBe('application');
    expect(result.documents.map(({ index, filename, kind }) => ({ index, filename, kind }))).toEqual([
      { index: 1, filename: 'CV_Maria_Rossi.pdf', kind: 'cv' },
      { index: 2, filename: 'Transcript_scan.jpg', kind: 'transcript' },
    ]);
    expect(result.missing).toEqual([]);
  });

  it('apple-mail-inline-photo: an image sent with Content-Disposition inline (phone photo) is a document', async () => {
    const result = await triage('apple-mail-inline-photo-transcript.eml');
    expect(result.documents.map(({ filename, kind }) => ({ filename, kind }))).toEqual([
      { filename: 'Transcript.jpeg', kind: 'transcript' },
      { filename: 'CV_Li_Wei.pdf', kind: 'cv' },
    ]);
    expect(result.missing).toEqual([]);
  });

  it("other-mailbox: a tag of another mailbox's vacancy is not matched here", async () => {
    const result = await triage('application-cjk-brackets-other-vacancy.eml', { mailbox: { id: 'chen' } });
    expect(result.classification.kind).toBe('untagged');
    expect(result.vacancy).toBeNull();
  });

  it('other-mailbox: the same message in its own mailbox is an application for that vacancy', async () => {
    const result = await triage('application-cjk-brackets-other-vacancy.eml', { mailbox: { id: 'okafor' } });
    expect(result.classification.kind).toBe('application');
    expect(result.vacancy).toMatchObject({ id: 'med-imaging', match: 'variant', matched: '【DPHIL-MedIm】' });
    // med-imaging keeps the default requirement: a CV.
    expect(result.missing).toEqual(['cv']);
  });

  it('own-address: mail from the mailbox owner is own, with no vacancy even though tagged', async () => {
    const result = await triage('own-address.eml');
    expect(result.classification.kind).toBe('own');
    expect(result.vacancy).toBeNull();
    expect(result.documents).toEqual([]);
  });

  it('no-from: a tagged message without a sender is unattributed, not automatic: no applicant, no vacancy', async () => {
    const result = await triage('no-from.eml');
    expect(result.classification.kind).toBe('unattributed');
    expect(result.applicant).toBeNull();
    expect(result.vacancy).toBeNull();
  });

  it('oversize: a headers-only message is flagged oversize-message', async () => {
    const buffer = await readFile(
      new URL('../../../fixtures/mail/application-exact-tag.eml', import.meta.url),
    );
    const parsed = await parseMessage(buffer, { maxAttachments: 100 }, { headersOnly: true });
    const result = triageMessage(parsed.facts, {
      config: CONFIG,
      mailbox: { id: 'chen' },
      ownAddresses: ownAddresses(CONFIG),
      threadVacancy: null,
      receivedAt: '2025-01-14T08:12:44.000Z',
    });
    expect(result.flags).toContain('oversize-message');
  });
});
