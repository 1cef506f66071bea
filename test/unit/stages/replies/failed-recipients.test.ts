import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMessage, type ParsedMessage } from '../../../../src/mail/parse-message.ts';
import { bounceReferences, failedRecipients } from '../../../../src/stages/replies/failed-recipients.ts';

const LIMITS = { maxAttachments: 100 };
const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/mail/', import.meta.url));

async function parseFixture(name: string): Promise<ParsedMessage> {
  return parseMessage(await readFile(new URL(`../../../fixtures/mail/${name}`, import.meta.url)), LIMITS);
}

/** A minimal multipart/report around the given delivery-status text (line endings kept as written). */
function parseReport(status: string, headers = ''): Promise<ParsedMessage> {
  const raw = [
    'From: MAILER-DAEMON@mx.uni.example',
    'To: chen@uni.example',
    'Subject: Delivery Status Notification',
    'MIME-Version: 1.0',
    `${headers}Content-Type: multipart/report; report-type=delivery-status; boundary="b"`,
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Delivery failed.',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    `${status}`,
    '--b--',
    '',
  ].join('\r\n');
  return parseMessage(Buffer.from(raw), LIMITS);
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
    )
    .sort();
}

describe('failedRecipients on fixtures through the real parser', () => {
  const CASES: readonly (readonly [fixture: string, expected: readonly string[]])[] = [
    ['postfix-dsn-failed-and-delayed.eml', ['priya.n@mail.example']],
    ['exchange-ndr.eml', ['l.okafor@partner-uni.example']],
    ['gmail-x-failed-recipients.eml', ['amara.o@gmail.example', 'kofi.mensah@gmail.example']],
    // qmail reports failures only in prose: the address it names before the returned message.
    ['qmail-plain-bounce.eml', ['tomas.k@oldhost.example']],
    [
      'dsn-folded-final-recipient.eml',
      ['maximilian.schoenberg-rutherford@department-of-computing.faculty.example'],
    ],
    ['dsn-missing-blank-lines.eml', ['h.tanaka@lab.appliance.example']],
    ['dsn-global-utf8-recipient.eml', ['jörg.müller@uni-beispiel.example']],
    ['mailer-daemon-dsn.eml', ['nobody@mail.example']],
    ['x-failed-recipients.eml', ['ghost@mail.example']],
    ['read-receipt-mdn.eml', []],
    ['untagged-enquiry.eml', []],
    ['application-exact-tag.eml', []],
  ];

  it.each(CASES)('%s', async (fixture, expected) => {
    expect(failedRecipients(await parseFixture(fixture))).toEqual(expected);
  });
});

describe('failedRecipients on delivery-status edge cases', () => {
  it('only Action: failed counts among failed, delayed, delivered, relayed and expanded', async () => {
    const status = [
      'Reporting-MTA: dns; mx.uni.example',
      '',
      ...['delayed', 'delivered', 'relayed', 'expanded', 'failed'].flatMap((action) => [
        `Final-Recipient: rfc822; ${action}@mail.example`,
        `Action: ${action}`,
        'Status: 5.0.0',
        '',
      ]),
    ].join('\r\n');
    expect(failedRecipients(await parseReport(status))).toEqual(['failed@mail.example']);
  });

  it('falls back to Original-Recipient when Final-Recipient is not an Internet address', async () => {
    const status =
      'Final-Recipient: x400; /G=Jo/S=Bloggs/O=Uni/\nOriginal-Recipient: rfc822;Jo.Bloggs@Uni.example\nAction: failed\n';
    expect(failedRecipients(await parseReport(status))).toEqual(['jo.bloggs@uni.example']);
  });

  it('reads an Original-Recipient without address type in angle brackets', async () => {
    const status = 'Original-Recipient: <abc123@mail.example>\nAction: failed\nRemote-MTA: 192.0.2.9\n';
    expect(failedRecipients(await parseReport(status))).toEqual(['abc123@mail.example']);
  });

  it('reads a DSN with bare CR line endings and lower-case field names', async () => {
    const status =
      'reporting-mta: dns; mx.uni.example\r\rfinal-recipient: RFC822; Cr.Only@Mail.example\raction: Failed\r';
    expect(failedRecipients(await parseReport(status))).toEqual(['cr.only@mail.example']);
  });

  it('ignores a failed recipient that is not a single-@ address', async () => {
    const status = [
      'Final-Recipient: rfc822; jesmund',
      'Action: failed',
      '',
      'Final-Recipient: rfc822; "odd@local"@mail.example',
      'Action: failed',
      '',
      'Final-Recipient: rfc822; <>',
      'Action: failed',
    ].join('\n');
    expect(failedRecipients(await parseReport(status))).toEqual([]);
  });

  it('parses X-Failed-Recipients as an address list, dropping junk and duplicates', async () => {
    const headers =
      'X-Failed-Recipients: Ghost@Mail.example, undisclosed-recipients:;, <>\r\nX-Failed-Recipients: ghost@mail.example\r\n';
    expect(failedRecipients(await parseReport('', headers))).toEqual(['ghost@mail.example']);
  });
});

