import { convert } from 'html-to-text';
import type { ExtractedText, ExtractionLimits } from '../../extraction.ts';
import { decodeText } from '../decode-text.ts';
import { describeError, readText, unreadable } from '../extraction-result.ts';
import { TextCollector } from '../text-collector.ts';
import { hiddenTextSelectors, type HiddenPiece } from './html-hidden-text.ts';

/** Reads the text of an HTML document: line structure kept, images, scripts and link targets left out. */
export function extractHtml(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  return Promise.resolve(readHtml(content, limits));
}

function readHtml(content: Buffer, limits: ExtractionLimits): ExtractedText {
  const html = decodeText(content, declaredCharset(content));
  if (html === null) return unreadable('html', 'unsupported', 'binary data, not HTML');
  const hidden: HiddenPiece[] = [];
  const { selectors, formatters } = hiddenTextSelectors(hidden);
  let text: string;
  try {
    text = convert(html, {
      wordwrap: false,
      // Deeply nested markup would otherwise overflow the stack; deeper nodes become "…".
      limits: { maxDepth: 500, ellipsis: '…' },
      formatters,
      selectors: [
        { selector: 'img', format: 'skip' },
        { selector: 'script', format: 'skip' },
        { selector: 'style', format: 'skip' },
        { selector: 'a', options: { ignoreHref: true } },
        ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
          selector,
          options: { uppercase: false },
        })),
        { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
        ...selectors,
      ],
    });
  } catch (error) {
    return unreadable('html', 'corrupt', `the HTML could not be read: ${describeError(error)}`);
  }
  const collector = new TextCollector(limits.maxTextChars);
  collector.write(text);
  for (const piece of hidden) {
    collector.separate('\n');
    collector.write(piece.text.replace(/\s+/g, ' ').trim(), piece.reasons);
  }
  return readText('html', collector.finish());
}

/** The charset named by a `<meta>` near the start, if any. */
function declaredCharset(content: Buffer): string | null {
  const head = content.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1] ?? null;
}
