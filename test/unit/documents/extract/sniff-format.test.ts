import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../../src/documents/extract/sniff-format.ts';
import type { DocumentFormat } from '../../../../src/documents/extraction.ts';
import { buildDocument } from '../../../support/documents/build-document.ts';
import { tinyPng } from '../../../support/documents/png.ts';

const spec = { blocks: [{ text: 'Hello' }] };
const OCTETS = 'application/octet-stream';

describe('sniffFormat', () => {
  it.each([
    ['pdf', 'pdf'],
    ['docx', 'docx'],
    ['odt', 'odt'],
    ['rtf', 'rtf'],
    ['html', 'html'],
  ] as const)('knows a %s by its bytes, whatever its name and type say', async (fixture, format) => {
    const bytes = await buildDocument(spec, fixture);
    expect(sniffFormat(bytes, { filename: 'attachment.bin', contentType: OCTETS })).toBe(format);
    expect(sniffFormat(bytes, { filename: 'cv.txt', contentType: 'image/png' })).toBe(format);
  });

  it.each<[string, Buffer, DocumentFormat]>([
    ['PNG', tinyPng(), 'image'],
    ['JPEG', Buffer.from('ffd8ffe000104a464946', 'hex'), 'image'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image'],
    ['TIFF', Buffer.from('49492a0008000000', 'hex'), 'image'],
    ['WebP', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), 'image'],
    ['HEIC', Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1'), 'image'],
    ['Word 97', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), 'doc'],
    ['doctype', Buffer.from('\n<!DOCTYPE html><p>Hi</p>'), 'html'],
    ['PDF after junk', Buffer.from('garbage line\n%PDF-1.4\n'), 'pdf'],
  ])('knows %s by its magic bytes', (_name, bytes, format) => {
    expect(sniffFormat(bytes, { filename: null, contentType: OCTETS })).toBe(format);
  });

  it('falls back to the content type, then to the extension', () => {
    const unknownBytes = Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]);
    expect(sniffFormat(unknownBytes, { filename: 'cv.docx', contentType: 'application/pdf' })).toBe('pdf');
    expect(sniffFormat(unknownBytes, { filename: 'cv.docx', contentType: OCTETS })).toBe('docx');
    expect(sniffFormat(unknownBytes, { filename: 'scan.JPG', contentType: OCTETS })).toBe('image');
  });

  it('takes text only when it decodes as text', () => {
    const text = Buffer.from('Dear Professor,\nplease find my CV attached.\n');
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(sniffFormat(text, { filename: 'letter.txt', contentType: 'text/plain' })).toBe('text');
    expect(sniffFormat(text, { filename: null, contentType: OCTETS })).toBe('text');
    expect(sniffFormat(binary, { filename: 'letter.txt', contentType: 'text/plain' })).toBe('unknown');
    expect(sniffFormat(binary, { filename: null, contentType: OCTETS })).toBe('unknown');
  });

  it('does not take other Office containers and zips for Word documents', () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    expect(sniffFormat(ole, { filename: 'grades.xls', contentType: 'application/vnd.ms-excel' })).toBe(
      'unknown',
    );
    const zip = Buffer.concat([
      Buffer.from('PK\u0003\u0004'),
      Buffer.from('xl/workbook.xml'),
      Buffer.alloc(64),
    ]);
    expect(sniffFormat(zip, { filename: 'grades.xlsx', contentType: OCTETS })).toBe('unknown');
  });
});
