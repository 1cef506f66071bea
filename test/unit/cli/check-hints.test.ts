import { describe, expect, it } from 'vitest';
import { checkHint } from '../../../src/cli/check-hints.ts';
import { TriageError } from '../../../src/errors/triage-error.ts';

// Errors shaped as Node's sockets, OpenSSL, nodemailer and our adapters produce them.
const wrapped = (cause: Error) =>
  new TriageError('imap-unavailable', `imap h:993: ${cause.message}`, { cause });
const socket = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('checkHint', () => {
  it.each([
    [socket('ENOTFOUND', 'getaddrinfo ENOTFOUND imap.uni.exmaple'), 'no such host'],
    [socket('ETIMEDOUT', 'connect ETIMEDOUT 192.0.2.1:993'), 'no answer'],
    [socket('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'not trusted'],
    [
      Object.assign(new Error('Invalid login: 535 5.7.8 Error'), { code: 'EAUTH', responseCode: 535 }),
      'password',
    ],
    [socket('ESOCKET', 'connect ECONNREFUSED 127.0.0.1:587'), 'host and port'],
  ])('%s → %s', (error, words) => {
    expect(checkHint(error)).toContain(words);
    expect(checkHint(wrapped(error))).toContain(words);
  });

  it('oauth2: a refused fresh token points at the app registration, not at a password', () => {
    const refused = new TriageError('imap-auth', 'imap h:993: login refused (AUTHENTICATE failed)');
    expect(checkHint(refused, 'oauth2')).toContain("check the app's permissions and consent");
    expect(checkHint(refused, 'oauth2')).not.toContain('password');
    expect(checkHint(socket('ETIMEDOUT', 'connect ETIMEDOUT 192.0.2.1:993'), 'oauth2')).toContain(
      'no answer',
    );
  });

  it('unknown: an error nothing common explains gets no hint', () => {
    expect(checkHint(new Error('mailbox is over quota'))).toBeNull();
    expect(checkHint('a string')).toBeNull();
  });
});
