const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ELLIPSIS = '…';
// A word boundary this far back from the cut is still taken; further back, the cut stays mid-word.
const WORD_SLACK = 0.3;

/**
 * `text` when it has at most `max` UTF-16 units; else cut on a grapheme boundary (at the last word boundary when
 * one is near) and ended with `…`, at most `max` units in all. Pure.
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  const budget = max - ELLIPSIS.length;
  let kept = '';
  let next = '';
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (kept.length + segment.length > budget) {
      next = segment;
      break;
    }
    kept += segment;
  }
  // One grapheme longer than the budget (a letter under hundreds of combining marks): cut it by code points.
  if (kept === '') kept = cutCodePoints(text, budget);
  const space = kept.search(/\s\S*$/u);
  if (!/^\s/u.test(next) && space >= budget * (1 - WORD_SLACK)) kept = kept.slice(0, space);
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

function cutCodePoints(text: string, budget: number): string {
  let kept = '';
  for (const point of text) {
    if (kept.length + point.length > budget) break;
    kept += point;
  }
  return kept;
}
