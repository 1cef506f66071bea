import type { Explanation } from '../../src/explain/explanation.ts';
import type { MessageFacts } from '../../src/mail/message-facts.ts';

/** One message of the demo INBOX, with what `explain` says about it. */
export interface ReportedMessage {
  shows: string;
  facts: MessageFacts;
  key: string;
  /**
   * The triage verdict and tag match only: `explain` runs here without a document reader, so its document kinds
   * are guesses from file names; the report takes documents and what is missing from the daemon's records.
   */
  explanation: Explanation;
}
