// What a spreadsheet reads as the start of a formula, after any leading spaces (ideographic ones too): = + - @ TAB
// CR, their full-width forms ＝ ＋ － ＠ (which spreadsheets fold to ASCII) and their small forms ﹦ ﹢ ﹣ ﹫.
const FORMULA_START = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/u;

/**
 * One CSV field (RFC 4180): a value a spreadsheet would run as a formula — starting, after any spaces, with `=`
 * `+` `-` `@` TAB or CR or their full-width or small forms — gets a leading `'`; a field with `,` `"` CR or LF is quoted,
 * its quotes doubled. Pure.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
