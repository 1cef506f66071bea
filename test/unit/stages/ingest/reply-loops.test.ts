import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../src/config/own-addresses.ts';
import { replyKeyFromSecret, replyToken } from '../../../../src/domain/reply-token.ts';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { planIngest } from '../../../../src/stages/ingest/plan-ingest.ts';
import { checkReplyAllowed } from '../../../../src/stages/replies/check-reply-allowed.ts';
import { signReply } from '../../../../src/stages/replies/sign-reply.ts';
import { buildMail } from '../../../support/build-mail.ts';

const EXAMPLE = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const [first, ...rest] = EXAMPLE.mailboxes;
const CONFIG = parseConfig(
  JSON.stringify({
    ...EXAMPLE,
    mailboxes: [{ ...first, aliases: ['phd-office@uni.example'] }, ...rest],
    security: { secret: 'unit-test-secret-0123456789' },
  }),
  {},
  'with aliases and a secret',
);
const KEY = replyKeyFromSecret('unit-test-secret-0123456789');
const OUR_ACK = signReply(
  { text: 'Dear Jane,\n\nthank you for your application.\n\n-- \nDr Chen', html: '<p>Thank you</p>' },
  replyToken(KEY, '<triage-reply.0123456789abcdef01234567@uni.example>'),
);

async function plan(raw: Buffer) {
  return planIngest(await parseMessage(raw, CONFIG.limits), {
    config: CONFIG,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(CONFIG),
    replyKey: KEY,
    thread: null,
    location: { uidValidity: '1', uid: 1 },
    receivedAt: '2026-11-20T09:00:00.000Z',
  });
}

const verdict = async (raw: Buffer) => {
  const { triage, application } = await plan(raw);
  const { kind, rule } = triage.classification;
  return { kind, rule, candidate: application !== null };
};

describe('our own mail and machines are never answered', () => {
  it('own-subaddress: mail from chen+loop@uni.example is our own', async () => {
    expect(await verdict(await buildMail({ from: 'Loop <chen+loop@uni.example>' }))).toEqual({
      kind: 'own',
      rule: 'own-address',
      candidate: false,
    });
  });

  it('own-alias: mail from a configured alias (and its +subaddress) is our own', async () => {
    expect((await verdict(await buildMail({ from: 'phd-office@uni.example' }))).kind).toBe('own');
    expect((await verdict(await buildMail({ from: 'PhD-Office+x@Uni.example' }))).kind).toBe('own');
  });

  it('mailer_daemon: any spelling of mailer-daemon is a bounce sender, never a candidate', async () => {
    expect(await verdict(await buildMail({ from: 'mailer_daemon@mx.example.net' }))).toEqual({
      kind: 'bounce',
      rule: 'system-sender',
      candidate: false,
    });
    expect((await verdict(await buildMail({ from: 'no_reply@portal.example' }))).kind).toBe('auto-reply');
  });

  it('forwarded-own-ack: our acknowledgement forwarded back without its headers is our own (token)', async () => {
    const forwarded = await buildMail({
      from: 'Forwarder <fwd@example.org>',
      subject: 'Fwd: Re: [PHD-robustAI] Application for the PhD position',
      text: `FYI\n\n---------- Forwarded message ---------\nFrom: Dr Chen <chen@uni.example>\n\n${OUR_ACK.text}`,
    });
    expect(await verdict(forwarded)).toEqual({ kind: 'own', rule: 'own-reply-token', candidate: false });
  });

  it('forwarded-own-ack-html: an HTML-only forward carrying the token is our own too', async () => {
    const raw = Buffer.from(
      [
        'From: fwd@example.org',
        'To: chen@uni.example',
        'Subject: [PHD-robustAI] Fwd: application',
        'Message-ID: <html-fwd@example.org>',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        '',
        `<html><body><div>Forwarded:</div>${OUR_ACK.html}</body></html>`,
        '',
      ].join('\r\n'),
    );
    expect((await verdict(raw)).rule).toBe('own-reply-token');
  });

  it('foreign-token: another installation’s acknowledgement (a token our key does not verify) is automatic', async () => {
    const theirs = replyToken(randomBytes(32), '<triage-reply.ffffffffffffffffffffffff@other.example>');
    const raw = await buildMail({
      from: 'Dr Other <other@other-uni.example>',
      text: `Dear applicant,\n\nwe received your application.\n\nRef: ${theirs}\n`,
    });
    expect(await verdict(raw)).toEqual({ kind: 'auto-reply', rule: 'foreign-reply-token', candidate: false });
  });

  it('quoted-ack: an applicant answering our acknowledgement and quoting it is still an application', async () => {
    const quoted = OUR_ACK.text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const raw = await buildMail({
      subject: 'Re: [PHD-robustAI] Application for the PhD position',
      text: `Here is my transcript.\n\nOn Mon, 23 Nov 2026, Dr Chen wrote:\n${quoted}`,
    });
    expect(await verdict(raw)).toEqual({ kind: 'application', rule: 'tag', candidate: true });
  });

  it('the same rules refuse such recipients: own +subaddress, alias, mailer_daemon', () => {
    const own = ownAddresses(CONFIG);
    const refused = (recipient: string) => {
      const permission = checkReplyAllowed(
        { recipient, noReply: null, ownAddresses: own, bounced: false, recentReplies: 0 },
        CONFIG.replies,
      );
      return permission.allowed ? 'allowed' : permission.rule;
    };
    expect(refused('chen+loop@uni.example')).toBe('own-address');
    expect(refused('phd-office+x@uni.example')).toBe('own-address');
    expect(refused('mailer_daemon@mx.example.net')).toBe('system-recipient');
    expect(refused('post_master@mx.example.net')).toBe('system-recipient');
    expect(refused('jane.doe@example.org')).toBe('allowed');
  });
});
