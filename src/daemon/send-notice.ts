import { randomUUID } from 'node:crypto';
import type { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import type { MailboxConfig } from '../config/schema.ts';
import { LOOP_MARKER_HEADER } from '../domain/loop-marker.ts';

/**
 * Sends one notice of the daemon's own (an alert, a sign-in reminder) to each address, marked as automatic so that
 * no auto-responder answers it; the first refusal ends it, as `to: detail` (null: all sent).
 */
export async function sendNotice(
  transport: ReplyTransports,
  sender: Pick<MailboxConfig, 'id' | 'address'>,
  notice: { from: string; to: readonly string[]; subject: string; text: string; marker: string },
): Promise<string | null> {
  const domain = notice.from.slice(notice.from.lastIndexOf('@') + 1);
  for (const to of notice.to) {
    const raw = await transport.compose({
      from: notice.from,
      to: { name: '', address: to },
      subject: notice.subject,
      messageId: `<triage-${notice.marker}.${randomUUID()}@${domain}>`,
      inReplyTo: null,
      references: [],
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        [LOOP_MARKER_HEADER]: notice.marker,
      },
      text: notice.text,
      html: '',
    });
    const sent = await transport.send({ id: sender.id, address: notice.from }, to, raw, () =>
      Promise.resolve(true),
    );
    if (sent.status === 'failed') return `${to}: ${sent.detail}`;
  }
  return null;
}
