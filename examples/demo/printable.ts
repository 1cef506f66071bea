// Subjects, names, file names and bodies come from mail: never let them carry terminal control sequences.
const UNPRINTABLE = /[\p{Cc}\p{Cf}]/gu;

/** The text with every control or format character (escape, bidi override…) shown as `\u{…}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

/** A multi-line text made printable line by line (line breaks kept), each line prefixed with `indent`. */
export function printableBlock(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => `${indent}${printable(line)}`.trimEnd())
    .join('\n');
}
