import stringWidth from 'string-width';
import { terminalText } from '../output/terminal-text.ts';

/** How `formatTable` lays its rows out. */
export interface TableLayout {
  /** Put before every line of a plain table. */
  indent?: string;
  /** The columns whose cells line up on the right (figures); the others line up on the left. */
  rightAligned?: readonly boolean[];
  /** The fewest terminal columns a column takes. */
  minWidth?: number;
  /** A GitHub Markdown table: the first row is the header, ruled off (`---:` over a right-aligned column). */
  markdown?: boolean;
}

/**
 * The lines of a text table, each column as wide as its widest cell on a terminal (a CJK character takes two
 * columns): cells two spaces apart without trailing blanks, or between pipes as a Markdown table. Every cell is
 * made one line through terminalText first.
 */
export function formatTable(cells: ReadonlyArray<readonly string[]>, layout: TableLayout = {}): string[] {
  // Each cell one line without escapes or controls (they would break the layout, and a terminal would run them).
  const rows = cells.map((row) => row.map((cell) => terminalText(cell).replace(/\n/g, ' ')));
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(layout.minWidth ?? 0, ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  const right = (column: number): boolean => layout.rightAligned?.[column] === true;
  const padded = rows.map((row) =>
    widths.map((width, column) => pad(row[column] ?? '', width, right(column))),
  );
  if (layout.markdown !== true) {
    return padded.map((cells) => `${layout.indent ?? ''}${cells.join('  ')}`.trimEnd());
  }
  const rule = widths.map((width, column) =>
    right(column) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2),
  );
  const lines = padded.map((cells) => `| ${cells.join(' | ')} |`);
  return [...lines.slice(0, 1), `|${rule.join('|')}|`, ...lines.slice(1)];
}

function pad(cell: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(cell)));
  return right ? fill + cell : cell + fill;
}
