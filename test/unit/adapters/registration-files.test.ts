import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistrationFiles } from '../../../src/adapters/files/registration-files.ts';

const fixture = (name: string): URL => new URL(`../../fixtures/registrations/${name}`, import.meta.url);

describe('RegistrationFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registrations-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a path relative to the config folder', async () => {
    await mkdir(join(dir, 'forms'));
    await copyFile(fixture('microsoft-forms.csv'), join(dir, 'forms', 'responses.csv'));
    const before = Date.now();
    const state = await new RegistrationFiles({ baseDir: dir }).read({ file: 'forms/responses.csv' });
    expect(state).toMatchObject({ status: 'ok', file: join(dir, 'forms', 'responses.csv') });
    if (state.status !== 'ok') throw new Error(state.error);
    expect(state.rows.map(({ line, email }) => [line, email])).toEqual([
      [2, 'wei.zhang+phd@outlook.com'],
      [4, 'jonas.mueller@tum.de'],
      [5, 'k.osei@students.example.ac.uk'],
      [6, null],
    ]);
    expect(Date.parse(state.readAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(state.readAt)).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the rows while the file is unchanged, and re-reads it once it changes', async () => {
    const file = join(dir, 'responses.csv');
    await writeFile(file, 'Timestamp,Email Address,Full name\n2025/10/03,wei.zhang@outlook.com,Wei Zhang\n');
    await utimes(file, new Date('2025-10-03T09:00:00Z'), new Date('2025-10-03T09:00:00Z'));
    const files = new RegistrationFiles({ baseDir: dir });
    const first = await files.read({ file });
    expect(first.status === 'ok' && first.rows.map((row) => row.email)).toEqual(['wei.zhang@outlook.com']);
    expect(await files.read({ file })).toBe(first);

    await writeFile(
      file,
      'Timestamp,Email Address,Full name\n2025/10/03,wei.zhang@outlook.com,Wei Zhang\n2025/10/04,jane.doe@gmail.com,Jane Doe\n',
    );
    await utimes(file, new Date('2025-10-04T09:00:00Z'), new Date('2025-10-04T09:00:00Z'));
    const second = await files.read({ file });
    expect(second.status === 'ok' && second.rows).toEqual([
      { line: 2, email: 'wei.zhang@outlook.com', name: 'Wei Zhang' },
      { line: 3, email: 'jane.doe@gmail.com', name: 'Jane Doe' },
    ]);
  });

  it('gives an error naming the file and line once the file is replaced by a broken one, not the old rows', async () => {
    const file = join(dir, 'responses.csv');
    await copyFile(fixture('google-forms.csv'), file);
    const files = new RegistrationFiles({ baseDir: dir });
    expect(await files.read({ file: 'responses.csv' })).toMatchObject({ status: 'ok' });

    await copyFile(fixture('broken-quote.csv'), file);
    await utimes(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const broken = await files.read({ file: 'responses.csv' });
    expect(broken).toMatchObject({ status: 'error', file });
    expect(broken.status === 'error' && broken.error).toMatch(
      new RegExp(`^${escape(file)} line 7: Invalid Closing Quote: got "T" at line 7 `),
    );
    expect(broken).not.toHaveProperty('rows');

    await copyFile(fixture('excel-semicolon.csv'), file);
    await utimes(file, new Date('2030-01-02T00:00:00Z'), new Date('2030-01-02T00:00:00Z'));
    const mended = await files.read({ file: 'responses.csv' });
    expect(mended.status === 'ok' && mended.rows.map((row) => row.name)).toEqual([
      'Lena Schmidt',
      'Tomasz Kowalski',
      'Chloé Martin',
    ]);
  });

  it('gives an error for a file without an e-mail column', async () => {
    const file = join(dir, 'responses.csv');
    await copyFile(fixture('no-email-column.csv'), file);
    expect(await new RegistrationFiles({ baseDir: dir }).read({ file })).toEqual({
      status: 'error',
      file,
      error: `${file}: no e-mail column: headings are Timestamp, Name (set registrations.emailColumn)`,
    });
  });

  it('gives an error for a missing file, after good rows too', async () => {
    const file = join(dir, 'responses.csv');
    await copyFile(fixture('google-forms.csv'), file);
    const files = new RegistrationFiles({ baseDir: dir });
    expect(await files.read({ file })).toMatchObject({ status: 'ok' });
    await rm(file);
    expect(await files.read({ file })).toEqual({
      status: 'error',
      file,
      error: `${file}: cannot be read: ENOENT`,
    });
    expect(await files.read({ file: 'elsewhere/none.csv' })).toMatchObject({
      error: `${join(dir, 'elsewhere', 'none.csv')}: cannot be read: ENOENT`,
    });
  });

  it('gives an error for a directory', async () => {
    await mkdir(join(dir, 'responses.csv'));
    expect(await new RegistrationFiles({ baseDir: dir }).read({ file: 'responses.csv' })).toEqual({
      status: 'error',
      file: join(dir, 'responses.csv'),
      error: `${join(dir, 'responses.csv')}: cannot be read: not a file`,
    });
  });

  it('refuses a file over maxBytes without reading it', async () => {
    const file = join(dir, 'responses.csv');
    await writeFile(file, `Email\n${'someone@example.org\n'.repeat(12)}`);
    expect(await new RegistrationFiles({ baseDir: dir, maxBytes: 200 }).read({ file })).toEqual({
      status: 'error',
      file,
      error: `${file}: too large: 246 bytes (at most 200 bytes)`,
    });
    expect(await new RegistrationFiles({ baseDir: dir, maxBytes: 246 }).read({ file })).toMatchObject({
      status: 'ok',
    });
  });

  it('reads an Excel "CSV (comma delimited)" saved in Windows-1252', async () => {
    const file = join(dir, 'anmeldungen.csv');
    const text =
      'Zeitstempel;E-Mail-Adresse;Vollständiger Name\r\n03.10.2025 09:14;j.mueller@tum.de;Jürgen Müller\r\n';
    await writeFile(file, Buffer.from(text, 'latin1'));
    expect(await new RegistrationFiles({ baseDir: dir }).read({ file })).toMatchObject({
      status: 'ok',
      rows: [{ line: 2, email: 'j.mueller@tum.de', name: 'Jürgen Müller' }],
    });
  });

  it('caches each column choice of one file apart', async () => {
    const file = join(dir, 'responses.csv');
    await copyFile(fixture('microsoft-forms.csv'), file);
    const files = new RegistrationFiles({ baseDir: dir });
    const questions = await files.read({ file });
    const account = await files.read({ file, emailColumn: 'Email', nameColumn: 'Name' });
    expect(questions.status === 'ok' && questions.rows[0]).toMatchObject({
      email: 'wei.zhang+phd@outlook.com',
    });
    expect(account.status === 'ok' && account.rows[0]).toMatchObject({ email: null, name: null });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
