import { walkXml, type XmlElement } from '../walk-xml.ts';
import { mergeRunProperties, readRunProperty, type RunProperties } from './run-properties.ts';
import { OOXML_PREFIXES } from './ooxml-namespaces.ts';

interface StyleEntry {
  basedOn: string | null;
  props: RunProperties;
}

/** The run formatting of a DOCX's styles (`word/styles.xml`): defaults, paragraph and character styles. */
export interface DocxStyles {
  defaults: RunProperties;
  /** The default paragraph style's id, used when a paragraph names none. */
  defaultParagraph: string | null;
  styles: Map<string, StyleEntry>;
}

const MAX_CHAIN = 20;

/** No styles: a document without `styles.xml`. */
export const NO_STYLES: DocxStyles = { defaults: {}, defaultParagraph: null, styles: new Map() };

/** Reads the run properties of every style; throws on malformed XML. */
export function parseDocxStyles(xml: string): DocxStyles {
  const result: DocxStyles = { defaults: {}, defaultParagraph: null, styles: new Map() };
  let current: StyleEntry | null = null;
  const path: string[] = [];
  walkXml(xml, OOXML_PREFIXES, {
    open(element: XmlElement) {
      const parent = path.at(-1);
      path.push(element.name);
      if (element.name === 'w:style') current = openStyle(result, element);
      else if (element.name === 'w:basedOn' && parent === 'w:style' && current !== null) {
        current.basedOn = element.attributes.get('w:val') ?? null;
      } else if (parent === 'w:rPr') {
        const owner = path.at(-3);
        if (owner === 'w:rPrDefault') readRunProperty(result.defaults, element);
        else if (owner === 'w:style' && current !== null) readRunProperty(current.props, element);
      }
    },
    close(element: XmlElement) {
      path.pop();
      if (element.name === 'w:style') current = null;
    },
    text() {},
  });
  return result;
}

function openStyle(result: DocxStyles, element: XmlElement): StyleEntry | null {
  const id = element.attributes.get('w:styleId');
  if (id === undefined) return null;
  const entry: StyleEntry = { basedOn: null, props: {} };
  result.styles.set(id, entry);
  const isDefault = /^(1|true|on)$/i.test(element.attributes.get('w:default') ?? '');
  if (isDefault && element.attributes.get('w:type') === 'paragraph') result.defaultParagraph = id;
  return entry;
}

/** A style's run properties with those it is based on (nearest wins); {} for an unknown id. */
export function styleRunProperties(styles: DocxStyles, id: string | null): RunProperties {
  const chain: RunProperties[] = [];
  const seen = new Set<string>();
  let next = id;
  while (next !== null && !seen.has(next) && chain.length < MAX_CHAIN) {
    seen.add(next);
    const entry = styles.styles.get(next);
    if (entry === undefined) break;
    chain.unshift(entry.props);
    next = entry.basedOn;
  }
  return mergeRunProperties(...chain);
}
