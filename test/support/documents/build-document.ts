import { buildDocx } from './build-docx.ts';
import { buildHtml, buildRtf, buildText } from './build-markup.ts';
import { buildOdt } from './build-odt.ts';
import { buildPdf } from './build-pdf.ts';
import type { BuildOptions, DocumentSpec, FixtureFormat } from './document-spec.ts';

/** Renders a document spec in one format (see each builder for how the hidden-text tricks are drawn). */
export async function buildDocument(
  spec: DocumentSpec,
  format: FixtureFormat,
  options: BuildOptions = {},
): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return buildPdf(spec, options);
    case 'docx':
      return buildDocx(spec);
    case 'odt':
      return buildOdt(spec);
    case 'rtf':
      return Buffer.from(buildRtf(spec), 'latin1');
    case 'html':
      return Buffer.from(buildHtml(spec), 'utf8');
    case 'txt':
      return Buffer.from(buildText(spec), 'utf8');
  }
}
