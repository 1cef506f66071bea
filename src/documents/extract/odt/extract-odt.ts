import type { ExtractedText, ExtractionLimits } from '../../extraction.ts';
import { readText, unreadable } from '../extraction-result.ts';
import { TextCollector } from '../text-collector.ts';
import { xmlString } from '../walk-xml.ts';
import { readZipEntries } from '../zip/read-zip-entries.ts';
import { zipFailure } from '../zip/zip-failure.ts';
import type { OdfStyles } from './odt-styles.ts';
import { readOdfStyles } from './odt-styles.ts';
import { readOdtBody } from './read-odt-body.ts';

const CONTENT = 'content.xml';
const STYLES = 'styles.xml';
const MANIFEST = 'META-INF/manifest.xml';

/** Reads an OpenDocument text (`content.xml`, styled by `styles.xml`); password-protected → `encrypted`. */
export async function extractOdt(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  try {
    const parts = await readZipEntries(
      content,
      (name) => name === CONTENT || name === STYLES || name === MANIFEST,
      limits.maxUnzippedBytes,
    );
    if (parts.get(MANIFEST)?.includes('encryption-data')) {
      return unreadable('odt', 'encrypted', 'the document is password-protected');
    }
    const body = parts.get(CONTENT);
    if (body === undefined) return unreadable('odt', 'corrupt', 'not an OpenDocument text: no content.xml');
    const styles: OdfStyles = new Map();
    const styleXml = parts.get(STYLES);
    if (styleXml !== undefined) {
      try {
        readOdfStyles(xmlString(styleXml), styles);
      } catch {
        // Broken common styles only cost the hidden-text checks that depend on them.
      }
    }
    const xml = xmlString(body);
    readOdfStyles(xml, styles);
    const collector = new TextCollector(limits.maxTextChars);
    readOdtBody(xml, styles, collector);
    return readText('odt', collector.finish());
  } catch (error) {
    return zipFailure('odt', error);
  }
}
