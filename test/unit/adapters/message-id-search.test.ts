import { describe, expect, it } from 'vitest';
import { messageIdSearch } from '../../../src/adapters/imap/search-current.ts';

describe('messageIdSearch', () => {
  it('searches for an ordinary Message-ID by header', () => {
    expect(messageIdSearch('<CAF=x+y_z@mail.gmail.com>')).toEqual({
      header: { 'message-id': '<CAF=x+y_z@mail.gmail.com>' },
    });
  });

  it.each([
    ['issue-19-long-message-id', `<${'a'.repeat(300)}@x.example>`],
    ['issue-19-non-ascii-message-id', '<über@x.example>'],
    ['issue-19-crlf-in-message-id', '<a\r\nA1 LOGOUT@x.example>'],
    ['issue-19-space-in-message-id', '<a b@x.example>'],
    ['issue-19-nul-in-message-id', '<a\u0000b@x.example>'],
  ])('%s: no search is made', (_name, id) => {
    expect(messageIdSearch(id)).toBeNull();
  });
});
