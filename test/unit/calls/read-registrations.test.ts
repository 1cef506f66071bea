import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRegistrations } from '../../../src/calls/read-registrations.ts';

const NOT_DELIMITER = ' instead of delimiter, record delimiter, trimable character (if activated) or comment';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/registrations/${name}`, import.meta.url), 'utf8');

describe('readRegistrations', () => {
  it('reads a Google Forms export, counting the lines of a multi-line answer', () => {
    expect(readRegistrations(fixture('google-forms.csv'), {})).toEqual({
      ok: true,
      emailColumn: 'Email Address',
      nameColumn: 'Full name',
      rows: [
        { line: 2, email: 'wei.zhang@outlook.com', name: 'Wei Zhang' },
        { line: 3, email: 'ana.garcia@ucm.es', name: 'Ana García López' },
        { line: 7, email: 'jane.doe@gmail.com', name: 'Jane Doe' },
        { line: 8, email: null, name: 'Priya Natarajan' },
        { line: 9, email: 'o.brien@tcd.ie', name: "Siobhán O'Brien" },
      ],
    });
  });

  it("reads a Microsoft Forms export (BOM, CRLF), preferring the questions to the responder's account", () => {
    const text = fixture('microsoft-forms.csv');
    expect(text.startsWith('\uFEFFID,')).toBe(true);
    expect(text).toContain('\r\n');
    expect(readRegistrations(text, {})).toEqual({
      ok: true,
      emailColumn: 'Your email address',
      nameColumn: 'Your full name',
      rows: [
        { line: 2, email: 'wei.zhang+phd@outlook.com', name: 'Wei Zhang' },
        { line: 4, email: 'jonas.mueller@tum.de', name: 'Jonas Müller' },
        // The question left empty: the signed-in account's address, never "anonymous".
        { line: 5, email: 'k.osei@students.example.ac.uk', name: 'Kwame Osei' },
        { line: 6, email: null, name: 'Li Na' },
      ],
    });
  });

  it('reads a semicolon-separated Excel export from a German locale, skipping an empty row', () => {
    expect(readRegistrations(fixture('excel-semicolon.csv'), {})).toEqual({
      ok: true,
      emailColumn: 'E-Mail-Adresse',
      nameColumn: 'Vollständiger Name',
      rows: [
        { line: 2, email: 'lena.schmidt@uni-heidelberg.de', name: 'Lena Schmidt' },
        { line: 3, email: 'tomasz.kowalski@pw.edu.pl', name: 'Tomasz Kowalski' },
        { line: 6, email: 'chloe.martin@ens.fr', name: 'Chloé Martin' },
      ],
    });
  });

  it('names the line and the fault of a broken export', () => {
    const quote = readRegistrations(fixture('broken-quote.csv'), {});
    expect(quote).toEqual({
      ok: false,
      error: `line 7: Invalid Closing Quote: got "T" at line 7${NOT_DELIMITER}`,
    });
    const unclosed = readRegistrations(fixture('broken-unclosed.csv'), {});
    expect(unclosed).toEqual({
      ok: false,
      error: 'line 4: Quote Not Closed: the parsing is finished with an opening quote at line 4',
    });
    expect(readRegistrations(fixture('broken-columns.csv'), {})).toEqual({
      ok: false,
      error: 'line 5: Invalid Record Length: expect 3, got 4 on line 5',
    });
  });

  it('counts lines after a CRLF multi-line cell as a text editor does', () => {
    const text = 'Email,Name,Note\r\na@x.org,Ann Lee,"one\r\ntwo\r\nthree"\r\nb@x.org,"Bo ""B"" Chan,"x"\r\n';
    // csv-parse alone counts each CRLF inside the quotes twice, and would say line 7.
    expect(readRegistrations(text, {})).toEqual({
      ok: false,
      error: `line 5: Invalid Closing Quote: got "x" at line 5${NOT_DELIMITER}`,
    });
  });

  it('says which headings there are when no column holds addresses', () => {
    expect(readRegistrations(fixture('no-email-column.csv'), {})).toEqual({
      ok: false,
      error: 'no e-mail column: headings are Timestamp, Name (set registrations.emailColumn)',
    });
  });

  it.each([
    ['Horodateur,Adresse e-mail,Nom', 'Adresse e-mail', 'Nom'],
    ['Marca temporal,Correo electrónico,Nombre completo', 'Correo electrónico', 'Nombre completo'],
    ['Informazioni cronologiche;Indirizzo email;Nome e cognome', 'Indirizzo email', 'Nome e cognome'],
    ['Zeitstempel;E-Mail;Vollständiger Name', 'E-Mail', 'Vollständiger Name'],
    [
      'Submitted at,Your email,Your full name (as in your passport)',
      'Your email',
      'Your full name (as in your passport)',
    ],
  ])('finds the columns of %s', (header, emailColumn, nameColumn) => {
    const delimiter = header.includes(';') ? ';' : ',';
    const read = readRegistrations(
      `${header}\n${['2025-10-03', ' A@B.org', 'Ana Lima'].join(delimiter)}\n`,
      {},
    );
    expect(read).toEqual({
      ok: true,
      emailColumn,
      nameColumn,
      rows: [{ line: 2, email: 'a@b.org', name: 'Ana Lima' }],
    });
  });

  it("prefers the applicant's own address and name to someone else's", () => {
    const text = [
      'Timestamp,Name of proposed supervisor,Supervisor email,Full name,Your email',
      '2025-10-03,Prof. Ada Byron,a.byron@uni.example,Mei Chen,mei.chen@example.cn',
    ].join('\n');
    expect(readRegistrations(text, {})).toMatchObject({
      emailColumn: 'Your email',
      nameColumn: 'Full name',
      rows: [{ email: 'mei.chen@example.cn', name: 'Mei Chen' }],
    });
  });

  it('joins a first and a last name column', () => {
    const text = 'Timestamp,First name(s),Last name,Email\n2025-10-03,Ana Sofia,Lima,ana@example.br\n';
    expect(readRegistrations(text, {})).toEqual({
      ok: true,
      emailColumn: 'Email',
      nameColumn: 'First name(s) + Last name',
      rows: [{ line: 2, email: 'ana@example.br', name: 'Ana Sofia Lima' }],
    });
  });

  it('uses configured columns, matched case- and accent-blind, without falling back', () => {
    const read = readRegistrations(fixture('microsoft-forms.csv'), {
      emailColumn: 'email',
      nameColumn: 'Name',
    });
    expect(read).toMatchObject({ ok: true, emailColumn: 'Email', nameColumn: 'Name' });
    expect(read.ok && read.rows.map(({ email, name }) => [email, name])).toEqual([
      [null, null],
      [null, null],
      ['k.osei@students.example.ac.uk', 'Kwame Osei'],
      [null, null],
    ]);
  });

  it('reads a configured question column alone, without the account behind it', () => {
    const read = readRegistrations(fixture('microsoft-forms.csv'), { emailColumn: 'Your email address' });
    expect(read.ok && read.rows.map(({ email }) => email)).toEqual([
      'wei.zhang+phd@outlook.com',
      'jonas.mueller@tum.de',
      null,
      null,
    ]);
  });

  it('refuses a configured column that is not there, listing the headings', () => {
    expect(readRegistrations(fixture('no-email-column.csv'), { emailColumn: 'Contact' })).toEqual({
      ok: false,
      error: 'no column "Contact": headings are Timestamp, Name (set registrations.emailColumn)',
    });
    expect(readRegistrations(fixture('google-forms.csv'), { nameColumn: 'Surname' })).toEqual({
      ok: false,
      error:
        'no column "Surname": headings are Timestamp, Email Address, Full name, Current institution, ' +
        'Which programme are you applying throug…, Briefly describe your research interests, ' +
        'I have read the privacy notice (set registrations.nameColumn)',
    });
  });

  it('detects a semicolon even when a quoted heading holds a comma', () => {
    const text = '"Name, surname";"E-mail"\r\n"Lima, Ana";"mailto:Ana@Example.br"\r\n';
    expect(readRegistrations(text, {})).toEqual({
      ok: true,
      emailColumn: 'E-mail',
      nameColumn: null,
      rows: [{ line: 2, email: 'ana@example.br', name: null }],
    });
  });

  it('reads an export with headings only, and refuses an empty one', () => {
    expect(readRegistrations('Timestamp,Email Address\n', {})).toEqual({
      ok: true,
      emailColumn: 'Email Address',
      nameColumn: null,
      rows: [],
    });
    expect(readRegistrations('\uFEFF\r\n', {})).toEqual({ ok: false, error: 'empty: no heading line' });
  });

  it('refuses more than 100,000 rows and more than 20 MB', () => {
    const rows = (count: number): string => `Email\n${'a@b.org\n'.repeat(count)}`;
    const full = readRegistrations(rows(100_000), {});
    expect(full.ok && full.rows.length).toBe(100_000);
    expect(full.ok && full.rows.at(-1)).toEqual({ line: 100_001, email: 'a@b.org', name: null });
    expect(readRegistrations(rows(100_001), {})).toEqual({ ok: false, error: 'more than 100,000 rows' });
    // Bytes, not characters: 10.5 million "é" are 21 MB of UTF-8.
    expect(readRegistrations(`Email\n${'é'.repeat(10_500_000)}`, {})).toEqual({
      ok: false,
      error: 'larger than 20 MB',
    });
  });
});
