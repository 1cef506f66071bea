import { CsvError, parse } from 'csv-parse/sync';
import { addressIn, findRegistrationColumns, firstValue, nameIn } from './find-registration-columns.ts';

/** One response of a registration form: the line it starts on, and the address and name given (null if none). */
export interface Registration {
  line: number;
  email: string | null;
  name: string | null;
}

/** A form export read: its responses and the columns they came from, or what is wrong with it. */
export type RegistrationsRead =
  | { ok: true; rows: Registration[]; emailColumn: string; nameColumn: string | null }
  | { ok: false; error: string };

/** The most responses an export may hold. */
export const MAX_REGISTRATION_ROWS = 100_000;
/** The largest export read, in bytes (UTF-8). */
export const MAX_REGISTRATION_BYTES = 20 * 1024 * 1024;

/**
 * Parses a form export (Google Forms, Microsoft Forms, a spreadsheet saved as CSV): BOM, CRLF, quoted multi-line
 * cells, comma or semicolon (detected from the header line). The e-mail and name columns are the configured
 * headings, else found by heading; Microsoft Forms' own Email/Name (the responder account) only where the
 * questions leave them empty. Addresses are lower-cased and trimmed, an invalid one is null with its row; a
 * separate first and last name column are joined. At most 100,000 rows and 20 MB. Pure.
 */
export function readRegistrations(
  text: string,
  options: { emailColumn?: string | undefined; nameColumn?: string | undefined },
): RegistrationsRead {
  if (Buffer.byteLength(text, 'utf8') > MAX_REGISTRATION_BYTES)
    return { ok: false, error: 'larger than 20 MB' };
  const parsed = parseRecords(text);
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, error: 'empty: no heading line' };
  if (records.length > MAX_REGISTRATION_ROWS)
    return { ok: false, error: `more than ${MAX_REGISTRATION_ROWS.toLocaleString('en-GB')} rows` };
  const columns = findRegistrationColumns(header.cells, records, options);
  if (!columns.ok) return columns;
  const rows = records.map(({ line, cells }) => ({
    line,
    email: firstValue(columns.email, cells, addressIn),
    name: firstValue(columns.name, cells, nameIn),
  }));
  return { ok: true, rows, emailColumn: columns.emailColumn, nameColumn: columns.nameColumn };
}

interface CsvRecord {
  line: number;
  cells: string[];
}

function parseRecords(text: string): { ok: true; records: CsvRecord[] } | { ok: false; error: string } {
  // Line ends become \n first: csv-parse counts a CRLF inside a quoted cell as two lines.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines: number[] = [];
  try {
    const records = parse(body, {
      delimiter: headerDelimiter(body),
      skip_empty_lines: true,
      to: MAX_REGISTRATION_ROWS + 2,
      // `lines` is the line a record ends on; it starts as many lines earlier as its cells hold line breaks.
      on_record: (record, context) => {
        lines.push(context.lines - record.join('').split('\n').length + 1);
        return record;
      },
    });
    return {
      ok: true,
      records: records
        .map((cells, index) => ({ line: lines[index] ?? 0, cells }))
        .filter(({ cells }) => cells.some((cell) => cell.trim() !== '')),
    };
  } catch (error) {
    if (error instanceof CsvError)
      return { ok: false, error: `line ${String(error.lines)}: ${error.message}` };
    throw error;
  }
}

// The delimiter that splits the first record into more cells: a semicolon (Excel in most of Europe) or a comma.
function headerDelimiter(body: string): ',' | ';' {
  const start = body.slice(0, 128 * 1024);
  return cellsInFirstRecord(start, ';') > cellsInFirstRecord(start, ',') ? ';' : ',';
}

function cellsInFirstRecord(start: string, delimiter: string): number {
  try {
    return parse(start, { delimiter, to: 1, skip_empty_lines: true })[0]?.length ?? 0;
  } catch {
    return 0;
  }
}
