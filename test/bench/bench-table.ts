import { formatTable } from '../../src/cli/format-table.ts';

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
  const rightAligned = table.columns.map((column) =>
    table.rows.some((row) => typeof row[column.key] === 'number'),
  );
  const lines = [
    `### ${table.title}`,
    '',
    ...formatTable([header, ...body], { markdown: true, rightAligned, minWidth: 3 }),
  ];
  if (table.notes !== undefined && table.notes.length > 0) lines.push('', ...table.notes);
  return lines.join('\n');
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
