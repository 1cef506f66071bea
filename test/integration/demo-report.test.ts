import { describe, expect, it } from 'vitest';
import type { VacancyConfig } from '../../src/config/schema.ts';
import { recordedDocuments } from '../../examples/demo/recorded-documents.ts';
import { candidateRecord, documentRecord, messageRecord } from '../support/records.ts';

// Pure pieces of the demo's report (no servers): they sit here because the demo's tests are test/**/demo*.

describe('recordedDocuments', () => {
  const vacancies = [{ id: 'robust-ai', documents: { required: ['cv', 'transcript'] } }] as VacancyConfig[];

  it('carlos-certificate: takes the kind the daemon read from the content, so the transcript is missing', () => {
    // Certificado_de_notas.pdf: its file name says transcript, its content said certificate.
    const certificate = { ...documentRecord('certificate', 'carlos'), filename: 'Certificado_de_notas.pdf' };
    const carlos = candidateRecord(
      [messageRecord('carlos', '2026-11-23T10:00:00Z')],
      [documentRecord('cv', 'carlos'), certificate],
      ['transcript'],
    );
    expect(recordedDocuments([carlos], vacancies, 'carlos')).toEqual({
      documents: [documentRecord('cv', 'carlos'), certificate],
      missing: ['transcript'],
    });
  });

  it('says what was missing when a message arrived, as its acknowledgement did, not after a later follow-up', () => {
    const bo = candidateRecord(
      [
        messageRecord('first', '2026-11-23T10:00:00Z'),
        messageRecord('later', '2026-11-23T11:00:00Z', { uid: 2 }),
      ],
      [documentRecord('cv', 'first'), documentRecord('transcript', 'later')],
      [],
    );
    expect(recordedDocuments([bo], vacancies, 'first')).toEqual({
      documents: [documentRecord('cv', 'first')],
      missing: ['transcript'],
    });
    expect(recordedDocuments([bo], vacancies, 'later')?.missing).toEqual([]);
    expect(recordedDocuments([bo], vacancies, 'nobody')).toBeNull();
  });
});
