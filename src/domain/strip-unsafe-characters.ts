// Terminal escape sequences, whole: CSI (ESC [ or U+009B, parameters, intermediates, a final byte), terminated OSC,
// DCS, SOS, PM and APC strings (up to BEL or ST), and any other ESC with the one character after it. A lone C1
// introducer is left to CONTROLS, so a stray one never takes the rest of the text with it.
const ESCAPE_SEQUENCES = new RegExp(
  [
    '(?:\\u001B\\[|\\u009B)[\\u0030-\\u003F]*[\\u0020-\\u002F]*[\\u0040-\\u007E]?',
    '(?:\\u001B[\\]PX^_]|[\\u0090\\u0098\\u009D-\\u009F])[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)',
    '\\u001B[\\s\\S]?',
  ].join('|'),
  'gu',
);
// Invisible: format characters (bidi marks, overrides and isolates, zero-width characters, U+061C, U+FEFF, tags),
// the other default-ignorable code points (fillers, variation selectors) and unpaired surrogates.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}]/gu;
// Controls (C0, DEL, C1: line breaks and tabs among them) and the Unicode line and paragraph separators.
const CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;

/**
 * The project's one definition of the characters that must not reach a reader: escape sequences and invisible
 * characters are removed, controls and line separators (CR, LF, TAB, NUL, C1, U+2028) replaced by `controls`.
 * Pure; every output function (headers, mail text, terminal, logs, file names) starts here.
 */
export function stripUnsafeCharacters(text: string, controls = ' '): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(INVISIBLE, '').replace(CONTROLS, controls);
}
