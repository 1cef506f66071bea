import { ownText } from '../../../mail/own-text.ts';
import type { MessageFacts } from '../../../mail/message-facts.ts';
import { AUTO_REPLY_BODIES, AUTO_REPLY_SUBJECTS } from './auto-reply-clues.ts';
import {
  DECIDING_WEIGHT,
  DOCUMENTS_WEIGHT,
  HUMAN_LOOKING_FAMILIES,
  type AutomaticFamily,
  type ContentClue,
} from './content-clue.ts';
import { bulkSender, senderMailing } from './bulk-sender.ts';
import { BOUNCE_CLUES, CHALLENGE_CLUES, DELAY_CLUES, FEEDBACK_CLUES } from './delivery-clues.ts';
import { LIST_DELIVERY_HEADERS, listPrecedence } from './header-rules.ts';
import { PROVIDER_CLUES } from './provider-clues.ts';
import type { Rule, Verdict } from './verdict.ts';

const CONTENT_CLUES: readonly ContentClue[] = [
  ...FEEDBACK_CLUES,
  ...DELAY_CLUES,
  ...BOUNCE_CLUES,
  ...CHALLENGE_CLUES,
  ...AUTO_REPLY_SUBJECTS,
  ...AUTO_REPLY_BODIES,
  ...PROVIDER_CLUES,
];
// Only the start of a body is read: every responder and MTA says what it is near the top.
const MAX_BODY_CHARACTERS = 16 * 1024;
const MAX_FIELD_CHARACTERS = 400;
const FAMILIES: readonly AutomaticFamily[] = [
  'feedback-report',
  'delay',
  'bounce',
  'challenge-response',
  'auto-reply',
  'provider-notice',
];
const VERDICTS: Record<AutomaticFamily, Pick<Verdict, 'kind' | 'rule'>> = {
  bounce: { kind: 'bounce', rule: 'bounce-text' },
  delay: { kind: 'auto-reply', rule: 'delay-notice' },
  'feedback-report': { kind: 'auto-reply', rule: 'feedback-report' },
  'challenge-response': { kind: 'auto-reply', rule: 'challenge-response' },
  'auto-reply': { kind: 'auto-reply', rule: 'auto-reply-text' },
  'provider-notice': { kind: 'auto-reply', rule: 'provider-notice' },
};

/** The evidence found for one family: the clues that matched and what they weigh together. */
export interface FamilyEvidence {
  family: AutomaticFamily;
  score: number;
  /** Whether a clue that names what the message is matched (see ContentClue.anchor). */
  anchored: boolean;
  reasons: string[];
}

/**
 * Weighs a message's subject, sender, header fields, parts and body against the named content clues, family by
 * family. Clues of the families a person's mail can look like (auto-replies, challenges, services' notices) are read
 * in the sender's own text only, and documents attached count against them: a header-less signal never turns an
 * application into an auto-reply. Pure.
 */
export function weighContent(facts: MessageFacts, text: string): FamilyEvidence[] {
  const head = text.slice(0, MAX_BODY_CHARACTERS);
  const fields = {
    subject: facts.subject.slice(0, MAX_FIELD_CHARACTERS),
    sender: (facts.headers.from?.[0] ?? '').slice(0, MAX_FIELD_CHARACTERS),
    whole: head,
    own: ownText(head, { limit: MAX_BODY_CHARACTERS, stopAtSignature: false }),
    headers: Object.entries(facts.headers).map(
      ([name, values]) => `${name}: ${(values[0] ?? '').slice(0, MAX_FIELD_CHARACTERS)}`,
    ),
  };
  const parts = facts.attachments.map((attachment) => attachment.contentType);
  const attached = facts.attachments.filter(
    (attachment) => !attachment.inline && !/^(?:message\/|text\/rfc822-headers)/.test(attachment.contentType),
  );
  const files = attached.filter((attachment) => !serviceAttachment(attachment)).length;
  return FAMILIES.map((family) => {
    const found = CONTENT_CLUES.filter((clue) => clue.family === family).filter((clue) =>
      matches(clue, fields, parts, HUMAN_LOOKING_FAMILIES.has(family)),
    );
    const reasons = found.map((clue) => `${clue.name} (+${clue.weight})`);
    let score = found.reduce((sum, clue) => sum + clue.weight, 0);
    const documents = family === 'provider-notice' ? files : attached.length;
    if (score > 0 && documents > 0 && HUMAN_LOOKING_FAMILIES.has(family)) {
      score += DOCUMENTS_WEIGHT;
      reasons.push(`${documents} document(s) attached (${DOCUMENTS_WEIGHT})`);
    }
    return { family, score, anchored: found.some((clue) => clue.anchor), reasons };
  });
}

