import type { Clue, Phrase } from './clue.ts';
import { phraseGroupClue } from './clue.ts';
import { tailOf, type DocumentText } from './document-text.ts';
import { looksLikeLetter, type LetterShape } from './letter-shape.ts';

/** "To whom it may concern": references and some certificates open so, applicants rarely. */
export const TO_WHOM_WEIGHT = 2;
/** A salutation or closing: a letter (weaker than for a cover letter: referees write fewer). */
export const REFERENCE_LETTER_SHAPE_WEIGHT = 1;
/** Each distinct phrase of recommendation ("I have known her for", "recommend him without reservation"). */
export const RECOMMEND_WEIGHT = 2.5;
const RECOMMEND_CAP = 4;
/** About someone else: he/she/his/her at least half as often as I/my. */
export const THIRD_PERSON_WEIGHT = 2;
const THIRD_PERSON_MIN = 6;
const THIRD_PERSON_RATIO = 0.5;
/** Signed by a professor or lecturer with a title. */
export const ACADEMIC_SIGNATURE_WEIGHT = 1.5;
// A reference runs to a page or three; in a longer document (a booklet, a report, a book) "recommend" and "her
// abilities" are what anyone writes, and they count only in the form of a letter.
const LETTER_MAX_PAGES = 6;
const LETTER_MAX_WORDS = 3500;

const RECOMMEND: readonly Phrase[] = [
  {
    label: "'recommend'",
    pattern:
      /(?:highly|strongly|warmly|wholeheartedly|enthusiastically|unreservedly|gladly|happily) recommend|recommend (?:him|her|them|mr|ms|mrs|miss|dr)\b|recommend (?:[\w.'-]+ ){1,3}(?:without|for|to|as|highly|strongly|wholeheartedly|unreservedly)|(?:my|the) (?:strongest|highest|full|unreserved|warmest) (?:possible )?recommendation|pleasure to recommend|in support of (?:his|her|their|the) application|letter of (?:recommendation|reference|support)/,
  },
  {
    label: "'I have known'",
    pattern:
      /i (?:have|had) known (?:him|her|them|mr|ms|mrs|miss|[\w.'-]+) (?:for|since|as|from)|i first (?:met|came to know)/,
  },
  {
    label: "'in my class'",
    pattern:
      /(?:was|were) (?:a student |an? \w+ student )?in my (?:class|course|lab|laboratory|group|lectures?|module)|(?:taught|supervised|advised|mentored) (?:him|her|them)|under my (?:supervision|guidance|direction)|(?:his|her|their) (?:thesis|project|dissertation) (?:under|with) me|i (?:was|am) (?:his|her|their) (?:supervisor|advisor|tutor)/,
  },
  {
    label: "'among the best students'",
    pattern:
      /(?:one of|among) the (?:best|top|brightest|strongest|most \w+) (?:\w+ )?(?:students|undergraduates|candidates)|top (?:\d+|one|two|three|five|ten) ?(?:%|percent|per cent)/,
  },
  {
    label: "'his/her abilities'",
    pattern:
      /(?:his|her|their) (?:academic |research )?(?:performance|abilities|ability|potential|work ethic|aptitude|dedication|intellectual)/,
  },
  {
    pattern:
      /empfehle\w*|ich kenne (?:herrn|frau)|je (?:la |le )?recommande|recommande (?:vivement|chaleureusement)|raccomand\w*|ho avuto modo di conoscere|recomiend\w*|recomendar\w*|推荐|推薦/u,
  },
];

const ACADEMIC_TITLE =
  /\b(?:professor|prof\.|lecturer|reader in|head of (?:department|school)|department of|faculty of|principal investigator|supervisor|dozent|lehrstuhl|professeur|maitre de conferences|docente|profesor)\b/;

/** "To whom it may concern", recommendation phrases, third-person voice, an academic's signature. */
export function findReferenceClues(doc: DocumentText, shape: LetterShape): Clue[] {
  const clues: Clue[] = [];
  if (shape.toWhomItMayConcern)
    clues.push({ kind: 'reference', weight: TO_WHOM_WEIGHT, label: "'To whom it may concern'" });
  if ((shape.salutation !== null && !shape.familiar) || shape.closing)
    clues.push({ kind: 'reference', weight: REFERENCE_LETTER_SHAPE_WEIGHT, label: 'letter form' });
  if (looksLikeLetter(shape) || !isLong(doc))
    clues.push(
      ...phraseGroupClue('reference', doc.body, RECOMMEND, { perItem: RECOMMEND_WEIGHT, cap: RECOMMEND_CAP }),
    );
  // A story told about someone is not a reference: the voice counts in a letter, opened or closed as one.
  if (
    looksLikeLetter(shape) &&
    shape.thirdPerson >= THIRD_PERSON_MIN &&
    shape.thirdPerson >= THIRD_PERSON_RATIO * shape.firstPerson
  )
    clues.push({
      kind: 'reference',
      weight: THIRD_PERSON_WEIGHT,
      label: `about a student (${shape.thirdPerson} × he/she/his/her)`,
    });
  if ((looksLikeLetter(shape) || shape.signature) && tailOf(doc).some((line) => ACADEMIC_TITLE.test(line)))
    clues.push({ kind: 'reference', weight: ACADEMIC_SIGNATURE_WEIGHT, label: 'signed by an academic' });
  return clues;
}

function isLong(doc: DocumentText): boolean {
  return doc.pages === null ? doc.words > LETTER_MAX_WORDS : doc.pages > LETTER_MAX_PAGES;
}
