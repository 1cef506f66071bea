import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { readBounceClaim, verifyBounce } from '../../../../src/stages/replies/bounce-suppression.ts';
import { buildMail } from '../../../support/build-mail.ts';

const OUR_REPLY = '<triage-reply.9f8e7d6c5b4a39281706f5e4@uni.example>';

async function claimOf(raw: Buffer) {
  return readBounceClaim(await parseMessage(raw, { maxAttachments: 100 }));
}

describe('a bounce suppresses only the address our referenced reply was sent to', () => {
  it('forged-bounce: a stranger writes X-Failed-Recipients and an In-Reply-To shaped like ours → nobody', async () => {
    const forged = await buildMail({
      from: 'Stranger <stranger@evil.example>',
      subject: 'whatever',
      inReplyTo: '<triage-reply.0123456789abcdef01234567@any.example>',
      headers: { 'X-Failed-Recipients': 'amara.o@gmail.example, kofi.mensah@gmail.example' },
    });
    const claim = await claimOf(forged);
    expect(claim.references).toEqual(['<triage-reply.0123456789abcdef01234567@any.example>']);
    const verdict = verifyBounce(claim, new Map([[claim.references[0] ?? '', null]]));
    expect(verdict.suppress).toEqual([]);
    expect(verdict.reason).toMatch(/no record of sending .*suppresses nobody/);
  });

  it('gmail-x-failed-recipients: a genuine bounce of our reply to Amara suppresses Amara only, not Kofi', async () => {
    const raw = await readFile(
      new URL('../../../fixtures/mail/gmail-x-failed-recipients.eml', import.meta.url),
    );
    const claim = await claimOf(raw);
    expect(claim.failedRecipients).toEqual(['amara.o@gmail.example', 'kofi.mensah@gmail.example']);
    const verdict = verifyBounce(claim, new Map([[OUR_REPLY, 'amara.o@gmail.example']]));
    expect(verdict.suppress).toEqual(['amara.o@gmail.example']);
    expect(verdict.reason).toMatch(/1 other listed address\(es\) ignored/);
  });

  it('a real reply of ours, but to someone the bounce does not name → nobody', async () => {
    const raw = await readFile(
      new URL('../../../fixtures/mail/gmail-x-failed-recipients.eml', import.meta.url),
    );
    const verdict = verifyBounce(await claimOf(raw), new Map([[OUR_REPLY, 'someone.else@example.org']]));
    expect(verdict.suppress).toEqual([]);
  });

  it('a bounce naming none of our replies → nobody, and says so', () => {
    const verdict = verifyBounce({ failedRecipients: ['a@example.org'], references: [] }, new Map());
    expect(verdict).toEqual({ suppress: [], reason: 'refers to none of our replies: suppresses nobody' });
  });
});
