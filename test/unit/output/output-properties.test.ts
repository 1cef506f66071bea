import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportName } from '../../../src/candidates/export-documents.ts';
import { resolveInside, sanitizeFilename } from '../../../src/domain/sanitize-filename.ts';
import { csvCell } from '../../../src/output/csv-cell.ts';
import { echoName } from '../../../src/output/echo-name.ts';
import { headerText } from '../../../src/output/header-text.ts';
import { mailText } from '../../../src/output/mail-text.ts';
import { serverText } from '../../../src/output/server-text.ts';
import { terminalText } from '../../../src/output/terminal-text.ts';

// What mail can carry that must not come out: controls, escapes, bidi, zero-width and other format characters.
const HOSTILE = [
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u0008',
  '\u007F',
  '\u0085',
  '\u009B',
  '\u009D',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u001b[31m',
  '\u001b',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\uD800',
  '\u{E0041}',
  '＝',
  '＋',
  '－',
  '＠',
  '=',
  '+',
  '-',
  '@',
  ' ',
  '　',
  '.',
  '/',
  '\\',
  'é',
  'e\u0301',
  '王',
  '🇬🇧',
  '👨‍👩‍👧',
  'a',
  'Z',
  '<',
  '>',
  '"',
  ',',
  ':',
  'jane@example.org',
];
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 120 }).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 1, max: 5000 })).map(([part, n]) => part.repeat(n)),
);
const RUNS = { numRuns: 300 };

const FORBIDDEN_IN_HEADER =
  /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF\u061C]/u;
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/u;

describe('output layer properties', () => {
  it('headerText: at most the bound, no forbidden code point, idempotent', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 400 }), (text, max) => {
        const header = headerText(text, max);
        expect(header.length).toBeLessThanOrEqual(max);
        expect(header).not.toMatch(FORBIDDEN_IN_HEADER);
        expect(headerText(header, max)).toBe(header);
      }),
      RUNS,
    );
  });

  it('echoName: empty or a short clean name', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const name = echoName(text);
        expect(name.length).toBeLessThanOrEqual(64);
        expect(name).not.toMatch(/[@\d\p{Cc}\p{Cf}]|:\/\//u);
      }),
      RUNS,
    );
  });

  it('mailText: one bounded line without controls', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const line = mailText(text, { controls: '' });
        expect(line.length).toBeLessThanOrEqual(500);
        expect(line).not.toMatch(FORBIDDEN_IN_HEADER);
      }),
      RUNS,
    );
  });

  it('terminalText: no ESC and no C0/C1 control but LF, no bidi or format character', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(terminalText(text).replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
      }),
      RUNS,
    );
  });

  it('csvCell: never starts with a formula character, even after trimming or unquoting', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cell = csvCell(text);
        const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(value.trimStart()).not.toMatch(FORMULA);
        expect(value.replace(/^'/, '')).toBe(text.length > 0 && value.startsWith("'") ? text : value);
      }),
      RUNS,
    );
  });

  it('serverText: no address, no control, at most 500 characters', () => {
    fc.assert(
      fc.property(hostileText, fc.emailAddress(), hostileText, (before, address, after) => {
        const text = serverText(`${before} <${address}> ${after}`);
        expect(text.length).toBeLessThanOrEqual(500);
        expect(text).not.toContain(address);
        expect(text).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      }),
      RUNS,
    );
  });

  it('export names: at most 255 bytes, keep the digest, and stay what resolveInside writes', () => {
    fc.assert(
      fc.property(hostileText, fc.stringMatching(/^[0-9a-f]{64}$/), (filename, sha256) => {
        const safeName = sanitizeFilename(filename);
        expect(sanitizeFilename(safeName)).toBe(safeName);
        const name = exportName({ safeName, sha256 });
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
        expect(name).toContain(`-${sha256.slice(0, 8)}`);
        expect(resolveInside('/srv/export', name)).toBe(`/srv/export/${name}`);
      }),
      RUNS,
    );
  });
});
