import { describe, expect, it } from 'vitest';
import {
  cleanHeaderText,
  isReplyMessageId,
  replyMessageId,
  replySubject,
} from '../../../../src/stages/replies/reply-headers.ts';

describe('reply headers', () => {
  it.each([
    ['[PHD-robustAI] Application', 'Re: [PHD-robustAI] Application'],
    ['Re: [PHD-robustAI] Application', 'Re: [PHD-robustAI] Application'],
    ['RE:  hello', 'RE: hello'],
    ['', 'Re: your application'],
    ['a\r\nBcc: x@evil.example', 'Re: a Bcc: x@evil.example'],
  ])('replySubject(%j) = %j', (original, expected) => expect(replySubject(original)).toBe(expected));

  it('cleanHeaderText drops control and bidi characters', () => {
    expect(cleanHeaderText('Eve\u202E\r\nBcc:\u0000 x')).toBe('Eve Bcc: x');
  });

  it('replyMessageId is stable per ledger key, differs between keys, and is recognised as ours', () => {
    const id = replyMessageId('p:reply:robust-ai:abc:acknowledgement', 'chen@uni.example');
    expect(id).toBe(replyMessageId('p:reply:robust-ai:abc:acknowledgement', 'chen@uni.example'));
    expect(id).not.toBe(replyMessageId('p:reply:robust-ai:abc:complete', 'chen@uni.example'));
    expect(id).toMatch(/^<triage-reply\.[0-9a-f]{24}@uni\.example>$/);
    expect(isReplyMessageId(id)).toBe(true);
    expect(isReplyMessageId('<CAF123@mail.gmail.com>')).toBe(false);
  });
});
