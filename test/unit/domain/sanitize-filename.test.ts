import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside, sanitizeFilename } from '../../../src/domain/sanitize-filename.ts';

const utf8Bytes = (text: string): number => Buffer.byteLength(text);

describe('sanitizeFilename', () => {
  it.each([
    ['CV_Jane_Doe.pdf', 'CV_Jane_Doe.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\win.ini', 'win.ini'],
    ['/etc/shadow', 'shadow'],
    ['C:\\Windows\\System32\\drivers\\etc\\hosts', 'hosts'],
    ['C:evil.pdf', 'C_evil.pdf'],
    ['\\\\server\\share\\cv.pdf', 'cv.pdf'],
    ['folder/', 'folder'],
    ['CV\r\n.pdf', 'CV.pdf'],
    ['cv\u0000.pdf.exe', 'cv.pdf.exe'],
    ['tab\there.pdf', 'tabhere.pdf'],
    ['cv\u202Efdp.exe', 'cvfdp.exe'],
    ['\u2066invoice\u2069.pdf', 'invoice.pdf'],
    ['what?<is>:this|"*.pdf', 'what__is__this___.pdf'],
    ['.htaccess', 'htaccess'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['report.pdf. . .', 'report.pdf'],
    ['  spaced name.pdf  ', 'spaced name.pdf'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Nul.tar.gz', '_Nul.tar.gz'],
    ['COM1.pdf', '_COM1.pdf'],
    ['lpt9', '_lpt9'],
    ['CON .pdf', '_CON .pdf'],
    ['CONSOLE.pdf', 'CONSOLE.pdf'],
    ['COM10.pdf', 'COM10.pdf'],
    ['履歴書_山田.pdf', '履歴書_山田.pdf'],
    ['简历 🎓.pdf', '简历 🎓.pdf'],
    ['Lebenslauf Müller.pdf', 'Lebenslauf Müller.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it.each([[null], [''], ['.'], ['..'], ['...'], ['../..'], ['/'], ['\r\n'], ['\u202E'], [' . ']])(
    'falls back for %j',
    (input) => {
      expect(sanitizeFilename(input)).toBe('attachment');
      expect(sanitizeFilename(input, 'part-3.bin')).toBe('part-3.bin');
    },
  );

  it('composes to NFC', () => {
    expect(sanitizeFilename('Re\u0301sume\u0301.pdf')).toBe('R\u00e9sum\u00e9.pdf');
  });

  it('cuts a 300-character name to 200 bytes and keeps the extension', () => {
    const result = sanitizeFilename(`${'a'.repeat(300)}.pdf`);
    expect(result).toBe(`${'a'.repeat(196)}.pdf`);
    expect(utf8Bytes(result)).toBe(200);
  });

  it('cuts multi-byte names on whole characters', () => {
    const result = sanitizeFilename(`${'履'.repeat(100)}.pdf`);
    expect(utf8Bytes(result)).toBeLessThanOrEqual(200);
    expect(result).toBe(`${'履'.repeat(65)}.pdf`);
  });

  it('does not split an emoji sequence when cutting', () => {
    const flag = '🇬🇧';
    const result = sanitizeFilename(`${'x'.repeat(190)}${flag}.pdf`);
    expect(result).toBe(`${'x'.repeat(190)}.pdf`);
  });

  it('cuts a long name without an extension', () => {
    const result = sanitizeFilename('b'.repeat(300));
    expect(result).toBe('b'.repeat(200));
  });

  it('does not leave a trailing dot or space where it cut', () => {
    const result = sanitizeFilename(`${'c'.repeat(195)}  . more text here.pdf`);
    expect(result).toBe(`${'c'.repeat(195)}.pdf`);
  });
});

describe('resolveInside', () => {
  const dir = path.join('/srv', 'triage', 'export');

  it('joins a safe name onto the directory', () => {
    expect(resolveInside(dir, 'CV_Jane_Doe.pdf')).toBe(path.join(dir, 'CV_Jane_Doe.pdf'));
  });

  it.each([['../../etc/passwd'], ['..\\..\\win.ini'], ['/etc/passwd'], ['..'], ['.']])(
    'keeps %j directly inside the directory',
    (name) => {
      const result = resolveInside(dir, name);
      expect(path.dirname(path.resolve(result))).toBe(path.resolve(dir));
    },
  );

  it('works with a relative directory and a trailing separator', () => {
    expect(resolveInside('export/', '../cv.pdf')).toBe(path.join('export', 'cv.pdf'));
  });
});
