import { countMatches, headOf, tailOf, type DocumentText } from './document-text.ts';

/** What makes a text a letter, and whose voice it is in. */
export interface LetterShape {
  /** The salutation line near the top ("Dear Professor Smith,"), folded, or null. */
  salutation: string | null;
  /** "To whom it may concern" near the top. */
  toWhomItMayConcern: boolean;
  /** A closing near the bottom ("Yours sincerely", "Mit freundlichen Grüßen"). */
  closing: boolean;
  /** Words in the first person (I, my, me) and in the third (he, she, his, her). */
  firstPerson: number;
  thirdPerson: number;
}

const SALUTATION =
  /^(?:dear\b|hello\b|sehr geehrte|liebe[r]? |madame|monsieur|gentile|egregio|gentilissim|estimad[oa]|尊敬的|亲爱的)/u;
const TO_WHOM =
  /to whom it may concern|a qui de droit|wen es betrifft|a chi di competenza|a quien corresponda/;
const CLOSING =
  /^(?:yours (?:sincerely|faithfully|truly)|sincerely|(?:with )?(?:best|kind|warm|warmest|kindest)(?: personal)? regards|respectfully|best wishes|with thanks|thank you,?$|mit freundlichen gru(?:ss|ß)en|beste gru(?:ss|ß)e|cordialement|veuillez agreer|je vous prie d'agreer|distinti saluti|cordiali saluti|in fede|atentamente|saludos cordiales|此致|敬礼)/u;
// Between the salutation and the closing of a letter of one page or two.
const SALUTATION_LINES = 12;
const CLOSING_LINES = 12;

const FIRST_PERSON =
  /\b(?:i|i'm|i've|i'd|my|me|myself|mine|ich|mein|meine|meinen|meiner|mich|mir|je|j'|mon|mes|moi|io|mio|mia|miei|mie|yo|mis)\b|我/gu;
const THIRD_PERSON =
  /\b(?:he|she|his|her|hers|him|himself|herself|er|ihn|ihm|sein|seine|seiner|elle|lui|egli|lei|suo|sua|suoi|sue)\b|他|她/gu;

/** Reads the letter shape of a text (all false or null for a text that is not a letter). */
export function readLetterShape(doc: DocumentText): LetterShape {
  const head = headOf(doc, SALUTATION_LINES);
  return {
    salutation: head.find((line) => SALUTATION.test(line)) ?? null,
    toWhomItMayConcern: head.some((line) => TO_WHOM.test(line)),
    closing: tailOf(doc, CLOSING_LINES).some((line) => CLOSING.test(line)),
    firstPerson: countMatches(doc.body, FIRST_PERSON),
    thirdPerson: countMatches(doc.body, THIRD_PERSON),
  };
}

/** The text opens and closes like a letter, or at least one of the two. */
export function looksLikeLetter(shape: LetterShape): boolean {
  return shape.salutation !== null || shape.toWhomItMayConcern || shape.closing;
}
