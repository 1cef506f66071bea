import type { ExtractedText, ExtractionLimits } from '../../extraction.ts';
import { readText, unreadable } from '../extraction-result.ts';
import { TextCollector } from '../text-collector.ts';
import { xmlString } from '../walk-xml.ts';
import { readZipEntries } from '../zip/read-zip-entries.ts';
import { zipFailure } from '../zip/zip-failure.ts';
import { NO_STYLES, parseDocxStyles, type DocxStyles } from './docx-styles.ts';
import { readDocxPart } from './read-docx-part.ts';

const BODY = 'word/document.xml';
const STYLES = 'word/styles.xml';
const HEADER = /^word\/header\d*\.xml$/;
const FOOTER = /^word\/footer\d*\.xml$/;
const NOTES = ['word/footnotes.xml', 'word/endnotes.xml'];

/** Reads a DOCX: headers, body, foot- and endnotes, footers, in that order; repeated headers once. */
export async function extractDocx(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  try {
    const parts = await readZipEntries(
      content,
      (name) =>
        name === BODY || name === STYLES || HEADER.test(name) || FOOTER.test(name) || NOTES.includes(name),
      limits.maxUnzippedBytes,
    );
    const body = parts.get(BODY);
    if (body === undefined) return unreadable('docx', 'corrupt', 'not a Word document: no word/document.xml');
    const styles = readStyles(parts.get(STYLES));
    const collector = new TextCollector(limits.maxTextChars);
    const names = [...parts.keys()].sort(byNumber);
    const seen = new Set<string>();
    for (const name of names.filter((n) => HEADER.test(n)))
      readOnce(parts.get(name), styles, collector, seen);
    readDocxPart(xmlString(body), styles, collector);
    collector.separate('\n\n');
    for (const name of NOTES) readOnce(parts.get(name), styles, collector, seen);
    for (const name of names.filter((n) => FOOTER.test(n)))
      readOnce(parts.get(name), styles, collector, seen);
    return readText('docx', collector.finish());
  } catch (error) {
    return zipFailure('docx', error);
  }
}

function readStyles(xml: Buffer | undefined): DocxStyles {
  if (xml === undefined) return NO_STYLES;
  try {
    return parseDocxStyles(xmlString(xml));
  } catch {
    return NO_STYLES; // Broken styles only cost the hidden-text checks that depend on them.
  }
}

/** Adds a header, footer or notes part unless the same text was already added (first/even/odd headers). */
function readOnce(
  xml: Buffer | undefined,
  styles: DocxStyles,
  collector: TextCollector,
  seen: Set<string>,
): void {
  if (xml === undefined) return;
  const part = new TextCollector(50_000);
  try {
    readDocxPart(xmlString(xml), styles, part);
  } catch {
    return; // A damaged header or note does not make the body unreadable.
  }
  const { text, hiddenText, hiddenReasons } = part.finish();
  if (text !== '' && !seen.has(text)) {
    seen.add(text);
    collector.write(text);
    collector.separate('\n\n');
  }
  collector.write(hiddenText, hiddenReasons);
}

function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
