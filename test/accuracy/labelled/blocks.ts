import type { Block } from '../../support/documents/document-spec.ts';

/** Shorthands for the blocks of a labelled document. */
export const title = (text: string, extra: Partial<Block> = {}): Block => ({
  text,
  style: 'title',
  ...extra,
});
export const heading = (text: string, extra: Partial<Block> = {}): Block => ({
  text,
  style: 'heading',
  ...extra,
});
export const para = (text: string, extra: Partial<Block> = {}): Block => ({ text, style: 'body', ...extra });
export const table = (rows: string[][], extra: Partial<Block> = {}): Block => ({
  text: '',
  table: rows,
  ...extra,
});

/** One body block per line of a multi-line string (addresses, lists, score lines). */
export const lines = (text: string, extra: Partial<Block> = {}): Block[] =>
  text
    .trim()
    .split('\n')
    .map((line) => para(line.trim(), extra));
