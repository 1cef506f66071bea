import { createHash } from 'node:crypto';
import type { MessageFacts } from './message-facts.ts';

/**
 * A stable identity for a message across deliveries and folders: its Message-ID, or, when it has none,
 * a digest of sender, date, subject and attachment digests.
 */
export function messageKey(facts: MessageFacts): string {
  if (facts.messageId !== null) return facts.messageId.toLowerCase();
  const material = [
    facts.from?.address ?? '',
    facts.date ?? '',
    facts.subject,
    // The message's own parts: what a container holds is already in its digest.
    ...facts.attachments
      .filter((attachment) => attachment.within.length === 0)
      .map((attachment) => attachment.sha256),
  ].join('\n');
  return `no-message-id:${createHash('sha256').update(material).digest('hex').slice(0, 32)}`;
}
