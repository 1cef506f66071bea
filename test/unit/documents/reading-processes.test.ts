import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { ExtractionPool, type ExtractionPoolOptions } from '../../../src/documents/extraction-pool.ts';
import { waitFor } from '../../support/wait-for.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import {
  childPids,
  cpuSeconds,
  processAlive,
  watchChildMemory,
} from '../../support/documents/child-memory.ts';
import { inflateBombPdf, nestedFormsPdf } from '../../support/documents/hostile-pdfs.ts';
import { cvWithTricks, TEST_LIMITS } from '../../support/documents/sample-specs.ts';

const PDF = { contentType: 'application/pdf' };
const MEMORY_MB = 256;
// The kernel bound needs prlimit (util-linux) and /proc.
const kernelBound = process.platform === 'linux' && spawnSync('prlimit', ['--version']).status === 0;

const pools: ExtractionPool[] = [];
function openPool(
  config: Partial<ExtractionConfig> = {},
  options: ExtractionPoolOptions = {},
): ExtractionPool {
  const pool = new ExtractionPool({ ...TEST_LIMITS, memoryMb: MEMORY_MB, threads: 1, ...config }, options);
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('reading processes (issue 19: bounds that count all the memory)', () => {
  it.skipIf(!kernelBound)(
    'issue-19: a PDF inflating to 1 GB runs out of memory in its own process, and the next PDF is read',
    async () => {
      const pool = openPool();
      const cv = await buildDocument(cvWithTricks, 'pdf');
      const watch = watchChildMemory();
      const bomb = await pool.extract(inflateBombPdf(1024, 2), { ...PDF, filename: 'bomb.pdf' });
      const next = await pool.extract(cv, { ...PDF, filename: 'cv.pdf' });
      const memory = watch.stop();
      expect(bomb).toMatchObject({ status: 'failed', format: 'pdf', text: '' });
      expect(bomb.reason).toBe(
        `reading ran out of memory (limit ${MEMORY_MB} MB, bound by the kernel's data limit)`,
      );
      expect(next).toMatchObject({ status: 'ok' });
      expect(next.text).toContain('Universität Zürich');
      // Unbounded, reading it took 2.4 GB (3.5 GB in a worker thread). A reading process holds about 150 MB
      // before it reads anything.
      expect(Math.max(...memory.childPeaksMb)).toBeLessThan(MEMORY_MB + 300);
      expect(memory.parentGrowthMb).toBeLessThan(100);
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'issue-19: where the kernel bound cannot be set, an RSS watchdog stops the same PDF',
    async () => {
      const pool = openPool({}, { memoryBound: 'watchdog' });
      const watch = watchChildMemory();
      const bomb = await pool.extract(inflateBombPdf(), { ...PDF, filename: 'bomb.pdf' });
      const memory = watch.stop();
      expect(bomb.reason).toBe(`reading ran out of memory (limit ${MEMORY_MB} MB, bound by an RSS watchdog)`);
      expect(Math.max(...memory.childPeaksMb)).toBeLessThan(MEMORY_MB + 400);
    },
  );

  it('issue-19: nested form XObjects are stopped at the time limit, and the next document is read', async () => {
    const pool = openPool({ timeoutSeconds: 2 });
    const forms = await pool.extract(nestedFormsPdf(), { ...PDF, filename: 'forms.pdf' });
    expect(forms).toMatchObject({ status: 'timeout', reason: 'reading took over 2 s and was stopped' });
    const next = await pool.extract(await buildDocument(cvWithTricks, 'txt'), {
      filename: 'cv.txt',
      contentType: 'text/plain',
    });
    expect(next).toMatchObject({ status: 'ok' });
  });

  it.skipIf(process.platform !== 'linux')('leaves no reading process behind once closed', async () => {
    const pool = openPool({ threads: 2 });
    const cv = await buildDocument(cvWithTricks, 'txt');
    await Promise.all([1, 2].map(() => pool.extract(cv, { filename: 'cv.txt', contentType: 'text/plain' })));
    const children = childPids(process.pid);
    expect(children.length).toBeGreaterThanOrEqual(2);
    await pool.close();
    expect(children.filter(processAlive)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')(
    'a reading process does not outlive a daemon killed with -9, even in the middle of a document',
    async () => {
      const host = spawn(
        process.execPath,
        [new URL('../../support/documents/pool-host.ts', import.meta.url).pathname],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const pid = host.pid ?? 0;
      await new Promise((resolve) => host.stdout.once('data', resolve));
      // Busy in the document (past its start-up), so that only the guard can notice its parent is gone.
      const reader = await waitFor('the reading process, spinning', () =>
        childPids(pid).find((child) => cpuSeconds(child) > 2),
      );
      host.kill('SIGKILL');
      await waitFor('the reading process to end', () => (processAlive(reader) ? undefined : true), 5000);
    },
  );
});
