import WordExtractor from 'word-extractor';
import type { ExtractedText, ExtractionLimits } from '../extraction.ts';
import { describeError, readText, unreadable } from './extraction-result.ts';
import { TextCollector } from './text-collector.ts';

/** An OLE file holding an encrypted Office Open XML package (a password-protected DOCX). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Reads a Word 97–2003 document with word-extractor: headers, body, text boxes, notes, footers. Formatting
 * is not available, so hidden text in .doc files is not detected.
 */
export async function extractDoc(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  if (content.includes(ENCRYPTED_PACKAGE)) {
    return unreadable('doc', 'encrypted', 'the document is password-protected');
  }
  try {
    const document = await new WordExtractor().extract(content);
    const collector = new TextCollector(limits.maxTextChars);
    const parts = [
      document.getHeaders({ includeFooters: false }),
      document.getBody(),
      document.getTextboxes({ includeHeadersAndFooters: false }),
      document.getFootnotes(),
      document.getEndnotes(),
      document.getFooters(),
    ];
    for (const part of parts) {
      collector.write(part.replace(/\r\n?/g, '\n').trim());
      collector.separate('\n\n');
    }
    return readText('doc', collector.finish());
  } catch (error) {
    return unreadable('doc', 'corrupt', `the Word document could not be read: ${describeError(error)}`);
  }
}
