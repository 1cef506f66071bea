import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../../src/config/own-addresses.ts';
import { bodyText } from '../../../../../src/mail/body-text.ts';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import { triageMessage } from '../../../../../src/stages/ingest/triage-message.ts';

const CONFIG = parseConfig(
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
        documents: { required: ['cv', 'transcript', 'reference'] },
      },
    ],
  }),
  {},
  'test',
);

async function triage(fixture: string, threadVacancy: string | null = null) {
  const buffer = await readFile(new URL(`../../../../fixtures/mail/referees/${fixture}`, import.meta.url));
  const parsed = await parseMessage(buffer, { maxAttachments: 100 });
  return triageMessage(parsed.facts, {
    config: CONFIG,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(CONFIG),
    threadVacancy,
    receivedAt: '2026-11-25T12:00:00.000Z',
    text: parsed.text,
    bodyText: bodyText(parsed),
  });
}

describe('recognising a referee', () => {
  it('tagged-letter-attached: a reference, not an application, of the tagged vacancy, naming the applicant', async () => {
    const result = await triage('tagged-letter-attached.eml');
    expect(result.classification).toMatchObject({ kind: 'reference', rule: 'referee' });
    expect(result.classification.detail).toContain('letter Reference_Priya_Raman.pdf (+3)');
    expect(result.classification.detail).toContain("subject 'Reference' (+3)");
    expect(result.vacancy?.id).toBe('robust-ai');
    expect(result.applicant).toBeNull();
    expect(result.referee?.names).toEqual(['Priya Raman']);
    expect(result.documents.map((document) => document.filename)).toEqual(['Reference_Priya_Raman.pdf']);
  });

  it('untagged-letter-in-body: the letter in the text recognised by its phrases, third person and signature', async () => {
    const result = await triage('untagged-letter-in-body.eml');
    expect(result.classification.kind).toBe('reference');
    expect(result.classification.detail).toMatch(/'recommend'/);
    expect(result.vacancy).toBeNull();
    expect(result.referee?.names).toContain('Priya Raman');
    expect(result.documents).toEqual([]);
  });

  it('in-thread-reply-with-letter: a referee replying in the applicant thread is no follow-up of theirs', async () => {
    const result = await triage('in-thread-reply-with-letter.eml', 'robust-ai');
    expect(result.classification.kind).toBe('reference');
    expect(result.vacancy?.id).toBe('robust-ai');
  });

  it('in-thread-quoting-the-application: the applicant own words quoted below the referee are not the referee', async () => {
    const result = await triage('in-thread-quoting-the-application.eml', 'robust-ai');
    expect(result.classification.kind).toBe('reference');
    expect(result.referee?.evidence.join(', ')).not.toMatch(/I am applying|my CV/);
  });

  it('outlook-html-recommendation: an HTML-only letter in the body, untagged, naming "Miss Adaeze Nwosu"', async () => {
    const result = await triage('outlook-html-recommendation.eml');
    expect(result.classification.kind).toBe('reference');
    expect(result.referee?.names).toContain('Adaeze Nwosu');
  });

  it('address-quoted-no-name: a reference naming the applicant only by address', async () => {
    const result = await triage('address-quoted-no-name.eml');
    expect(result.classification.kind).toBe('reference');
    expect(result.referee?.addresses).toEqual(['priya.raman@mail.example.com']);
  });

  it.each([
    ['german-empfehlungsschreiben.eml', 'Lukas Müller'],
    ['french-lettre-de-recommandation.eml', 'Amélie Laurent'],
    ['spanish-carta-de-recomendacion.eml', 'Lucía Fernández'],
    ['italian-lettera-di-referenza.eml', 'Giulia Conti'],
    ['chinese-tuijianxin.eml', '王小明'],
  ])('%s: recognised, naming %s', async (fixture, name) => {
    const result = await triage(fixture);
    expect(result.classification.kind).toBe('reference');
    expect(result.referee?.names).toContain(name);
  });

  it('applicant-references-will-follow: the applicant own mail announcing references stays an application', async () => {
    const result = await triage('applicant-references-will-follow.eml');
    expect(result.classification).toMatchObject({ kind: 'application', rule: 'tag' });
    expect(result.applicant?.address).toBe('priya.raman@mail.example.com');
    expect(result.referee?.evidence).toEqual(["the applicant's own cv attached"]);
  });

  it('applicant-cv-with-references-section: a CV listing references, "references" in the subject, stays an application', async () => {
    const result = await triage('applicant-cv-with-references-section.eml');
    expect(result.classification.kind).toBe('application');
    expect(result.referee?.referee).toBe(false);
  });

  it('applicant-untagged-recommendation-subject: a question about recommendation letters is the applicant own', async () => {
    const result = await triage('applicant-untagged-recommendation-subject.eml');
    expect(result.classification.kind).toBe('untagged');
    expect(result.referee?.evidence.join(', ')).toContain("'I am applying' (−4)");
  });
});
