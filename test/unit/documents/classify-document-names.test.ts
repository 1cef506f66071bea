import { describe, expect, it } from 'vitest';
import { classifyDocument, type ClassifyInput } from '../../../src/documents/classify-document.ts';
import type { ExtractionStatus } from '../../../src/documents/extraction.ts';

const PDF = 'application/pdf';

function readable(text: string, filename: string | null): ClassifyInput {
  return { filename, contentType: PDF, extraction: { status: 'ok', text, pages: 1, format: 'pdf' } };
}

function unreadable(status: ExtractionStatus, filename: string | null): ClassifyInput {
  return { filename, contentType: PDF, extraction: { status, text: '', pages: null, format: 'pdf' } };
}

const COVER_LETTER = `Dear Dr Okonkwo,
I would like to apply for the PhD studentship in computational pathology. I hold a Laurea Magistrale in
Artificial Intelligence and my research interests include weakly supervised segmentation.
I look forward to hearing from you.
Kind regards,
Giulia Rossi`;

const TRANSCRIPT = `Official Transcript
Course Title Credits Grade
COMP SCI 400 Programming III 3 A
COMP SCI 540 Introduction to Artificial Intelligence 3 A
MATH 340 Elementary Matrix and Linear Algebra 3 AB
STAT 340 Data Science Modeling II 4 B
Cumulative GPA: 3.72`;

describe('classifyDocument and the file name', () => {
  it('reads a cover letter named CV.pdf as a cover letter, and says the name was outweighed', () => {
    const decision = classifyDocument(readable(COVER_LETTER, 'CV.pdf'));
    expect(decision).toMatchObject({ kind: 'cover-letter', source: 'content' });
    expect(decision.evidence.at(-1)).toBe("file name 'CV.pdf' (cv) outweighed");
    expect(decision.scores.cv).toBe(2);
  });

  it('reads a transcript named documents.pdf as a transcript', () => {
    expect(classifyDocument(readable(TRANSCRIPT, 'documents.pdf'))).toMatchObject({
      kind: 'transcript',
      source: 'content',
    });
  });

  it('lists an agreeing file name among the evidence', () => {
    expect(classifyDocument(readable(TRANSCRIPT, 'Transcript.pdf')).evidence).toContain(
      "file name 'Transcript.pdf'",
    );
  });

  it.each([
    ['简历.pdf', 'scan', 'cv'],
    ['成绩单.pdf', 'empty', 'transcript'],
    ['Lebenslauf.pdf', 'encrypted', 'cv'],
    ['relevé de notes.pdf', 'corrupt', 'transcript'],
    ['Empfehlungsschreiben.pdf', 'timeout', 'reference'],
    ['IELTS_TRF.pdf', 'too-large', 'certificate'],
  ] as const)('falls back to the name %s when the text is unreadable (%s)', (filename, status, kind) => {
    expect(classifyDocument(unreadable(status, filename))).toEqual({
      kind,
      evidence: [`file name '${filename}'`, `text unreadable (${status})`],
      source: 'filename',
      scores: { [kind]: 2 },
    });
  });

  it('falls back to the name when the text says too little', () => {
    const decision = classifyDocument(readable('Page 1 of 1', 'Curriculum Vitae.docx'));
    expect(decision).toMatchObject({ kind: 'cv', source: 'filename' });
    expect(decision.evidence).toEqual(["file name 'Curriculum Vitae.docx'", 'text inconclusive']);
  });

  it('is other, from nothing, when neither the text nor the name says anything', () => {
    expect(classifyDocument(unreadable('scan', 'scan0001.pdf'))).toEqual({
      kind: 'other',
      evidence: ['text unreadable (scan)'],
      source: 'none',
      scores: {},
    });
    expect(classifyDocument(unreadable('unsupported', null))).toMatchObject({
      kind: 'other',
      source: 'none',
    });
  });

  it('ignores the name of a part that is never a document', () => {
    const decision = classifyDocument({
      filename: 'CV.ics',
      contentType: 'text/calendar',
      extraction: { status: 'unsupported', text: '', pages: null, format: 'unknown' },
    });
    expect(decision).toMatchObject({ kind: 'other', source: 'none' });
  });
});

describe('classifyDocument on a tie', () => {
  const TIED = 'Curriculum Vitae\nTranscript';

  it('is other when two kinds score the same and the name does not help', () => {
    expect(classifyDocument(readable(TIED, null))).toEqual({
      kind: 'other',
      evidence: ['no kind stands out'],
      source: 'none',
      scores: { cv: 6, transcript: 6 },
    });
  });

  it('lets the name break the tie', () => {
    expect(classifyDocument(readable(TIED, 'Transcript.pdf')).kind).toBe('transcript');
  });
});

describe('classifyDocument is deterministic', () => {
  it('gives the same decision for the same input, with scores only for kinds that had evidence', () => {
    const input = readable(COVER_LETTER, 'CV.pdf');
    const first = classifyDocument(input);
    expect(classifyDocument(input)).toEqual(first);
    expect(Object.keys(first.scores).sort()).toEqual(
      Object.entries(first.scores)
        .filter(([, score]) => score > 0)
        .map(([kind]) => kind)
        .sort(),
    );
  });
});
