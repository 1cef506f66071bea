import { describe, expect, it } from 'vitest';
import {
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
    ['a\r\nBcc: x@evil.example', 'Re: your application'],
    ['Eve\u202E\r\nBcc:\u0000 x', 'Re: Eve Bcc: x'],
    ['Application\u200f\u200e\u061c gnp.exe', 'Re: your application'],
    ['Win a prize 1 at http://spam.example', 'Re: your application'],
    ['$$$ !!! *** ###', 'Re: your application'],
    [
      '[PHD-robustAI] Application — M.Sc. and Ph.D. plans',
      'Re: [PHD-robustAI] Application — M.Sc. and Ph.D. plans',
    ],
    ['[PHD-robustAI] 申请博士职位', 'Re: [PHD-robustAI] 申请博士职位'],
  ])('replySubject(%j) = %j', (original, expected) => expect(replySubject(original)).toBe(expected));

  it('subject-200000-chars: the reply subject is cut to 200 characters at a word, with an ellipsis', () => {
    const subject = replySubject(`[PHD-robustAI] ${'application '.repeat(20_000)}`);
    expect(subject.length).toBeLessThanOrEqual(200);
    expect(subject).toMatch(/^Re: \[PHD-robustAI\] (application )+application…$/);
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