// A service's notice carries its own files: a newsletter's pictures as plain attachments, a booking's invoice or
// ticket. Only other files count against it.
const SERVICE_FILE_NAME =
  /(?:^|[^a-z])(?:invoice|receipt|rechnung|facture|ticket|itinerary|boarding[-_ ]?pass)(?:[^a-z]|$)/i;

function serviceAttachment(attachment: MessageFacts['attachments'][number]): boolean {
  if (attachment.contentType.startsWith('image/')) return true;
  return attachment.filename !== null && SERVICE_FILE_NAME.test(attachment.filename);
}

/** Automatic mail recognised by its content (weighContent): the first family whose evidence decides. */
export const contentEvidence: Rule = (facts, context) =>
  decide(
    facts,
    context.text ?? '',
    serviceNoticeOpen(facts, context) ? FAMILIES : FAMILIES.filter((family) => family !== 'provider-notice'),
  );

/**
 * Whether a service's notice may be recognised by its content: never on a list's posts, which a list relays with its
 * footer ("To unsubscribe…") and often from a role address (the list rules decide them); and a mailing that a
 * campaign header, its List-Unsubscribe or Precedence: bulk/list/junk already names is left to those rules, whose
 * evidence is exacter (none of them answers it).
 */
function serviceNoticeOpen(facts: MessageFacts, context: Parameters<Rule>[1]): boolean {
  if (LIST_DELIVERY_HEADERS.some((name) => facts.headers[name] !== undefined)) return false;
  return [bulkSender, senderMailing, listPrecedence].every((rule) => rule(facts, context) === null);
}

// An XML declaration, then an element or another processing instruction: `<?xml version="1.0"?><adf>`.
const XML_DOCUMENT = /^\uFEFF?\s*<\?xml\s[^>]*\?>\s*<[?!]?[A-Za-z]/;

/**
 * A text that is an XML document from its first character: a program's output (a lead or order feed, a report),
 * never a person's writing, who would at least open with a word before pasting one. Pure.
 */
export const machineDocument: Rule = (facts, context) => {
  if (facts.headersOnly || !XML_DOCUMENT.test((context.text ?? '').slice(0, MAX_FIELD_CHARACTERS)))
    return null;
  const declaration = /<\?xml[^>]*\?>/.exec(context.text ?? '')?.[0] ?? '<?xml?>';
  return {
    kind: 'auto-reply',
    rule: 'machine-document',
    detail: `the text is an XML document (${declaration.slice(0, 60)}): a program's output, not a person's`,
  };
};

/**
 * A delay notice recognised by its content, whoever sent it: checked before the mailer-daemon sender rule, so that
 * a warning that a message is still being retried is never read as a failure (nor suppresses anyone).
 */
export const delayEvidence: Rule = (facts, context) => decide(facts, context.text ?? '', ['delay']);

function decide(facts: MessageFacts, text: string, families: readonly AutomaticFamily[]): Verdict | null {
  if (facts.headersOnly) return null;
  const decided = weighContent(facts, text).find(
    (entry) => families.includes(entry.family) && entry.anchored && entry.score >= DECIDING_WEIGHT,
  );
  if (decided === undefined) return null;
  const detail = `${decided.family} evidence ${decided.score} ≥ ${DECIDING_WEIGHT}: ${decided.reasons.join(', ')}`;
  return { ...VERDICTS[decided.family], detail };
}

function matches(
  clue: ContentClue,
  fields: { subject: string; sender: string; whole: string; own: string; headers: readonly string[] },
  parts: readonly string[],
  ownTextOnly: boolean,
): boolean {
  switch (clue.source) {
    case 'subject':
      return clue.pattern.test(fields.subject);
    case 'sender':
      return clue.pattern.test(fields.sender);
    case 'parts':
      return parts.some((type) => clue.pattern.test(type));
    case 'header':
      return fields.headers.some((field) => clue.pattern.test(field));
    case 'body':
      return clue.pattern.test(ownTextOnly ? fields.own : fields.whole);
  }
}
