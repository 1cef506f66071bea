import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../../src/config/own-addresses.ts';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import { colleagueRule } from '../../../../../src/stages/enquiries/colleague-rule.ts';
import { triageMessage } from '../../../../../src/stages/ingest/triage-message.ts';
import { findNearMissTag, withinOneEdit } from '../../../../../src/stages/ingest/review/near-miss-tag.ts';

/** Chen's mailbox with one tagged vacancy; a second config adds another tagged vacancy with keywords. */
function config(extra: Record<string, unknown>[] = []) {
  return parseConfig(
    JSON.stringify({
      mailboxes: [
        {
          id: 'chen',
          address: 'chen@uni.example',
          imap: { host: 'imap.uni.example', auth: { user: 'chen', pass: 'pw' } },
          smtp: { host: 'smtp.uni.example' },
          from: '"Dr Chen" <chen@uni.example>',
        },
      ],
      vacancies: [
        {
          id: 'robust-ai',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust and Adaptive AI',
          supervisors: ['chen@uni.example'],
          keywords: ['robust AI', 'medical imaging'],
        },
        ...extra,
      ],
    }),
    {},
    'test',
  );
}

const ONE = config();
const TWO = config([
  {
    id: 'quantum',
    tag: 'PHD-QML',
    title: 'PhD in Quantum Machine Learning',
    supervisors: ['chen@uni.example'],
    keywords: ['quantum'],
  },
]);

async function parsed(fixture: string) {
  const raw = await readFile(new URL(`../../../../fixtures/mail/${fixture}`, import.meta.url));
  return parseMessage(raw, { maxAttachments: 100 });
}

async function triage(fixture: string, chosen = ONE) {
  const message = await parsed(fixture);
  const address = message.facts.from?.address ?? '';
  const mailbox = chosen.mailboxes[0];
  if (!mailbox) throw new Error('no mailbox');
  return triageMessage(message.facts, {
    config: chosen,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(chosen),
    threadVacancy: null,
    receivedAt: '2026-11-30T12:00:00.000Z',
    text: message.text,
    // As planMessage decides it for a near miss: the deny list and the mailbox's own domain.
    colleague: colleagueRule(address, { mailbox, enquirers: chosen.enquirers, inSent: false }),
  });
}

