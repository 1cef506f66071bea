import type { ExtractedText, ExtractionLimits } from '../extraction.ts';
import { OcrSession } from '../ocr/ocr-session.ts';
import { unreadable } from './extraction-result.ts';
import { TextCollector } from './text-collector.ts';
import { readText } from './extraction-result.ts';

// The image formats Tesseract (Leptonica) reads, by their first bytes.
const READABLE_IMAGES: readonly (readonly [string, RegExp])[] = [
  ['PNG', /^89504e470d0a1a0a/],
  ['JPEG', /^ffd8ff/],
  ['TIFF', /^(49492a00|4d4d002a)/],
  ['GIF', /^474946383[79]61/],
  ['BMP', /^424d/],
  ['WebP', /^52494646.{8}57454250/],
];

/**
 * Reads an image file (a scan or photo of a document) by OCR (`limits.ocr`). An image OCR cannot read (another
 * format, OCR off or not installed) is a `scan`, as before there was OCR; OCR over its time is `timeout`.
 */
export async function extractImage(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  const head = content.subarray(0, 16).toString('hex');
  const kind = READABLE_IMAGES.find(([, magic]) => magic.test(head))?.[0];
  if (kind === undefined) return unreadable('image', 'scan', 'image file of a format OCR does not read');
  const session = await OcrSession.open(limits.ocr, false);
  if (typeof session === 'string') return unreadable('image', 'scan', `image file; ${session}`);
  const outcome = await session.recogniseImage(content);
  if (outcome.status !== 'done') return unreadable('image', outcome.status, outcome.reason);
  const collector = new TextCollector(limits.maxTextChars);
  collector.write(outcome.text);
  const result = readText('image', collector.finish(), {
    emptyReason: `no text: OCR found none in the ${kind} image`,
  });
  return { ...result, textSource: 'ocr', ocrPages: 1 };
}
