import type { MessageFacts } from '../../src/mail/message-facts.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';
import type { SunkMessage } from '../../test/support/smtp-sink.ts';

/** One message the SMTP sink accepted, and what it says. */
export interface ReceivedMail extends SunkMessage {
  /** Parsed with the parser the daemon uses; null when the message could not be parsed. */
  facts: MessageFacts | null;
  /** The plain-text part ('' when there is none). */
  text: string;
}

/** Reads what the SMTP sink accepted, in the order it arrived, with the parser the daemon uses. */
export function readReceivedMail(messages: readonly SunkMessage[]): Promise<ReceivedMail[]> {
  return Promise.all(
    messages.map((message) =>
      parseMessage(Buffer.from(message.raw), { maxAttachments: 100 }).then(
        ({ facts, text }) => ({ ...message, facts, text }),
        () => ({ ...message, facts: null, text: '' }),
      ),
    ),
  );
}
