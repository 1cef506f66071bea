import type { Clue, Phrase } from './clue.ts';
import { phraseGroupClue } from './clue.ts';
import { headOf, type DocumentText } from './document-text.ts';

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
/**
 * A letter to a journal's editor about a manuscript (a submission, a response to referees): it applies for nothing.
 * It outweighs a salutation, a closing and a file name such as `coverletter.pdf` together.
 */
export const EDITOR_LETTER_WEIGHT = 6;
const EDITOR_SALUTATION_LINES = 20;
/**
 * Each distinct phrase of a record of court or hearing proceedings ("oral argument", "on behalf of the petitioner",
 * "appearances:"), from two on: a transcript of what was said, which a file named `transcript.pdf` may be as
 * well as a record of grades. Three of them outweigh that file name and a grade word or two.
 */
export const PROCEEDINGS_WEIGHT = 2;
const PROCEEDINGS_CAP = 3;
const PROCEEDINGS_MIN = 2;

/**
 * Lecture notes saying so in their opening ("these notes are based on lectures", "Dieses Skript … Mitschriften aus
 * der Vorlesung"): a course's notes, however long, cited and full of tables, are none of an applicant's kinds.
 */
export const LECTURE_NOTES_WEIGHT = 4;
// The title page, a preface or a foreword: where notes say what they are.
const LECTURE_NOTES_LINES = 40;
const LECTURE_NOTES =
  /\bthese (?:lecture |course )?notes (?:are|were|cover|accompany|follow|grew)\b|\bthis script (?:is|was)\b|\bdieses? (?:vorlesungs)?skript\w*\b|\bmitschriften? (?:aus|zu|zur|der) (?:der )?vorlesung|\bvorlesungsmitschrift|\bces notes de cours\b|\bce polycopie\b|\bestos apuntes\b|\bqueste dispense\b|\bquesti appunti\b/;

const PROCEEDINGS: readonly Phrase[] = [
  { pattern: /\b(?:oral argument|deposition of|cross-examination|direct examination)\b/ },
  {
    pattern:
      /\bin the (?:supreme|district|circuit|high|superior|crown|county) court\b|\bbefore the (?:\w+ )?court\b/,
  },
  {
    pattern:
      /\bon behalf of (?:the )?(?:petitioners?|respondents?|plaintiffs?|defendants?|appellants?|appellees?)\b/,
  },
  { pattern: /\bappearances:/ },
  { pattern: /\babove-entitled (?:matter|cause|action)\b/ },
  { pattern: /\b(?:court reporter|reporting company|shorthand reporter|official reporter)\b/ },
];

// "Dear Editor,", "Dear Editors", "Dear Editor-in-Chief", "Dear Associate Editor", "Dear Dr Rossi, Editor".
const EDITOR_SALUTATION =
  /^dear (?:(?:the |associate |handling |academic |guest )?editors?\b|editor-in-chief\b|.{2,40}, (?:associate )?editor\b)/;
const MANUSCRIPT = /\b(?:manuscript|referees?|reviewers?)\b/;

// A line of source: a LaTeX command with an argument, a lone brace, a statement's end, a tag, a keyword.
const CODE_LINE =
  /\\[a-z]+\*?[{[]|^[{}]\s*[;,]?$|[;{]$|=>|^(?:def|import|from \S+ import|function|#include|return|public|private|class|var|let|const|for|while|if)\b.*[:({;]|<\/?[a-z][\w-]*(?: [^>]*)?>/;

/**
 * Evidence that a document is none of the applicant's kinds: code listings, slides, records of proceedings, lecture
 * notes.
 */
export function findLookAlikeClues(doc: DocumentText): Clue[] {
  const clues: Clue[] = [];
  const code = doc.lines.filter((line) => CODE_LINE.test(line)).length;
  if (code >= CODE_MIN_LINES)
    clues.push({
      kind: 'other',
      weight: Math.min(CODE_MAX, code * CODE_LINE_WEIGHT),
      label: `${code} lines of code or markup`,
    });
  clues.push(
    ...phraseGroupClue('other', doc.body, PROCEEDINGS, {
      perItem: PROCEEDINGS_WEIGHT,
      cap: PROCEEDINGS_CAP,
      minCount: PROCEEDINGS_MIN,
      prefix: 'a record of proceedings',
    }),
  );
  const notes = headOf(doc, LECTURE_NOTES_LINES).join(' ').match(LECTURE_NOTES);
  if (notes !== null)
    clues.push({ kind: 'other', weight: LECTURE_NOTES_WEIGHT, label: `lecture notes ('${notes[0]}')` });
  const editorLetter = editorLetterClue(doc);
  if (editorLetter !== null) clues.push(editorLetter);
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

function editorLetterClue(doc: DocumentText): Clue | null {
  const salutation = headOf(doc, EDITOR_SALUTATION_LINES).find((line) => EDITOR_SALUTATION.test(line));
  if (salutation === undefined || !MANUSCRIPT.test(doc.body)) return null;
  return {
    kind: 'other',
    weight: EDITOR_LETTER_WEIGHT,
    label: `a letter to a journal's editor about a manuscript ('${salutation}')`,
  };
}
