// A reading-process worker for the benchmark's side-by-side comparison: reads the document with pdf2json (its
// own fork of an early pdf.js, a different engine from the pdf.js 5 we use) and returns its raw text as ours is
// returned. Loaded by ExtractionPool in place of the extraction worker, so both run behind the same pool.
import PDFParser, { type Output } from 'pdf2json';
import type { ThreadTask } from '../../src/documents/document-threads.ts';
import type { ExtractedText } from '../../src/documents/extraction.ts';

/** The line pdf2json's raw text puts after each page. */
const PAGE_BREAK = /-{16}Page \(\d+\) Break-{16}/g;

export default async function readWithPdf2json(task: ThreadTask<unknown>): Promise<ExtractedText> {
  const parser = new PDFParser(null, true);
  try {
    // A Buffer over the whole ArrayBuffer: pdf2json reads a Buffer's underlying memory from its start, so a
    // Buffer that is a slice of a larger one (Node's small-buffer pool) would be misread.
    const data = await parse(parser, Buffer.from(task.bytes));
    return {
      status: 'ok',
      format: 'pdf',
      reason: null,
      text: parser.getRawTextContent().replace(PAGE_BREAK, ''),
      pages: data.Pages.length,
      truncated: false,
      hiddenText: '',
      hiddenReasons: [],
    };
  } finally {
    parser.destroy();
  }
}

function parse(parser: PDFParser, content: Buffer): Promise<Output> {
  return new Promise((resolve, reject) => {
    parser.on('pdfParser_dataReady', resolve);
    parser.on('pdfParser_dataError', (error) => {
      // Typed as an Error, its parserError is a string in practice: String() reads either.
      const cause: unknown = error instanceof Error ? error.message : error.parserError;
      reject(new Error(`pdf2json: ${String(cause)}`));
    });
    parser.parseBuffer(content, 0);
  });
}
