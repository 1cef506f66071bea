import type { HiddenTextReason } from '../../extraction.ts';
import { isVisibleBackground } from '../hidden-text-rules.ts';
import type { TextCollector } from '../text-collector.ts';
import { walkXml, type XmlElement } from '../walk-xml.ts';
import { styleRunProperties, type DocxStyles } from './docx-styles.ts';
import { OOXML_PREFIXES } from './ooxml-namespaces.ts';
import {
  hiddenRunReasons,
  mergeRunProperties,
  readRunProperty,
  shading,
  type RunProperties,
} from './run-properties.ts';

/** Subtrees with no text a reader sees: alternative renderings, field codes, deleted and moved-away text. */
const SKIPPED = new Set([
  'mc:Fallback',
  'w:instrText',
  'w:delText',
  'w:del',
  'w:moveFrom',
  'w:sectPr',
  'w:tblPr',
]);

interface Paragraph {
  style: string | null;
  shaded: boolean;
}

/**
 * Reads one WordprocessingML part (body, header, footer, notes) into `collector`: paragraphs as lines, table
 * cells separated by tabs and rows by lines, `w:tab` and `w:br` kept; text that is vanished, white on no
 * coloured background, or under the microscopic size goes to hidden text. Throws on malformed XML.
 */
export function readDocxPart(xml: string, styles: DocxStyles, collector: TextCollector): void {
  const path: string[] = [];
  let skipDepth = 0;
  let pageShaded = false;
  let paragraph: Paragraph = { style: null, shaded: false };
  const cells: boolean[] = [];
  let direct: RunProperties = {};
  let runStyle: string | null = null;
  let reasons: HiddenTextReason[] | null = null;
  let inText = false;

  const runReasons = (): HiddenTextReason[] => {
    reasons ??= hiddenRunReasons(
      mergeRunProperties(
        styles.defaults,
        styleRunProperties(styles, paragraph.style ?? styles.defaultParagraph),
        styleRunProperties(styles, runStyle),
        direct,
      ),
      pageShaded || paragraph.shaded || cells.some(Boolean),
    );
    return reasons;
  };

  walkXml(xml, OOXML_PREFIXES, {
    open(element: XmlElement) {
      const parent = path.at(-1);
      path.push(element.name);
      if (skipDepth > 0 || SKIPPED.has(element.name)) {
        skipDepth += 1;
        return;
      }
      const value = element.attributes.get('w:val');
      switch (element.name) {
        case 'w:background':
          pageShaded = isVisibleBackground(element.attributes.get('w:color'));
          break;
        case 'w:p':
          paragraph = { style: null, shaded: false };
          break;
        case 'w:pStyle':
          if (parent === 'w:pPr') paragraph.style = value ?? null;
          break;
        case 'w:shd':
          if (parent === 'w:pPr') paragraph.shaded = isVisibleBackground(shading(element));
          else if (parent === 'w:tcPr' && cells.length > 0)
            cells[cells.length - 1] = isVisibleBackground(shading(element));
          else if (parent === 'w:rPr' && path.at(-3) === 'w:r') readRunProperty(direct, element);
          break;
        case 'w:tc':
          cells.push(false);
          break;
        case 'w:r':
          direct = {};
          runStyle = null;
          reasons = null;
          break;
        case 'w:rStyle':
          if (parent === 'w:rPr') runStyle = value ?? null;
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          if (parent === 'w:r') collector.write('\t');
          break;
        case 'w:br':
        case 'w:cr':
          if (parent === 'w:r') collector.separate('\n');
          break;
        case 'w:noBreakHyphen':
          collector.write('-', runReasons());
          break;
        default:
          if (parent === 'w:rPr' && path.at(-3) === 'w:r') readRunProperty(direct, element);
      }
    },
    close(element: XmlElement) {
      path.pop();
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      if (element.name === 'w:t') inText = false;
      else if (element.name === 'w:p') collector.separate(cells.length > 0 ? ' ' : '\n');
      else if (element.name === 'w:tc') {
        cells.pop();
        collector.separate('\t');
      } else if (element.name === 'w:tr' || element.name === 'w:tbl') collector.separate('\n');
    },
    text(text: string) {
      if (inText && skipDepth === 0) collector.write(text, runReasons());
    },
  });
}
