import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtractionConfig } from '../../src/config/schema.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/document-kinds.ts';
import { classifyDocument, type KindDecision } from '../../src/documents/classify-document.ts';
import type { ExtractedText } from '../../src/documents/extraction.ts';
import { ExtractionPool } from '../../src/documents/extraction-pool.ts';
import { extractDocumentProfile } from '../../src/profile/extract-document-profile.ts';
import { buildDocument } from '../support/documents/build-document.ts';
import type { FixtureFormat } from '../support/documents/document-spec.ts';
import { LABELLED_DOCUMENTS, type LabelledDocument } from './labelled-documents.ts';
import { TEST_LIMITS } from '../support/documents/sample-specs.ts';

const EXTRACTION: ExtractionConfig = { ...TEST_LIMITS, threads: 2 };

const CONTENT_TYPES: Record<FixtureFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  html: 'text/html',
  txt: 'text/plain',
};

interface Outcome {
  extracted: ExtractedText;
  decision: KindDecision;
}

const outcomes = new Map<string, Outcome>();
let pool: ExtractionPool | undefined;

async function readAndClassify(pool: ExtractionPool, doc: LabelledDocument): Promise<Outcome> {
  const content = await buildDocument(doc.spec, doc.format, doc.build);
  const hint = { filename: doc.filename, contentType: CONTENT_TYPES[doc.format] };
  const extracted = await pool.extract(content, hint);
  return { extracted, decision: classifyDocument({ ...hint, extraction: extracted }) };
}

function outcomeOf(doc: LabelledDocument): Outcome {
  const outcome = outcomes.get(doc.id);
  if (outcome === undefined) throw new Error(`${doc.id} was not read`);
  return outcome;
}

/** Per kind: how many documents were labelled so, and how many of them were classified so. */
function accuracyTable(): string {
  const rows = DOCUMENT_KINDS.map((kind: DocumentKind) => {
    const labelled = LABELLED_DOCUMENTS.filter((doc) => doc.kind === kind);
    const correct = labelled.filter((doc) => outcomes.get(doc.id)?.decision.kind === kind).length;
    return `${kind.padEnd(14)} ${String(labelled.length).padStart(3)} ${String(correct).padStart(8)}`;
  });
  const correct = LABELLED_DOCUMENTS.filter((doc) => outcomes.get(doc.id)?.decision.kind === doc.kind).length;
  const wrong = LABELLED_DOCUMENTS.filter((doc) => outcomes.get(doc.id)?.decision.kind !== doc.kind).map(
    (doc) =>
      `  ${doc.id} (${doc.filename}): ${doc.kind} read as ${outcomes.get(doc.id)?.decision.kind ?? '?'}`,
  );
  return [
    'Document kinds: labelled set',
    `${'kind'.padEnd(14)} ${'n'.padStart(3)} ${'correct'.padStart(8)}`,
    ...rows,
    `${'all'.padEnd(14)} ${String(LABELLED_DOCUMENTS.length).padStart(3)} ${String(correct).padStart(8)}`,
    ...(wrong.length > 0 ? ['Misclassified:', ...wrong] : []),
  ].join('\n');
}

describe('document kinds on the labelled set', () => {
  beforeAll(async () => {
    const reader = new ExtractionPool(EXTRACTION);
    pool = reader;
    await Promise.all(
      LABELLED_DOCUMENTS.map(async (doc) => outcomes.set(doc.id, await readAndClassify(reader, doc))),
    );
  }, 120_000);

  afterAll(async () => {
    console.log(accuracyTable());
    await pool?.close();
  });

  it('holds at least 40 documents, five or more of each main kind, in every format', () => {
    expect(LABELLED_DOCUMENTS.length).toBeGreaterThanOrEqual(40);
    for (const kind of ['cv', 'transcript', 'research', 'cover-letter', 'reference', 'certificate'] as const)
      expect(LABELLED_DOCUMENTS.filter((doc) => doc.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    const formats = new Set(LABELLED_DOCUMENTS.map((doc) => doc.format));
    expect([...formats].sort()).toEqual(['docx', 'html', 'odt', 'pdf', 'rtf', 'txt']);
    expect(new Set(LABELLED_DOCUMENTS.map((doc) => doc.id)).size).toBe(LABELLED_DOCUMENTS.length);
  });

  it.each(LABELLED_DOCUMENTS.map((doc) => [doc.id, doc.kind, doc] as const))(
    '%s is a %s',
    (_id, kind, doc) => {
      const { decision, extracted } = outcomeOf(doc);
      expect(decision.kind, `${decision.evidence.join('; ')} (read: ${extracted.status})`).toBe(kind);
      expect(decision.evidence.length).toBeGreaterThan(0);
    },
  );

  const graded = LABELLED_DOCUMENTS.filter((doc) => doc.grade !== undefined);
  it.each(graded.map((doc) => [doc.id, doc] as const))('%s: overall grade', (_id, doc) => {
    const { extracted } = outcomeOf(doc);
    const profile = extractDocumentProfile(extracted.text, {
      kind: doc.kind,
      keywords: [],
      applicantName: '',
    });
    const result = profile.transcript?.overall ?? profile.degrees[0]?.result ?? null;
    expect(result?.system).toBe(doc.grade?.system);
    expect(result?.normalised).toBeCloseTo(doc.grade?.normalised ?? Number.NaN, 0);
  });
});
