/** A figure as measured: numbers stay raw (bytes, milliseconds) and are only formatted when printed. */
export type Figure = string | number | null;

export interface Column {
  /** The row field, also the JSON key (units in the name: `sizeBytes`, `extractMs`). */
  key: string;
  label: string;
  /** How a number is printed: `bytes` as KB/MB, else with this many decimals (default 0). */
  format?: 'bytes' | number;
}

/** One table of a section's figures. */
export interface BenchTable {
  /** Stable name for the JSON output. */
  id: string;
  title: string;
  columns: Column[];
  rows: Record<string, Figure>[];
  /** How to read the table, printed below it. */
  notes?: string[];
}

/** What one section of the benchmark measured. */
export interface SectionResult {
  section: string;
  title: string;
  /** The settings it ran with, defaults included (flag name → value). */
  settings: Record<string, Figure>;
  tables: BenchTable[];
}

/** A table as GitHub Markdown, columns padded so it also reads well in a terminal. */
export function renderTable(table: BenchTable): string {
  const header = table.columns.map((column) => column.label);
  const body = table.rows.map((row) => table.columns.map((column) => formatFigure(row[column.key], column)));
  const widths = header.map((label, index) =>
    Math.max(3, label.length, ...body.map((cells) => (cells[index] ?? '').length)),
  );
  const numeric = table.columns.map((column) =>
    table.rows.some((row) => typeof row[column.key] === 'number'),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, index) => pad(cell, widths[index] ?? 0, numeric[index] === true)).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (numeric[index] === true ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  const lines = [`### ${table.title}`, '', line(header), rule, ...body.map(line)];
  if (table.notes !== undefined && table.notes.length > 0) lines.push('', ...table.notes);
  return lines.join('\n');
}

function pad(cell: string, width: number, right: boolean): string {
  return right ? cell.padStart(width) : cell.padEnd(width);
}

/** A figure for people: thousands separated, bytes in KB or MB, null as a dash. */
export function formatFigure(value: Figure | undefined, column: Pick<Column, 'format'>): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (column.format === 'bytes') return formatBytes(value);
  const digits = column.format ?? 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Bytes as "812 B", "374 KB" or "25.2 MB" (binary units). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
