import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../src/calls/read-registrations.ts';
import { readRegistrations } from '../../../src/calls/read-registrations.ts';
import { matchRegistration } from '../../../src/calls/match-registration.ts';

const rows: Registration[] = [
  { line: 2, email: 'wei.zhang@outlook.com', name: 'Wei Zhang' },
  { line: 3, email: 'janedoe@gmail.com', name: 'Jane Doe' },
  { line: 4, email: 'ana.garcia@ucm.es', name: 'Ana García López' },
  { line: 5, email: null, name: 'Priya Natarajan' },
  { line: 6, email: 'li.wang@example.cn', name: 'Li Wang' },
  { line: 7, email: 'li.wang2@example.org', name: 'Wang Li' },
  { line: 8, email: 'k.osei@example.ac.uk', name: 'Kwame Osei' },
  { line: 9, email: 'kwame.osei@example.ac.uk', name: 'Kwame Osei' },
  { line: 10, email: 'mononym@example.id', name: 'Sukarno' },
  { line: 11, email: 'j.muller@example.de', name: 'Jürgen Müller' },
  { line: 12, email: 'j.muller@example.de', name: 'Jürgen Müller' },
];

describe('matchRegistration', () => {
  it('matches the address case-insensitively and without +detail', () => {
    expect(matchRegistration(rows, { email: 'Wei.Zhang+PhD@Outlook.COM', name: 'W. Zhang' })).toEqual({
      registered: true,
      by: 'address',
      line: 2,
      name: 'Wei Zhang',
      email: 'wei.zhang@outlook.com',
    });
  });

  it('ignores the dots of a Gmail address, and googlemail.com is gmail.com', () => {
    expect(matchRegistration(rows, { email: 'Jane.Doe@googlemail.com', name: 'JD' })).toMatchObject({
      registered: true,
      by: 'address',
      line: 3,
    });
    expect(matchRegistration(rows, { email: 'j.a.n.e.doe+cdt@gmail.com', name: '' })).toMatchObject({
      line: 3,
    });
  });

  it('keeps the dots of other domains', () => {
    expect(matchRegistration(rows, { email: 'weizhang@outlook.com', name: 'Someone Else' })).toEqual({
      registered: false,
    });
  });

  it('matches by name when the address differs, whatever the accents, case and word order', () => {
    expect(matchRegistration(rows, { email: 'agarcia@gmail.com', name: 'LOPEZ Garcia, Ana' })).toEqual({
      registered: true,
      by: 'name',
      line: 4,
      name: 'Ana García López',
      email: 'ana.garcia@ucm.es',
    });
    expect(matchRegistration(rows, { email: 'priya.n@iitm.ac.in', name: 'Priya  Natarajan' })).toEqual({
      registered: true,
      by: 'name',
      line: 5,
      name: 'Priya Natarajan',
      email: null,
    });
  });

  it('prefers the address to the name', () => {
    expect(matchRegistration(rows, { email: 'k.osei@example.ac.uk', name: 'Jane Doe' })).toMatchObject({
      by: 'address',
      line: 8,
    });
  });

  it('is no name match when two people registered under the name', () => {
    // "Li Wang" and "Wang Li" are the same words; "Kwame Osei" twice with different addresses.
    expect(matchRegistration(rows, { email: 'lw@gmail.com', name: 'Li Wang' })).toEqual({
      registered: false,
    });
    expect(matchRegistration(rows, { email: 'ko@gmail.com', name: 'Kwame Osei' })).toEqual({
      registered: false,
    });
  });

  it('takes a form sent twice from one address as one registrant', () => {
    expect(matchRegistration(rows, { email: 'juergen@gmx.de', name: 'Jurgen Muller' })).toMatchObject({
      registered: true,
      by: 'name',
      line: 11,
    });
  });

  it('needs at least two words of name on both sides', () => {
    expect(matchRegistration(rows, { email: 'sk@example.id', name: 'Sukarno' })).toEqual({
      registered: false,
    });
    expect(matchRegistration(rows, { email: 'x@example.org', name: 'Zhang' })).toEqual({ registered: false });
    expect(matchRegistration(rows, { email: 'x@example.org', name: '' })).toEqual({ registered: false });
  });

  it('is not registered with no rows', () => {
    expect(matchRegistration([], { email: 'wei.zhang@outlook.com', name: 'Wei Zhang' })).toEqual({
      registered: false,
    });
  });

  it('finds a Microsoft Forms registrant by the address typed into the form', () => {
    const read = readRegistrations(
      readFileSync(new URL('../../fixtures/registrations/microsoft-forms.csv', import.meta.url), 'utf8'),
      {},
    );
    if (!read.ok) throw new Error(read.error);
    expect(matchRegistration(read.rows, { email: 'wei.zhang@outlook.com', name: 'Wei Zhang' })).toMatchObject(
      {
        registered: true,
        by: 'address',
        line: 2,
      },
    );
    expect(matchRegistration(read.rows, { email: 'li.na@example.cn', name: 'Na LI' })).toMatchObject({
      registered: true,
      by: 'name',
      line: 6,
      email: null,
    });
  });
});