describe('near-miss tags', () => {
  it('tag-lowercase-l: [PHD-robustAl] with a lower-case L is accepted as a tag-variant application', async () => {
    const result = await triage('review/tag-lowercase-l-cv.eml');
    expect(result.classification).toMatchObject({ kind: 'application', rule: 'tag' });
    expect(result.vacancy).toMatchObject({ id: 'robust-ai', match: 'variant', matched: '[PHD-robustAl]' });
    expect(result.flags).toContain('tag-variant');
    expect(result.nearMiss).toBeNull();
  });

  it('tag-suffix: [PHD-robustAI2] with a CV is held for review, not an application', async () => {
    const result = await triage('review/tag-suffix-cv.eml');
    expect(result.classification).toMatchObject({ kind: 'review', rule: 'near-miss' });
    expect(result.vacancy).toMatchObject({ id: 'robust-ai', match: 'near-miss', matched: '[PHD-robustAI2]' });
    expect(result.nearMiss).toMatchObject({ reason: 'tag-suffix', matched: '[PHD-robustAI2]' });
    expect(result.nearMiss?.evidence).toContain('cv attached: CV_Tomas_Oliveira.pdf');
    expect(result.documents.map((document) => document.kind)).toEqual(['cv']);
    expect(result.flags).not.toContain('tag-variant');
  });

  it('tag-garbled: "PhD application robustAI" with a CV and transcript is held for review', async () => {
    const result = await triage('review/tag-garbled-transcript.eml');
    expect(result.classification.kind).toBe('review');
    expect(result.nearMiss).toMatchObject({
      vacancyId: 'robust-ai',
      reason: 'tag-garbled',
      matched: 'robustAI',
    });
    expect(result.nearMiss?.evidence).toEqual(
      expect.arrayContaining([
        'cv attached: Wei_Zhang_CV.pdf',
        'transcript attached: transcript_wei_zhang.pdf',
      ]),
    );
  });

  it('tag-mistyped: one letter left out, no document, study intent in the body is enough', async () => {
    const result = await triage('review/tag-mistyped-intent.eml');
    expect(result.nearMiss).toMatchObject({ reason: 'tag-mistyped', matched: '[PHD-robstAI]' });
    expect(result.nearMiss?.evidence.join('\n')).toContain(
      'study intent in the subject: "[PHD-robstAI] PhD enquiry"',
    );
    expect(result.documents).toEqual([]);
  });

  it("tag-missing: no tag at all but a CV, in a mailbox with one tagged vacancy, is that vacancy's review item", async () => {
    const result = await triage('review/tag-missing-cv.eml');
    expect(result.nearMiss).toMatchObject({ vacancyId: 'robust-ai', reason: 'tag-missing', matched: '' });
    expect(result.nearMiss?.evidence).toContain("no tag; the mailbox's only tagged vacancy is robust-ai");
  });

  it('tag-missing with two vacancies: no vacancy named, so nothing is guessed and the mail stays untagged', async () => {
    const result = await triage('review/tag-missing-cv.eml', TWO);
    expect(result.classification.kind).toBe('untagged');
    expect(result.nearMiss).toBeNull();
  });

  it('with two vacancies the near tag decides which one', async () => {
    const result = await triage('review/tag-suffix-cv.eml', TWO);
    expect(result.nearMiss).toMatchObject({ vacancyId: 'robust-ai', reason: 'tag-suffix' });
  });

  it("colleague: a colleague's mail with a student's CV is never a review item", async () => {
    const result = await triage('review/colleague-student-cv.eml');
    expect(result.classification.kind).toBe('untagged');
    expect(result.nearMiss).toBeNull();
  });

  it('newsletter: a newsletter PDF and PhD words from a sender who wants nothing is left alone', async () => {
    const result = await triage('review/newsletter-pdf.eml');
    expect(result.classification.kind).toBe('untagged');
    expect(result.nearMiss).toBeNull();
  });

  it('unrelated: an invoice with a PDF is left alone', async () => {
    const result = await triage('review/unrelated-invoice-pdf.eml');
    expect(result.classification.kind).toBe('untagged');
    expect(result.nearMiss).toBeNull();
  });

  it('automatic mail keeps its verdict, whatever its subject', async () => {
    const result = await triage('outlook-oof-x-autoreply.eml');
    expect(result.classification.kind).toBe('auto-reply');
    expect(result.nearMiss).toBeNull();
  });
});

describe('findNearMissTag', () => {
  const vacancies = [{ id: 'robust-ai', tag: 'PHD-robustAI' }];

  it.each([
    ['[PHD-robustAI2] application', 'tag-suffix', '[PHD-robustAI2]'],
    ['Application [PHD-robustAI2026]', 'tag-suffix', '[PHD-robustAI2026]'],
    ['Application PHD-robustAIx', 'tag-suffix', 'PHD-robustAIx'],
    ['[PHD-robustIA] application', 'tag-mistyped', '[PHD-robustIA]'],
    ['[PHD-robustA]', 'tag-mistyped', '[PHD-robustA]'],
    ['[PHD-rbustAI]', 'tag-mistyped', '[PHD-rbustAI]'],
    ['[PHD-robuxtAI]', 'tag-mistyped', '[PHD-robuxtAI]'],
    ['[PHD robust A] application', 'tag-mistyped', '[PHD robust A]'],
    ['PhD application robustAI', 'tag-garbled', 'robustAI'],
    ['robust AI PhD', 'tag-garbled', 'robust AI'],
  ])('%s → %s', (subject, reason, matched) => {
    expect(findNearMissTag(subject, vacancies)).toEqual({ vacancyId: 'robust-ai', reason, matched });
  });

  it.each([
    'PhD application',
    'Robust statistics seminar',
    '[PHD-robustAI-extra-long-suffix]',
    '[PHD-rbstAI]',
  ])('%s → no near miss', (subject) => {
    expect(findNearMissTag(subject, vacancies)).toBeNull();
  });

  it('withinOneEdit counts a swap of neighbours as one edit, two changes as two', () => {
    expect(withinOneEdit('phdrobustia', 'phdrobustai')).toBe(true);
    expect(withinOneEdit('phdrobstia', 'phdrobustai')).toBe(false);
  });
});
