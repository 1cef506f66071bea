import type { Block, DocumentSpec } from './document-spec.ts';

const HIDDEN_STYLES = new Set(['hidden-white', 'hidden-tiny', 'hidden-vanish', 'hidden-offpage']);
const RTF_FORMATS: Record<string, string> = {
  title: '\\b\\fs40 ',
  heading: '\\b\\fs28 ',
  'hidden-white': '\\cf2 ',
  'hidden-tiny': '\\fs1 ',
  'hidden-vanish': '\\v ',
  'hidden-offpage': '\\v ',
};
const HTML_STYLES: Record<string, string> = {
  'hidden-white': 'color:#ffffff',
  'hidden-tiny': 'font-size:1px',
  'hidden-vanish': 'display:none',
  'hidden-offpage': 'display:none',
};

/**
 * Renders a spec as RTF (code page 1252; other characters as `\uN?`). Hidden styles: `\cf2` (white in the
 * colour table), `\fs1` (half a point), `\v`; `hidden-offpage` has no RTF equivalent and becomes `\v`.
 */
export function buildRtf(spec: DocumentSpec): string {
  const info = spec.title === undefined ? '' : `{\\info{\\title ${rtfText(spec.title)}}}`;
  const header = `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Helvetica;}}{\\colortbl;\\red0\\green0\\blue0;\\red255\\green255\\blue255;}${info}\n`;
  const body = spec.blocks.map((block) => rtfBlock(block)).join('\n');
  return `${header}${spec.columns === 2 ? '\\cols2 ' : ''}${body}\n}`;
}

function rtfBlock(block: Block): string {
  const prefix = block.pageBreak === true ? '\\page ' : '';
  if (block.table !== undefined) {
    return prefix + block.table.map((row) => rtfRow(row)).join('\n');
  }
  const style = block.style ?? 'body';
  const format = RTF_FORMATS[style] ?? '\\fs22 ';
  return `${prefix}{\\pard\\plain ${format}${rtfText(block.text)}\\par}`;
}

function rtfRow(cells: string[]): string {
  const edges = cells.map((_, index) => `\\cellx${(index + 1) * 2000}`).join('');
  return `\\trowd${edges}\n${cells.map((cell) => `\\pard\\intbl ${rtfText(cell)}\\cell`).join(' ')}\\row`;
}

function rtfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (char === '\\' || char === '{' || char === '}') out += `\\${char}`;
    else if (char === '\n') out += '\\line ';
    else if (char === '\t') out += '\\tab ';
    else if (code < 0x80) out += char;
    else if (code <= 0xffff) out += `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
    else for (const unit of char.split('')) out += `\\u${unit.charCodeAt(0) - 0x10000}?`;
  }
  return out;
}

/**
 * Renders a spec as UTF-8 HTML. Hidden styles as inline CSS: `color:#ffffff`, `font-size:1px`,
 * `display:none` (`hidden-vanish` and `hidden-offpage`).
 */
export function buildHtml(spec: DocumentSpec): string {
  const title = spec.title === undefined ? '' : `<title>${escapeHtml(spec.title)}</title>`;
  const body = spec.blocks.map((block) => htmlBlock(block)).join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">${title}</head>\n<body>\n${body}\n</body></html>\n`;
}

function htmlBlock(block: Block): string {
  if (block.table !== undefined) {
    const rows = block.table.map(
      (row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    );
    return `<table>${rows.join('')}</table>`;
  }
  const style = block.style ?? 'body';
  const text = escapeHtml(block.text).replace(/\n/g, '<br>');
  if (style === 'title') return `<h1>${text}</h1>`;
  if (style === 'heading') return `<h2>${text}</h2>`;
  const css = HTML_STYLES[style];
  return css === undefined ? `<p>${text}</p>` : `<p style="${css}">${text}</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders a spec as plain text: blocks as paragraphs, table cells tab-separated. Text cannot hide: hidden blocks are left out. */
export function buildText(spec: DocumentSpec): string {
  return `${spec.blocks
    .filter((block) => !HIDDEN_STYLES.has(block.style ?? 'body'))
    .map((block) => block.table?.map((row) => row.join('\t')).join('\n') ?? block.text)
    .join('\n\n')}\n`;
}
