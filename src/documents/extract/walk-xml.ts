import { SaxesParser, type SaxesTagNS } from 'saxes';

/** An element with its name and attribute names written with fixed prefixes (see `walkXml`). */
export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
}

export interface XmlVisitor {
  open(element: XmlElement): void;
  close(element: XmlElement): void;
  text(text: string): void;
}

/**
 * Streams an XML document through `visitor`, naming elements and attributes by the fixed prefix of their
 * namespace (`prefixes`: namespace URI → prefix) so that documents using other prefixes read the same;
 * names in other namespaces get the prefix `?`. Throws on malformed XML. Entities beyond XML's five are
 * not expanded (saxes does not read DTDs), so entity-expansion bombs do not apply.
 */
export function walkXml(xml: string, prefixes: Readonly<Record<string, string>>, visitor: XmlVisitor): void {
  const parser = new SaxesParser({ xmlns: true });
  const open: XmlElement[] = [];
  const nameOf = (uri: string, local: string): string => `${prefixes[uri] ?? '?'}:${local}`;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      attributes.set(
        attribute.uri ? nameOf(attribute.uri, attribute.local) : attribute.local,
        attribute.value,
      );
    }
    const element = { name: nameOf(tag.uri, tag.local), attributes };
    open.push(element);
    visitor.open(element);
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (element !== undefined) visitor.close(element);
  });
  parser.on('text', (text) => visitor.text(text));
  parser.on('cdata', (text) => visitor.text(text));
  parser.write(xml).close();
}

/** An XML file's bytes as a string: UTF-16 when a byte-order mark says so, else UTF-8. */
export function xmlString(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\ufeff/, '');
}
