import type { DocumentKind } from '../../../domain/document-kinds.ts';
import type { Clue } from '../../../documents/kind-evidence/clue.ts';
import { findCoverLetterClues } from '../../../documents/kind-evidence/cover-letter-clues.ts';
import { foldText, readDocumentText } from '../../../documents/kind-evidence/document-text.ts';
import { readLetterShape } from '../../../documents/kind-evidence/letter-shape.ts';
import { findReferenceClues } from '../../../documents/kind-evidence/reference-clues.ts';
import { addressesQuoted, namesMentioned, sameName } from '../../../documents/applicant-names.ts';

/** A mail whose evidence weighs at least this much is a referee's. */
export const REFEREE_THRESHOLD = 4;
/** "reference / recommendation / letter of support" in the subject, in the languages read. */
export const SUBJECT_WEIGHT = 3;
/** An attachment whose name, or content when read, says it is a reference letter (`reference` kind). */
export const LETTER_WEIGHT = 3;
/** A named applicant introduced in the subject or the text ("reference for Priya Raman"), or an address quoted. */
export const NAMED_APPLICANT_WEIGHT = 1;
/** Each sign of the sender's own application ("I am applying", "my CV"): against. */
export const OWN_APPLICATION_WEIGHT = -4;
const OWN_APPLICATION_CAP = 2;

const SUBJECT =
  /\b(?:references?|recommendations?|referee|letters? of support|support letter|lor)\b|empfehlung|gutachten|referenz|recommandation|lettre de soutien|recomendaci[oó]n|carta de referencia|raccomandazione|referenza|lettera di presentazione|推荐信|推薦信/iu;
// The sender speaks of their own application: strong evidence against a referee's mail.
const OWN_APPLICATION: readonly { label: string; pattern: RegExp }[] = [
  {
    label: "'I am applying'",
    pattern:
      /\bi (?:am|'m) (?:writing to )?apply|\bi (?:would like|wish|want|hope) to apply|\bmy application\b/,
  },
  {
    label: "'my CV'",
    pattern:
      /\bmy (?:cv|resume|curriculum vitae|transcripts?|research proposal|cover letter|publications?)\b/,
  },
  {
    label: "'my studies'",
    pattern:
      /\bmy (?:bachelor|master|msc|bsc|undergraduate|degree|thesis|gpa)\b|\bi (?:have|will) (?:graduated?|complete)/,
  },
];
// The clues of a letter's form alone (salutation, closing), which any mail has.
const LETTER_FORM: ReadonlySet<string> = new Set(['letter form', 'salutation', 'closing']);
// Kinds only the applicant sends: a mail that carries one is theirs.
const APPLICANT_KINDS: ReadonlySet<DocumentKind> = new Set(['cv', 'transcript', 'cover-letter']);

/** The mail as recognition sees it: subject, its own text, attachments with their kinds (by name, or read). */
export interface RefereeInput {
  subject: string;
  text: string;
  /** `read`: the kind comes from the document's content, else from its name. */
  documents: readonly { filename: string; kind: DocumentKind; read?: boolean }[];
  /** The applicants' names the attached letters introduce, where they were read (see applicantsNamed). */
  letterNames?: readonly string[];
  /** Addresses that are not the applicant's: the sender's, the mailbox's own. */
  notApplicant: ReadonlySet<string>;
  /** The sender's display name: a mail about its own sender is an applicant's, not a referee's. */
  senderName: string;
}

/** The verdict on one mail: a referee's or not, the weighed evidence, and whom it is about. */
export interface RefereeRecognition {
  referee: boolean;
  score: number;
  /** "subject 'reference' (+3)", "letter Reference_Priya_Raman.pdf (+3)", "'my CV' (−4)", … */
  evidence: string[];
  /** The applicants' names the subject, text and read letters introduce, as written. */
  names: string[];
  /** Addresses quoted in the text (not the sender's nor the mailbox's). */
  addresses: string[];
}

/**
 * Whether a mail is a referee's, from weighted evidence like the document kinds': the subject, an attached
 * reference letter, the text read as a letter (recommendation phrases, third person, an academic's signature;
 * a cover letter's clues count against) and a named applicant. An applicant's own document attached (CV,
 * transcript, cover letter) or their own application in the text decides against it. Pure.
 */
export function recogniseReferee(input: RefereeInput): RefereeRecognition {
  const names = [
    ...new Set([
      ...namesMentioned(input.subject),
      ...namesMentioned(input.text),
      ...(input.letterNames ?? []),
    ]),
  ];
  const addresses = addressesQuoted(input.text, input.notApplicant);
  const own = input.documents.find((document) => APPLICANT_KINDS.has(document.kind));
  if (own !== undefined)
    return {
      referee: false,
      score: 0,
      evidence: [`the applicant's own ${own.kind} attached`],
      names,
      addresses,
    };
  const self = names.find((name) => sameName(name, input.senderName));
  if (self !== undefined)
    return { referee: false, score: 0, evidence: [`names its own sender (${self})`], names, addresses };
  const clues = [
    ...subjectClues(input.subject),
    ...input.documents
      .filter((document) => document.kind === 'reference')
      .slice(0, 1)
      .map((document) => ({
        weight: LETTER_WEIGHT,
        label: `letter ${document.filename}${document.read === true ? ' (read)' : ''}`,
      })),
    ...letterClues(input.text),
    ...(names.length > 0 ? [{ weight: NAMED_APPLICANT_WEIGHT, label: `names ${names.join(', ')}` }] : []),
    ...(addresses.length > 0
      ? [{ weight: NAMED_APPLICANT_WEIGHT, label: `quotes ${addresses.slice(0, 3).join(', ')}` }]
      : []),
  ];
  const score = Math.round(clues.reduce((sum, clue) => sum + clue.weight, 0) * 10) / 10;
  const evidence = clues.map(
    (clue) => `${clue.label} (${clue.weight > 0 ? '+' : '−'}${Math.abs(clue.weight)})`,
  );
  return { referee: score >= REFEREE_THRESHOLD, score, evidence, names, addresses };
}

function subjectClues(subject: string): { weight: number; label: string }[] {
  const found = SUBJECT.exec(subject);
  return found ? [{ weight: SUBJECT_WEIGHT, label: `subject '${found[0]}'` }] : [];
}

// The mail's own text read as a letter: a reference's clues for, a cover letter's and the sender's own application against.
function letterClues(text: string): { weight: number; label: string }[] {
  const doc = readDocumentText(text, null);
  if (doc.words === 0) return [];
  const shape = readLetterShape(doc);
  const sum = (clues: readonly Clue[]) => clues.reduce((total, clue) => total + clue.weight, 0);
  // Every mail opens and closes like a letter: only what the words say counts, for one kind or the other.
  const reference = findReferenceClues(doc, shape).filter((clue) => !LETTER_FORM.has(clue.label));
  const cover = findCoverLetterClues(doc, shape).filter((clue) => !LETTER_FORM.has(clue.label));
  const body = foldText(text.slice(0, 20_000));
  const ownApplication = OWN_APPLICATION.filter((entry) => entry.pattern.test(body)).slice(
    0,
    OWN_APPLICATION_CAP,
  );
  return [
    ...(reference.length > 0
      ? [{ weight: sum(reference), label: `text: ${reference.map((clue) => clue.label).join(', ')}` }]
      : []),
    ...(cover.length > 0
      ? [{ weight: -sum(cover), label: `cover letter: ${cover.map((clue) => clue.label).join(', ')}` }]
      : []),
    ...ownApplication.map((entry) => ({ weight: OWN_APPLICATION_WEIGHT, label: entry.label })),
  ];
}
