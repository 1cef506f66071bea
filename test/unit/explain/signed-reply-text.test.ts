import { describe, expect, it } from 'vitest';
import type { MailboxConfig } from '../../../src/config/schema.ts';
import { findReplyToken, replyKeyFromSecret } from '../../../src/domain/reply-token.ts';
import { signedReplyText } from '../../../src/explain/signed-reply-text.ts';

const mailbox = { address: 'chen@uni.example' } as MailboxConfig;

describe('signedReplyText', () => {
  it('ends the text with the Ref: line the daemon signs, verifiable with the key', () => {
    const key = replyKeyFromSecret('a secret of sixteen+ characters');
    const text = signedReplyText({ text: 'Dear Jane,\n\nthank you.\n' }, { key, ledgerKey: 'l:1', mailbox });
    expect(text).toMatch(/^Dear Jane,\n\nthank you\.\n\nRef: AT1-[A-Z2-7]{32}\n$/);
    expect(findReplyToken(text, key)?.ours).toBe(true);
  });

  it('shows a placeholder when the key is not known here', () => {
    const text = signedReplyText({ text: 'Dear Jane,' }, { key: null, ledgerKey: 'l:1', mailbox });
    expect(text).toBe('Dear Jane,\n\nRef: AT1-(signed when sent)\n');
  });
});
