import type { MailboxConfig } from '../config/schema.ts';
import { replyToken } from '../domain/reply-token.ts';
import { deliveryMessageId } from '../stages/replies/deliver-reply.ts';
import type { PlannedReply } from '../stages/replies/plan-reply.ts';
import { signReply } from '../stages/replies/sign-reply.ts';

/** Shown instead of the token when the key it is signed with is not known here (no secret, no `--history`). */
const UNKNOWN_TOKEN = 'AT1-(signed when sent)';

/**
 * The reply's text as deliverReply sends it: with the signed `Ref:` line of its Message-ID (derived, like the
 * daemon's, from the ledger key and `idSeed`); a placeholder token when the key or the ledger key is unknown. Pure.
 */
export function signedReplyText(
  planned: Pick<PlannedReply, 'text'>,
  signing: { key: Buffer | null; ledgerKey: string | null; idSeed?: string; mailbox: MailboxConfig },
): string {
  const { key, ledgerKey } = signing;
  const token =
    key !== null && ledgerKey !== null
      ? replyToken(key, deliveryMessageId({ ledgerKey, idSeed: signing.idSeed, mailbox: signing.mailbox }))
      : UNKNOWN_TOKEN;
  return signReply({ text: planned.text, html: '' }, token).text;
}
