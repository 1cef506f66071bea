import { describe, expect, it } from 'vitest';
import { applicantsNamed } from '../../../src/documents/applicant-names.ts';
import { readExtracted } from '../../../src/documents/read-document.ts';
import { extractDocument } from '../../../src/documents/extract/extract-document.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import { referenceLetter } from '../../support/documents/reference-letters.ts';
import { TEST_LIMITS } from '../../support/documents/sample-specs.ts';
import { placeholderDocument } from '../../support/documents/sample-specs.ts';

async function read(pdf: Buffer, filename: string, applicantsNamed: boolean) {
  const hint = { filename, contentType: 'application/pdf' };
  const extraction = await extractDocument(pdf, hint, TEST_LIMITS);
  return readExtracted(extraction, { ...hint, keywords: [], applicantName: '', applicantsNamed });
}

describe("the applicants' names a letter introduces", () => {
  it('keeps at most five, each on one line and at most 80 characters', () => {
    const text = [
      'I recommend Ms Priya Raman.',
      'I recommend Mr Tomás\nOliveira.',
      ...['Ana Lima', 'Bo Chen', 'Cai Wen', 'Dara Ode', 'Eli Roth'].map((name) => `In support of ${name}.`),
    ].join(' ');
    const names = applicantsNamed(text);
    expect(names).toHaveLength(5);
    expect(names.slice(0, 2)).toEqual(['Priya Raman', 'Tomás Oliveira']);
    const long = applicantsNamed(`I recommend ${'Abcdefghijklmnopqrstuvwxyz'.repeat(4)} Raman.`);
    expect(long[0]).toHaveLength(80);
  });

  it('a real PDF letter read as a reference keeps the name it recommends, when asked', async () => {
    const pdf = await buildDocument(referenceLetter('Priya Raman'), 'pdf');
    const asked = await read(pdf, 'letter.pdf', true);
    expect(asked.kind).toBe('reference');
    expect(asked.reading.profile?.applicantsNamed).toEqual(['Priya Raman']);
    const notAsked = await read(pdf, 'letter.pdf', false);
    expect(notAsked.kind).toBe('reference');
    expect(notAsked.reading.profile).not.toHaveProperty('applicantsNamed');
  });

  it('a German letter: "empfehle ich Frau Anna Schmidt" keeps Anna Schmidt', async () => {
    const letter = {
      blocks: [
        { text: 'Lehrstuhl für Informatik, Technische Universität München', style: 'heading' as const },
        { text: 'Sehr geehrter Herr Dr. Chen,' },
        {
          text: 'hiermit empfehle ich Frau Anna Schmidt nachdrücklich für die Promotionsstelle. Ich kenne sie seit drei Jahren; sie hat ihre Masterarbeit unter meiner Betreuung geschrieben und gehört zu den besten Studierenden, die ich betreut habe.',
        },
        { text: 'Mit freundlichen Grüßen' },
        { text: 'Prof. Dr. Klaus Weber' },
      ],
    };
    const result = await read(await buildDocument(letter, 'pdf'), 'Schreiben.pdf', true);
    expect(result.kind).toBe('reference');
    expect(result.reading.profile?.applicantsNamed).toEqual(['Anna Schmidt']);
  });

  it('a document that is no letter keeps no names, even when asked', async () => {
    const pdf = await buildDocument(placeholderDocument('I recommend Ms Priya Raman'), 'pdf');
    const result = await read(pdf, 'letter.pdf', true);
    expect(result.kind).not.toBe('reference');
    expect(result.reading.profile).not.toHaveProperty('applicantsNamed');
  });
});
