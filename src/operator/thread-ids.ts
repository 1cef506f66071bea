import type { MessageRecord } from '../candidates/candidate-record.ts';

/**
 * The thread index entries of these messages — each message's key and its Message-ID lower-cased, as the candidate
 * store indexes them when it merges a message. Pure.
 */
export function threadIdsOf(messages: readonly Pick<MessageRecord, 'key' | 'messageId'>[]): string[] {
  const ids = messages.flatMap((message) => [message.key, message.messageId?.toLowerCase() ?? '']);
  return [...new Set(ids.filter((id) => id !== ''))];
}
