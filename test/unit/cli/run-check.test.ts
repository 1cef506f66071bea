import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/adapters/redis/reach-redis.ts';
import { configWarnings, readingLine } from '../../../src/cli/run-check.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import type { Config } from '../../../src/config/schema.ts';

describe('redactUrl', () => {
  it.each([
    ['redis://:s3cret@redis.internal:6379', 'redis://:***@redis.internal:6379'],
    ['redis://triage:s3cret@redis.internal:6379/2', 'redis://triage:***@redis.internal:6379/2'],
    ['rediss://triage:p%40ss%3Aword@redis.internal', 'rediss://triage:***@redis.internal'],
  ])('password: %s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it.each([
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://triage@redis.internal:6379', 'redis://triage@redis.internal:6379'],
    ['rediss://redis.internal:6380/1', 'rediss://redis.internal:6380/1'],
  ])('no password: %s is shown unchanged', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('query-password: ioredis reads ?password=, so it is redacted too', () => {
    expect(redactUrl('redis://h:6379?password=s3cret&db=2')).toBe('redis://h:6379?password=***&db=2');
  });

  it('no-scheme: "user:pass@host" (ioredis adds redis://) is redacted', () => {
    expect(redactUrl('default:s3cret@h:6379')).toBe('default:***@h:6379');
  });

  it('the secret never appears in the output', () => {
    expect(redactUrl('redis://user:correct-horse-battery@redis.internal:6379')).not.toContain(
      'correct-horse',
    );
  });

  it('unparseable: returned as given rather than throwing', () => {
    expect(redactUrl('not a url')).toBe('not a url');
  });
});

describe('configWarnings', () => {
  const vacancy = (id: string, deadline?: string) => ({ id, deadline }) as Config['vacancies'][number];
  const now = new Date('2026-12-04T10:00:00Z');

  it('past-deadline: a vacancy whose deadline has passed is a warning, not a failure', () => {
    const lines = configWarnings({ vacancies: [vacancy('robust-ai', '2026-12-02T12:00:00Z')] }, now);
    expect(lines).toEqual([
      {
        ok: true,
        warning: true,
        name: 'vacancy robust-ai',
        detail: 'deadline 2026-12-02T12:00:00Z has passed: every new applicant is told the call has closed',
      },
    ]);
  });

  it('future-or-none: an open call or one without a deadline gives no warning', () => {
    expect(configWarnings({ vacancies: [vacancy('a', '2027-01-01T00:00:00Z'), vacancy('b')] }, now)).toEqual(
      [],
    );
  });

  it('example-config: the shipped example has no deadline that has passed', async () => {
    const config = parseConfig(
      await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
      { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
    );
    expect(configWarnings(config)).toEqual([]);
  });
});

describe('readingLine', () => {
  const extraction = { extraction: { memoryMb: 160, threads: 0 } } as Pick<Config, 'extraction'>;

  it("kernel: one reading process per core, bounded by the kernel's data limit", () => {
    expect(readingLine(extraction, 'kernel', 2)).toEqual({
      ok: true,
      name: 'documents',
      detail:
        "2 reading processes, 160 MB of memory for each document, bounded by the kernel's data limit (prlimit)",
    });
  });

  it('watchdog: without prlimit the line is a warning that names util-linux', () => {
    const line = readingLine(
      { extraction: { memoryMb: 96, threads: 1 } } as Pick<Config, 'extraction'>,
      'watchdog',
      8,
    );
    expect(line).toMatchObject({ ok: true, warning: true, name: 'documents' });
    expect(line.detail).toMatch(/^1 reading process, 96 MB .*prlimit \(util-linux\) was not found/);
  });

  it('heap: without /proc only the heap is bounded, and says so', () => {
    const line = readingLine(extraction, 'heap', 4);
    expect(line.warning).toBe(true);
    expect(line.detail).toMatch(/^4 reading processes, .*only the JavaScript heap/);
  });
});
