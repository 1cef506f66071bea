/** The text of a document prepared once for every kind's clue finders. */
export interface DocumentText {
  /** Non-empty lines, trimmed, as written (for evidence labels). */
  lines: string[];
  /** The same lines folded for matching: compatibility forms, no accents, lower case, single spaces. */
  folded: string[];
  /** All folded lines as one running text (a phrase wrapped over two lines is found; "recom-\nmend" rejoined). */
  body: string;
  /** Words (runs of letters or digits; each CJK character counts as one). */
  words: number;
  /** Pages when the format has them (PDF), else null. */
  pages: number | null;
}

// Clue finders read at most this much: a 300-page thesis is recognised from its first pages.
const MAX_CHARS = 300_000;
/** How many lines count as the top of a document (titles, salutations, contact blocks). */
export const HEAD_LINES = 15;
/** How many lines count as the bottom (closings, signatures). */
export const TAIL_LINES = 15;

/** Splits and folds a document's text. */
export function readDocumentText(text: string, pages: number | null): DocumentText {
  const lines = text
    .slice(0, MAX_CHARS)
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
  const folded = lines.map(foldText);
  const body = folded
    .join('\n')
    .replace(/(\p{Ll})-\n(?=\p{Ll})/gu, '$1')
    .replace(/\n/g, ' ');
  const words = (body.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? [])
    .length;
  return { lines, folded, body, words, pages };
}

/** Compatibility forms, no accents, lower case: "Relevé  de Notes" → "releve de notes". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .toLowerCase();
}

/** The first lines of the document. */
export function headOf(doc: DocumentText, count = HEAD_LINES): string[] {
  return doc.folded.slice(0, count);
}

/** The last lines of the document. */
export function tailOf(doc: DocumentText, count = TAIL_LINES): string[] {
  return doc.folded.slice(-count);
}

// Decoration around a heading: icons (private-use glyphs, emoji), stars, bars, rules, bullets and punctuation.
const DECORATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#)]+$/gu;
// A heading spelt out letter by letter ("e x p e r i e n c e"), or split by small capitals ("e xperience").
const SPACED_LETTERS = /^(?:\p{L} ){3,}\p{L}$|^\p{L} \p{L}{2,}(?: \p{L} \p{L}{2,})*$/u;

/**
 * A line with any list or section numbering and any decoration removed ("2.1 Related Work:" → "related work",
 * "★ EXPERIENCES" → "experiences", "| LANGUAGES" → "languages", "E X P E R I E N C E" → "experience").
 */
export function headingOf(folded: string): string {
  const heading = folded
    .replace(DECORATION, '')
    .replace(/^(?:chapter|kapitel|chapitre|capitolo|capitulo)\s+\d+\s*[.:-]?\s*/, '')
    .replace(/^(?:\d+(?:\.\d+)*[.)]?|(?:[ivx]+|[a-h])[.)])\s+(?=\p{L})/u, '')
    .replace(DECORATION, '')
    .trim();
  return SPACED_LETTERS.test(heading) ? heading.replace(/ /g, '') : heading;
}

/** Counts the matches of a global pattern in a text. */
export function countMatches(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/** Shortens a line for an evidence label. */
export function quoteLine(line: string, max = 48): string {
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
