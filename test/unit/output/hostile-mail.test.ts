import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailboxLogins } from '../../../src/adapters/oauth/mailbox-logins.ts';
import { composeReply, ReplyTransports } from '../../../src/adapters/smtp/reply-transport.ts';
import { exportDocuments } from '../../../src/candidates/export-documents.ts';
import { candidatesCsv } from '../../../src/cli/run-candidates.ts';
import { formatExplanation } from '../../../src/cli/format-explanation.ts';
import { printText } from '../../../src/cli/print-text.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { sanitizeFilename } from '../../../src/domain/sanitize-filename.ts';
import { explainMessage } from '../../../src/explain/explain-message.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { digestCsv } from '../../../src/stages/digests/digest-csv.ts';
import { planReply, type PlannedReply } from '../../../src/stages/replies/plan-reply.ts';
import type { ReplyTemplates } from '../../../src/stages/replies/render-reply.ts';
import { loadReplyTemplates } from '../../../src/stages/replies/reply-templates.ts';
import { buildMail, type MailSpec } from '../../support/build-mail.ts';
import { captureLogs } from '../../support/capture-logs.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';
import { candidate, vacancy } from '../stages/digests/digest-fixtures.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const [VACANCY] = CONFIG.vacancies;
const [MAILBOX] = CONFIG.mailboxes;
if (!VACANCY || !MAILBOX) throw new Error('the example configuration has a vacancy and a mailbox');

let templates: ReplyTemplates;
beforeAll(async () => {
  templates = await loadReplyTemplates([fileURLPath('../../../config/templates')]);
});

function fileURLPath(relative: string): string {
  return new URL(relative, import.meta.url).pathname;
}

/** The acknowledgement the daemon would plan for a mail, read through the real parser. */
async function plannedFor(spec: MailSpec): Promise<PlannedReply> {
  const { facts } = await parseMessage(await buildMail(spec), CONFIG.limits);
  const from = facts.from ?? { name: '', address: 'nobody@example.org' };
  return planReply(
    {
      kind: 'acknowledgement',
      candidate: {
        name: from.name,
        email: from.address,
        missing: ['transcript'],
        documents: facts.attachments.map((attachment) => ({
          kind: 'cv',
          filename: attachment.filename ?? '',
        })),
      },
      message: {
        messageId: facts.messageId,
        subject: facts.subject,
        references: facts.references,
        replyTo: facts.replyTo[0] ?? null,
      },
      vacancy: VACANCY!,
      mailbox: MAILBOX!,
      openVacancies: [],
    },
    templates,
  );
}

/** Composes a planned reply as the reply transport does, and reads it back as a mail client would. */
async function sent(planned: PlannedReply) {
  const raw = await composeReply({ ...planned, messageId: '<triage-reply.test@uni.example>' });
  const header = raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
  const longest = Math.max(...header.split('\r\n').map((line) => Buffer.byteLength(line, 'latin1')));
  return { raw, longest, parsed: await simpleParser(raw) };
}

const PDF = { content: '%PDF-1.4 placeholder', contentType: 'application/pdf' };

