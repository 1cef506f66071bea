import { describe, expect, it } from 'vitest';
import { parseMessage, type ParseLimits } from '../../../../src/mail/parse-message.ts';
import { describeDocuments } from '../../../../src/stages/ingest/triage-message.ts';
import { buildMail, type MailAttachment } from '../../../support/build-mail.ts';
import { buildOutlookMsg } from '../../../support/build-outlook-msg.ts';
import { buildTnef } from '../../../support/build-tnef.ts';
import {
  outlookWithAbsurdSize,
  outlookWithCycle,
  tnefWithAbsurdCount,
  truncatedTnef,
} from '../../../support/hostile-containers.ts';

const LIMITS: ParseLimits = {
  maxAttachments: 100,
  maxNestingDepth: 3,
  maxUnpackedBytes: 1_000_000,
  maxUnpackSeconds: 10,
};
const CV = {
  filename: 'Curriculum Vitae.pdf',
  content: Buffer.from('%PDF-1.4 CV'),
  mimeType: 'application/pdf',
};
const TRANSCRIPT = { filename: 'Transcript.pdf', content: Buffer.from('%PDF-1.4 transcript') };

async function parse(attachments: MailAttachment[], limits: Partial<ParseLimits> = {}) {
  return parseMessage(await buildMail({ attachments }), { ...LIMITS, ...limits });
}

function listed(parsed: Awaited<ReturnType<typeof parse>>) {
  return parsed.facts.attachments.map((attachment) => [
    [...attachment.within, attachment.filename].join(' › '),
    attachment.container?.status ?? null,
  ]);
}

function winmail(content: Buffer, contentType = 'application/ms-tnef'): MailAttachment {
  return { filename: 'winmail.dat', content, contentType };
}

