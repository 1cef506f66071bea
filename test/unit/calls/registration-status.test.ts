import { describe, expect, it } from 'vitest';
import { registrationText } from '../../../src/calls/registration-status.ts';

const clean = (text: string) => text.replace(/[\r\n]+/g, ' ');

describe('registrationText', () => {
  it('says what supervisors need: registered, how it was matched, or why it is unknown', () => {
    expect(registrationText({ status: 'none' }, clean)).toBe('');
    expect(registrationText({ status: 'read', match: { registered: false } }, clean)).toBe('not registered');
    const byAddress = {
      registered: true as const,
      by: 'address' as const,
      line: 2,
      name: 'Jane',
      email: 'j@x.org',
    };
    expect(registrationText({ status: 'read', match: byAddress }, clean)).toBe('registered');
    const byName = {
      registered: true as const,
      by: 'name' as const,
      line: 7,
      name: 'Doe\nJane',
      email: null,
    };
    expect(registrationText({ status: 'read', match: byName }, clean)).toBe(
      'registered (by name "Doe Jane", form line 7; address none)',
    );
    expect(registrationText({ status: 'error', error: 'f.csv line 3:\nbad quote' }, clean)).toBe(
      'unknown: f.csv line 3: bad quote',
    );
  });
});
