import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packText, unpackText } from '../../../src/adapters/redis/compact-text.ts';

const record = JSON.stringify({
  id: 'robust-ai-0123456789ab',
  documents: Array.from({ length: 6 }, (_, index) => ({
    filename: `Transcript_${index}.pdf`,
    kind: 'transcript',
    reading: {
      evidence: ['grade table', 'module codes', 'credits'],
      text: 'Module Credits Grade '.repeat(20),
    },
  })),
});

describe('packText / unpackText', () => {
  it('deflates a record and gives the same text back', () => {
    const packed = packText(record);
    expect(packed.startsWith('z1:')).toBe(true);
    expect(packed.length).toBeLessThan(record.length / 2);
    expect(unpackText(packed)).toBe(record);
  });

  it('keeps short values, and values written before packing, as they are', () => {
    expect(packText('{"id":"x"}')).toBe('{"id":"x"}');
    expect(unpackText(record)).toBe(record);
  });

  it('keeps a value deflate cannot shorten as it is', () => {
    const random = JSON.stringify({ noise: randomBytes(900).toString('base64') });
    expect(packText(random)).toBe(random);
  });

  it('refuses a packed value that inflates past the bound instead of filling memory', () => {
    const bomb = `z1:${deflateRawSync(Buffer.alloc(65 * 1024 * 1024)).toString('base64')}`;
    expect(() => unpackText(bomb)).toThrow(RangeError);
  });
});
