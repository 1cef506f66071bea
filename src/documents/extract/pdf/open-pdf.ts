import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, VerbosityLevel, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedText } from '../../extraction.ts';
import { describeError, unreadable } from '../extraction-result.ts';

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Starts loading a PDF with pdf.js set up for reading text only, in this thread: no eval, no font loading
 * into a page, no system fonts, no WebAssembly, and images are never decoded (`maxImageSize: 0` drops them,
 * which also defuses image bombs). Standard fonts and CMaps are read from the package's own folders, so
 * nothing is fetched over a network.
 */
export function openPdf(content: Buffer): PDFDocumentLoadingTask {
  return getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: 0,
    verbosity: VerbosityLevel.ERRORS,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + sep,
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + sep,
    cMapPacked: true,
  });
}

/** The status for a PDF pdf.js would not open: a password, or damage. */
export function openFailure(error: unknown): ExtractedText {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return unreadable('pdf', 'encrypted', 'the PDF is password-protected');
  if (name === 'InvalidPDFException')
    return unreadable('pdf', 'corrupt', 'not a valid PDF (damaged or truncated)');
  return unreadable('pdf', 'corrupt', `the PDF could not be opened: ${describeError(error)}`);
}
