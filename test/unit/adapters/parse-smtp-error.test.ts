import { describe, expect, it } from 'vitest';
import { parseSmtpError } from '../../../src/adapters/smtp/reply-transport.ts';

describe('parseSmtpError', () => {
  it.each([
    [{ responseCode: 451, command: 'RCPT TO', message: 'try later' }, 'transient'],
    [{ responseCode: 421, command: 'DATA', message: 'shutting down' }, 'transient'],
    [{ responseCode: 550, command: 'RCPT TO', message: 'no such user' }, 'permanent'],
    [{ responseCode: 554, command: 'DATA', message: 'rejected' }, 'permanent'],
    [{ code: 'ECONNECTION', command: 'CONN', message: 'refused' }, 'transient'],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'greeting never came' }, 'transient'],
    [{ code: 'EAUTH', command: 'AUTH PLAIN', message: 'bad login' }, 'transient'],
    [{ code: 'ESOCKET', command: 'DATA', message: 'connection reset' }, 'ambiguous'],
    [{ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', message: 'expired password' }, 'transient'],
    [{ code: 'ECONNECTION', command: 'CONN', message: 'refused', handedOver: false }, 'transient'],
    [
      { code: 'ECONNECTION', command: 'CONN', message: 'closed after the final dot', handedOver: true },
      'ambiguous',
    ],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'no answer to the dot', handedOver: true }, 'ambiguous'],
    [{ message: 'Connection pool was closed', handedOver: false }, 'transient'],
    [{ responseCode: 550, command: 'RCPT TO', message: 'no such user', handedOver: false }, 'permanent'],
    [{ code: 'ETIMEDOUT', command: 'DATA', message: 'timeout after data' }, 'ambiguous'],
    [new Error('something unknown'), 'ambiguous'],
  ])('%j is %s', (error, outcome) => expect(parseSmtpError(error).outcome).toBe(outcome));
});
