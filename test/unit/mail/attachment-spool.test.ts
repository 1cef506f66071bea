import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpooledContent } from '../../../src/documents/attachment-bytes.ts';
import { AttachmentSpool } from '../../../src/mail/attachment-spool.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { buildMail } from '../../support/build-mail.ts';

const LIMITS = { maxAttachments: 20 };
const FROM_BYTES = 256 * 1024;

let parent = '';
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'spool-unit-'));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function applicationWith(pdf: Buffer): Promise<Buffer> {
  return buildMail({
    attachments: [
      { filename: 'CV.pdf', content: pdf, contentType: 'application/pdf' },
      { filename: 'notes.txt', content: 'Zeugnis folgt.', contentType: 'text/plain' },
    ],
  });
}

describe('the attachment spool', () => {
  it('decodes a large attachment into a private file, the same bytes, size and digest as in memory', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FROM_BYTES * 2 + 7)]);
    const raw = await applicationWith(pdf);
    const spool = await AttachmentSpool.open(parent, FROM_BYTES);
    const scope = spool.scope();
    const spooled = await parseMessage(raw, LIMITS, { spool: scope });
    const inMemory = await parseMessage(raw, LIMITS);
    expect(spooled.facts).toEqual(inMemory.facts);
    expect(spooled.facts.attachments[0]?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const [large, small] = spooled.contents;
    expect(small).toEqual(Buffer.from('Zeugnis folgt.'));
    if (!(large instanceof SpooledContent)) throw new Error('the CV was not spooled');
    expect(large.length).toBe(pdf.length);
    expect(large.head.equals(pdf.subarray(0, large.head.length))).toBe(true);
    expect((await readFile(large.path)).equals(pdf)).toBe(true);
    // Applicants' documents: the directory is the owner's only, and so is the file.
    expect((await stat(spool.dir)).mode & 0o777).toBe(0o700);
    expect((await stat(large.path)).mode & 0o777).toBe(0o600);

    await scope.release();
    expect(await readdir(spool.dir)).toEqual([]);
    await spool.close();
    expect(await readdir(parent)).toEqual([]);
  });

  it('keeps attachments under the threshold in memory, and needs no spool to parse', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FROM_BYTES - 100)]);
    const spool = await AttachmentSpool.open(parent, FROM_BYTES);
    const parsed = await parseMessage(await applicationWith(pdf), LIMITS, { spool: spool.scope() });
    expect(parsed.contents.map((content) => Buffer.isBuffer(content))).toEqual([true, true]);
    expect(await readdir(spool.dir)).toEqual([]);
  });

  it("removes the spools of processes that no longer run, and keeps a running one's", async () => {
    // Past Linux's largest pid_max (2^22): no process has it.
    const dead = join(parent, `applicant-triage-spool-${2 ** 22 + 1}-abc123`);
    await mkdir(dead);
    await writeFile(join(dead, '1-cv'), 'an applicant left behind by kill -9');
    // pid 1 always runs.
    const running = join(parent, 'applicant-triage-spool-1-def456');
    await mkdir(running);
    const unrelated = join(parent, 'something-else');
    await mkdir(unrelated);
    const spool = await AttachmentSpool.open(parent, FROM_BYTES);
    expect((await readdir(parent)).sort()).toEqual(
      [spool.dir.slice(parent.length + 1), 'applicant-triage-spool-1-def456', 'something-else'].sort(),
    );
  });

  it('names workers.spoolDir when its folder cannot be written', async () => {
    const opened = AttachmentSpool.open(join(parent, 'no', 'such', 'folder'), FROM_BYTES);
    await expect(opened).rejects.toThrow(/^workers\.spoolDir: cannot create a spool in .*no\/such\/folder/);
    await expect(opened).rejects.toHaveProperty('code', 'config-invalid');
  });
});
