import type { ExtractionRecord } from './document-reading.ts';

/**
 * Where a document's text came from, in words: "text by OCR (Tesseract), 2 pages", "text from the scan's OCR
 * layer, 1 page", or "the document's own text".
 */
export function describeTextSource(record: Pick<ExtractionRecord, 'textSource' | 'ocrPages'>): string {
  if (record.textSource === undefined) return "the document's own text";
  const pages = record.ocrPages ?? 1;
  const count = `${pages} page${pages === 1 ? '' : 's'}`;
  return record.textSource === 'ocr'
    ? `text by OCR (Tesseract), ${count}`
    : `text from the scan's OCR layer, ${count}`;
}

/** A document's name as a profile cites it: marked "(OCR)" when its text came from a scan. */
export function profileLabel(filename: string, record: Pick<ExtractionRecord, 'textSource'> | null): string {
  return record?.textSource === undefined ? filename : `${filename} (OCR)`;
}
