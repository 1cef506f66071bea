import { foldText, normaliseText } from './normalise-text.ts';

// Between the words of a keyword: a space, a hyphen, a line break, or nothing ("explainable-AI", "deeplearning").
const JOIN = String.raw`[\s\-_‐‑–]*`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The pattern of one keyword: whole words, optional plural "s"/"es", case-insensitive except that a keyword of
 * one letter ("R", "C") matches only in its own case (so "R" is not every "r").
 */
function keywordPattern(keyword: string): RegExp | null {
  const words = foldText(keyword.trim())
    .split(/[\s\-_‐‑–]+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  const body = words.map(escape).join(JOIN);
  const source = String.raw`(?<![\p{L}\p{N}])${body}(?:e?s)?(?![\p{L}\p{N}+#])`;
  const single = /^\p{L}$/u.test(keyword.trim());
  return new RegExp(single ? source.replace(body, escape(keyword.trim())) : source, single ? 'u' : 'iu');
}

/**
 * The configured keywords that occur in a text, as configured and each once (the first of those equal but for case), in configured order: whole
 * words only ("AI" is not in "said"), case and accents ignored, hyphen, space, line break or nothing between
 * words alike ("explainable AI" ~ "explainable-AI"), plurals allowed ("GANs").
 */
export function matchKeywords(text: string, keywords: readonly string[]): string[] {
  const folded = foldText(normaliseText(text));
  const exact = normaliseText(text);
  const found: string[] = [];
  for (const keyword of keywords) {
    const pattern = keywordPattern(keyword);
    if (pattern === null || found.some((earlier) => foldText(earlier.trim()) === foldText(keyword.trim())))
      continue;
    if (pattern.test(pattern.flags.includes('i') ? folded : exact)) found.push(keyword);
  }
  return found;
}
