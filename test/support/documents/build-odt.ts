import { strToU8, zipSync } from 'fflate';
import type { Block, DocumentSpec } from './document-spec.ts';

const MIMETYPE = 'application/vnd.oasis.opendocument.text';
const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

/** Span styles for the hidden tricks; `hidden-offpage` has no ODT equivalent and is hidden by display too. */
const SPAN_STYLES: Record<string, string> = {
  'hidden-white': 'THiddenWhite',
  'hidden-tiny': 'THiddenTiny',
  'hidden-vanish': 'THiddenNone',
  'hidden-offpage': 'THiddenNone',
};

/**
 * Renders a spec as an OpenDocument text, zipped with fflate: `mimetype` stored first, then the manifest,
 * `content.xml` (automatic styles carry the tricks: white `fo:color`, 0.5 pt `fo:font-size`,
 * `text:display="none"`), `styles.xml` (a common paragraph style) and `meta.xml`.
 */
export function buildOdt(spec: DocumentSpec): Buffer {
  const files = {
    mimetype: [strToU8(MIMETYPE), { level: 0 as const }] as [Uint8Array, { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifest()),
    'content.xml': strToU8(content(spec)),
    'styles.xml': strToU8(styles()),
    'meta.xml': strToU8(meta(spec.title)),
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

function content(spec: DocumentSpec): string {
  const body = spec.blocks.map(block).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NAMESPACES} office:version="1.3">
<office:automatic-styles>
<style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PHeading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="THiddenWhite" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>
<style:style style:name="THiddenTiny" style:family="text"><style:text-properties fo:font-size="0.5pt"/></style:style>
<style:style style:name="THiddenNone" style:family="text"><style:text-properties text:display="none"/></style:style>
</office:automatic-styles>
<office:body><office:text>${body}</office:text></office:body>
</office:document-content>`;
}

function block(item: Block): string {
  if (item.table !== undefined) {
    const rows = item.table.map(
      (cells) =>
        `<table:table-row>${cells.map((cell) => `<table:table-cell><text:p>${escape(cell)}</text:p></table:table-cell>`).join('')}</table:table-row>`,
    );
    return `<table:table table:name="T"><table:table-column table:number-columns-repeated="${item.table[0]?.length ?? 1}"/>${rows.join('')}</table:table>`;
  }
  const style = item.style ?? 'body';
  const paragraphStyle =
    item.pageBreak === true
      ? 'PBreak'
      : style === 'title'
        ? 'PTitle'
        : style === 'heading'
          ? 'PHeading'
          : 'Standard';
  const element = style === 'heading' || style === 'title' ? 'text:h' : 'text:p';
  const span = SPAN_STYLES[style];
  const text = escapeWithSpaces(item.text);
  const inner = span === undefined ? text : `<text:span text:style-name="${span}">${text}</text:span>`;
  return `<${element} text:style-name="${paragraphStyle}">${inner}</${element}>`;
}

function styles(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NAMESPACES} office:version="1.3"><office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:color="#000000"/></style:style>
</office:styles></office:document-styles>`;
}

function meta(title: string | undefined): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NAMESPACES} office:version="1.3"><office:meta>${title === undefined ? '' : `<dc:title>${escape(title)}</dc:title>`}</office:meta></office:document-meta>`;
}

function manifest(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="${MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ODF collapses runs of spaces: keep them with `text:s`, and tabs and newlines as elements. */
function escapeWithSpaces(text: string): string {
  return escape(text)
    .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
    .replace(/\t/g, '<text:tab/>')
    .replace(/\n/g, '<text:line-break/>');
}
