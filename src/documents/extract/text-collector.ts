import type { HiddenTextReason } from '../extraction.ts';
import { MAX_HIDDEN_CHARS } from './hidden-text-rules.ts';

/** A separator between pieces of text, strongest last: a space, a table cell, a line, a paragraph. */
export type Separator = ' ' | '\t' | '\n' | '\n\n';

const STRENGTH: Record<Separator, number> = { ' ': 1, '\t': 2, '\n': 3, '\n\n': 4 };

/** Text read from a document, split into what a reader sees and what is hidden. */
export interface CollectedText {
  text: string;
  hiddenText: string;
  hiddenReasons: HiddenTextReason[];
  /** More than the character limit was offered. */
  truncated: boolean;
}

/**
 * Gathers visible and hidden text as an extractor walks a document. Separators are deferred until the next
 * text (so a document never starts or ends with one, and the strongest of several wins); visible text stops
 * growing shortly past `maxChars` (the exact cut is made by `extractDocument`).
 */
export class TextCollector {
  readonly #maxChars: number;
  #parts: string[] = [];
  #length = 0;
  #pending: Separator | null = null;
  #hidden: string[] = [];
  #hiddenLength = 0;
  #hiddenPending: Separator | null = null;
  #reasons = new Set<HiddenTextReason>();
  #truncated = false;

  constructor(maxChars: number) {
    this.#maxChars = maxChars;
  }

  /** Enough visible text has been gathered; further text is dropped. */
  get full(): boolean {
    return this.#truncated;
  }

  /** Adds text; with reasons it is hidden text (kept apart), else visible. */
  write(text: string, hiddenReasons: readonly HiddenTextReason[] = []): void {
    if (text === '') return;
    if (hiddenReasons.length > 0 && text.trim() !== '') {
      this.#writeHidden(text, hiddenReasons);
      return;
    }
    if (this.#truncated) return;
    if (this.#pending !== null && this.#length > 0) this.#append(this.#pending);
    this.#pending = null;
    this.#hiddenPending ??= ' ';
    this.#append(text);
  }

  /** Asks for a separator before the next text. */
  separate(separator: Separator): void {
    if (this.#pending === null || STRENGTH[separator] > STRENGTH[this.#pending]) this.#pending = separator;
    if (this.#hiddenPending === null || STRENGTH[separator] > STRENGTH[this.#hiddenPending]) {
      this.#hiddenPending = separator === '\t' ? ' ' : separator;
    }
  }

  /** The text so far, visible lines trimmed and blank-line runs collapsed. */
  finish(): CollectedText {
    const hidden = tidyBlankLines(this.#hidden.join('')).replace(/\n{2,}/g, '\n');
    return {
      text: tidyBlankLines(this.#parts.join('')),
      hiddenText: hidden.slice(0, MAX_HIDDEN_CHARS),
      hiddenReasons: [...this.#reasons],
      truncated: this.#truncated,
    };
  }

  #append(text: string): void {
    this.#parts.push(text);
    this.#length += text.length;
    if (this.#length > this.#maxChars) this.#truncated = true;
  }

  #writeHidden(text: string, reasons: readonly HiddenTextReason[]): void {
    for (const reason of reasons) this.#reasons.add(reason);
    if (this.#hiddenLength >= MAX_HIDDEN_CHARS) return;
    const piece = (this.#hiddenPending !== null && this.#hiddenLength > 0 ? this.#hiddenPending : '') + text;
    this.#hiddenPending = null;
    this.#hidden.push(piece);
    this.#hiddenLength += piece.length;
  }
}

/** Trims each line's trailing blanks and the text's outer blank lines; at most one blank line in a row. */
export function tidyBlankLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
}
