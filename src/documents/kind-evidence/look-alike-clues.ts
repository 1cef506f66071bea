import type { Clue } from './clue.ts';
import type { DocumentText } from './document-text.ts';

/** Each line of code or markup (a LaTeX command, a brace, a statement): manuals and teaching notes show code. */
export const CODE_LINE_WEIGHT = 0.1;
/** Code weighs at most this: a thesis with listings in its appendix still reads as research. */
const CODE_MAX = 20;
/** Fewer code lines than this say nothing (a CV's "C++", a paper's one listing). */
const CODE_MIN_LINES = 20;
/** Slides: many pages, few words on each. */
export const SLIDES_WEIGHT = 8;
const SLIDES_MIN_PAGES = 8;
const SLIDES_MAX_WORDS_PER_PAGE = 45;

// A line of source: a LaTeX command with an argument, a lone brace, a statement's end, a tag, a keyword.
const CODE_LINE =
  /\\[a-z]+\*?[{[]|^[{}]\s*[;,]?$|[;{]$|=>|^(?:def|import|from \S+ import|function|#include|return|public|private|class|var|let|const|for|while|if)\b.*[:({;]|<\/?[a-z][\w-]*(?: [^>]*)?>/;

/** Evidence that a document is none of the applicant's kinds: code listings, slides. */
export function findLookAlikeClues(doc: DocumentText): Clue[] {
  const clues: Clue[] = [];
  const code = doc.lines.filter((line) => CODE_LINE.test(line)).length;
  if (code >= CODE_MIN_LINES)
    clues.push({
      kind: 'other',
      weight: Math.min(CODE_MAX, code * CODE_LINE_WEIGHT),
      label: `${code} lines of code or markup`,
    });
  const perPage = doc.pages === null || doc.pages === 0 ? null : doc.words / doc.pages;
  if (
    doc.pages !== null &&
    doc.pages >= SLIDES_MIN_PAGES &&
    perPage !== null &&
    perPage <= SLIDES_MAX_WORDS_PER_PAGE
  )
    clues.push({
      kind: 'other',
      weight: SLIDES_WEIGHT,
      label: `slides (${doc.pages} pages, ${Math.round(perPage)} words a page)`,
    });
  return clues;
}
