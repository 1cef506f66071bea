import type { DocumentKind } from '../../../domain/document-kinds.ts';
import type { MessageKind } from '../automatic/verdict.ts';

/** What deciding whether to read a possible referee's letters looks at: the plan so far and the documents' names. */
export interface LetterToReadInput {
  subject: string;
  /** The classification so far (before any reading) and its rule. */
  kind: MessageKind;
  rule: string;
  /** The referee recognition's score so far; null: not weighed. */
  refereeScore: number | null;
  /** The message replies to a candidate's message. */
  inThread: boolean;
  /** The kinds the attachments' names give (documents not read yet). */
  kinds: readonly DocumentKind[];
}

// A subject that speaks of a letter or a reference, in the languages read.
const LETTER_SUBJECT =
  /\b(?:letters?|references?|referee|recommend\w*|support|brief|gutachten|empfehlung\w*|lettre|recommandation|carta|recomendaci[oó]n|lettera|referenza|raccomandazione)\b|推荐|推薦/iu;
// Kinds only the applicant sends: a mail with one is theirs whatever its letters say.
const APPLICANT_KINDS: ReadonlySet<DocumentKind> = new Set(['cv', 'transcript', 'cover-letter']);

/**
 * Whether a mail's attachments are read while planning to tell a referee's letter (its kind from its content, and
 * the applicants' names it introduces): the mail is a referee's, an application or untagged; it has a document
 * whose name says nothing (`other`) or says `reference`, and none whose name says CV, transcript or cover letter;
 * and there is some sign already — it is a referee's mail (to find whom it names), it replies to a candidate's
 * message, it carries a vacancy's tag, the referee evidence so far weighs more than nothing, or its subject speaks
 * of a letter or reference. Ordinary applications (a CV attached) and mail with no sign are not read here. Pure.
 */
export function refereeLetterToRead(input: LetterToReadInput): boolean {
  if (input.kind !== 'reference' && input.kind !== 'application' && input.kind !== 'untagged') return false;
  if (input.kinds.some((kind) => APPLICANT_KINDS.has(kind))) return false;
  if (!input.kinds.some((kind) => kind === 'other' || kind === 'reference')) return false;
  if (input.kind === 'reference' || input.inThread) return true;
  if (input.kind === 'application' && (input.rule === 'tag' || input.rule === 'thread')) return true;
  return (input.refereeScore ?? 0) > 0 || LETTER_SUBJECT.test(input.subject);
}
