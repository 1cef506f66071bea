import type { ExtractedText, ExtractionLimits } from '../extraction.ts';
import { decodeText } from './decode-text.ts';
import { readText, unreadable } from './extraction-result.ts';
import { TextCollector } from './text-collector.ts';

/** Reads a plain-text file (BOM, UTF-8 or windows-1252); binary data → `unsupported`. */
export function extractPlainText(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  const text = decodeText(content);
  if (text === null) return Promise.resolve(unreadable('text', 'unsupported', 'binary data, not text'));
  const collector = new TextCollector(limits.maxTextChars);
  collector.write(text);
  return Promise.resolve(readText('text', collector.finish()));
}
