import type { HiddenTextReason } from '../../extraction.ts';
import { isVisibleBackground } from '../hidden-text-rules.ts';
import type { TextCollector } from '../text-collector.ts';
import { walkXml, type XmlElement } from '../walk-xml.ts';
import { ODF_PREFIXES } from './odf-namespaces.ts';
import {
  hiddenOdfReasons,
  mergeOdfProperties,
  resolveOdfStyle,
  type OdfStyles,
  type OdfTextProperties,
} from './odt-styles.ts';

/** Subtrees whose text a reader does not see in the document: change history, comments, form data. */
const SKIPPED = new Set([
  'text:tracked-changes',
  'office:annotation',
  'office:forms',
  'text:note-citation',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
]);
const PARAGRAPHS = new Set(['text:p', 'text:h']);
const MAX_SPACES = 100;

/**
 * Reads an ODT's `content.xml` into `collector`: paragraphs and headings as lines, table cells separated by
 * tabs and rows by lines, `text:s`/`text:tab`/`text:line-break` kept; text styled `text:display="none"`,
 * white on no coloured background, or under the microscopic size goes to hidden text.
 */
export function readOdtBody(xml: string, styles: OdfStyles, collector: TextCollector): void {
  let skipDepth = 0;
  let paragraphDepth = 0;
  const layers: OdfTextProperties[] = [];
  const layered: boolean[] = [];
  const cells: boolean[] = [];
  let reasons: HiddenTextReason[] | null = null;
  const currentReasons = (): HiddenTextReason[] => {
    reasons ??= hiddenOdfReasons(mergeOdfProperties(layers), cells.some(Boolean));
    return reasons;
  };

  walkXml(xml, ODF_PREFIXES, {
    open(element: XmlElement) {
      if (skipDepth > 0 || SKIPPED.has(element.name)) {
        skipDepth += 1;
        return;
      }
      const styleName = element.attributes.get('text:style-name');
      const family = PARAGRAPHS.has(element.name)
        ? 'paragraph'
        : element.name === 'text:span'
          ? 'text'
          : null;
      layered.push(family !== null);
      if (family !== null) {
        layers.push(resolveOdfStyle(styles, family, styleName));
        reasons = null;
      }
      if (PARAGRAPHS.has(element.name)) paragraphDepth += 1;
      else if (element.name === 'table:table-cell' || element.name === 'table:covered-table-cell') {
        const cellStyle = resolveOdfStyle(styles, 'table-cell', element.attributes.get('table:style-name'));
        cells.push(isVisibleBackground(cellStyle.background));
        reasons = null;
      } else if (element.name === 'text:s') {
        const count = Math.min(Number(element.attributes.get('text:c') ?? '1') || 1, MAX_SPACES);
        collector.write(' '.repeat(count));
      } else if (element.name === 'text:tab') collector.write('\t');
      else if (element.name === 'text:line-break') collector.separate('\n');
    },
    close(element: XmlElement) {
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      if (layered.pop() === true) {
        layers.pop();
        reasons = null;
      }
      if (PARAGRAPHS.has(element.name)) {
        paragraphDepth -= 1;
        collector.separate(cells.length > 0 ? ' ' : '\n');
      } else if (element.name === 'table:table-cell' || element.name === 'table:covered-table-cell') {
        cells.pop();
        reasons = null;
        collector.separate('\t');
      } else if (element.name === 'table:table-row' || element.name === 'table:table')
        collector.separate('\n');
    },
    text(text: string) {
      if (skipDepth > 0 || paragraphDepth === 0) return;
      collector.write(text.replace(/[ \t\r\n]+/g, ' '), currentReasons());
    },
  });
}