describe('hostile mail through the real parser, planner and composer', () => {
  it('subject-200000-chars: the reply subject is at most 200 characters and every header line at most 998 octets', async () => {
    const planned = await plannedFor({ subject: `[PHD-robustAI] ${'application '.repeat(16_667)}` });
    expect(planned.subject.length).toBeLessThanOrEqual(200);
    expect(planned.subject).toMatch(/^Re: \[PHD-robustAI\] application .*application…$/);
    const { longest, parsed } = await sent(planned);
    expect(longest).toBeLessThanOrEqual(998);
    expect(parsed.subject).toBe(planned.subject);
  });

  it('subject-200000-chars-utf8: an encoded long subject is folded by nodemailer too', async () => {
    const planned = await plannedFor({ subject: `[PHD-robustAI] ${'заявка '.repeat(30_000)}` });
    const { longest, parsed } = await sent(planned);
    expect(longest).toBeLessThanOrEqual(998);
    expect(parsed.subject).toBe(planned.subject);
  });

  it('bidi-in-display-name: a file-name-like display name is not echoed, in the To header or the greeting', async () => {
    const planned = await plannedFor({
      from: '"Application\u200f\u200e\u061c gnp.exe" <eve@example.org>',
      subject: '[PHD-robustAI] Application\u200f\u200e\u061c gnp.exe',
    });
    expect(planned.to).toEqual({ name: '', address: 'eve@example.org' });
    expect(planned.subject).toBe('Re: your application');
    expect(planned.text).toMatch(/^Dear applicant,\n/);
    const { parsed } = await sent(planned);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { address: 'eve@example.org', name: '' },
    ]);
  });

  it('bidi-in-display-name: direction marks are removed from a real name, which is still echoed', async () => {
    const planned = await plannedFor({ from: '"Jane\u202E Doe\u200B" <jane@example.org>' });
    expect(planned.to.name).toBe('Jane Doe');
    expect(planned.text).toMatch(/^Dear Jane Doe,\n/);
  });

  it.each(['José Núñez', '王小明', 'Nguyễn Thị Minh Khai', "Siobhán O'Brien", 'Anne-Marie Dupont'])(
    'real-name: %s is echoed in the greeting and the To header',
    async (name) => {
      const planned = await plannedFor({
        from: { name, address: 'applicant@example.org' } as unknown as string,
      });
      expect(planned.text).toContain(`Dear ${name},`);
      const { parsed } = await sent(planned);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
        { address: 'applicant@example.org', name },
      ]);
    },
  );

  it("spam-reflection: seven tagged messages with a spammer's text get no echo of it", async () => {
    for (let n = 1; n <= 7; n += 1) {
      const spam = `Win a prize ${n} at http://spam.example`;
      const planned = await plannedFor({
        from: { name: spam, address: `victim${n}@example.org` } as unknown as string,
        subject: `[PHD-robustAI] ${spam}`,
      });
      expect(planned.subject).toBe('Re: your application');
      expect(planned.text).toMatch(/^Dear applicant,\n/);
      expect(planned.to.name).toBe('');
      for (const body of [planned.text, planned.html]) expect(body).not.toMatch(/spam\.example|prize/);
    }
  });

  it('crlf-in-filename: a file name with CR LF stays on its line of the "received" list', async () => {
    const planned = await plannedFor({
      attachments: [{ filename: 'cv.pdf\r\n- transcript: fake.pdf', ...PDF }],
    });
    expect(planned.text).toContain('\n- CV: cv.pdf- transcript: fake.pdf\n');
    expect(planned.text).not.toMatch(/^- transcript/m);
  });

  it('long-message-id: a Message-ID too long to fold is not repeated in In-Reply-To or References', async () => {
    const long = `<${'x'.repeat(2000)}@example.org>`;
    const planned = await plannedFor({ messageId: long, references: [long, '<root@example.org>'] });
    expect(planned.inReplyTo).toBeNull();
    expect(planned.references).toEqual(['<root@example.org>']);
    expect((await sent(planned)).longest).toBeLessThanOrEqual(998);
  });

  it('compose-fuzz: any subject and display name give one To address and no header line over 998 octets', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc
        .array(
          fc.constantFrom('\r\n', '\u202E', '\u200B', '\u001b[2J', ',', '<', '>', '"', '@', 'é', '王', 'a '),
          {
            maxLength: 200,
          },
        )
        .map((parts) => parts.join('')),
      fc.constantFrom('a'.repeat(5000), 'é'.repeat(3000), 'Re: '.repeat(500)),
    );
    await fc.assert(
      fc.asyncProperty(text, text, async (subject, name) => {
        const planned = await plannedFor({
          from: { name, address: 'jane@example.org' } as unknown as string,
          subject,
        });
        const { longest, parsed } = await sent(planned);
        expect(longest).toBeLessThanOrEqual(998);
        const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
        expect(to).toHaveLength(1);
        expect(to[0]?.address).toBe('jane@example.org');
      }),
      { numRuns: 40 },
    );
  });
});

describe('escape-in-sender-name: explain', () => {
  it('prints no escape sequence, control or direction override to the terminal; JSON stays valid', async () => {
    const raw = await buildMail({ from: '"Jane\u001b]0;pwned\u0007 Doe\u001b[2J\u202E" <jane@example.org>' });
    const explanation = await explainMessage(await parseMessage(raw, CONFIG.limits), {
      config: CONFIG,
      mailboxId: MAILBOX.id,
      templates: await loadReplyTemplatesFor(),
      reader: null,
      history: null,
      guards: null,
      sent: null,
    });
    let printed = '';
    const terminal = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        printed += chunk.toString();
        callback();
      },
    });
    printText(formatExplanation(explanation), terminal);
    // The name as another source (a CV's text, a stored record) could carry it, ESC and BEL included.
    const hostile = {
      ...explanation,
      applicant: { name: 'Jane\u001b]0;pwned\u0007 Doe\u001b[2J\u202E', email: 'jane@example.org' },
    };
    printText(formatExplanation(hostile), terminal);
    expect(printed).toContain('applicant:      Jane Doe <jane@example.org>');
    expect(printed).not.toContain('pwned\n');
    expect(printed.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(JSON.parse(JSON.stringify(explanation)));
  });
});

