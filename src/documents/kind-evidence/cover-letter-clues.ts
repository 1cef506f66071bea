import type { Clue, Phrase } from './clue.ts';
import { phraseGroupClue } from './clue.ts';
import type { DocumentText } from './document-text.ts';
import { hasLetterBody, looksLikeLetter, type LetterShape } from './letter-shape.ts';

/** A salutation at the top ("Dear Professor Smith"): a letter, the applicant's more often than a referee's. */
export const COVER_SALUTATION_WEIGHT = 2;
/** Written in the first person to a reader and signed, whatever its opening ("Acme Ltd, Hiring Team"). */
export const LETTER_BODY_WEIGHT = 1;
/** A closing at the bottom ("Yours sincerely"). */
export const COVER_CLOSING_WEIGHT = 1.5;
/** Each distinct phrase of intent ("I am writing to apply", "my research interests", "join your group"). */
export const INTENT_WEIGHT = 1.5;
const INTENT_CAP = 4;
/** Written in the first person throughout (I/my at least four times as often as he/she). */
export const FIRST_PERSON_WEIGHT = 2;
const FIRST_PERSON_MIN = 10;
const FIRST_PERSON_RATIO = 4;
/**
 * A line saying a CV is enclosed ("Attached: Curriculum Vitae", "en pièce jointe : CV") in a letter of at most two pages:
 * the letter covers it. In a longer document it is the letter bound after a CV (moderncv's examples), which says less.
 */
export const ENCLOSED_CV_WEIGHT = 3;
const ENCLOSURE_MAX_LENGTH = 80;
const LETTER_MAX_PAGES = 2;
// "Attached: CV", "Anlagen: Lebenslauf", "Veuillez trouver en pièce jointe : Curriculum Vitae", "please find my CV
// attached": a word of enclosing and a CV on one line, in either order, within one clause.
const ENCLOSING = String.raw`(?:attached|attachments?|enclosures?|encl\.|enclosed|anlagen?|anbei|beigefugt|pj|ci-joint|pieces? jointes?|piece jointe|anexos?|adjuntos?|adjunto|allegat[oi])`;
const A_CV = String.raw`(?:curriculum vitae|curriculum|cv|c\.v\.|resume|lebenslauf)`;
/** A line saying a CV is enclosed, folded ("attached: curriculum vitae", "anlagen: lebenslauf"): a letter's, not a CV's. */
export const ENCLOSED_CV = new RegExp(
  String.raw`\b${ENCLOSING}(?:\s*:|\b)[^.;]{0,40}?\b${A_CV}\b|\b${A_CV}\b[^.;]{0,20}?\b${ENCLOSING}\b`,
);
/** A letter of at most two pages (about 1,200 words), when its words say something of the writer. */
export const SHORT_LETTER_WEIGHT = 0.5;
const SHORT_LETTER_WORDS = 1200;

const INTENT: readonly Phrase[] = [
  {
    label: "'I am writing to apply'",
    pattern: /i am writing to (?:apply|express my (?:strong )?interest|submit my)/,
  },
  {
    label: "'I would like to apply'",
    pattern:
      /i (?:would like|wish|want|hope) to apply|i am (?:hereby )?applying|i am submitting my application/,
  },
  {
    label: "'apply for the PhD'",
    pattern:
      /(?:i (?:am )?apply(?:ing)?|to apply|my application) (?:for|to) (?:the|this|a|your) (?:[\w-]+ ){0,3}(?:phd|doctoral|position|studentship|program|programme|scholarship)/,
  },
  { label: "'my motivation'", pattern: /\bmy (?:motivation|application|candidacy|candidature)\b/ },
  {
    label: "'my research interests'",
    pattern: /\bmy (?:research )?interests? (?:lie|lies|are|is|include)|my research interests?\b/,
  },
  {
    label: "'join your group'",
    pattern: /join(?:ing)? your (?:group|lab|laboratory|team|department)|under your supervision/,
  },
  {
    label: "'I am confident'",
    pattern:
      /i am (?:confident|convinced|certain) that (?:my|i)|i believe (?:that )?(?:my|i am|i have|i can|i would)/,
  },
  {
    label: "'thank you for considering'",
    pattern:
      /thank you for (?:your time and )?consider(?:ing|ation)|i look forward to (?:hearing|discussing|the opportunity)/,
  },
  {
    label: "'pursue a PhD'",
    pattern: /pursue (?:a |my )?(?:phd|doctoral|doctorate|graduate)/,
  },
  { label: "'my long-term goal'", pattern: /my (?:long-term|career|ultimate) (?:goal|aim|ambition)/ },
  {
    pattern:
      /bewerbe (?:ich )?mich|meine bewerbung|ma candidature|je souhaite (?:postuler|candidater|rejoindre)|postuler|la mia candidatura|candidarmi|postularme|mi candidatura|申请|我希望/u,
  },
];

/**
 * The applicant's own intent, first-person voice, salutation, closing, brevity. Salutation, closing and length alone
 * make any letter (a memo, a note to a donor), not an application: they stay under the content threshold unless
 * the words speak for the writer.
 */
export function findCoverLetterClues(doc: DocumentText, shape: LetterShape): Clue[] {
  const clues: Clue[] = [
    ...phraseGroupClue('cover-letter', doc.body, INTENT, { perItem: INTENT_WEIGHT, cap: INTENT_CAP }),
  ];
  if (shape.firstPerson >= FIRST_PERSON_MIN && shape.firstPerson >= FIRST_PERSON_RATIO * shape.thirdPerson)
    clues.push({
      kind: 'cover-letter',
      weight: FIRST_PERSON_WEIGHT,
      label: `first person (${shape.firstPerson} × I/my)`,
    });
  const body = hasLetterBody(shape);
  if (body && shape.firstPerson >= 2 * shape.thirdPerson)
    clues.push({ kind: 'cover-letter', weight: LETTER_BODY_WEIGHT, label: 'written to a reader, signed' });
  const voiced = clues.length > 0;
  if (shape.salutation !== null && !shape.familiar)
    clues.push({ kind: 'cover-letter', weight: COVER_SALUTATION_WEIGHT, label: 'salutation' });
  if (shape.closing) clues.push({ kind: 'cover-letter', weight: COVER_CLOSING_WEIGHT, label: 'closing' });
  const enclosure = doc.folded.find((line) => line.length <= ENCLOSURE_MAX_LENGTH && ENCLOSED_CV.test(line));
  if (enclosure !== undefined && (doc.pages ?? 1) <= LETTER_MAX_PAGES && doc.words <= SHORT_LETTER_WORDS)
    clues.push({ kind: 'cover-letter', weight: ENCLOSED_CV_WEIGHT, label: `encloses a CV ('${enclosure}')` });
  if (voiced && (looksLikeLetter(shape) || body) && doc.words <= SHORT_LETTER_WORDS)
    clues.push({ kind: 'cover-letter', weight: SHORT_LETTER_WEIGHT, label: 'one or two pages' });
  return clues;
}
