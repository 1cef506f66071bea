import { describe, expect, it } from 'vitest';
import {
  checkReplyAllowed,
  type ReplyCircumstances,
} from '../../../../src/stages/replies/check-reply-allowed.ts';

const REPLIES = { enabled: true, maxPerAddress: 3, windowHours: 24 };
const base: ReplyCircumstances = {
  recipient: 'jane@example.org',
  noReply: null,
  ownAddresses: new Set(['chen@uni.example']),
  bounced: false,
  recentReplies: 0,
};
const rule = (changes: Partial<ReplyCircumstances>, replies = REPLIES) => {
  const permission = checkReplyAllowed({ ...base, ...changes }, replies);
  return permission.allowed ? 'allowed' : permission.rule;
};

describe('checkReplyAllowed', () => {
  it('allows an ordinary applicant', () => expect(rule({})).toBe('allowed'));
  it('replies-disabled', () => expect(rule({}, { ...REPLIES, enabled: false })).toBe('replies-disabled'));
  it('no-recipient', () => expect(rule({ recipient: null })).toBe('no-recipient'));
  it('auto-response-suppress: the sender asked for no automatic reply', () =>
    expect(
      rule({ noReply: { rule: 'auto-response-suppress', detail: 'X-Auto-Response-Suppress: OOF' } }),
    ).toBe('auto-response-suppress'));
  it('own-address: a Reply-To pointing back at the mailbox', () =>
    expect(rule({ recipient: 'chen@uni.example' })).toBe('own-address'));
  it('own-address: a +subaddress of our own address', () =>
    expect(rule({ recipient: 'Chen+loop@uni.example' })).toBe('own-address'));
  it('recipient-taken: an address already answering for another applicant of the vacancy', () =>
    expect(rule({ recipientTaken: true })).toBe('recipient-taken'));
  it('domain-rate-limit: the recipient domain had maxPerDomain replies in the window', () => {
    const replies = { ...REPLIES, maxPerDomain: 2 };
    expect(rule({ recentDomainReplies: 1 }, replies)).toBe('allowed');
    expect(rule({ recentDomainReplies: 2 }, replies)).toBe('domain-rate-limit');
  });
  it.each([
    'noreply@portal.example',
    'no-reply@portal.example',
    'do-not-reply@x.example',
    'mailer-daemon@x.example',
    'postmaster@x.example',
    'bounces+123@esp.example',
    'owner-phd-l@lists.example',
    'phd-l-request@lists.example',
    'listserv@lists.example',
    'noreply+campaign42@portal.example',
    'postmaster+x@x.example',
  ])('system-recipient: %s', (recipient) => expect(rule({ recipient })).toBe('system-recipient'));
  it.each(['noreen@example.org', 'rooter@example.org', 'bouncer.lab@example.org'])(
    'not a system address: %s',
    (recipient) => expect(rule({ recipient })).toBe('allowed'),
  );
  it('bounced-address', () => expect(rule({ bounced: true })).toBe('bounced-address'));
  it('rate-limit at maxPerAddress, not below it', () => {
    expect(rule({ recentReplies: 2 })).toBe('allowed');
    expect(rule({ recentReplies: 3 })).toBe('rate-limit');
  });
});
