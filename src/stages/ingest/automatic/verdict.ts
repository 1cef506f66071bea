import type { FoundReplyToken } from '../../../domain/reply-token.ts';
import type { MessageFacts } from '../../../mail/message-facts.ts';

/**
 * What an incoming message is, as far as triage is concerned: `review`, an application whose tag nearly matched;
 * `reference`, a referee's letter about an applicant; `unattributed`, mail without a usable From address (nobody to
 * record or to answer, and no sign that a machine sent it).
 */
export type MessageKind =
  | 'application'
  | 'review'
  | 'reference'
  | 'auto-reply'
  | 'bounce'
  | 'list'
  | 'spam'
  | 'own'
  | 'unattributed'
  | 'untagged';

/** What classification needs to know about the daemon itself, the open vacancies and the message's text. */
export interface ClassifyContext {
  /** Lower-cased, without `+detail`: mailbox addresses and aliases, from addresses, supervisors (ownAddresses). */
  ownAddresses: ReadonlySet<string>;
  /** A reply token found in the sender's own text (see replyTokenText), verified with our key or not. */
  replyToken?: FoundReplyToken | null;
  /** Lower-cased name of the header the daemon puts on everything it sends, e.g. `x-applicant-triage`. */
  loopMarkerHeader: string;
  vacancies: readonly { id: string; tag: string }[];
  /** The plain-text body (or the HTML body's text); only its start is read. Absent: headers alone decide. */
  text?: string;
}

/** A rule's verdict: the kind, a stable rule id, and human-readable evidence. */
export interface Verdict {
  kind: MessageKind;
  /** A stable rule id, e.g. `auto-submitted`, `list-header`, `bounce-text`. */
  rule: string;
  /** Human-readable evidence, e.g. `Auto-Submitted: auto-replied` or `sender mailer-daemon@x.org`. */
  detail: string;
}

/** One classification rule: a verdict, or null when it does not apply. */
export type Rule = (facts: MessageFacts, context: ClassifyContext) => Verdict | null;

const ACRONYMS: ReadonlyMap<string, string> = new Map([
  ['ms', 'MS'],
  ['fc', 'FC'],
  ['csa', 'CSA'],
]);

/** The first occurrence among `names` whose value passes `test`, as a verdict quoting that header. */
export function firstHeader(
  facts: MessageFacts,
  names: readonly string[],
  test: (value: string) => boolean,
  kind: MessageKind,
  rule: string,
): Verdict | null {
  for (const name of names) {
    const value = facts.headers[name]?.find(test);
    if (value !== undefined) return { kind, rule, detail: `${displayName(name)}: ${value}` };
  }
  return null;
}

/** `auto-replied; owner-email="x"` → `auto-replied`. */
export function firstWord(value: string): string {
  return (
    value
      .trim()
      .toLowerCase()
      .split(/[\s;,(]+/)[0] ?? ''
  );
}

/** `x-ms-exchange-inbox-rules-loop` → `X-MS-Exchange-Inbox-Rules-Loop`. */
export function displayName(name: string): string {
  return name
    .split('-')
    .map((part) => ACRONYMS.get(part) ?? part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}
