import type { Explanation } from '../../src/explain/explanation.ts';
import type { MessageFacts } from '../../src/mail/message-facts.ts';

/** One message of the demo INBOX, with what `explain` says about it. */
export interface ReportedMessage {
  shows: string;
  facts: MessageFacts;
  key: string;
  explanation: Explanation;
}
