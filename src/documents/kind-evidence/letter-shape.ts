import { countMatches, headOf, tailOf, type DocumentText } from './document-text.ts';

/** What makes a text a letter, and whose voice it is in. */
export interface LetterShape {
  /** The salutation line near the top ("Dear Professor Smith,"), folded, or null. */
  salutation: string | null;
  /** The salutation is a familiar one ("Dear Friend", "Hi"): not how an application or a reference opens. */
  familiar: boolean;
  /** "To whom it may concern" near the top. */
  toWhomItMayConcern: boolean;
  /** A closing near the bottom ("Yours sincerely", "Regards", "Mit freundlichen Grüßen"). */
  closing: boolean;
  /** A signature block at the bottom: a name on a line of its own, or an enclosure line. */
  signature: boolean;
  /** Words in the first person (I, my, me) and in the third (he, she, his, her). */
  firstPerson: number;
  thirdPerson: number;
  /** Words addressing the reader (you, your, Ihnen, vous, Lei, usted). */
  reader: number;
}

const SALUTATION =
  /^(?:dear\b|hello\b|hi\b|hey\b|sehr geehrte|liebe[r]? |madame|monsieur|gentile|egregio|gentilissim|estimad[oa]|prezad[oa]|caro |cara |尊敬的|亲爱的)/u;
const FAMILIAR =
  /^(?:(?:dear|my dear|hello|hi|hey) (?:friend|friends|all|everyone|folks|mom|mum|dad|mother|father|diary|darling)\b|hi\b|hey\b|liebe[r]? |caro |cara |亲爱的)/u;
const TO_WHOM =
  /to whom it may concern|a qui de droit|wen es betrifft|a chi di competenza|a quien corresponda|a quem possa interessar/;
const CLOSING =
  /^(?:yours (?:sincerely|faithfully|truly)|(?:very )?(?:sincerely|respectfully|cordially)(?: yours)?|(?:with )?(?:best|kind|warm|warmest|kindest)(?: personal)? regards|(?:thanks and |many thanks and )?regards\b|best wishes|with thanks|thank you,?$|(?:mit )?freundlichen? gru(?:ss|ß)en?|beste gru(?:ss|ß)e|viele gru(?:ss|ß)e|hochachtungsvoll|(?:bien )?cordialement|veuillez agreer|je vous prie d'agreer|distinti saluti|cordiali saluti|cordialmente|in fede|atentamente|atenciosamente|saludos cordiales|un (?:cordial )?saludo|com os melhores cumprimentos|此致|敬礼)/u;
// A name alone on a line ("Anil Patel", "Dr. Maria Rossi"), or an enclosure note: how letters are signed.
const NAME_LINE = /^(?:(?:dr|prof|professor|mr|ms|mrs)\.? )?\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]*){1,3},?$/u;
const ENCLOSURE =
  /^(?:enc(?:l|losures?)?\b|attachments?:|anlagen?\b|anlage\(n\)|pj\b|pieces jointes|allegati|anexos?:)/u;
// Between the salutation and the closing of a letter of one page or two.
const SALUTATION_LINES = 12;
const CLOSING_LINES = 12;
const SIGNATURE_LINES = 8;

const FIRST_PERSON =
  /\b(?:i|i'm|i've|i'd|my|me|myself|mine|ich|mein|meine|meinen|meiner|mich|mir|je|j'|mon|mes|moi|io|mio|mia|miei|mie|yo|mis|eu|meu|minha)\b|我/gu;
const THIRD_PERSON =
  /\b(?:he|she|his|her|hers|him|himself|herself|er|ihn|ihm|sein|seine|seiner|elle|lui|egli|lei|suo|sua|suoi|sue|ele|ela|dele|dela)\b|他|她/gu;
const READER = /\b(?:you|your|yours|ihnen|vous|votre|vos|usted|ustedes|voce|vossa)\b|您/gu;

/** Reads the letter shape of a text (all false or null for a text that is not a letter). */
export function readLetterShape(doc: DocumentText): LetterShape {
  const head = headOf(doc, SALUTATION_LINES);
  const salutation = head.find((line) => SALUTATION.test(line)) ?? null;
  const signatureLines = doc.lines.slice(-SIGNATURE_LINES);
  return {
    salutation,
    familiar: salutation !== null && FAMILIAR.test(salutation),
    toWhomItMayConcern: head.some((line) => TO_WHOM.test(line)),
    closing: tailOf(doc, CLOSING_LINES).some((line) => CLOSING.test(line)),
    signature: signatureLines.some((line) => NAME_LINE.test(line) || ENCLOSURE.test(line.toLowerCase())),
    firstPerson: countMatches(doc.body, FIRST_PERSON),
    thirdPerson: countMatches(doc.body, THIRD_PERSON),
    reader: countMatches(doc.body, READER),
  };
}

/** The text opens and closes like a letter, or at least one of the two. */
export function looksLikeLetter(shape: LetterShape): boolean {
  return shape.salutation !== null || shape.toWhomItMayConcern || shape.closing;
}

/** Written to a reader: someone speaks in the first person to "you", and signs (or closes) at the bottom. */
export function hasLetterBody(shape: LetterShape): boolean {
  return shape.firstPerson >= 5 && shape.reader >= 2 && (shape.signature || shape.closing);
}
