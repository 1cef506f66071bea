import { Readable } from 'node:stream';
import { Tokenize } from 'rtf-stream-parser';

/** Token kinds of rtf-stream-parser's tokenizer (its `TokenType`, a const enum we cannot import). */
export const GROUP_START = 0;
export const GROUP_END = 1;
export const CONTROL = 2;
export const TEXT = 3;

/** A group brace, a control word or symbol (`word`, `param`; `\'hh` has its byte in `data`), or text. */
export interface RtfToken {
  type: number;
  word?: string;
  param?: number;
  data?: Buffer;
}

/** The tokens of an RTF document, as a stream (rtf-stream-parser's `Tokenize`). */
export function rtfTokens(content: Buffer): AsyncIterable<RtfToken> {
  return Readable.from([content], { objectMode: false }).pipe(new Tokenize()) as AsyncIterable<RtfToken>;
}
