import type {
  DocumentFormat,
  ExtractedText,
  ExtractionHint,
  ExtractionLimits,
  ExtractionOptions,
} from '../extraction.ts';
import { extractDocx } from './docx/extract-docx.ts';
import { extractDoc } from './extract-doc.ts';
import { extractImage } from './extract-image.ts';
import { extractPlainText } from './extract-plain-text.ts';
import { describeError, unreadable } from './extraction-result.ts';
import { extractHtml } from './html/extract-html.ts';
import { extractOdt } from './odt/extract-odt.ts';
import { extractPdf } from './pdf/extract-pdf.ts';
import { extractRtf } from './rtf/extract-rtf.ts';
import { sniffFormat } from './sniff-format.ts';

type Extractor = (
  content: Buffer,
  limits: ExtractionLimits,
  options: ExtractionOptions,
) => Promise<ExtractedText>;

const EXTRACTORS: Record<Exclude<DocumentFormat, 'image' | 'unknown'>, Extractor> = {
  pdf: extractPdf,
  docx: extractDocx,
  doc: extractDoc,
  odt: extractOdt,
  rtf: extractRtf,
  html: extractHtml,
  text: extractPlainText,
};

/**
 * Reads the text of one document, choosing the reader by its bytes, declared type and name. Never throws:
 * whatever goes wrong becomes a status with a reason. Over `maxBytes` it is not read (`too-large`); text
 * beyond `maxTextChars` is cut (`truncated`). Runs in the calling thread: use `ExtractionPool` for untrusted
 * input, which adds the time and memory limits.
 */
export async function extractDocument(
  content: Buffer,
  hint: ExtractionHint,
  limits: ExtractionLimits,
  options: ExtractionOptions = {},
): Promise<ExtractedText> {
  let format: DocumentFormat = 'unknown';
  try {
    format = sniffFormat(content, hint);
    if (content.length > limits.maxBytes) {
      return unreadable(format, 'too-large', `${content.length} bytes, over the limit of ${limits.maxBytes}`);
    }
    if (content.length === 0) return unreadable(format, 'empty', 'the file is empty (0 bytes)');
    if (format === 'image') return capText(await extractImage(content, limits), limits.maxTextChars);
    if (format === 'unknown') {
      return unreadable('unknown', 'unsupported', `not a document format that is read (${hint.contentType})`);
    }
    return capText(await EXTRACTORS[format](content, limits, options), limits.maxTextChars);
  } catch (error) {
    return unreadable(format, 'failed', `the reader failed: ${describeError(error)}`);
  }
}

/** Cuts the text at `maxChars` (never inside a surrogate pair). */
function capText(result: ExtractedText, maxChars: number): ExtractedText {
  if (result.text.length <= maxChars) return result;
  let end = maxChars;
  const last = result.text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { ...result, text: result.text.slice(0, end), truncated: true };
}
