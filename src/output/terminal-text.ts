import { stripUnsafeCharacters } from '../domain/strip-unsafe-characters.ts';

/**
 * Text for an operator's terminal: escape sequences (CSI, OSC, DCS…), C0 and C1 controls, bidi and other
 * invisible characters removed; a tab becomes a space, CR LF and a lone CR become LF, and LF is kept, so the
 * lines are the lines the text meant. Pure.
 */
export function terminalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => stripUnsafeCharacters(line.replace(/\t/g, ' '), ''))
    .join('\n');
}
