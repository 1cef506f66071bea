import type { DomNode, FormatCallback, SelectorDefinition } from 'html-to-text';
import type { HiddenTextReason } from '../../extraction.ts';
import { isNearWhite, MICROSCOPIC_POINTS } from '../hidden-text-rules.ts';

/** A piece of text an element's inline style or `hidden` attribute keeps from the reader. */
export interface HiddenPiece {
  text: string;
  reasons: HiddenTextReason[];
}

const NAMED_WHITE = /^(white|#fff|#ffffff|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))$/i;
const BLOCKS = [
  'p',
  'div',
  'li',
  'td',
  'section',
  'article',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];
const INLINES = ['span', 'font', 'a', 'b', 'i', 'em', 'strong', 'small'];

/**
 * html-to-text selectors and a formatter that route elements hidden by inline CSS (`display:none`,
 * `visibility:hidden`, white colour, a microscopic font size) or the `hidden` attribute to `pieces`
 * instead of the text. Stylesheets are not evaluated: hiding through classes is not seen.
 */
export function hiddenTextSelectors(pieces: HiddenPiece[]): {
  selectors: SelectorDefinition[];
  formatters: Record<string, FormatCallback>;
} {
  const formatter: FormatCallback = (element, walk, builder, options) => {
    const reasons = hiddenReasons(element.attribs as Record<string, string> | undefined);
    if (reasons.length > 0) {
      pieces.push({ text: textOf(element), reasons });
      return;
    }
    const block = options.leadingLineBreaks !== undefined;
    if (block) builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks });
    walk(element.children, builder);
    if (block) builder.closeBlock({ trailingLineBreaks: options.trailingLineBreaks });
  };
  const blockOptions = { leadingLineBreaks: 1, trailingLineBreaks: 1 };
  const selectors: SelectorDefinition[] = [
    { selector: '[hidden]', format: 'hiddenAware', options: blockOptions },
    ...BLOCKS.map((tag) => ({ selector: `${tag}[style]`, format: 'hiddenAware', options: blockOptions })),
    ...INLINES.map((tag) => ({ selector: `${tag}[style]`, format: 'hiddenAware' })),
    { selector: 'font[color]', format: 'hiddenAware' },
  ];
  return { selectors, formatters: { hiddenAware: formatter } };
}

function hiddenReasons(attributes: Record<string, string> | undefined): HiddenTextReason[] {
  if (attributes === undefined) return [];
  const reasons: HiddenTextReason[] = [];
  const style = parseStyle(attributes.style ?? '');
  if ('hidden' in attributes || style.get('display') === 'none' || style.get('visibility') === 'hidden') {
    reasons.push('hidden-formatting');
  }
  const color = style.get('color') ?? attributes.color;
  const background = style.get('background-color') ?? style.get('background');
  if (color !== undefined && isWhite(color) && (background === undefined || isWhite(background))) {
    reasons.push('white-text');
  }
  const size = /^([\d.]+)(px|pt)?$/.exec(style.get('font-size') ?? '');
  if (size?.[1] !== undefined && Number(size[1]) * (size[2] === 'px' ? 0.75 : 1) < MICROSCOPIC_POINTS) {
    reasons.push('microscopic-text');
  }
  return reasons;
}

function isWhite(color: string): boolean {
  return NAMED_WHITE.test(color) || isNearWhite(color);
}

function parseStyle(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const value = declaration.slice(colon + 1).replace(/!important/i, '');
    declarations.set(declaration.slice(0, colon).trim().toLowerCase(), value.trim().toLowerCase());
  }
  return declarations;
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  const children = node.children as DomNode[] | undefined; // absent on comments and directives
  return children?.map(textOf).join('') ?? '';
}
