import { REPLY_TOKEN_LABEL } from '../../domain/reply-token.ts';
import type { OutgoingMessage } from '../../ports/delivery-ports.ts';

/**
 * The message with our token line at the end of its text and HTML bodies (`Ref: AT1-…`). Unlike headers, the line
 * survives forwarding, redirecting and quoting, so our own acknowledgement coming back is recognised. Added at
 * compose time, so that no template can leave it out. Pure.
 */
export function signReply<T extends Pick<OutgoingMessage, 'text' | 'html'>>(message: T, token: string): T {
  const line = `${REPLY_TOKEN_LABEL} ${token}`;
  const text = `${message.text.replace(/\s+$/, '')}\n\n${line}\n`;
  const paragraph = `<p style="color:#888888;font-size:11px">${line}</p>`;
  const end = message.html.search(/<\/body\s*>/i);
  const html =
    end < 0
      ? `${message.html}\n${paragraph}\n`
      : `${message.html.slice(0, end)}${paragraph}\n${message.html.slice(end)}`;
  return { ...message, text, html };
}
