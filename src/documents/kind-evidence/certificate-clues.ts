import type { Clue, Phrase } from './clue.ts';
import { findPhrases, listLabels, phraseClues } from './clue.ts';
import type { DocumentText } from './document-text.ts';

/** "This is to certify": the formula certificates are written in. */
export const CERTIFY_WEIGHT = 4;
/** Each distinct phrase of conferral ("has been awarded the degree", "verleiht den akademischen Grad"). */
export const CONFERRAL_WEIGHT = 3;
const CONFERRAL_CAP = 2;
/** A degree named formally ("the degree of Bachelor of Science"): CVs name degrees too, so weak. */
export const DEGREE_NAME_WEIGHT = 1;
/** Each distinct language-test element (IELTS, band score, the four skills, candidate number…). */
export const LANGUAGE_TEST_WEIGHT = 1.5;
const LANGUAGE_TEST_CAP = 4;
/** Short (under ~300 words), when anything else says certificate. */
export const SHORT_CERTIFICATE_WEIGHT = 1.5;
const SHORT_CERTIFICATE_WORDS = 300;
// Characters within which the four skills of a score table appear.
const FOUR_SKILLS_SPAN = 1500;

const CERTIFY: readonly Phrase[] = [
  {
    label: "'This is to certify'",
    pattern:
      /this is to certify(?! that the (?:following|above|marks|grades|record|transcript|statement))|we hereby certify|(?:it is )?hereby certified|this (?:certificate )?certifies that|hereby certif(?:y|ies) that|si certifica che|si attesta che|je soussigne|certifie que|bescheinigt|hiermit wird bestatigt|certifica que|兹证明|茲證明|特此证明/u,
  },
];

const CONFERRAL: readonly Phrase[] = [
  {
    pattern:
      /(?:has|have) been (?:awarded|conferred|admitted to the degree)|(?:was|is hereby|are hereby) (?:awarded|conferred)|(?:is|was) presented to|awarded to [a-z]/,
  },
  {
    pattern:
      /having (?:fulfilled|completed|satisfied|met) (?:all )?the (?:requirements|conditions)|has (?:successfully )?(?:completed|fulfilled) (?:all )?the requirements|has passed the [\w ]{0,40}examination|in witness whereof|with all the (?:rights|honou?rs),? (?:and )?privileges|in recognition of (?:his|her|their|outstanding|excellent)/,
  },
  {
    pattern:
      /verleiht|verliehen|den akademischen grad|conferisce|il titolo (?:accademico )?di|\bdecerne\b|le grade de|otorga|expide el titulo|授予|准予毕业|特发此证|业已毕业/u,
  },
];

const DEGREE_NAME =
  /(?:the )?degree of (?:bachelor|master|doctor)|(?:bachelor|master|doctor) of (?:science|arts|engineering|technology|philosophy)|laurea (?:magistrale|triennale)|学士学位|硕士学位/u;

const LANGUAGE_TEST: readonly Phrase[] = [
  { label: 'IELTS/TOEFL', pattern: /\b(?:ielts|toefl|pte academic|duolingo english test)\b/ },
  { label: 'band score', pattern: /overall band score|\bband score|total score|overall score/ },
  {
    label: 'candidate details',
    pattern:
      /candidate (?:number|id|details|name)|test taker|test date|centre number|registration number|test report form number/,
  },
  { label: 'CEFR level', pattern: /\bcefr\b|common european framework/ },
];

/** Certification formulas, conferral, a formal degree name, language-test reports, brevity. */
export function findCertificateClues(doc: DocumentText): Clue[] {
  const clues: Clue[] = [
    ...phraseClues('certificate', doc.body, CERTIFY, CERTIFY_WEIGHT, 1),
    ...phraseClues('certificate', doc.body, CONFERRAL, CONFERRAL_WEIGHT, CONFERRAL_CAP),
    ...languageTestClues(doc.body),
  ];
  const formal = clues.length > 0;
  if (DEGREE_NAME.test(doc.body))
    clues.push({ kind: 'certificate', weight: DEGREE_NAME_WEIGHT, label: 'degree named' });
  if (formal && doc.words < SHORT_CERTIFICATE_WORDS)
    clues.push({
      kind: 'certificate',
      weight: SHORT_CERTIFICATE_WEIGHT,
      label: `short (${doc.words} words)`,
    });
  return clues;
}

function languageTestClues(body: string): Clue[] {
  const labels = findPhrases(body, LANGUAGE_TEST).map((phrase) => phrase.label);
  if (scoresFourSkills(body)) labels.push('four skills scored');
  if (labels.length < 2) return [];
  const weight = Math.min(labels.length, LANGUAGE_TEST_CAP) * LANGUAGE_TEST_WEIGHT;
  return [{ kind: 'certificate', weight, label: `language test report: ${listLabels(labels)}` }];
}

/** Listening, reading, writing and speaking all within a short stretch: a language test's score table. */
function scoresFourSkills(body: string): boolean {
  const at = ['listening', 'reading', 'writing', 'speaking'].map((skill) =>
    body.search(new RegExp(String.raw`\b${skill}\b`)),
  );
  return at.every((index) => index >= 0) && Math.max(...at) - Math.min(...at) <= FOUR_SKILLS_SPAN;
}
