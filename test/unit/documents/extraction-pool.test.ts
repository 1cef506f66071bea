import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { SpooledContent } from '../../../src/documents/attachment-bytes.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import type { FixtureFormat } from '../../support/documents/document-spec.ts';
import { cvWithTricks, HIDDEN_WORDS, manyPages, TEST_LIMITS } from '../../support/documents/sample-specs.ts';

const CONFIG: ExtractionConfig = { ...TEST_LIMITS, threads: 2 };
const MISBEHAVING = new URL('../../support/documents/misbehaving-worker.ts', import.meta.url);
const PDF = 'application/pdf';

const pools: ExtractionPool[] = [];
function openPool(config: Partial<ExtractionConfig> = {}, workerFile?: URL): ExtractionPool {
  const pool = new ExtractionPool({ ...CONFIG, ...config }, workerFile === undefined ? {} : { workerFile });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('ExtractionPool', () => {
  it('reads as many documents at once as its process count says now, following it when it changes', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'overlap-'));
    let processes = 1;
    const pool = new ExtractionPool(
      { ...CONFIG, threads: 0 },
      { workerFile: MISBEHAVING, processes: () => processes },
    );
    pools.push(pool);
    const hint = { filename: `overlap:${folder}`, contentType: 'text/plain' };
    const alone = await Promise.all([1, 2].map(() => pool.extract(Buffer.from('x'), hint)));
    expect(alone.map((result) => result.text)).toEqual(['alone', 'alone']);
    // Another daemon process left the machine: two at once now.
    processes = 2;
    const together = await Promise.all([1, 2].map(() => pool.extract(Buffer.from('x'), hint)));
    expect(together.map((result) => result.text)).toEqual(['together', 'together']);
    await rm(folder, { recursive: true, force: true });
  });

  it('gives each document its own bytes, whole, one after another in the same process and after one was killed', async () => {
    const pool = openPool({ threads: 1, timeoutSeconds: 2, maxBytes: 64 * 1024 * 1024 }, MISBEHAVING);
    const documents = [20 * 1024 * 1024, 3, 1024 * 1024 + 7].map((size) => randomBytes(size));
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const hint = { filename: 'sha256', contentType: 'application/pdf' };
    const answers = await Promise.all(documents.map((bytes) => pool.extract(bytes, hint)));
    expect(answers.map((answer) => answer.text)).toEqual(documents.map(sha256));
    // A process killed (out of time) after a large document's bytes: the next process gets the next document's.
    const killed = await pool.extract(randomBytes(20 * 1024 * 1024), { ...hint, filename: 'hang' });
    expect(killed.status).toBe('timeout');
    const after = await pool.extract(documents[2] ?? Buffer.alloc(0), hint);
    expect(after.text).toBe(sha256(documents[2] ?? Buffer.alloc(0)));
  });

  it("streams a spooled document's bytes from its file, whole; a file gone fails that document only", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'spooled-'));
    try {
      const pool = openPool({ threads: 1, timeoutSeconds: 5, maxBytes: 64 * 1024 * 1024 }, MISBEHAVING);
      const bytes = randomBytes(3 * 1024 * 1024 + 5);
      const file = path.join(folder, 'cv');
      await writeFile(file, bytes);
      const spooled = new SpooledContent(file, bytes.length, bytes.subarray(0, 1024));
      const hint = { filename: 'sha256', contentType: 'application/pdf' };
      const answer = await pool.extract(spooled, hint);
      expect(answer.text).toBe(createHash('sha256').update(bytes).digest('hex'));
      await unlink(file);
      const gone = await pool.extract(spooled, hint);
      expect(gone.status).toBe('failed');
      const next = await pool.extract(bytes, hint);
      expect(next.text).toBe(answer.text);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('keeps a reading process for many small documents, and replaces it after a large one', async () => {
    const pool = openPool({ threads: 1, maxBytes: 64 * 1024 * 1024 }, MISBEHAVING);
    const hint = { filename: 'pid', contentType: 'application/pdf' };
    const pids = new Set<string>();
    // More than the 50 after which a process used to be replaced whatever it had read.
    for (let document = 0; document < 60; document += 1)
      pids.add((await pool.extract(Buffer.from('%PDF-1.4'), hint)).text);
    expect(pids.size).toBe(1);
    const large = await pool.extract(randomBytes(5 * 1024 * 1024), hint);
    expect(large.text).toBe([...pids][0]);
    // The process that read 5 MB may keep the memory it grew to: the next document goes to a new one.
    const next = (await pool.extract(Buffer.from('%PDF-1.4'), hint)).text;
    expect(next).not.toBe(large.text);
    expect((await pool.extract(Buffer.from('%PDF-1.4'), hint)).text).toBe(next);
  });

  it('reads many documents of every format at once, each getting its own text', async () => {
    const pool = openPool();
    const formats: FixtureFormat[] = ['pdf', 'docx', 'odt', 'rtf', 'html', 'txt'];
    const jobs = Array.from({ length: 24 }, (_, index) => ({
      index,
      format: formats[index % formats.length]!,
    }));
    const results = await Promise.all(
      jobs.map(async ({ index, format }) => {
        const spec = {
          blocks: [{ text: `Applicant number ${index}` }, { text: 'Research interests: robust AI.' }],
        };
        const bytes = await buildDocument(spec, format);
        return pool.extract(bytes, {
          filename: `cv-${index}.${format}`,
          contentType: 'application/octet-stream',
        });
      }),
    );
    results.forEach((result, index) => {
      expect(result.status).toBe('ok');
      // HTML and text fixtures put a blank line between paragraphs.
      expect(result.text.replace(/\n\n/g, '\n')).toBe(
        `Applicant number ${index}\nResearch interests: robust AI.`,
      );
    });
  });

  it('passes how to read to its process: by default hidden text is found, and it need not be', async () => {
    const pool = openPool({ threads: 1 });
    const cv = await buildDocument(cvWithTricks, 'pdf');
    const hint = { filename: 'cv.pdf', contentType: PDF };
    const found = await pool.extract(cv, hint);
    const plain = await pool.extract(cv, hint, { findHiddenText: false });
    expect(found.hiddenText).toContain(HIDDEN_WORDS.white);
    expect(found.text).not.toContain(HIDDEN_WORDS.white);
    expect(plain).toMatchObject({ status: 'ok', hiddenText: '', hiddenReasons: [] });
    expect(plain.text).toContain(HIDDEN_WORDS.white);
  });

  it('stops a document that runs over the time limit, and the pool goes on working', async () => {
    // Two seconds, so that the next document has time to start a fresh thread on a busy machine.
    const pool = openPool({ timeoutSeconds: 2, threads: 1 }, MISBEHAVING);
    const cv = await buildDocument(cvWithTricks, 'pdf');
    const hung = await pool.extract(cv, { filename: 'hang', contentType: PDF });
    expect(hung).toMatchObject({ status: 'timeout', format: 'pdf', text: '' });
    expect(hung.reason).toMatch(/over 2 s/);
    // One thread only: this is read only if the spinning thread was terminated.
    const next = await pool.extract(cv, { filename: 'cv.pdf', contentType: PDF });
    expect(next).toMatchObject({ status: 'ok' });
  });

  it('starts the time limit when a thread takes the document, not while it waits for one', async () => {
    const pool = openPool({ timeoutSeconds: 3, threads: 1 }, MISBEHAVING);
    const cv = await buildDocument(cvWithTricks, 'docx');
    const [hung, waiting] = await Promise.all([
      pool.extract(cv, { filename: 'hang', contentType: 'application/octet-stream' }),
      pool.extract(cv, { filename: 'cv.docx', contentType: 'application/octet-stream' }),
    ]);
    expect(hung.status).toBe('timeout');
    expect(waiting).toMatchObject({ status: 'ok', format: 'docx' });
  });

  it('reports a thread that runs out of memory as failed, and replaces it', async () => {
    const pool = openPool({ memoryMb: 32, threads: 1 }, MISBEHAVING);
    const cv = await buildDocument(cvWithTricks, 'rtf');
    const result = await pool.extract(cv, { filename: 'exhaust-memory', contentType: 'application/rtf' });
    expect(result).toMatchObject({ status: 'failed', format: 'rtf' });
    expect(result.reason).toMatch(/out of memory \(limit 32 MB, bound by /);
    expect(await pool.extract(cv, { filename: 'cv.rtf', contentType: 'application/rtf' })).toMatchObject({
      status: 'ok',
    });
  });

  it('reports a thread that dies as failed, and replaces it', async () => {
    const pool = openPool({ threads: 1 }, MISBEHAVING);
    const cv = await buildDocument(cvWithTricks, 'html');
    const result = await pool.extract(cv, { filename: 'exit', contentType: 'text/html' });
    expect(result).toMatchObject({ status: 'failed', format: 'html' });
    expect(result.reason).toMatch(/crashed/);
    expect(await pool.extract(cv, { filename: 'cv.html', contentType: 'text/html' })).toMatchObject({
      status: 'ok',
    });
  });

  it('keeps the event loop free while a long PDF is read', async () => {
    const pool = openPool({ threads: 1 });
    const pdf = await buildDocument(manyPages(150, 12), 'pdf');
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      const result = await pool.extract(pdf, { filename: 'long.pdf', contentType: PDF });
      expect(result).toMatchObject({ status: 'ok', pages: 150 });
      expect(result.text).toContain('Line 12 of page 150');
    } finally {
      clearInterval(timer);
    }
    // A blocked loop would not have fired at all during the read.
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('refuses a document over maxBytes without starting a thread', async () => {
    const pool = openPool({ maxBytes: 1024 }, MISBEHAVING);
    const result = await pool.extract(Buffer.alloc(4096, 0x20), {
      filename: 'hang',
      contentType: 'text/plain',
    });
    expect(result).toMatchObject({ status: 'too-large', text: '' });
  });

  it('answers failed once closed', async () => {
    const pool = openPool();
    await pool.close();
    const result = await pool.extract(await buildDocument(cvWithTricks, 'txt'), {
      filename: 'cv.txt',
      contentType: 'text/plain',
    });
    expect(result).toMatchObject({ status: 'failed', format: 'text' });
  });
});