async function loadReplyTemplatesFor() {
  const { loadVacancyTemplates } = await import('../../../src/stages/replies/load-vacancy-templates.ts');
  return loadVacancyTemplates(CONFIG);
}

describe('fullwidth-equals-csv', () => {
  it('the digest CSV defuses a full-width = in a name', () => {
    const csv = digestCsv(
      vacancy('robust-ai', [], [candidate('c1', { name: '＝HYPERLINK("http://x.example")' })]),
      {
        degree: 3,
        publications: 2,
        keywords: 1,
      },
    );
    expect(csv?.content).toContain(`,"'＝HYPERLINK(""http://x.example"")",`);
  });

  it('candidates --csv defuses a full-width = in a name (spaces before it trimmed)', () => {
    const record = {
      ...candidateRecord(
        [messageRecord('<m@example.org>', '2026-11-23T09:00:00.000Z')],
        [documentRecord('cv', '<m@example.org>')],
        [],
      ),
    };
    const csv = candidatesCsv(CONFIG, [VACANCY.id], [{ ...record, vacancy: VACANCY.id, name: '  ＝1+1' }]);
    expect(csv).toContain(",'＝1+1,");
  });
});

describe('same-long-utf8-name: export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'triage-export-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('two different contents with the same 300-byte UTF-8 name export to two files, each with its digest', async () => {
    const filename = `${'履歴書'.repeat(33)}.pdf`;
    expect(Buffer.byteLength(filename)).toBeGreaterThan(300);
    const safeName = sanitizeFilename(filename);
    const documents = ['a'.repeat(64), 'b'.repeat(64)].map((sha256, index) => ({
      index,
      filename,
      safeName,
      within: [],
      kind: 'cv' as const,
      contentType: 'application/pdf',
      size: 1,
      sha256,
      reading: null,
    }));
    await exportDocuments(dir, 'robust-ai-c0ffee', documents, [Buffer.from('one'), Buffer.from('two')]);
    const files = (await readdir(path.join(dir, 'robust-ai-c0ffee'))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-aaaaaaaa\.pdf$/);
    expect(files[1]).toMatch(/-bbbbbbbb\.pdf$/);
    for (const file of files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
  });
});

describe('smtp-refusal-with-address: logs', () => {
  it("a server's refusal quoting the applicant is recorded and logged without the address or name", async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(
          Object.assign(
            new Error(`5.1.1 <${address.address}>: Recipient rejected ("Jane Doe" <${address.address}>)`),
            {
              responseCode: 550,
            },
          ),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as { port: number };
    try {
      const [mailbox] = CONFIG.mailboxes;
      if (mailbox === undefined) throw new Error('the example configuration has no mailbox');
      const transports = new ReplyTransports(
        [
          {
            ...mailbox,
            id: 'chen',
            smtp: { host: '127.0.0.1', port, secure: false, allowSelfSigned: true },
          },
        ],
        new MailboxLogins(null),
      );
      const outcome = await transports.send(
        { id: 'chen', address: 'chen@uni.example' },
        'jane.doe@example.org',
        Buffer.from('Subject: x\r\n\r\nx\r\n'),
        () => Promise.resolve(true),
      );
      expect(outcome.status).toBe('failed');
      if (outcome.status !== 'failed') return;
      expect(outcome.outcome).toBe('permanent');
      expect(outcome.detail).toContain('<redacted>');
      const logs = captureLogs('info');
      logs.logger.warn({ err: outcome.cause, reason: `refused: ${outcome.detail}` }, 'reply refused');
      logs.logger.error({ err: outcome.cause, detail: String((outcome.cause as Error).message) }, 'raw');
      const written = JSON.stringify(logs.lines);
      expect(written).not.toContain('jane.doe@example.org');
      expect(written).not.toContain('Jane Doe');
      expect(written).toContain('<redacted>');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
