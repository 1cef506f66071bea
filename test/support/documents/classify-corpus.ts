import { classifyDocument, type KindDecision } from '../../../src/documents/classify-document.ts';
import type { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { readCorpusFile, type CorpusDocument } from '../../accuracy/documents/corpus-documents.ts';

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The kind decided for an extracted PDF text (`pages` of it), as the reading process decides it. Pure. */
export function classifyText(
  text: string,
  options: { filename?: string | null; pages?: number | null } = {},
): KindDecision {
  return classifyDocument({
    filename: options.filename ?? null,
    contentType: 'application/pdf',
    extraction: { status: 'ok', text, pages: options.pages === undefined ? 1 : options.pages, format: 'pdf' },
  });
}

/**
 * Reads a corpus document through the real reading processes under `filename` (default: the name it had in its
 * repository, as an applicant's attachment would be) and decides its kind.
 */
export async function readCorpusKind(
  pool: ExtractionPool,
  doc: CorpusDocument,
  filename: string = doc.sentAs,
): Promise<KindDecision> {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  const hint = { filename, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream' };
  return classifyDocument({ ...hint, extraction: await pool.extract(readCorpusFile(doc), hint) });
}