describe('bounceReferences', () => {
  const CASES: readonly (readonly [fixture: string, expected: readonly string[]])[] = [
    // message/rfc822: the returned reply's Message-ID (lower-cased), not the ids it referenced itself
    ['postfix-dsn-failed-and-delayed.eml', ['<triage-reply.3f9c2a7b1e4d5c6a8b9f0e1d@uni.example>']],
    // text/rfc822-headers with a folded Message-ID, plus the NDR's own In-Reply-To/References: one id
    ['exchange-ndr.eml', ['<triage-reply.5d6e7f8091a2b3c4d5e6f708@uni.example>']],
    // message/rfc822, Gmail's X-Original-Message-ID and In-Reply-To all name the same reply
    ['gmail-x-failed-recipients.eml', ['<triage-reply.9f8e7d6c5b4a39281706f5e4@uni.example>']],
    ['dsn-folded-final-recipient.eml', ['<triage-reply.1b2c3d4e5f60718293a4b5c6@uni.example>']],
    ['dsn-global-utf8-recipient.eml', ['<triage-reply.2c3d4e5f60718293a4b5c6d7@uni.example>']],
    // the returned headers carry no Message-ID
    ['mailer-daemon-dsn.eml', []],
    // qmail quotes the original in the body text: its Message-ID line is read
    ['qmail-plain-bounce.eml', ['<triage-reply.0a1b2c3d4e5f60718293a4b5@uni.example>']],
  ];

  it.each(CASES)('%s', async (fixture, expected) => {
    expect(bounceReferences(await parseFixture(fixture))).toEqual(expected);
  });

  it('brackets a bare Message-ID and keeps ids from several sources in order', async () => {
    const headers =
      'In-Reply-To: <First@uni.example>\r\nReferences: <zero@uni.example> <first@uni.example>\r\n';
    const status =
      'Reporting-MTA: dns; mx\nX-Original-Message-ID: Bare-Id@uni.example\n\nFinal-Recipient: rfc822; a@b.example\nAction: failed\n';
    expect(bounceReferences(await parseReport(status, headers))).toEqual([
      '<bare-id@uni.example>',
      '<first@uni.example>',
      '<zero@uni.example>',
    ]);
  });
});

describe.skipIf(!existsSync(CORPUS))('failedRecipients over the third-party corpus', () => {
  const files = existsSync(CORPUS) ? listFiles(CORPUS) : [];

  it.each(files.map((file) => [file.slice(CORPUS.length), file]))('%s', async (_name, file) => {
    const parsed = await parseMessage(await readFile(file), { maxAttachments: 1000 });
    const failed = failedRecipients(parsed);
    for (const address of failed) expect(address.split('@')).toHaveLength(2);
    for (const id of bounceReferences(parsed)) expect(id).toMatch(/^<[^<>\s]+>$/);
  });

  const KNOWN: readonly (readonly [file: string, expected: readonly string[]])[] = [
    // upper-case `RFC822;` address type
    ['rt/multipart-report', ['jesmund@mailbox.other.example.com']],
    // Action comes before Final-Recipient (Amazon SES)
    ['mailparser/delivery-status.eml', ['xxxx@xxxx.com']],
    // a Gmail delay notice: Action: delayed is not a failure
    ['zammad/mail078.box', []],
    // a delivery-status part inside multipart/mixed, with only an untyped, bracketed Original-Recipient
    ['otobo/EmailParser/FilenameWithCRLF.box', ['abc123@mydomain.somewhere']],
  ];

  it.each(KNOWN)('known bounce %s', async (file, expected) => {
    const parsed = await parseMessage(await readFile(join(CORPUS, file)), LIMITS);
    expect(failedRecipients(parsed)).toEqual(expected);
  });
});
