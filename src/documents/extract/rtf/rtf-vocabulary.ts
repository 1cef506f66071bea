/** Destinations that hold no document text: tables, metadata, pictures, field codes, shape properties. */
export const SKIPPED_DESTINATIONS = new Set([
  'stylesheet',
  'info',
  'pict',
  'object',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'filetbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'xmlnstbl',
  'generator',
  'fldinst',
  'nonshppict',
  'pgdsctbl',
  'mmathPr',
  'sp',
  'sn',
  'sv',
  'background',
  'bkmkstart',
  'bkmkend',
]);

/** Control words and symbols that stand for one character. */
export const SYMBOLS: Record<string, string> = {
  emdash: '\u2014',
  endash: '\u2013',
  bullet: '\u2022',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  '~': '\u00a0',
  _: '-',
  '\\': '\\',
  '{': '{',
  '}': '}',
  tab: '\t',
};

/** Control words that end a line or a table cell. */
export const BREAKS: Record<string, '\n' | '\t'> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  row: '\n',
  cell: '\t',
  '\n': '\n',
  '\r': '\n',
};
