import {
  ColumnBreak,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { Block, DocumentSpec } from './document-spec.ts';

/**
 * Renders a spec as a DOCX with the `docx` package. Hidden styles: colour FFFFFF, size 1 (half a point),
 * `vanish`; a DOCX has no page geometry, so `hidden-offpage` is rendered as `vanish` too. Two columns: a
 * two-column section with a column break before the first right-column block.
 */
export async function buildDocx(spec: DocumentSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let inRightColumn = false;
  for (const block of spec.blocks) {
    const columnBreak: boolean = spec.columns === 2 && block.column === 2 && !inRightColumn;
    inRightColumn ||= columnBreak;
    children.push(block.table === undefined ? paragraph(block, columnBreak) : table(block.table));
  }
  const document = new Document({
    ...(spec.title === undefined ? {} : { title: spec.title }),
    sections: [{ properties: spec.columns === 2 ? { column: { count: 2, space: 720 } } : {}, children }],
  });
  return Packer.toBuffer(document);
}

function paragraph(block: Block, columnBreak: boolean): Paragraph {
  const style = block.style ?? 'body';
  const run = new TextRun({
    text: block.text,
    ...(style === 'title' || style === 'heading' ? { bold: true } : {}),
    ...(style === 'hidden-white' ? { color: 'FFFFFF' } : {}),
    ...(style === 'hidden-tiny' ? { size: 1 } : {}),
    ...(style === 'hidden-vanish' || style === 'hidden-offpage' ? { vanish: true } : {}),
  });
  return new Paragraph({
    ...(style === 'title' ? { heading: HeadingLevel.TITLE } : {}),
    ...(style === 'heading' ? { heading: HeadingLevel.HEADING_1 } : {}),
    ...(block.pageBreak === true ? { pageBreakBefore: true } : {}),
    children: columnBreak ? [new TextRun({ children: [new ColumnBreak()] }), run] : [run],
  });
}

function table(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
    ),
  });
}
