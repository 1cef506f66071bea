import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { readBounceClaim, verifyBounce } from '../../../../src/stages/replies/bounce-suppression.ts';
import { textFailedRecipients, textMessageIds } from '../../../../src/stages/replies/text-bounce.ts';
import { buildMail } from '../../../support/build-mail.ts';

async function claimOfFixture(name: string) {
  const raw = await readFile(new URL(`../../../fixtures/mail/automatic/${name}`, import.meta.url));
  return readBounceClaim(await parseMessage(raw, { maxAttachments: 100 }));
}

describe('plain-text bounces: failed recipients and the reply they return', () => {
  it('exchange-undeliverable-system-administrator: the unreachable recipient, our reply from In-Reply-To', async () => {
    const claim = await claimOfFixture('exchange-undeliverable-system-administrator.eml');
    expect(claim).toEqual({
      failedRecipients: ['l.okafor@partner-uni.example'],
      references: ['<triage-reply.4e5f60718293a4b5c6d7e8f9@uni.example>'],
    });
    const sentTo = new Map([[claim.references[0] ?? '', 'l.okafor@partner-uni.example']]);
    expect(verifyBounce(claim, sentTo).suppress).toEqual(['l.okafor@partner-uni.example']);
  });

  it('bounce-relayed-by-list: Exim’s failed address, and our reply’s Message-ID from the returned copy', async () => {
    const claim = await claimOfFixture('bounce-relayed-by-list.eml');
    expect(claim.failedRecipients).toEqual(['kwame.a@mail.example']);
    expect(claim.references).toEqual(['<triage-reply.5f60718293a4b5c6d7e8f901@uni.example>']);
  });

  it('lotus-notes-mail-service: the address Notes names, no reply of ours referred to → suppresses nobody', async () => {
    const claim = await claimOfFixture('lotus-notes-mail-service.eml');
    expect(claim.failedRecipients).toEqual(['ana.ferreira@corp.example']);
    expect(verifyBounce(claim, new Map()).reason).toBe('refers to none of our replies: suppresses nobody');
  });

  it('forged plain-text bounce: a stranger names an applicant and an id shaped like ours → nobody', async () => {
    const forged = await buildMail({
      from: '"Mail Delivery System" <mailer@evil.example>',
      subject: 'Undeliverable: Re: [PHD-robustAI] Application',
      text:
        'Your message could not be delivered to:\n\n  amara.o@gmail.example\n\n550 5.1.1 user unknown\n\n' +
        '--- Below this line is a copy of the message.\n\nMessage-ID: <triage-reply.0123456789abcdef01234567@uni.example>\n',
      attachments: [],
    });
    const claim = readBounceClaim(await parseMessage(forged, { maxAttachments: 100 }));
    expect(claim.failedRecipients).toEqual(['amara.o@gmail.example']);
    // We never sent that reply: nobody is suppressed.
    const never = verifyBounce(claim, new Map([[claim.references[0] ?? '', null]]));
    expect(never.suppress).toEqual([]);
    expect(never.reason).toMatch(/no record of sending .*suppresses nobody/);
    // We sent it, but to someone else: Amara is still not suppressed.
    const elsewhere = verifyBounce(
      claim,
      new Map([[claim.references[0] ?? '', 'kofi.mensah@gmail.example']]),
    );
    expect(elsewhere.suppress).toEqual([]);
  });

  it('leaves out the notice’s own sender and recipients and mail-system addresses', () => {
    const notice = 'The following address failed:\n\n  ghost@mail.example\n\nchen@uni.example wrote';
    expect(textFailedRecipients(notice, new Set(['chen@uni.example']))).toEqual(['ghost@mail.example']);
    expect(textFailedRecipients('mailer-daemon@x.example postmaster@x.example', new Set())).toEqual([]);
  });

  it('stops at the returned message: addresses in its headers are not failed recipients', () => {
    const text =
      '<ghost@mail.example>:\n550 no such user\n\n--- Below this line is a copy of the message.\n\n' +
      'From: Dr Chen <chen@uni.example>\nTo: ghost@mail.example\nCc: other@mail.example\n' +
      'Message-ID: <Triage-Reply.AB@uni.example>\n';
    expect(textFailedRecipients(text, new Set())).toEqual(['ghost@mail.example']);
    expect(textMessageIds(text)).toEqual(['<triage-reply.ab@uni.example>']);
  });
});
