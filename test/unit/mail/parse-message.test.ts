import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { buildMail } from '../../support/build-mail.ts';

const LIMITS = { maxAttachments: 20 };

describe('parsing a message given as bytes', () => {
  it('reads it in pieces to the same facts and attachments as from one whole chunk', async () => {
    // Over a megabyte: its base64 lines and the boundary after them cross the pieces' edges.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024 * 1024 + 13)]);
    const raw = await buildMail({
      subject: '[PHD-robustAI] Bewerbung – Zoë Müller',
      attachments: [
        { filename: 'Lebenslauf.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'notes.txt', content: 'Zeugnis folgt.', contentType: 'text/plain' },
      ],
    });
    const pieces = await parseMessage(raw, LIMITS);
    const whole = await parseMessage(Readable.from([raw], { objectMode: false }), LIMITS);
    expect(pieces.facts).toEqual(whole.facts);
    expect(pieces.facts.subject).toBe('[PHD-robustAI] Bewerbung – Zoë Müller');
    expect(pieces.contents.map((content) => content.length)).toEqual([pdf.length, 14]);
    const [first] = pieces.contents;
    expect(Buffer.isBuffer(first) && first.equals(pdf)).toBe(true);
    expect(pieces.text).toBe(whole.text);
  });
});
