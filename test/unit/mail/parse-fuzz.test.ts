import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { ownAddresses } from '../../../src/config/own-addresses.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { planIngest } from '../../../src/stages/ingest/plan-ingest.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const OWN = ownAddresses(CONFIG);
// Errors a hostile message may rightly end in: it is then dead-lettered with this reason, never retried.
const REFUSALS = ['message-unparseable', 'message-too-complex'] as const;

// Pieces an attacker puts into header values: encoded words, folding, CRLF, NUL, bidi, escapes, angle brackets.
const piece = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '=?utf-8?B?W1BIRC1yb2J1c3RBSV0=?=',
    '=?utf-8?Q?=0D=0ABcc:_x@evil.example?=',
    '=?x-unknown?B?AAAA?=',
    '\r\n\tfolded',
    '\r\nBcc: victim@example.org',
    '\u0000',
    '\u202Egnp.exe',
    '\u001b]0;pwned\u0007',
    '<triage-reply.0123456789abcdef01234567@uni.example>',
    '"Dr. Chen" <chen@uni.example>',
    'a@b, c@d, <e@f>',
    '[PHD-robustAI]',
    '<'.repeat(50),
  ),
);
const value = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const headerName = fc.constantFrom(
  'From',
  'Reply-To',
  'Sender',
  'Subject',
  'Message-ID',
  'In-Reply-To',
  'References',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-Disposition',
  'X-Failed-Recipients',
  'Auto-Submitted',
  'Authentication-Results',
  'List-Id',
  'Return-Path',
);
const body = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom(
    '--b\r\nContent-Type: application/pdf; name="CV.pdf"\r\nContent-Disposition: attachment\r\n\r\n%PDF-1.4\r\n--b--',
    '--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n--b--\r\n--b--',
    '--b\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; x@y\r\nAction: failed\r\n--b--',
  ),
);
const rawMessage = fc
  .record({
    headers: fc.array(fc.tuple(headerName, value), { maxLength: 12 }),
    multipart: fc.boolean(),
    body,
  })
  .map(({ headers, multipart, body: text }) => {
    const lines = headers.map(([name, text]) => `${name}: ${text}`);
    if (multipart) lines.push('Content-Type: multipart/mixed; boundary=b');
    return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${text}`, 'latin1');
  });

describe('parsing hostile mail (fast-check)', () => {
  it('parse-fuzz: any message is parsed and planned, or refused with a reason; nothing else escapes', async () => {
    await fc.assert(
      fc.asyncProperty(rawMessage, async (raw) => {
        let parsed;
        try {
          parsed = await parseMessage(raw, CONFIG.limits);
        } catch (error) {
          expect(isTriageError(error, ...REFUSALS), String(error)).toBe(true);
          return;
        }
        const plan = planIngest(parsed, {
          config: CONFIG,
          mailbox: { id: 'chen' },
          ownAddresses: OWN,
          thread: null,
          location: { uidValidity: '1', uid: 1 },
          receivedAt: '2026-11-20T09:00:00.000Z',
        });
        expect(plan.key.length).toBeGreaterThan(0);
        const applicant = plan.triage.applicant;
        if (applicant !== null) {
          // An address we might answer is one address: one @, no spaces, no controls, no second recipient.
          expect(applicant.address).toMatch(/^[^\s@,;<>\p{Cc}]+@[^\s@,;<>\p{Cc}]+$/u);
        }
        // Only a real sent reply can suppress anyone: the plan itself never names addresses to suppress.
        expect(plan.bounce?.failedRecipients.every((address) => !/[\s,;<>]/.test(address)) ?? true).toBe(
          true,
        );
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('malformed-from-is-no-one: a From that parses as "g a@b, c@d, <e"@f> gives no sender to record or answer', async () => {
    const raw = Buffer.from('From: G"a@b, c@d, <e@f>\r\nSubject: [PHD-robustAI] x\r\n\r\nhello', 'latin1');
    const parsed = await parseMessage(raw, CONFIG.limits);
    expect(parsed.facts.from).toBeNull();
  });
});
