/**
 * The text in one canonical form for matching: NFKC (ligatures, full-width forms, no-break spaces become
 * plain characters), `\n` line ends, no soft hyphens, and words hyphenated across a line end joined again.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00AD|\u200B|\u200C|\u200D|\uFEFF/g, '')
    .replace(/[\f\v]/g, '\n')
    .replace(/(\p{Ll})-\n[ \t]*(\p{Ll})/gu, '$1$2');
}

/** Case- and accent-folded text for comparisons ("Università" → "universita", "ß" → "ss"). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[đð]/g, 'd')
    .replace(/ı/g, 'i');
}

/** "J A N E   D O E" (letter-spaced headings in PDF text) → "JANE DOE"; other lines unchanged. */
export function collapseLetterSpacing(line: string): string {
  const trimmed = line.trim();
  if (!/^(?:\S ){3,}\S$/u.test(trimmed.replace(/ {2,}/g, ' '))) return trimmed;
  return trimmed
    .split(/ {2,}/)
    .map((word) => word.replace(/ /g, ''))
    .join(' ');
}