describe('unpacking containers while parsing', () => {
  it('winmail-dat: each file in it follows it, knowing its container, with its content', async () => {
    const parsed = await parse([winmail(buildTnef([CV, TRANSCRIPT]))]);
    expect(listed(parsed)).toEqual([
      ['winmail.dat', 'unpacked'],
      ['winmail.dat › Curriculum Vitae.pdf', null],
      ['winmail.dat › Transcript.pdf', null],
    ]);
    expect(parsed.contents[1]).toEqual(Buffer.from('%PDF-1.4 CV'));
    expect(parsed.facts.attachments[1]?.contentType).toBe('application/pdf');
    expect(parsed.facts.attachments[2]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('winmail-dat-octet-stream: a TNEF stream is known by its signature whatever its declared type and name', async () => {
    const parsed = await parse([
      { filename: 'att00001.bin', content: buildTnef([CV]), contentType: 'application/octet-stream' },
    ]);
    expect(listed(parsed)).toEqual([
      ['att00001.bin', 'unpacked'],
      ['att00001.bin › Curriculum Vitae.pdf', null],
    ]);
  });

  it('documents: the container is not a document, its files are, with where they came from', async () => {
    const parsed = await parse([winmail(buildTnef([CV]))]);
    const documents = describeDocuments(parsed.facts);
    expect(
      documents.map((document) => [document.within, document.filename, document.kind, document.index]),
    ).toEqual([[['winmail.dat'], 'Curriculum Vitae.pdf', 'cv', 1]]);
    expect(documents[0]?.reading).toBeNull();
  });

  it('outlook-item: a forwarded .msg gives its files, an item inside it its own', async () => {
    const item = buildOutlookMsg({
      subject: 'Fwd: my records',
      body: 'see attached',
      attachments: [
        { ...TRANSCRIPT, mimeType: 'application/pdf' },
        { filename: 'Reference.msg', item: { subject: 'Reference', body: 'attached', attachments: [CV] } },
      ],
    });
    const parsed = await parse([
      { filename: 'Fwd.msg', content: item, contentType: 'application/vnd.ms-outlook' },
    ]);
    expect(listed(parsed)).toEqual([
      ['Fwd.msg', 'unpacked'],
      ['Fwd.msg › Transcript.pdf', null],
      ['Fwd.msg › Reference.msg', 'unpacked'],
      ['Fwd.msg › Reference.msg › Curriculum Vitae.pdf', null],
    ]);
    expect(parsed.contents[3]).toEqual(Buffer.from('%PDF-1.4 CV'));
  });

  it('message-rfc822: an attached message gives its attachments', async () => {
    const inner = await buildMail({
      subject: 'my transcript',
      attachments: [{ filename: 'Transcript.pdf', content: TRANSCRIPT.content }],
    });
    const parsed = await parse([{ filename: 'Fwd.eml', content: inner, contentType: 'message/rfc822' }]);
    expect(listed(parsed)).toEqual([
      ['Fwd.eml', 'unpacked'],
      ['Fwd.eml › Transcript.pdf', null],
    ]);
  });

  it("message-key and bounces: only the message's own parts count as its parts", async () => {
    const parsed = await parse([winmail(buildTnef([CV]))]);
    expect(parsed.facts.attachments.filter((attachment) => attachment.within.length === 0)).toHaveLength(1);
  });
});

describe('limits on unpacking', () => {
  async function nested(levels: number): Promise<Buffer> {
    let raw = await buildMail({ attachments: [{ filename: 'CV.pdf', content: CV.content }] });
    for (let level = levels; level > 1; level -= 1) {
      raw = await buildMail({
        attachments: [{ filename: `level-${level}.eml`, content: raw, contentType: 'message/rfc822' }],
      });
    }
    return raw;
  }

  it('depth: a container nested deeper than maxNestingDepth is kept whole, with the reason', async () => {
    const parsed = await parse(
      [{ filename: 'level-1.eml', content: await nested(5), contentType: 'message/rfc822' }],
      {
        maxNestingDepth: 3,
      },
    );
    expect(listed(parsed)).toEqual([
      ['level-1.eml', 'unpacked'],
      ['level-1.eml › level-2.eml', 'unpacked'],
      ['level-1.eml › level-2.eml › level-3.eml', 'unpacked'],
      ['level-1.eml › level-2.eml › level-3.eml › level-4.eml', 'over-limit'],
    ]);
    const last = parsed.facts.attachments.at(-1)?.container;
    expect(last).toMatchObject({ reason: expect.stringContaining('limits.maxNestingDepth (3)') as unknown });
    const [document] = describeDocuments(parsed.facts);
    expect(document?.filename).toBe('level-4.eml');
    expect(document?.reading?.extraction).toMatchObject({ status: 'too-large' });
  });

  it('depth 0: nothing is unpacked, every container is a document', async () => {
    const parsed = await parse([winmail(buildTnef([CV]))], { maxNestingDepth: 0 });
    expect(listed(parsed)).toEqual([['winmail.dat', 'over-limit']]);
    expect(describeDocuments(parsed.facts).map((document) => document.filename)).toEqual(['winmail.dat']);
  });

  it('bytes: a container whose files pass maxUnpackedBytes stays whole; one that fits is unpacked', async () => {
    const big = { filename: 'Thesis.pdf', content: Buffer.alloc(6000, 0x20) };
    const parsed = await parse(
      [winmail(buildTnef([big])), { ...winmail(buildTnef([CV])), filename: 'winmail2.dat' }],
      {
        maxUnpackedBytes: 5000,
      },
    );
    expect(listed(parsed)).toEqual([
      ['winmail.dat', 'over-limit'],
      ['winmail2.dat', 'unpacked'],
      ['winmail2.dat › Curriculum Vitae.pdf', null],
    ]);
    expect(parsed.facts.attachments[0]?.container).toMatchObject({
      reason: expect.stringContaining('limits.maxUnpackedBytes (5000)') as unknown,
    });
  });

  it('bytes-outlook: an Outlook item whose files pass maxUnpackedBytes stays whole, its files never sent back', async () => {
    const item = buildOutlookMsg({
      subject: 'thesis',
      body: 'attached',
      attachments: [{ filename: 'Thesis.pdf', content: Buffer.alloc(6000, 0x20) }],
    });
    const parsed = await parse(
      [{ filename: 'Fwd.msg', content: item, contentType: 'application/vnd.ms-outlook' }],
      {
        maxUnpackedBytes: 5000,
      },
    );
    expect(listed(parsed)).toEqual([['Fwd.msg', 'over-limit']]);
  });

  it('attachments: files inside containers count towards maxAttachments', async () => {
    const files = [1, 2, 3, 4].map((n) => ({ filename: `file-${n}.pdf`, content: Buffer.from(`%PDF ${n}`) }));
    const parsed = await parse([winmail(buildTnef(files))], { maxAttachments: 3 });
    expect(listed(parsed)).toEqual([['winmail.dat', 'over-limit']]);
    expect(parsed.facts.attachments[0]?.container).toMatchObject({
      reason: expect.stringContaining('limits.maxAttachments (3)') as unknown,
    });
  });
});

describe('damaged and hostile containers: kept whole, marked corrupt, never fatal', () => {
  it('truncated-tnef: corrupt, with the reason, and its document says so', async () => {
    const parsed = await parse([winmail(truncatedTnef())]);
    expect(listed(parsed)).toEqual([['winmail.dat', 'corrupt']]);
    expect(parsed.facts.attachments[0]?.container).toMatchObject({
      reason: expect.stringMatching(/more than the stream holds/) as unknown,
    });
    const [document] = describeDocuments(parsed.facts);
    expect(document?.reading?.extraction).toMatchObject({
      status: 'corrupt',
      reason: expect.stringMatching(/TNEF/) as unknown,
    });
  });

  it('tnef-absurd-count: a count of four billion values is refused before any is read', async () => {
    const parsed = await parse([winmail(tnefWithAbsurdCount())]);
    expect(listed(parsed)).toEqual([['winmail.dat', 'corrupt']]);
  });

  it("outlook-cycle: an item whose sector chain loops is stopped when the message's maxUnpackSeconds run out, and the items after it are not opened", async () => {
    const looping = outlookWithCycle({ subject: 'loop', body: 'loop', attachments: [CV] });
    const fine = buildOutlookMsg({ subject: 'fine', body: 'fine', attachments: [TRANSCRIPT] });
    const started = Date.now();
    const parsed = await parse(
      [
        { filename: 'loop.msg', content: looping, contentType: 'application/vnd.ms-outlook' },
        { filename: 'fine.msg', content: fine, contentType: 'application/vnd.ms-outlook' },
      ],
      { maxUnpackSeconds: 1 },
    );
    expect(Date.now() - started).toBeLessThan(8000);
    expect(listed(parsed)).toEqual([
      ['loop.msg', 'corrupt'],
      ['fine.msg', 'over-limit'],
    ]);
    expect(parsed.facts.attachments[0]?.container).toMatchObject({
      reason: expect.stringMatching(/over 1 s|out of memory/) as unknown,
    });
    expect(parsed.facts.attachments[1]?.container).toMatchObject({
      reason: expect.stringContaining('limits.maxUnpackSeconds (1) are spent') as unknown,
    });
  });

  it('outlook-absurd-size: a stream that claims two gigabytes ends only its reading process, the item kept whole', async () => {
    const item = outlookWithAbsurdSize({ subject: 'big', body: 'big', attachments: [CV] });
    const parsed = await parse([
      { filename: 'big.msg', content: item, contentType: 'application/vnd.ms-outlook' },
    ]);
    expect(listed(parsed)).toEqual([['big.msg', 'corrupt']]);
    expect(parsed.facts.attachments[0]?.container).toMatchObject({
      reason: expect.stringMatching(
        /out of memory|Invalid typed array length|Array buffer allocation failed/,
      ) as unknown,
    });
  });

  it('not-an-outlook-item: a .msg declared as Outlook that is not a compound file is corrupt', async () => {
    const parsed = await parse([
      { filename: 'CV.msg', content: Buffer.from('hello'), contentType: 'application/vnd.ms-outlook' },
    ]);
    expect(listed(parsed)).toEqual([['CV.msg', 'corrupt']]);
  });
});
